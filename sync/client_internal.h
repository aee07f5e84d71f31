// Internal pieces of the sync client shared by client.cpp, client_catalog.cpp and
// client_outbox.cpp (not for other modules).
#pragma once

#include <string>
#include <string_view>

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

// The three steps of a sync; each returns the first failure.
Status pull_catalog(SyncContext& ctx, HttpClient& http);
Status push_outbox(SyncContext& ctx, HttpClient& http);
Status pull_status(SyncContext& ctx, HttpClient& http);

}  // namespace eric
