// Drag-to-scroll lists with inertia (1.86 has none: ocornut/imgui#3379, #2675), virtualized.
#include "kiosk/ui/scroll_list.h"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

#include "kiosk/ui/ui.h"

namespace eric::ui {

namespace {
// Inertia: velocity decays by exp(-kFriction * t); below kStopSpeed (px/s at 1080 p) it stops.
constexpr float kFriction = 4.0f;
constexpr float kStopSpeed = 20.0f;
// Weight of the newest frame in the velocity estimate while dragging.
constexpr float kVelocitySmoothing = 0.6f;
}  // namespace

bool scroll_animating(const ScrollState& s) { return s.dragging || s.velocity != 0.0f; }

bool any_scroll_animating(const Ui& ui) {
  return std::any_of(ui.scroll.begin(), ui.scroll.end(),
                     [](const auto& kv) { return scroll_animating(kv.second); });
}

void reset_scroll(Ui& ui, std::string_view id) {
  auto it = ui.scroll.find(id);
  if (it != ui.scroll.end()) it->second = ScrollState{};
}

ScrollList::ScrollList(Ui& ui, std::string_view id, ImVec2 size, int count, float row_height,
                       float gap, RailRoom room)
    : ui_(ui), row_height_(std::max(1.0f, row_height)), gap_(std::max(0.0f, gap)) {
  auto it = ui.scroll.find(id);
  if (it == ui.scroll.end()) it = ui.scroll.emplace(std::string(id), ScrollState{}).first;
  state_ = &it->second;
  ScrollState& s = *state_;

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = avail.x;
  if (size.y <= 0) size.y = avail.y;
  rect_min_ = ImGui::GetCursorScreenPos();
  rect_max_ = ImVec2(rect_min_.x + size.x, rect_min_.y + size.y);
  const ImRect rect(rect_min_, rect_max_);
  ImGui::ItemSize(rect);
  ImGui::ItemAdd(rect, 0);

  const float pitch = row_height_ + gap_;
  const float content = count > 0 ? count * pitch - gap_ : 0.0f;
  s.max_offset = std::max(0.0f, content - size.y);

  // The gesture: a press inside the list; beyond the tap slop it becomes a drag that scrolls.
  const ImGuiIO& io = ImGui::GetIO();
  const float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60.0f;
  const bool hovered_window = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (io.MouseClicked[0] && hovered_window && input_allowed(ui) &&
      rect.Contains(io.MouseClickedPos[0])) {
    s.pressed = true;
    s.dragging = false;
    s.velocity = 0;  // a finger on a moving list stops it
  }
  if (s.pressed && io.MouseDown[0]) {
    const float slop = tap_slop(ui);
    if (!s.dragging && io.MouseDragMaxDistanceSqr[0] > slop * slop) s.dragging = true;
    if (s.dragging) {
      const float dy = io.MouseDelta.y;
      s.offset -= dy;
      const float v = -dy / dt;
      s.velocity = kVelocitySmoothing * v + (1 - kVelocitySmoothing) * s.velocity;
    }
  } else if (s.pressed) {  // released
    s.pressed = false;
    if (!s.dragging) s.velocity = 0;
    s.dragging = false;
  } else if (s.velocity != 0) {
    s.offset += s.velocity * dt;
    s.velocity *= std::exp(-kFriction * dt);
    if (std::fabs(s.velocity) < kStopSpeed * ui.scale) s.velocity = 0;
  }
  // A mouse wheel (staff on a desktop) scrolls too.
  if (io.MouseWheel != 0 && ImGui::IsMouseHoveringRect(rect_min_, rect_max_) && input_allowed(ui))
    s.offset -= io.MouseWheel * pitch;
  if (s.offset < 0 || s.offset > s.max_offset) {
    s.offset = std::clamp(s.offset, 0.0f, s.max_offset);
    if (!s.dragging) s.velocity = 0;  // stop at the ends
  }

  // Rows overlapping the view; the others are neither drawn nor recorded.
  first_ = std::clamp(static_cast<int>(std::floor(s.offset / pitch)), 0, std::max(0, count));
  last_ = std::clamp(static_cast<int>(std::ceil((s.offset + size.y) / pitch)), first_, count);

  // What the rows draw ends before the rail's strip: rows sized by the available width (a
  // card, a wrapped text) as much as those sized by row_width().
  right_ = rect_max_.x;
  if (s.max_offset > 0 || room == RailRoom::Always) right_ -= scroll_rail_room(ui);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  work_right_ = window->WorkRect.Max.x;
  content_right_ = window->ContentRegionRect.Max.x;
  window->WorkRect.Max.x = std::min(work_right_, right_);
  window->ContentRegionRect.Max.x = std::min(content_right_, right_);

  ImGui::PushID(id.data(), id.data() + id.size());
  ImGui::PushClipRect(rect_min_, rect_max_, true);
  ui.probe.enter_scroll();
  // Where a swipe moves this list: its part in view, when there is more than the view holds.
  if (s.max_offset > 0 && input_allowed(ui)) {
    const ImRect shown = ImGui::GetCurrentWindow()->ClipRect;
    if (shown.GetWidth() > 0 && shown.GetHeight() > 0)
      ui.probe.scrolls_here({shown.Min.x, shown.Min.y, shown.GetWidth(), shown.GetHeight()});
  }
}

float scroll_rail_room(const Ui& ui) { return std::max(4.0f, px(ui, 8)) + px(ui, 8); }

float list_row_width(const Ui& ui, float list_width) {
  return list_width - scroll_rail_room(ui);
}

void ScrollList::place(int index) {
  if (id_pushed_) ImGui::PopID();
  ImGui::PushID(index);
  id_pushed_ = true;
  const float y = rect_min_.y + index * (row_height_ + gap_) - state_->offset;
  ImGui::SetCursorScreenPos(ImVec2(rect_min_.x, std::round(y)));
}

bool ScrollList::animating() const { return scroll_animating(*state_); }

namespace {

// A list longer than its view says so: a rail with a thumb at its outer edge, as long as the
// part in view and where it is. Drawn over the rows, never taking a tap: the whole list
// scrolls under a finger anyway. Right to left, the mirrored frame puts it on the left, the
// side where the lines end (drawn on the left here, the mirror had put it over the start of
// every Arabic line).
void draw_scroll_indicator(const Ui& ui, const ScrollState& s, ImVec2 min, ImVec2 max) {
  if (s.max_offset <= 0) return;
  const float view = max.y - min.y;
  const float content = view + s.max_offset;
  const float w = std::max(4.0f, px(ui, 8));
  const float x = max.x - w;
  const float thumb_h = std::max(view * view / content, 2 * w);
  const float thumb_y = min.y + (view - thumb_h) * std::clamp(s.offset / s.max_offset, 0.0f, 1.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(x, min.y), ImVec2(x + w, max.y),
                    to_u32(with_alpha(ui.theme.card_border, 160)), w * 0.5f);
  dl->AddRectFilled(ImVec2(x, thumb_y), ImVec2(x + w, thumb_y + thumb_h),
                    to_u32(ui.theme.text_secondary), w * 0.5f);
}

}  // namespace

ScrollList::~ScrollList() {
  if (id_pushed_) ImGui::PopID();
  ui_.probe.leave_scroll();
  draw_scroll_indicator(ui_, *state_, rect_min_, rect_max_);
  ImGui::PopClipRect();
  ImGui::PopID();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->WorkRect.Max.x = work_right_;
  window->ContentRegionRect.Max.x = content_right_;
  // Layout continues below the list, whatever the rows did with the cursor.
  ImGui::SetCursorScreenPos(ImVec2(rect_min_.x, rect_max_.y));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace eric::ui
