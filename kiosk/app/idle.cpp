// Inactivity logic (see idle.h).
#include "kiosk/app/idle.h"

#include <cstdint>
#include <limits>

namespace eric {

void IdleWatch::touch(int64_t now_ms) {
  if (!asking_) last_touch_ms_ = now_ms;
}

void IdleWatch::resume(int64_t now_ms) {
  asking_ = false;
  last_touch_ms_ = now_ms;
}

IdleEvent IdleWatch::update(int64_t now_ms, Mode mode, bool worth_asking) {
  if (mode != Mode::Visitor) {
    asking_ = false;
    if (now_ms - last_touch_ms_ >= int64_t{config_.staff_timeout_s} * 1000) {
      last_touch_ms_ = now_ms;
      return IdleEvent::StaffExpired;
    }
    return IdleEvent::None;
  }
  if (asking_) {
    if (now_ms - ask_started_ms_ >= int64_t{config_.countdown_s} * 1000) {
      asking_ = false;
      last_touch_ms_ = now_ms;
      return IdleEvent::Expired;
    }
    return IdleEvent::None;
  }
  if (!worth_asking) return IdleEvent::None;
  if (now_ms - last_touch_ms_ >= int64_t{config_.visitor_timeout_s} * 1000) {
    asking_ = true;
    ask_started_ms_ = now_ms;
    return IdleEvent::AskStarted;
  }
  return IdleEvent::None;
}

int IdleWatch::seconds_left(int64_t now_ms) const {
  if (!asking_) return config_.countdown_s;
  const int64_t left_ms = ask_started_ms_ + int64_t{config_.countdown_s} * 1000 - now_ms;
  if (left_ms <= 0) return 0;
  return static_cast<int>((left_ms + 999) / 1000);
}

int64_t IdleWatch::next_deadline_ms(int64_t now_ms, Mode mode, bool worth_asking) const {
  if (mode != Mode::Visitor) return last_touch_ms_ + int64_t{config_.staff_timeout_s} * 1000;
  if (asking_) {
    // The next whole second of the countdown, so the number on the overlay changes.
    const int64_t elapsed = now_ms - ask_started_ms_;
    const int64_t next_tick = ask_started_ms_ + (elapsed / 1000 + 1) * 1000;
    const int64_t end = ask_started_ms_ + int64_t{config_.countdown_s} * 1000;
    return next_tick < end ? next_tick : end;
  }
  if (!worth_asking) return std::numeric_limits<int64_t>::max();
  return last_touch_ms_ + int64_t{config_.visitor_timeout_s} * 1000;
}

}  // namespace eric
