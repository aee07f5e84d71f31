// Inactivity: the "are you still there?" question, its countdown, and the staff modes' exit.
#pragma once

#include <cstdint>

#include "kiosk/app/session.h"

namespace eric {

struct IdleConfig {
  int visitor_timeout_s = 60;  // setting idle_timeout
  int countdown_s = 15;        // the overlay's countdown
  int staff_timeout_s = 120;   // animator and manager modes
};

enum class IdleEvent {
  None,
  AskStarted,   // show the overlay "Vous êtes toujours là ?"
  Expired,      // go home, wipe the session
  StaffExpired  // leave the animator or manager mode
};

// Pure logic over times from the Clock: the loop calls touch() on every input and update()
// every frame, and sleeps until next_deadline_ms().
class IdleWatch {
 public:
  explicit IdleWatch(IdleConfig config = {}) : config_(config) {}

  void set_config(const IdleConfig& c) { config_ = c; }
  const IdleConfig& config() const { return config_; }

  // A touch anywhere. While the overlay asks, a touch does not answer it (the finger may
  // be lifting on what lies under the overlay): only resume() does, from its button.
  void touch(int64_t now_ms);
  // The visitor answered "Je suis là, continuer".
  void resume(int64_t now_ms);

  // `worth_asking`: the visitor left something behind (not on the home screen, or the
  // session holds anything, or the language or text size changed). Otherwise nothing to wipe.
  IdleEvent update(int64_t now_ms, Mode mode, bool worth_asking);

  bool asking() const { return asking_; }
  // Whole seconds left in the countdown, rounded up (15, 14, ... 1).
  int seconds_left(int64_t now_ms) const;
  // When update() may next have something to do: the idle deadline, or the next second of
  // the countdown so the overlay redraws its number. INT64_MAX when nothing is pending.
  int64_t next_deadline_ms(int64_t now_ms, Mode mode, bool worth_asking) const;
  int64_t last_touch_ms() const { return last_touch_ms_; }

 private:
  IdleConfig config_;
  int64_t last_touch_ms_ = 0;
  int64_t ask_started_ms_ = 0;
  bool asking_ = false;
};

}  // namespace eric
