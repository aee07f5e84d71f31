// Dates, times, distances, contracts and counts in words (see french.h). The words themselves
// come from the translation files, so English reads naturally too.
#include "kiosk/core/words/french.h"

#include <cmath>
#include <cstdio>

namespace eric {

namespace {

bool split_date(const std::string& date, int& y, int& m, int& d) {
  const auto ymd = parse_civil_date(date);
  if (!ymd) return false;
  y = static_cast<int>(ymd->year());
  m = static_cast<int>(static_cast<unsigned>(ymd->month()));
  d = static_cast<int>(static_cast<unsigned>(ymd->day()));
  return true;
}

std::string day_number(int day, const I18n& i18n) {
  return day == 1 ? i18n.tr("words.day_first") : std::to_string(day);
}

}  // namespace

std::string weekday_words(int weekday, const I18n& i18n) {
  static const char* keys[] = {"words.weekday.0", "words.weekday.1", "words.weekday.2",
                               "words.weekday.3", "words.weekday.4", "words.weekday.5",
                               "words.weekday.6"};
  return i18n.tr(keys[((weekday % 7) + 7) % 7]);
}

std::string month_words(int month, const I18n& i18n) {
  if (month < 1 || month > 12) return {};
  return i18n.tr("words.month." + std::to_string(month));
}

std::string time_words(int hour, int minute, const I18n& i18n) {
  char mm[4];
  std::snprintf(mm, sizeof mm, "%02d", minute % 60);
  return i18n.tr(minute == 0 ? "words.time_hour" : "words.time_hour_minute",
                 {{"h", std::to_string(hour)}, {"mm", mm}});
}

std::string date_words(const std::string& date, const I18n& i18n, bool with_weekday,
                       bool with_year) {
  int y = 0, m = 0, d = 0;
  if (!split_date(date, y, m, d)) return date;
  std::string text = i18n.tr("words.date", {{"day", day_number(d, i18n)},
                                            {"month", month_words(m, i18n)}});
  if (with_weekday)
    text = i18n.tr("words.weekday_date",
                   {{"weekday", weekday_words(weekday_of(date), i18n)}, {"date", text}});
  if (with_year) text += " " + std::to_string(y);
  return text;
}

std::string day_time_words(const CivilTime& t, const I18n& i18n) {
  return i18n.tr("words.day_at_time",
                 {{"day", date_words(Clock::format_date(t), i18n, true, false)},
                  {"time", time_words(t.hour, t.minute, i18n)}});
}

std::string date_range_words(const std::string& start, const std::string& end,
                             const I18n& i18n) {
  int ys = 0, ms = 0, ds = 0, ye = 0, me = 0, de = 0;
  if (!split_date(start, ys, ms, ds) || !split_date(end, ye, me, de)) return start + " – " + end;
  // "du 4 au 7 janvier 2027": the month and year are written once when both dates share them.
  const std::string first = (ys == ye && ms == me) ? day_number(ds, i18n)
                                                   : date_words(start, i18n, false, ys != ye);
  return i18n.tr("words.date_range", {{"start", first},
                                      {"end", date_words(end, i18n, false, true)}});
}

std::string distance_words(double km, const I18n& i18n) {
  if (!std::isfinite(km) || km < 0) return {};
  if (km < 1.0) return i18n.tr("words.distance_under_1km");
  return i18n.tr("words.distance_km", {{"km", std::to_string(static_cast<int>(std::lround(km)))}});
}

std::string contract_words(const std::string& type, int months, const I18n& i18n) {
  if (type == "CDD" && months > 0)
    return i18n.tr_count("words.contract.CDD_months", months);
  if (type == "CDI" || type == "CDD" || type == "MIS" || type == "SAI" || type == "ALT")
    return i18n.tr("words.contract." + type);
  return type;
}

std::string seats_words(int seats_left, const I18n& i18n) {
  if (seats_left <= 0) return i18n.tr("words.seats_full");
  return i18n.tr_count("words.seats", seats_left);
}

}  // namespace eric
