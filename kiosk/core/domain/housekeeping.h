// What the terminal clears and reports as days pass: personal data past its retention,
// yesterday's names in the walk-in queue, finished days' usage counters for the region.
#pragma once

#include <cstdint>

#include "kiosk/core/storage/db.h"

namespace eric {

struct HousekeepingDone {
  int64_t outbox_items_purged = 0;  // payloads emptied once their retention had passed
  int64_t tickets_cleared = 0;      // earlier days' tickets that lost their first name
  int usage_reports = 0;            // finished days put in the outbox as "usage" items
};

// Runs the three in turn, each in its own transaction, and stops at the first failure; then
// tries to checkpoint the write-ahead log (the kiosk's connections never do it on commit).
// Called at the kiosk's start, once a day while it runs, before each sync pushes the outbox,
// and when the animator's desk opens. Safe to call as often as wanted.
Result<HousekeepingDone> run_housekeeping(Database& db, int64_t now_s);

}  // namespace eric
