// The terminal's sync client: enrolment, one sync (catalog pull in one transaction, outbox push,
// status pull), bundle import and the scheduling state the manager screen shows.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/storage/db.h"
#include "kiosk/core/storage/rejected_records.h"
#include "kiosk/core/storage/store.h"

namespace eric {

// Settings keys (table settings) written by enrolment and read by every sync.
inline constexpr const char* kSettingServerUrl = "server_url";
inline constexpr const char* kSettingToken = "terminal_token";
inline constexpr const char* kSettingTerminalId = "terminal_id";
inline constexpr const char* kSettingSiteId = "site_id";
inline constexpr const char* kSettingCaFile = "ca_file";  // optional: a private CA

struct SyncConfig {
  // Empty: taken from the settings at each sync (so an enrolment takes effect at once).
  std::string server_url;
  std::string token;
  std::string ca_file;
  int connect_timeout_ms = 5000;
  int total_timeout_ms = 60000;   // per HTTP request
  int page_limit = 0;             // 0: the server's page size
  int outbox_batch = 50;          // items per POST (the server takes up to 100)
  int interval_s = 300;           // next sync after a success
  int backoff_base_s = 30;        // first retry after a failure; doubles, with jitter
  int backoff_max_s = 1800;
  const Clock* clock = nullptr;   // nullptr: the system clock
  const std::atomic<bool>* cancel = nullptr;  // set: the sync stops at once ("cancelled")
};

enum class SyncPhase { catalog_download, catalog_apply, outbox_push, status_pull };

struct SyncProgress {
  SyncPhase phase = SyncPhase::catalog_download;
  int64_t done = 0;
  int64_t total = -1;  // -1 when unknown (downloading: the server does not announce a size)
};
using SyncProgressFn = std::function<void(const SyncProgress&)>;

struct SyncResult {
  Status status;               // ok, or the first failure (code + French sentence)
  bool not_modified = false;   // the catalog answered 304
  bool full = false;           // the catalog was replaced
  int64_t changes_applied = 0;
  int64_t pages = 0;
  // Records the terminal could not read or keep: set aside (rejected_records), never
  // stopping the rest. `newly_rejected`: those not already set aside for the same reason.
  int64_t rejected = 0;
  std::vector<RejectedRecord> newly_rejected;
  int64_t outbox_sent = 0, outbox_accepted = 0, outbox_rejected = 0;
  int64_t status_changes = 0;  // later declines / cancellations applied
  int64_t bytes_down = 0, bytes_up = 0;  // on the wire, headers included
  int http_status = 0;         // of the failing request, when there was one
  int retry_after_s = -1;
  int64_t next_attempt_at = 0; // epoch seconds
  int64_t duration_ms = 0;
  // Where the catalog pull spent its time: pages fetched and decoded, then the one write
  // transaction (for the manager's log and the benchmark).
  double catalog_download_ms = 0, catalog_apply_ms = 0;
};

// One complete sync over `db` (its own connection). Never throws; every failure leaves the
// catalog as it was, is recorded in the sync state and schedules the next attempt.
SyncResult sync_once(Database& db, const SyncConfig& config, const SyncProgressFn& progress = {});

// What the manager screen and `eric-kioskctl status` show.
struct SyncOverview {
  SyncState state;              // cursor, last attempt/success, last error (a sync that was
                                // killed before its end: code "interrupted")
  bool running = false;         // a sync is under way in some process now
  int64_t rejected_records = 0; // records set aside (rejected_records.h)
  int64_t next_attempt_at = 0;  // epoch seconds, 0 = as soon as possible
  int failures = 0;             // consecutive failed syncs
  std::string server_url, terminal_id, site_id;
  bool enrolled = false;
};
SyncOverview sync_overview(Database& db);

// Enrols the terminal with a one-time code; stores the URL, token, terminal and site ids.
struct EnrollResult {
  std::string terminal_id, site_id;
};
Status enroll_terminal(Database& db, const std::string& server_url, const std::string& code,
                       const std::string& terminal_name, const std::string& ca_file,
                       EnrollResult* out = nullptr, int timeout_ms = 15000);

// Imports a bundle file made by `eric-regional-server export-bundle`: checks its hash, then
// replaces the catalog and sets the cursor in one transaction.
Status import_bundle(Database& db, const std::string& path, int64_t* records = nullptr,
                     const Clock* clock = nullptr);

// Backoff after `failures` consecutive failures (>= 1): base * 2^(failures-1), capped, times
// a random factor in [0.5, 1]; never less than retry_after_s.
int64_t backoff_seconds(const SyncConfig& config, int failures, int retry_after_s);

}  // namespace eric
