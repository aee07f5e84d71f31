// The kiosk's link to the sync worker: runs it when the terminal is enrolled, hands its
// progress to the UI thread, wakes the loop, imports bundles off the UI thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/sync_status_text.h"
#include "kiosk/core/base/clock.h"
#include "sync/client.h"

namespace eric {

class Database;
class SyncWorker;
struct SyncEvent;
struct Services;

// What the worker is doing, copied for the UI thread.
struct SyncLive {
  bool worker = false;        // a worker runs (the terminal is enrolled)
  bool running = false;       // a sync is under way
  bool has_progress = false;  // progress holds the current sync's last step
  SyncProgress progress;
  uint64_t finished = 0;      // syncs finished since start
  bool has_result = false;
  SyncResult last;            // the last finished sync's result
};

// A bundle import started from the manager's screen.
struct ImportLive {
  bool running = false;
  bool done = false;  // a result is there
  std::string path;
  Status status;
  int64_t records = 0;
};

// An enrolment started from the manager's screen.
struct EnrolLive {
  bool running = false;
  bool done = false;  // a result is there
  Status status;
  std::string site_id;
};

// Owned by main() (one per program), lent to the screens through Services::sync. Every
// public function is called from the UI thread; the worker and the import thread only touch
// the state behind the mutex.
class SyncLink {
 public:
  // `db_path`: the terminal's cache.db (the worker and imports open their own connections).
  // `clock`: copied; the worker dates the sync state with it. `wake` is called from other
  // threads when something changed (the program pushes an SDL event); may be empty.
  SyncLink(std::string db_path, SyncConfig config, const Clock& clock,
           std::function<void()> wake);
  ~SyncLink();  // stops the worker, waits for an import
  SyncLink(const SyncLink&) = delete;
  SyncLink& operator=(const SyncLink&) = delete;

  // Starts the worker when `db` says the terminal is enrolled (its first sync runs at once).
  // Not enrolled: no worker; the kiosk keeps its local catalog. Returns whether it runs.
  bool start(Database& db);
  void stop();

  // "Synchroniser maintenant" and the visitors' requests: a sync as soon as possible. Starts
  // the worker when the terminal was enrolled since (eric-kioskctl enroll while it ran).
  void request_now(Database& db);

  SyncLive live() const;
  // The worker thread gave a sign of life within the last `limit_ms` (steady clock). True
  // when no worker runs: a terminal not enrolled has no sync thread to watch.
  bool worker_alive(int64_t limit_ms) const;
  // The sync state as stored (read through the UI's connection) and the facts the status
  // words are made from (sync_status_text.h).
  SyncOverview overview(Database& db) const;
  SyncStatusFacts facts(Database& db, int64_t catalog_updated_ms) const;
  ImportLive import_state() const;
  // Imports a bundle on its own thread; false when one is already running.
  bool start_import(const std::string& path);
  // Enrols this terminal with the server at `url` with a one-time code, on its own thread
  // (sync_link_enrol.cpp); false when one is already running. Once enrolled, the worker
  // (re)starts from the next frame and syncs at once.
  bool start_enrolment(const std::string& url, const std::string& code);
  EnrolLive enrolment_state() const;

  // Once per frame on the UI thread: after a finished sync or import, reloads what the shell
  // caches from the catalog (its date, the site); after a navigation, asks for a sync when a
  // visitor's request was added to the outbox since the last look.
  void after_frame(Services& services, unsigned nav_generation);

 private:
  void on_event(const SyncEvent& e);
  void notify();

  std::string db_path_;
  SyncConfig config_;
  Clock clock_;
  std::function<void()> wake_;
  std::unique_ptr<SyncWorker> worker_;

  mutable std::mutex mutex_;
  SyncLive live_;
  ImportLive import_;
  uint64_t imports_finished_ = 0;
  std::thread import_thread_;
  EnrolLive enrol_;
  uint64_t enrols_finished_ = 0;
  std::thread enrol_thread_;

  // UI thread only.
  uint64_t seen_finished_ = 0;
  uint64_t seen_imports_ = 0;
  uint64_t seen_enrols_ = 0;
  unsigned seen_generation_ = 0;
  bool outbox_known_ = false;
  std::string newest_outbox_id_;
};

// Bundle files (*.bundle, *.json) under the roots (a USB key is mounted under /media or
// /mnt), at most `max_depth` folders down, sorted by path; at most `limit` files.
std::vector<std::string> find_bundle_files(const std::vector<std::string>& roots, int max_depth,
                                           size_t limit);
// The roots to search: env ERIC_BUNDLE_DIRS (colon-separated) when set, else /media and /mnt.
std::vector<std::string> bundle_search_roots();

}  // namespace eric
