// Internal pieces of the sync client shared by client.cpp, client_catalog.cpp and
// client_outbox.cpp (not for other modules).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/storage/rejected_records.h"

#include "kiosk/core/storage/store.h"
#include "sync/client.h"
#include "sync/client_http.h"
#include "sync/protocol.h"

namespace eric {

// What one sync carries from step to step.
struct SyncContext {
  Database& db;
  const SyncConfig& config;
  const SyncProgressFn& progress;
  SyncResult& result;
  std::string base_url;
  std::string token;

  std::string auth_header() const { return "Authorization: Bearer " + token; }
  void report(SyncPhase phase, int64_t done, int64_t total) const {
    if (progress) progress(SyncProgress{phase, done, total});
  }
  // Adds a response's bytes and keeps what a failure needs for scheduling.
  void count(const HttpResponse& r) {
    result.bytes_down += r.bytes_down;
    result.bytes_up += r.bytes_up;
    if (r.status >= 400) result.http_status = r.status;
    if (r.retry_after_s >= 0) result.retry_after_s = r.retry_after_s;
  }
};

int64_t sync_now_s(const SyncConfig& config);
std::string trim_url(std::string url);
std::string local_stamp(const Clock* clock);  // "YYYY-MM-DD HH:MM", local
Status apply_change(CatalogWriter& writer, const CatalogChange& change);

// The records a sync or an import sets aside, written in the catalog's transaction (on the
// writer's connection): a full snapshot starts the quarantine again; a readable version or a
// deletion of a record set aside takes it out. `newly()` lists those not already set aside
// for the same reason, so each is logged once, not at every sync.
class RejectedWriter {
 public:
  RejectedWriter(Database& db, int64_t now_s) : db_(db), now_s_(now_s) {}
  Status begin(bool full);
  Status put(const RejectedChange& change);
  Status on_applied(const CatalogChange& change);
  const std::vector<RejectedRecord>& newly() const { return newly_; }
  int64_t put_count() const { return put_count_; }

 private:
  using Key = std::pair<std::string, std::string>;  // type, id
  Database& db_;
  int64_t now_s_;
  std::map<Key, std::string> before_;  // what was set aside before, with its reason
  std::map<Key, bool> in_table_;       // the keys set aside now (small: what failed)
  std::vector<RejectedRecord> newly_;
  int64_t put_count_ = 0;
};

// Applies staged changes and records set aside in the order they came: `rejected[i].position`
// counts the staged changes before it. Calls `progress(done)` every 2,000 changes.
Status apply_in_order(CatalogWriter& writer, RejectedWriter& rejects,
                      const std::vector<CatalogChange>& staged,
                      const std::vector<RejectedChange>& rejected,
                      const std::function<void(int64_t)>& progress);
// One line on standard error per record newly set aside (the kiosk's and kioskctl's log).
void log_rejected(const std::vector<RejectedRecord>& newly);

// The three steps of a sync; each returns the first failure.
Status pull_catalog(SyncContext& ctx, HttpClient& http);
Status push_outbox(SyncContext& ctx, HttpClient& http);
Status pull_status(SyncContext& ctx, HttpClient& http);

}  // namespace eric
