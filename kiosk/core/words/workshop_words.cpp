// Workshops and immersion requests in words (see workshop_words.h).
#include "kiosk/core/words/workshop_words.h"

#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/french.h"

namespace eric {

std::string workshop_when_words(const Workshop& w, const I18n& i18n) {
  int64_t ms = 0;
  if (!Clock::parse_local(w.start, ms)) return {};
  return day_time_words(Clock::to_local(ms), i18n);
}

std::string seats_left_words(int seats_left, const I18n& i18n) {
  if (seats_left <= 0) return i18n.tr("workshops.seats_full");
  return i18n.tr_count("workshops.seats", seats_left);
}

std::string immersion_status_words(const ImmersionRequestRow& row, const I18n& i18n) {
  switch (row.state) {
    case OutboxState::pending: return i18n.tr("desk.immersion.pending");
    case OutboxState::sending: return i18n.tr("desk.immersion.sending");
    case OutboxState::accepted: return i18n.tr("desk.immersion.accepted");
    case OutboxState::rejected: break;
  }
  if (row.reason.empty()) return i18n.tr("desk.immersion.rejected_plain");
  const std::string reason = row.reason == "purged_undelivered"
                                 ? i18n.tr("desk.immersion.purged_undelivered")
                                 : row.reason;
  return i18n.tr("desk.immersion.rejected", {{"reason", reason}});
}

}  // namespace eric
