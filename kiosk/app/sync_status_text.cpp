// The sync status in plain words (see sync_status_text.h).
#include "kiosk/app/sync_status_text.h"

#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"

namespace eric {

namespace {

// Lower-cases the first letter when it is an ASCII capital and drops a final full stop, so a
// sentence can sit after "Dernière tentative échouée : ".
std::string as_clause(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

std::string moment_words(int64_t when_s, int64_t now_s, const I18n& i18n) {
  const CivilTime then = Clock::to_local(when_s * 1000);
  const CivilTime now = Clock::to_local(now_s * 1000);
  const int days = days_between(Clock::format_date(then), Clock::format_date(now));
  const std::string time = time_words(then.hour, then.minute, i18n);
  if (days == 0) return i18n.tr("manager.moment.today", {{"time", time}});
  if (days == 1) return i18n.tr("manager.moment.yesterday", {{"time", time}});
  const std::string date = date_words(Clock::format_date(then), i18n, false, then.year != now.year);
  return i18n.tr("manager.moment.date", {{"date", date}, {"time", time}});
}

std::string sync_error_words(const std::string& code, const std::string& message_fr,
                             const I18n& i18n) {
  if (!code.empty()) {
    const std::string key = "manager.error." + code;
    if (i18n.has(i18n.language(), key) || i18n.has("fr", key)) return i18n.tr(key);
  }
  if (!message_fr.empty()) return as_clause(message_fr);
  return i18n.tr("manager.error.unknown");
}

SyncStatusText sync_status_text(const SyncStatusFacts& f, int64_t now_s, const I18n& i18n) {
  SyncStatusText out;
  if (f.rejected_records > 0) {
    // Said whatever else is said: the manager tells the region which records to fix.
    out.rejected = i18n.tr_count("manager.status.rejected", f.rejected_records);
  }
  if (!f.enrolled) {
    out.ok = false;
    out.main = f.catalog_updated_ms > 0
                   ? i18n.tr("manager.status.local_catalog",
                             {{"when", moment_words(f.catalog_updated_ms / 1000, now_s, i18n)}})
                   : i18n.tr("manager.status.no_catalog");
    out.problem = i18n.tr("manager.status.not_enrolled");
    return out;
  }
  if (f.last_success_s > 0) {
    out.main = i18n.tr("manager.status.up_to_date",
                       {{"when", moment_words(f.last_success_s, now_s, i18n)}});
  } else if (f.catalog_updated_ms > 0) {
    // A catalog from a bundle (or the demo's) while the server was never reached.
    out.main = i18n.tr("manager.status.local_catalog",
                       {{"when", moment_words(f.catalog_updated_ms / 1000, now_s, i18n)}});
    out.ok = false;
  } else {
    out.main = i18n.tr("manager.status.never");
    out.ok = false;
  }
  if (f.running) {
    out.problem = i18n.tr("manager.status.running");
    return out;
  }
  if (!f.last_error_code.empty() && f.last_attempt_s >= f.last_success_s) {
    out.ok = false;
    out.failed = true;
    const std::string cause = sync_error_words(f.last_error_code, f.last_error_message, i18n);
    const int64_t wait_s = f.next_attempt_s - now_s;
    std::string retry;
    if (wait_s <= 0) {
      retry = i18n.tr("manager.status.retry_now");
    } else {
      const int64_t minutes = (wait_s + 59) / 60;
      if (minutes < 60) {
        retry = i18n.tr("manager.status.retry_minutes", {{"n", std::to_string(minutes)}});
      } else {
        const CivilTime at = Clock::to_local(f.next_attempt_s * 1000);
        retry = i18n.tr("manager.status.retry_at", {{"time", time_words(at.hour, at.minute, i18n)}});
      }
    }
    out.problem = i18n.tr("manager.status.failed", {{"cause", cause}, {"retry", retry}});
  }
  return out;
}

}  // namespace eric
