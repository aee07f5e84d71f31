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
}  // namespace

bool make_qr(std::string_view text, QrMatrix& out) {
  if (text.empty() || text.size() > 2000) return false;  // a visitor's phone reads short codes
  // encodeData = 8-bit mode over the raw bytes: UTF-8 goes through untouched.
  std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
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
