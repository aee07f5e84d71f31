// Opening hours (see opening_hours.h).
#include "kiosk/core/domain/opening_hours.h"

#include <algorithm>
#include <cctype>

namespace eric {

namespace {

constexpr int kDayMinutes = 24 * 60;

// "9:00", "09:00", "24:00" -> minutes; false for anything else.
bool parse_hhmm(std::string_view s, int& minutes) {
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) {
    return false;
  }
  int h = 0, m = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == colon) continue;
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    int& part = i < colon ? h : m;
    part = part * 10 + (s[i] - '0');
  }
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return false;
  minutes = h * 60 + m;
  return true;
}

std::vector<std::string_view> split_ranges(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != ',' && text[j] != '\t') ++j;
    if (j > i) parts.push_back(text.substr(i, j - i));
    i = j;
  }
  return parts;
}

Status bad(std::string_view text, const std::string& why) {
  return Status::error("bad_input", "Horaires « " + std::string(text) + " » : " + why);
}

bool open_at(const std::vector<TimeRange>& day, int minute) {
  return std::any_of(day.begin(), day.end(), [minute](const TimeRange& r) {
    return minute >= r.open_min && minute < r.close_min;
  });
}

}  // namespace

Status parse_day_hours(std::string_view text, std::vector<TimeRange>& out) {
  out.clear();
  const std::vector<std::string_view> parts = split_ranges(text);
  if (parts.empty() || (parts.size() == 1 && (parts[0] == "closed" || parts[0] == "fermé"))) {
    return Status::success();
  }
  for (std::string_view part : parts) {
    const size_t dash = part.find('-');
    TimeRange r;
    if (dash == std::string_view::npos || !parse_hhmm(part.substr(0, dash), r.open_min) ||
        !parse_hhmm(part.substr(dash + 1), r.close_min)) {
      out.clear();
      return bad(text, "attendu HH:MM-HH:MM, par exemple 09:00-12:30 13:30-17:30");
    }
    if (r.close_min <= r.open_min) {
      out.clear();
      return bad(text, "une plage finit avant de commencer");
    }
    if (!out.empty() && r.open_min < out.back().close_min) {
      out.clear();
      return bad(text, "les plages doivent se suivre sans se chevaucher");
    }
    out.push_back(r);
  }
  return Status::success();
}

std::optional<int> weekday_from_key(std::string_view key) {
  static constexpr std::array<std::string_view, 7> kEnglish = {"sun", "mon", "tue", "wed",
                                                               "thu", "fri", "sat"};
  static constexpr std::array<std::string_view, 7> kFrench = {
      "dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};
  for (int d = 0; d < 7; ++d) {
    if (key == kEnglish[static_cast<size_t>(d)] || key == kFrench[static_cast<size_t>(d)]) {
      return d;
    }
  }
  return std::nullopt;
}

bool is_open(const WeekHours& hours, const CivilTime& now) {
  if (hours.always_open) return true;
  const auto& day = hours.days[static_cast<size_t>(((now.weekday % 7) + 7) % 7)];
  return open_at(day, now.hour * 60 + now.minute);
}

std::optional<NextOpening> next_opening(const WeekHours& hours, const CivilTime& now) {
  if (hours.always_open) return NextOpening{0, now.weekday, now.hour * 60 + now.minute};
  const int minute_now = now.hour * 60 + now.minute;
  // Eight days: today after now, six whole days, and today's earlier ranges a week later.
  for (int ahead = 0; ahead <= 7; ++ahead) {
    const int weekday = (now.weekday + ahead) % 7;
    for (const TimeRange& r : hours.days[static_cast<size_t>(weekday)]) {
      // A range that runs on from the previous day (closing at midnight, opening at 0:00)
      // is no opening: the site was already open.
      if (ahead == 0 && r.open_min < minute_now) continue;
      return NextOpening{ahead, weekday, r.open_min};
    }
  }
  return std::nullopt;
}

std::optional<int> minutes_until_change(const WeekHours& hours, const CivilTime& now) {
  if (hours.always_open) return std::nullopt;
  const bool open = is_open(hours, now);
  const int minute_now = now.hour * 60 + now.minute;
  // Walk minute by minute would be simple but slow; walk the range edges instead.
  for (int ahead = 0; ahead <= 7; ++ahead) {
    const auto& day = hours.days[static_cast<size_t>((now.weekday + ahead) % 7)];
    CivilTime probe = now;
    probe.weekday = (now.weekday + ahead) % 7;
    for (const TimeRange& r : day) {
      for (int edge : {r.open_min, r.close_min}) {
        const int at = ahead * kDayMinutes + edge;
        if (at <= minute_now) continue;
        probe.hour = (edge % kDayMinutes) / 60;
        probe.minute = edge % 60;
        probe.weekday = (now.weekday + ahead + edge / kDayMinutes) % 7;
        if (is_open(hours, probe) != open) return at - minute_now;
      }
    }
  }
  return std::nullopt;
}

}  // namespace eric
