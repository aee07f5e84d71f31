// The navigation stack of screens: push, open by id, back, home.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "kiosk/app/screen.h"

namespace eric {

// The bottom of the stack is the home screen and stays there. A screen may call back() or
// open() from inside its own draw(): screens taken off the stack are kept alive until
// collect() at the end of the frame, so nothing is destroyed while it runs.
class Navigator {
 public:
  explicit Navigator(const ScreenRegistry& registry) : registry_(registry) {}

  // Empties the stack and puts the screen with this id at its bottom ("home").
  bool reset_to(std::string_view root_id);
  void push(std::unique_ptr<Screen> screen);
  // Creates the screen through the registry and pushes it; false when the id is unknown.
  bool open(std::string_view id, ScreenArgs args = {});
  // One screen back; does nothing on the home screen.
  void back();
  // Back to the bottom of the stack.
  void home();

  Screen* top() const { return stack_.empty() ? nullptr : stack_.back().get(); }
  size_t depth() const { return stack_.size(); }
  bool at_home() const { return stack_.size() <= 1; }
  // Increases with every change: the shell resets per-screen state (scroll) when it moves.
  unsigned generation() const { return generation_; }
  // Destroys the screens taken off the stack; the shell calls it between frames.
  void collect() { retired_.clear(); }
  std::vector<std::string_view> ids() const;  // bottom to top, for tests and logs
  // Some screen on the stack holds what the visitor typed about themselves.
  bool holds_personal_data() const;

 private:
  const ScreenRegistry& registry_;
  std::vector<std::unique_ptr<Screen>> stack_;
  std::vector<std::unique_ptr<Screen>> retired_;
  unsigned generation_ = 0;
};

}  // namespace eric
