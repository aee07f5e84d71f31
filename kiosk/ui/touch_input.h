// Touch adapter between SDL pointer events and Dear ImGui 1.86, which samples one mouse state per frame.
#pragma once

#include <cstdint>
#include <deque>

union SDL_Event;
struct ImGuiIO;

namespace eric::ui {

enum class PointerAction { Down, Move, Up };

// One pointer event in output pixels (the same space as io.DisplaySize).
struct PointerEvent {
  PointerAction action = PointerAction::Move;
  float x = 0, y = 0;
};

// ImGui 1.86 reads io.MouseDown once per frame, so a finger that touches and lifts between two
// frames would be lost. The adapter queues events and applies at most one press or release per
// frame: the press in one frame, the release in a later one. One frame after the release the
// pointer leaves the screen (-FLT_MAX) so nothing stays "hovered" (ocornut/imgui#2074, #1470).
// Moves while no finger is down are ignored: a touch screen has no hover.
// The script runner pushes its synthetic touches here too, so the real path is what is tested.
class TouchInput {
 public:
  void push(const PointerEvent& e) { queue_.push_back(e); }
  void tap(float x, float y) {
    push({PointerAction::Down, x, y});
    push({PointerAction::Up, x, y});
  }

  // Call once per frame before ImGui::NewFrame(): writes MousePos, MouseDown[0] and the drag
  // threshold into io. Returns true when it changed something (the loop should keep drawing).
  // now_ms: the UI's own time (frame steps), which hold_presses_until() is measured in.
  bool apply(ImGuiIO& io, int64_t now_ms = 0);

  // A tap acts on the screen it was made on: once a tap has changed what the screen shows,
  // a press that lands before until_ms was aimed at the old screen (the second half of a
  // double tap, a finger that bounces). Such a press is dropped whole: press, moves, release.
  void hold_presses_until(int64_t until_ms) { hold_until_ms_ = until_ms; }
  bool holding(int64_t now_ms) const { return now_ms < hold_until_ms_; }
  // Presses dropped so far (tests, and the log of a terminal whose screen bounces).
  int dropped_presses() const { return dropped_; }

  // True while events wait in the queue or the pointer still has to leave the screen.
  bool pending() const { return !queue_.empty() || hide_next_frame_; }
  bool is_down() const { return down_; }
  // True on the frame whose apply() released a finger that had not dragged: a tap ended
  // there (ImGui's buttons act on that release).
  bool tap_ended() const { return tap_ended_; }
  float last_x() const { return x_; }
  float last_y() const { return y_; }
  // True once the finger moved farther than the drag threshold since it touched.
  bool is_drag() const { return dragging_; }

  // Movement (pixels) beyond which a touch is a drag, not a tap; about 1.5 % of the height.
  float drag_threshold = 16.0f;

 private:
  std::deque<PointerEvent> queue_;
  int64_t hold_until_ms_ = 0;
  int dropped_ = 0;
  bool swallowing_ = false;
  bool tap_ended_ = false;  // a dropped press: its moves and release are dropped too
  bool down_ = false;
  bool dragging_ = false;
  bool hide_next_frame_ = false;
  bool hidden_ = true;
  float x_ = 0, y_ = 0;
  float press_x_ = 0, press_y_ = 0;
};

// Translates an SDL mouse or finger event into a pointer event in output pixels. Mouse events
// that SDL synthesizes from touches are dropped (the finger events are used), and only the
// first finger counts. `scale_x/y` convert window coordinates into output pixels (high DPI);
// finger coordinates are normalized and use the output size. Returns false for other events.
struct SdlPointerState {
  int64_t finger = -1;  // SDL_FingerID of the finger being followed, -1 when none
};
bool pointer_from_sdl(const SDL_Event& e, float output_w, float output_h, float scale_x,
                      float scale_y, SdlPointerState& state, PointerEvent& out);

}  // namespace eric::ui
