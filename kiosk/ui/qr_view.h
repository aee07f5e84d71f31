// QR codes (libqrencode) drawn as squares on the ImGui draw list, to take a result away.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eric::ui {

struct Ui;

struct QrMatrix {
  int size = 0;                // modules per side, without the quiet zone
  std::vector<uint8_t> dark;   // size * size, row-major, 1 = dark module
  std::string text;            // what it encodes (recorded in the probe)
  bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)] != 0; }
};

inline constexpr int kQrQuietModules = 4;

// ECC level M, 8-bit mode, the UTF-8 bytes of text. False (out untouched) if it cannot encode.
bool make_qr(std::string_view text, QrMatrix& out);
// Module side for the current display: at least 8 px at 1080 p.
float qr_module_px(const Ui& ui);
// Side of the drawn square, quiet zone included.
float qr_side_px(const QrMatrix& qr, float module_px);
// Draws the code at the cursor (white square with a 4-module quiet zone) and advances layout.
void draw_qr(Ui& ui, const QrMatrix& qr, float module_px);

}  // namespace eric::ui
