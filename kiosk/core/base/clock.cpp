// The one clock of the program (see clock.h).
#include "kiosk/core/base/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace eric {

namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

bool parse_date(const std::string& s, int& y, int& m, int& d) {
  if (s.size() < 10) return false;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
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
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!parse_date(text, y, mo, d)) return false;
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

std::string add_days(const std::string& date, int days) {
  int y = 0, m = 0, d = 0;
  if (!parse_date(date, y, m, d)) return date;
  int64_t z = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) + days;
  civil_from_days(z, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf) + (date.size() > 10 ? date.substr(10) : std::string());
}

int days_between(const std::string& a, const std::string& b) {
  int ya = 0, ma = 0, da = 0, yb = 0, mb = 0, db = 0;
  if (!parse_date(a, ya, ma, da) || !parse_date(b, yb, mb, db)) return 0;
  return static_cast<int>(days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da));
}

int weekday_of(const std::string& date) {
  int y = 0, m = 0, d = 0;
  if (!parse_date(date, y, m, d)) return 0;
  int64_t z = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  // 1970-01-01 was a Thursday (4).
  return static_cast<int>(((z % 7) + 7 + 4) % 7);
}

std::string civil_day(int64_t epoch_s) {
  return Clock::format_date(Clock::to_local(epoch_s * 1000));
}

}  // namespace eric
