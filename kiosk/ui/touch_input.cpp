// Touch adapter (see touch_input.h): one press or release per frame, then the pointer leaves.
#include "kiosk/ui/touch_input.h"

#include <SDL.h>
#include <imgui.h>

#include <cfloat>

namespace eric::ui {

bool TouchInput::apply(ImGuiIO& io, int64_t now_ms) {
  io.MouseDragThreshold = drag_threshold;
  bool changed = false;
  tap_ended_ = false;
  if (hide_next_frame_) {
    hide_next_frame_ = false;
    if (queue_.empty() || queue_.front().action != PointerAction::Down) {
      hidden_ = true;
      changed = true;
    }
  }
  // Moves are applied freely; a press or a release ends this frame's share of the queue so
  // that ImGui sees every transition in a frame of its own.
  while (!queue_.empty()) {
    const PointerEvent e = queue_.front();
    if (swallowing_) {  // the rest of a dropped press never reaches ImGui
      queue_.pop_front();
      if (e.action == PointerAction::Up) swallowing_ = false;
      continue;
    }
    if (e.action == PointerAction::Down && !down_ && holding(now_ms)) {
      queue_.pop_front();
      swallowing_ = true;
      ++dropped_;
      continue;
    }
    if (e.action == PointerAction::Move) {
      queue_.pop_front();
      if (!down_) continue;  // no hover on a touch screen
      x_ = e.x;
      y_ = e.y;
      const float dx = x_ - press_x_, dy = y_ - press_y_;
      if (dx * dx + dy * dy > drag_threshold * drag_threshold) dragging_ = true;
      changed = true;
      continue;
    }
    if (e.action == PointerAction::Down) {
      queue_.pop_front();
      if (down_) {  // a second press without release: treat it as a move
        x_ = e.x;
        y_ = e.y;
        continue;
      }
      down_ = true;
      dragging_ = false;
      hidden_ = false;
      x_ = press_x_ = e.x;
      y_ = press_y_ = e.y;
      changed = true;
      break;
    }
    // Release.
    queue_.pop_front();
    if (!down_) continue;
    down_ = false;
    tap_ended_ = !dragging_;
    x_ = e.x;
    y_ = e.y;
    hide_next_frame_ = true;
    changed = true;
    break;
  }
  io.MousePos = hidden_ ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(x_, y_);
  io.MouseDown[0] = down_;
  return changed;
}

bool pointer_from_sdl(const SDL_Event& e, float output_w, float output_h, float scale_x,
                      float scale_y, SdlPointerState& state, PointerEvent& out) {
  switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return false;
      out.action = e.type == SDL_MOUSEBUTTONDOWN ? PointerAction::Down : PointerAction::Up;
      out.x = static_cast<float>(e.button.x) * scale_x;
      out.y = static_cast<float>(e.button.y) * scale_y;
      return true;
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID) return false;
      out.action = PointerAction::Move;
      out.x = static_cast<float>(e.motion.x) * scale_x;
      out.y = static_cast<float>(e.motion.y) * scale_y;
      return true;
    case SDL_FINGERDOWN:
      if (state.finger != -1) return false;  // a second finger: ignored
      state.finger = e.tfinger.fingerId;
      out.action = PointerAction::Down;
      break;
    case SDL_FINGERMOTION:
      if (e.tfinger.fingerId != state.finger) return false;
      out.action = PointerAction::Move;
      break;
    case SDL_FINGERUP:
      if (e.tfinger.fingerId != state.finger) return false;
      state.finger = -1;
      out.action = PointerAction::Up;
      break;
    default:
      return false;
  }
  out.x = e.tfinger.x * output_w;
  out.y = e.tfinger.y * output_h;
  return true;
}

}  // namespace eric::ui
