// The help desk's numbers in words (see help_words.h).
#include "kiosk/core/words/help_words.h"

#include <algorithm>
#include <cstdio>

namespace eric {

std::string wait_words(int64_t seconds, const I18n& i18n) {
  const int64_t minutes = std::max<int64_t>(0, seconds) / 60;
  if (minutes < 1) return i18n.tr("help.wait.under_minute");
  if (minutes < 60) return i18n.tr("help.wait.minutes", {{"n", std::to_string(minutes)}});
  char mm[4];
  std::snprintf(mm, sizeof mm, "%02d", static_cast<int>(minutes % 60));
  return i18n.tr("help.wait.hours", {{"h", std::to_string(minutes / 60)}, {"mm", mm}});
}

std::string people_ahead_words(int people_ahead, const I18n& i18n) {
  if (people_ahead <= 0) return i18n.tr("help.ticket.ahead_none");
  return i18n.tr_count("help.ticket.ahead", people_ahead);
}

}  // namespace eric
