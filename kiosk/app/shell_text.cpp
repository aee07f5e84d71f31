// Texts of the shell's chrome (see shell_text.h).
#include "kiosk/app/shell_text.h"

#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"

namespace eric {

std::string site_display_name(const std::string& site_name) {
  constexpr std::string_view prefix = "ERIC ";
  if (site_name.size() > prefix.size() && site_name.compare(0, prefix.size(), prefix) == 0) {
    return site_name.substr(prefix.size());
  }
  return site_name;
}

std::string freshness_words(int64_t updated_ms, int64_t now_ms, const I18n& i18n) {
  if (updated_ms <= 0) return i18n.tr("shell.freshness.none");
  const CivilTime then = Clock::to_local(updated_ms);
  const CivilTime now = Clock::to_local(now_ms);
  const int days = days_between(Clock::format_date(then), Clock::format_date(now));
  const std::string time = time_words(then.hour, then.minute, i18n);
  if (days == 0) return i18n.tr("shell.freshness.today", {{"time", time}});
  if (days == 1) return i18n.tr("shell.freshness.yesterday", {{"time", time}});
  return i18n.tr("shell.freshness.date",
                 {{"date", date_words(Clock::format_date(then), i18n, false, days > 300)}});
}

bool catalog_is_fresh(int64_t updated_ms, int64_t now_ms) {
  return updated_ms > 0 && now_ms - updated_ms < int64_t{48} * 3600 * 1000;
}

}  // namespace eric
