// The terminal's database schema: versioned with PRAGMA user_version, forward-only migrations.
#pragma once

#include <cstdint>

#include "kiosk/core/storage/db.h"

namespace eric {

// Version 1: catalog tables and the first local tables (outbox, settings, pins, sync state).
// Version 2: search (FTS5) and geography (latitude bands) indexes, funded-training flags.
// Version 3: walk-in queue, workshop registrations, animator actions, usage counters.
int latest_schema_version();
int schema_version(Database& db);  // 0 for a new file; -1 when it cannot be read

// Applies, in order, every migration above the file's version and up to `target`
// (default: the latest), each in its own transaction. Safe when two connections race:
// the version is read again under the write lock. Refuses a file made by a newer program.
Status migrate(Database& db, int target = -1);

// What a row of the search index points at. The FTS rowid is (kind << 40) + the record's
// rowid in its own table, so an upsert finds and replaces its search row without a lookup.
enum class SearchKind : int64_t { job_title = 1, trade = 2, training = 3, employer = 4, job = 5 };
constexpr int64_t kSearchKindShift = 40;
constexpr int64_t search_rowid(SearchKind kind, int64_t table_rowid) {
  return (static_cast<int64_t>(kind) << kSearchKindShift) + table_rowid;
}
const char* search_kind_name(SearchKind kind);  // "job_title", "trade", ...

// jobs_geo's latitude band of a point: floor(lat * 20), the same in C++ and in SQL.
constexpr int kGeoBandsPerDegree = 20;
int64_t geo_band(double lat);

// Drops and creates search_fts and jobs_geo empty: a full catalog replace starts from here,
// much faster than deleting their rows one by one.
Status reset_search_and_geo(Database& db);
// Rebuilds search_fts and jobs_geo from the catalog tables (migrations, repair, and the end
// of a full catalog replace). Bands as geo_band() computes them (latitude clamped).
Status rebuild_search_and_geo(Database& db);
// Recomputes trade_stats (offers per trade) from jobs_geo.
Status recompute_trade_stats(Database& db);
// Recomputes trade_funding: for each trade, the latest start of a session of a
// region-funded training leading to it (the Trait d'Union rule, evaluated at query time
// against today's date).
Status recompute_trade_funding(Database& db);

}  // namespace eric
