// QR codes: encoding with libqrencode, drawing as squares with a white quiet zone.
#include "kiosk/ui/qr_view.h"

#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "kiosk/ui/widgets.h"
#include "kiosk/ui/widgets_internal.h"

namespace eric::ui {

namespace {
struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};
struct QrInputFree {
  void operator()(QRinput* in) const { QRinput_free(in); }
};

// ECI 26 is UTF-8. Without it a reader assumes ISO-8859-1 and a phone shows "MaÃ§onnerie".
constexpr unsigned kEciUtf8 = 26;

bool has_non_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// 8-bit mode over the raw bytes, announced as UTF-8 (ECI) when some byte is not ASCII; plain
// ASCII keeps the shortest code, which every reader takes.
QRcode* encode(std::string_view text) {
  std::unique_ptr<QRinput, QrInputFree> input(QRinput_new2(0, QR_ECLEVEL_M));
  if (!input) return nullptr;
  if (has_non_ascii(text) && QRinput_appendECIheader(input.get(), kEciUtf8) != 0) return nullptr;
  if (QRinput_append(input.get(), QR_MODE_8, static_cast<int>(text.size()),
                     reinterpret_cast<const unsigned char*>(text.data())) != 0)
    return nullptr;
  return QRcode_encodeInput(input.get());
}
}  // namespace

bool make_qr(std::string_view text, QrMatrix& out) {
  if (text.empty() || text.size() > 2000) return false;  // a visitor's phone reads short codes
  std::unique_ptr<QRcode, QrFree> code(encode(text));
  if (!code || code->width <= 0) return false;
  QrMatrix m;
  m.size = code->width;
  m.dark.resize(static_cast<size_t>(m.size) * static_cast<size_t>(m.size));
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) ? 1 : 0;
  m.text = std::string(text);
  out = std::move(m);
  return true;
}

float qr_module_px(const Ui& ui) { return std::max(8.0f, std::round(10.0f * ui.scale)); }

float qr_side_px(const QrMatrix& qr, float module_px) {
  return (qr.size + 2 * kQrQuietModules) * module_px;
}

void draw_qr(Ui& ui, const QrMatrix& qr, float module_px) {
  const float m = std::round(std::max(1.0f, module_px));  // whole pixels: crisp edges scan best
  const float side = qr_side_px(qr, m);
  const ImVec2 pos(std::round(ImGui::GetCursorScreenPos().x),
                   std::round(ImGui::GetCursorScreenPos().y));
  const ImRect bb(pos, ImVec2(pos.x + side, pos.y + side));
  ImGui::ItemSize(bb);
  if (!ImGui::ItemAdd(bb, 0) || qr.size <= 0) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // A phone reads the code as it was made, never mirrored.
  const KeepWhole as_made(ui, dl);
  dl->AddRectFilled(bb.Min, bb.Max, IM_COL32(255, 255, 255, 255));
  const ImU32 dark = IM_COL32(0, 0, 0, 255);
  const float origin_x = pos.x + kQrQuietModules * m;
  const float origin_y = pos.y + kQrQuietModules * m;
  for (int y = 0; y < qr.size; ++y) {
    // Runs of dark modules as one rectangle: fewer vertices, no seams between squares.
    int x = 0;
    while (x < qr.size) {
      if (!qr.at(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < qr.size && qr.at(end, y)) ++end;
      dl->AddRectFilled(ImVec2(origin_x + x * m, origin_y + y * m),
                        ImVec2(origin_x + end * m, origin_y + (y + 1) * m), dark);
      x = end;
    }
  }
  detail::record(ui, ProbeKind::Text, "[QR] " + qr.text, bb, false);
}

}  // namespace eric::ui
