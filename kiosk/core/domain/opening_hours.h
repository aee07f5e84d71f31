// Opening hours of a site, per weekday, and the questions the kiosk asks of them: open now?
// when does it open next? Pure: civil times in, answers out (no clock, no display).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/storage/db.h"

namespace eric {

// Minutes since midnight, [open, close). close may be 24*60 (open until midnight).
struct TimeRange {
  int open_min = 0;
  int close_min = 0;
};

struct WeekHours {
  // Index 0 = Sunday .. 6 = Saturday, as CivilTime::weekday. An empty day is closed.
  std::array<std::vector<TimeRange>, 7> days;
  // No hours were given at all: the kiosk is never closed (a fresh install, a test bench).
  bool always_open = true;
};

// "09:00-12:30 13:30-17:30" (ranges separated by spaces or commas, sorted, not overlapping),
// or "closed" / "fermé" / "" for a closed day.
[[nodiscard]] Status parse_day_hours(std::string_view text, std::vector<TimeRange>& out);

// "mon".."sun" (or "lundi".."dimanche") to 0..6 (Sunday = 0); nullopt for anything else.
std::optional<int> weekday_from_key(std::string_view key);

bool is_open(const WeekHours& hours, const CivilTime& now);

// The next moment the site opens after `now` (`now` itself when it opens at that minute),
// looking at most one week ahead; nullopt when no day has hours.
struct NextOpening {
  int days_ahead = 0;  // 0 = today, 1 = tomorrow...
  int weekday = 0;     // 0 = Sunday
  int minute = 0;      // minutes since midnight
};
std::optional<NextOpening> next_opening(const WeekHours& hours, const CivilTime& now);

// Minutes from `now` until the state (open or closed) next changes; nullopt when it never
// does (always open, or closed every day). The kiosk's loop wakes then.
std::optional<int> minutes_until_change(const WeekHours& hours, const CivilTime& now);

}  // namespace eric
