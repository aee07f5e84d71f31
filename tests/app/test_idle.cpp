// Inactivity: the question after 60 s of clock, the 15 s countdown, the staff exit.
#include <gtest/gtest.h>

#include <limits>

#include "kiosk/app/idle.h"
#include "kiosk/core/base/clock.h"

namespace eric {
namespace {

constexpr int64_t kStart = 1'800'000'000'000;

TEST(Idle, AsksAfterTheTimeoutThenExpiresAfterTheCountdown) {
  Clock clock = Clock::fixed_at(kStart);
  IdleWatch idle;
  idle.touch(clock.now_ms());
  clock.advance_ms(59'999);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::None);
  EXPECT_FALSE(idle.asking());
  clock.advance_ms(1);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::AskStarted);
  EXPECT_TRUE(idle.asking());
  EXPECT_EQ(idle.seconds_left(clock.now_ms()), 15);
  clock.advance_ms(1);
  EXPECT_EQ(idle.seconds_left(clock.now_ms()), 15);  // rounded up
  clock.advance_ms(1'000);
  EXPECT_EQ(idle.seconds_left(clock.now_ms()), 14);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::None);
  clock.advance_ms(13'998);
  EXPECT_EQ(idle.seconds_left(clock.now_ms()), 1);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::None);
  clock.advance_ms(1);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::Expired);
  EXPECT_FALSE(idle.asking());
  // After expiry the next visitor starts with a fresh minute.
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::None);
}

TEST(Idle, ATouchDelaysTheQuestion) {
  Clock clock = Clock::fixed_at(kStart);
  IdleWatch idle;
  idle.touch(clock.now_ms());
  clock.advance_ms(50'000);
  idle.touch(clock.now_ms());
  clock.advance_ms(50'000);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::None);
  clock.advance_ms(10'000);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::AskStarted);
}

TEST(Idle, ATouchDoesNotAnswerTheQuestionButResumeDoes) {
  Clock clock = Clock::fixed_at(kStart);
  IdleWatch idle;
  idle.touch(clock.now_ms());
  clock.advance_ms(61'000);
  ASSERT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::AskStarted);
  clock.advance_ms(5'000);
  idle.touch(clock.now_ms());
  EXPECT_TRUE(idle.asking());
  idle.resume(clock.now_ms());
  EXPECT_FALSE(idle.asking());
  clock.advance_ms(59'000);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::None);
  clock.advance_ms(1'000);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::AskStarted);
}

TEST(Idle, NothingToForgetMeansNoQuestion) {
  Clock clock = Clock::fixed_at(kStart);
  IdleWatch idle;
  idle.touch(clock.now_ms());
  clock.advance_ms(3'600'000);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, false), IdleEvent::None);
  EXPECT_EQ(idle.next_deadline_ms(clock.now_ms(), Mode::Visitor, false),
            std::numeric_limits<int64_t>::max());
}

TEST(Idle, ConfiguredTimeouts) {
  Clock clock = Clock::fixed_at(kStart);
  IdleWatch idle(IdleConfig{10, 3, 20});
  idle.touch(clock.now_ms());
  EXPECT_EQ(idle.next_deadline_ms(clock.now_ms(), Mode::Visitor, true), kStart + 10'000);
  clock.advance_ms(10'000);
  ASSERT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::AskStarted);
  // During the countdown the loop wakes every second so the number changes.
  EXPECT_EQ(idle.next_deadline_ms(clock.now_ms(), Mode::Visitor, true), kStart + 11'000);
  clock.advance_ms(2'500);
  EXPECT_EQ(idle.next_deadline_ms(clock.now_ms(), Mode::Visitor, true), kStart + 13'000);
  clock.advance_ms(500);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Visitor, true), IdleEvent::Expired);
}

TEST(Idle, StaffModesLeaveAfterTwoMinutesWithoutQuestion) {
  Clock clock = Clock::fixed_at(kStart);
  IdleWatch idle;
  idle.touch(clock.now_ms());
  clock.advance_ms(119'000);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Animator, true), IdleEvent::None);
  EXPECT_FALSE(idle.asking());
  EXPECT_EQ(idle.next_deadline_ms(clock.now_ms(), Mode::Manager, true), kStart + 120'000);
  clock.advance_ms(1'000);
  EXPECT_EQ(idle.update(clock.now_ms(), Mode::Manager, true), IdleEvent::StaffExpired);
}

}  // namespace
}  // namespace eric
