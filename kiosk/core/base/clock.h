// The one clock of the program: real time, or a time that tests and scripts set and advance.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eric {

// A civil local time of the site (Europe/Paris unless TZ says otherwise).
struct CivilTime {
  int year = 1970, month = 1, day = 1;  // month 1..12
  int hour = 0, minute = 0, second = 0;
  int weekday = 4;                      // 0 = Sunday .. 6 = Saturday
};

// Every reading of time in the kiosk goes through a Clock, so that an idle time-out of 60 s
// is tested by advancing the clock, not by waiting. Time is in milliseconds since the epoch.
class Clock {
 public:
  Clock() = default;                      // follows the system clock
  static Clock fixed_at(int64_t epoch_ms);  // frozen until advanced

  int64_t now_ms() const;
  int64_t now_s() const { return now_ms() / 1000; }
  // Moves time forward (scripts: `advance SECONDS`). Works on a real clock too: it then adds
  // an offset to the system time.
  void advance_ms(int64_t ms) { offset_ms_ += ms; }
  bool is_fixed() const { return fixed_; }

  CivilTime local() const { return to_local(now_ms()); }
  std::string today() const;  // "YYYY-MM-DD"

  static CivilTime to_local(int64_t epoch_ms);
  // Parses "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]" as a local civil time.
  static bool parse_local(const std::string& text, int64_t& epoch_ms);
  static std::string format_date(const CivilTime& t);      // "YYYY-MM-DD"
  static std::string format_datetime(const CivilTime& t);  // "YYYY-MM-DD HH:MM"

 private:
  bool fixed_ = false;
  int64_t base_ms_ = 0;
  int64_t offset_ms_ = 0;
};

// The site's civil day ("YYYY-MM-DD") of an epoch time in seconds.
std::string civil_day(int64_t epoch_s);

// The one reader of civil dates: "YYYY-MM-DD" (what follows the tenth character is not read);
// nothing for text that is not a real calendar day (2027-02-30, month 13, "not-a-date").
std::optional<std::chrono::year_month_day> parse_civil_date(std::string_view text);

// Adds days to a civil date "YYYY-MM-DD"; used by the generator and by date shifting.
std::string add_days(const std::string& date, int days);
// Days between two civil dates (b - a).
int days_between(const std::string& a, const std::string& b);
// 0 = Sunday .. 6 = Saturday, for a civil date "YYYY-MM-DD".
int weekday_of(const std::string& date);

}  // namespace eric
