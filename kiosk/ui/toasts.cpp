// Transient messages: one at a time, shown until the caller's clock passes their deadline.
#include "kiosk/ui/toasts.h"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/widgets.h"
#include "kiosk/ui/widgets_internal.h"

namespace eric::ui {

void Toasts::show(std::string text, int64_t now_ms, int64_t duration_ms, ToastKind kind) {
  current_ = Toast{std::move(text), kind, now_ms + std::max<int64_t>(0, duration_ms)};
}

const Toast* Toasts::visible(int64_t now_ms) const {
  if (!current_ || now_ms >= current_->until_ms) return nullptr;
  return &*current_;
}

int64_t Toasts::next_deadline_ms(int64_t now_ms) const {
  const Toast* t = visible(now_ms);
  return t ? t->until_ms : std::numeric_limits<int64_t>::max();
}

void draw_toasts(Ui& ui, int64_t now_ms) {
  const Toast* toast = ui.toasts.visible(now_ms);
  if (!toast) return;
  const ImGuiIO& io = ImGui::GetIO();
  const Theme& t = ui.theme;
  const float e = em(ui);
  const float max_w = std::min(io.DisplaySize.x - 4 * e, 40.0f * e);
  const ImVec2 ts = detail::measure(ui, FontRole::BodyBold, toast->text, max_w);
  const float pad = 0.8f * e;
  const float w = ts.x + 2 * pad;
  const float h = std::max(target_height(ui), ts.y + 2 * pad);
  // Above the footer, so the footer's tools stay reachable.
  const ImVec2 pos(std::round((io.DisplaySize.x - w) * 0.5f),
                   io.DisplaySize.y - footer_max_height(ui) - h - e);
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(ImVec2(w, h));
  ImGui::Begin("##toast", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs);
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImRect bb(pos, ImVec2(pos.x + w, pos.y + h));
  const Color bg = toast->kind == ToastKind::Error ? t.error
                   : toast->kind == ToastKind::Success ? t.success
                                                       : t.text;
  dl->AddRectFilled(bb.Min, bb.Max, detail::col(bg), 0.4f * e);
  ui.probe.enter_overlay();
  detail::draw_text(ui, FontRole::BodyBold,
                    ImVec2(pos.x + pad, std::round(pos.y + (h - ts.y) * 0.5f)), t.on_primary,
                    toast->text, max_w);
  ui.probe.leave_overlay();
  ImGui::End();
}

}  // namespace eric::ui
