// Opening hours: parsing a day, open or closed at a moment, the next opening, the next change.
#include <gtest/gtest.h>

#include "kiosk/core/domain/opening_hours.h"

namespace eric {
namespace {

// Monday to Friday 09:00-12:30 and 13:30-17:30, Saturday 10:00-12:00, Sunday closed.
WeekHours site_hours() {
  WeekHours h;
  h.always_open = false;
  for (int d = 1; d <= 5; ++d) {
    EXPECT_TRUE(parse_day_hours("09:00-12:30 13:30-17:30", h.days[static_cast<size_t>(d)]).ok);
  }
  EXPECT_TRUE(parse_day_hours("10:00-12:00", h.days[6]).ok);
  EXPECT_TRUE(parse_day_hours("closed", h.days[0]).ok);
  return h;
}

CivilTime at(int weekday, int hour, int minute) {
  CivilTime t;
  t.weekday = weekday;
  t.hour = hour;
  t.minute = minute;
  return t;
}

TEST(OpeningHours, ParsesRangesAndClosedDays) {
  std::vector<TimeRange> day;
  ASSERT_TRUE(parse_day_hours("9:00-12:30, 13:30-24:00", day).ok);
  ASSERT_EQ(day.size(), 2u);
  EXPECT_EQ(day[0].open_min, 9 * 60);
  EXPECT_EQ(day[1].close_min, 24 * 60);
  ASSERT_TRUE(parse_day_hours("fermé", day).ok);
  EXPECT_TRUE(day.empty());
  ASSERT_TRUE(parse_day_hours("", day).ok);
  EXPECT_TRUE(day.empty());
}

TEST(OpeningHours, RefusesWhatATypoMakes) {
  std::vector<TimeRange> day;
  for (const char* bad : {"9h-12h", "09:00", "12:00-09:00", "09:00-12:00 11:00-13:00",
                          "25:00-26:00", "09:60-10:00", "09:00-12:00 closed", "ouvert"}) {
    const Status s = parse_day_hours(bad, day);
    EXPECT_FALSE(s.ok) << bad;
    EXPECT_NE(s.message_fr.find(bad), std::string::npos) << s.message_fr;
    EXPECT_TRUE(day.empty()) << bad;
  }
}

TEST(OpeningHours, OpenInsideRangesOnly) {
  const WeekHours h = site_hours();
  EXPECT_FALSE(is_open(h, at(1, 8, 59)));
  EXPECT_TRUE(is_open(h, at(1, 9, 0)));
  EXPECT_TRUE(is_open(h, at(1, 12, 29)));
  EXPECT_FALSE(is_open(h, at(1, 12, 30)));  // the lunch break
  EXPECT_TRUE(is_open(h, at(3, 17, 29)));
  EXPECT_FALSE(is_open(h, at(3, 17, 30)));
  EXPECT_FALSE(is_open(h, at(0, 11, 0)));   // Sunday
  EXPECT_TRUE(is_open(WeekHours{}, at(0, 3, 0)));  // no hours given: always open
}

TEST(OpeningHours, NextOpeningLaterTodayTomorrowOrAfterTheWeekend) {
  const WeekHours h = site_hours();
  auto next = next_opening(h, at(1, 12, 45));  // Monday lunch
  ASSERT_TRUE(next);
  EXPECT_EQ(next->days_ahead, 0);
  EXPECT_EQ(next->minute, 13 * 60 + 30);
  next = next_opening(h, at(2, 18, 0));  // Tuesday evening
  ASSERT_TRUE(next);
  EXPECT_EQ(next->days_ahead, 1);
  EXPECT_EQ(next->weekday, 3);
  EXPECT_EQ(next->minute, 9 * 60);
  next = next_opening(h, at(6, 12, 0));  // Saturday noon: Monday 9:00
  ASSERT_TRUE(next);
  EXPECT_EQ(next->days_ahead, 2);
  EXPECT_EQ(next->weekday, 1);
  WeekHours never;
  never.always_open = false;
  EXPECT_FALSE(next_opening(never, at(1, 9, 0)));
}

TEST(OpeningHours, NextOpeningAWeekLaterWhenOnlyTodayEarlier) {
  WeekHours h;
  h.always_open = false;
  ASSERT_TRUE(parse_day_hours("09:00-10:00", h.days[4]).ok);
  const auto next = next_opening(h, at(4, 11, 0));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->days_ahead, 7);
  EXPECT_EQ(next->weekday, 4);
}

TEST(OpeningHours, MinutesUntilTheStateChanges) {
  const WeekHours h = site_hours();
  EXPECT_EQ(minutes_until_change(h, at(1, 8, 0)), 60);
  EXPECT_EQ(minutes_until_change(h, at(1, 12, 0)), 30);
  EXPECT_EQ(minutes_until_change(h, at(6, 12, 0)), 2 * 24 * 60 - 3 * 60);  // Monday 9:00
  EXPECT_FALSE(minutes_until_change(WeekHours{}, at(1, 8, 0)));
}

TEST(OpeningHours, WeekdayKeysInEnglishOrFrench) {
  EXPECT_EQ(weekday_from_key("mon"), 1);
  EXPECT_EQ(weekday_from_key("dimanche"), 0);
  EXPECT_EQ(weekday_from_key("sat"), 6);
  EXPECT_FALSE(weekday_from_key("monday"));
}

}  // namespace
}  // namespace eric
