// The one clock of the program (see clock.h).
#include "kiosk/core/base/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace eric {

namespace {

int two_digits(std::string_view s, size_t at) {
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

std::string format_ymd(const std::chrono::year_month_day& ymd) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

Clock Clock::fixed_at(int64_t epoch_ms) {
  Clock c;
  c.fixed_ = true;
  c.base_ms_ = epoch_ms;
  return c;
}

int64_t Clock::now_ms() const {
  if (fixed_) return base_ms_ + offset_ms_;
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() + offset_ms_;
}

CivilTime Clock::to_local(int64_t epoch_ms) {
  std::time_t secs = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  localtime_r(&secs, &tm);
  CivilTime t;
  t.year = tm.tm_year + 1900;
  t.month = tm.tm_mon + 1;
  t.day = tm.tm_mday;
  t.hour = tm.tm_hour;
  t.minute = tm.tm_min;
  t.second = tm.tm_sec;
  t.weekday = tm.tm_wday;
  return t;
}

bool Clock::parse_local(const std::string& text, int64_t& epoch_ms) {
  const auto date = parse_civil_date(text);
  if (!date) return false;
  const int y = static_cast<int>(date->year());
  const int mo = static_cast<int>(static_cast<unsigned>(date->month()));
  const int d = static_cast<int>(static_cast<unsigned>(date->day()));
  int h = 0, mi = 0, s = 0;
  if (text.size() > 10) {
    if (std::sscanf(text.c_str() + 10, "%*[ T]%2d:%2d:%2d", &h, &mi, &s) < 2) return false;
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  tm.tm_isdst = -1;
  std::time_t secs = mktime(&tm);
  if (secs == static_cast<std::time_t>(-1)) return false;
  epoch_ms = static_cast<int64_t>(secs) * 1000;
  return true;
}

std::string Clock::format_date(const CivilTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

std::string Clock::format_datetime(const CivilTime& t) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute);
  return buf;
}

std::string Clock::today() const { return format_date(local()); }

std::optional<std::chrono::year_month_day> parse_civil_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const std::chrono::year_month_day ymd{
      std::chrono::year{two_digits(text, 0) * 100 + two_digits(text, 2)},
      std::chrono::month{static_cast<unsigned>(two_digits(text, 5))},
      std::chrono::day{static_cast<unsigned>(two_digits(text, 8))}};
  if (!ymd.ok()) return std::nullopt;  // 2027-02-30, month 13...
  return ymd;
}

std::string add_days(const std::string& date, int days) {
  const auto ymd = parse_civil_date(date);
  if (!ymd) return date;
  const std::chrono::year_month_day moved{std::chrono::sys_days{*ymd} + std::chrono::days{days}};
  return format_ymd(moved) + (date.size() > 10 ? date.substr(10) : std::string());
}

int days_between(const std::string& a, const std::string& b) {
  const auto from = parse_civil_date(a);
  const auto to = parse_civil_date(b);
  if (!from || !to) return 0;
  return static_cast<int>((std::chrono::sys_days{*to} - std::chrono::sys_days{*from}).count());
}

int weekday_of(const std::string& date) {
  const auto ymd = parse_civil_date(date);
  if (!ymd) return 0;
  return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{*ymd}}.c_encoding());
}

std::string civil_day(int64_t epoch_s) {
  return Clock::format_date(Clock::to_local(epoch_s * 1000));
}

}  // namespace eric
