// Unit tests of the one clock: fixed time, advancing, civil dates.
#include <gtest/gtest.h>

#include <cstdlib>

#include "kiosk/core/base/clock.h"

namespace eric {
namespace {

class ClockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "Europe/Paris", 1);
    tzset();
  }
};

TEST_F(ClockTest, FixedClockDoesNotMoveUntilAdvanced) {
  int64_t start = 0;
  ASSERT_TRUE(Clock::parse_local("2026-11-23 10:00", start));
  Clock clock = Clock::fixed_at(start);
  EXPECT_EQ(clock.now_ms(), start);
  clock.advance_ms(61'000);
  EXPECT_EQ(clock.now_ms(), start + 61'000);
  CivilTime t = clock.local();
  EXPECT_EQ(t.hour, 10);
  EXPECT_EQ(t.minute, 1);
  EXPECT_EQ(t.second, 1);
  EXPECT_EQ(t.weekday, 1);  // a Monday
  EXPECT_EQ(clock.today(), "2026-11-23");
}

TEST_F(ClockTest, ParsesAndFormatsLocalTimesAcrossDaylightSaving) {
  int64_t summer = 0, winter = 0;
  ASSERT_TRUE(Clock::parse_local("2026-07-14 14:05", summer));
  ASSERT_TRUE(Clock::parse_local("2026-12-24 09:30", winter));
  EXPECT_EQ(Clock::format_datetime(Clock::to_local(summer)), "2026-07-14 14:05");
  EXPECT_EQ(Clock::format_datetime(Clock::to_local(winter)), "2026-12-24 09:30");
  int64_t ignored = 0;
  EXPECT_FALSE(Clock::parse_local("23/11/2026", ignored));
  EXPECT_FALSE(Clock::parse_local("2026-13-01", ignored));
  EXPECT_FALSE(Clock::parse_local("", ignored));
}

TEST_F(ClockTest, CivilDateArithmetic) {
  EXPECT_EQ(add_days("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(add_days("2028-02-28", 1), "2028-02-29");
  EXPECT_EQ(add_days("2026-03-01", -1), "2026-02-28");
  EXPECT_EQ(add_days("2026-11-23 14:00", 7), "2026-11-30 14:00");
  EXPECT_EQ(days_between("2026-11-23", "2027-11-23"), 365);
  EXPECT_EQ(weekday_of("2026-11-23"), 1);
  EXPECT_EQ(weekday_of("2027-01-05"), 2);
  EXPECT_EQ(add_days("not a date", 3), "not a date");
}

TEST_F(ClockTest, RealClockFollowsSystemTimeAndCanBeAdvanced) {
  Clock clock;
  int64_t before = clock.now_ms();
  clock.advance_ms(3'600'000);
  EXPECT_GE(clock.now_ms(), before + 3'600'000);
  EXPECT_FALSE(clock.is_fixed());
}

}  // namespace
}  // namespace eric
