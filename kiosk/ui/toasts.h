// Transient messages at the bottom of the screen; their time comes from the caller's clock.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace eric::ui {

struct Ui;

enum class ToastKind { Info, Success, Error };

struct Toast {
  std::string text;
  ToastKind kind = ToastKind::Info;
  int64_t until_ms = 0;  // clock time at which it disappears
};

// One message at a time: a new one replaces the old (a visitor reads one sentence, not a
// stack). No internal clock: every call passes the time of the kiosk's Clock.
class Toasts {
 public:
  static constexpr int64_t kDefaultMs = 4000;

  void show(std::string text, int64_t now_ms, int64_t duration_ms = kDefaultMs,
            ToastKind kind = ToastKind::Info);
  void clear() { current_.reset(); }
  // The message visible at now_ms, or nullptr.
  const Toast* visible(int64_t now_ms) const;
  // When the loop must wake to take the toast away (INT64_MAX when nothing shows).
  int64_t next_deadline_ms(int64_t now_ms) const;

 private:
  std::optional<Toast> current_;
};

// Draws the visible toast centred above the bottom edge (above the footer and keyboard).
void draw_toasts(Ui& ui, int64_t now_ms);

}  // namespace eric::ui
