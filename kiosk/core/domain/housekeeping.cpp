// Daily housekeeping of the terminal's local data (see housekeeping.h).
#include "kiosk/core/domain/housekeeping.h"

#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/usage.h"
#include "kiosk/core/storage/store.h"

namespace eric {

Result<HousekeepingDone> run_housekeeping(Database& db, int64_t now_s) {
  Result<HousekeepingDone> r;
  auto purged = outbox_purge(db, now_s);
  r.status = purged.status;
  if (!r.ok()) return r;
  r.value.outbox_items_purged = purged.value;
  auto cleared = help_purge_personal(db, now_s);
  r.status = cleared.status;
  if (!r.ok()) return r;
  r.value.tickets_cleared = cleared.value;
  auto reports = usage_report_finished_days(db, civil_day(now_s), now_s);
  r.status = reports.status;
  if (!r.ok()) return r;
  r.value.usage_reports = reports.value;
  // A terminal that never syncs still gets its log copied back once a day. A checkpoint that
  // cannot run now (a reader or a statement holds the log) leaves it for the next one: what
  // the housekeeping is for is done and committed.
  (void)db.checkpoint();
  return r;
}

}  // namespace eric
