// The kiosk's link to the sync worker (see sync_link.h).
#include "kiosk/app/sync_link.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "kiosk/app/services.h"
#include "kiosk/app/startup.h"
#include "kiosk/core/storage/store.h"
#include "sync/worker.h"

namespace eric {

namespace fs = std::filesystem;

SyncLink::SyncLink(std::string db_path, SyncConfig config, const Clock& clock,
                   std::function<void()> wake)
    : db_path_(std::move(db_path)), config_(std::move(config)), clock_(clock),
      wake_(std::move(wake)) {
  config_.clock = &clock_;
}

SyncLink::~SyncLink() {
  stop();
  if (import_thread_.joinable()) import_thread_.join();
  if (enrol_thread_.joinable()) enrol_thread_.join();
}

bool SyncLink::start(Database& db) {
  if (worker_) return true;
  if (!sync_overview(db).enrolled) return false;
  worker_ = std::make_unique<SyncWorker>(db_path_, config_,
                                         [this](const SyncEvent& e) { on_event(e); });
  {
    std::lock_guard<std::mutex> lock(mutex_);
    live_.worker = true;
  }
  worker_->start();
  return true;
}

void SyncLink::stop() {
  if (!worker_) return;
  worker_->stop();
  worker_.reset();
  std::lock_guard<std::mutex> lock(mutex_);
  live_.worker = false;
  live_.running = false;
}

bool SyncLink::worker_alive(int64_t limit_ms) const {
  if (!worker_) return true;
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
  return now - worker_->last_beat_ms() <= limit_ms;
}

void SyncLink::request_now(Database& db) {
  if (!worker_) {
    start(db);  // its first sync runs at once
    return;
  }
  worker_->request_now();
}

void SyncLink::on_event(const SyncEvent& e) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    switch (e.kind) {
      case SyncEvent::Kind::started:
        live_.running = true;
        live_.has_progress = false;
        break;
      case SyncEvent::Kind::progress:
        live_.running = true;
        live_.has_progress = true;
        live_.progress = e.progress;
        break;
      case SyncEvent::Kind::finished:
        live_.running = false;
        live_.has_progress = false;
        live_.has_result = true;
        live_.last = e.result;
        ++live_.finished;
        break;
    }
  }
  notify();
}

void SyncLink::notify() {
  if (wake_) wake_();
}

SyncLive SyncLink::live() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return live_;
}

SyncOverview SyncLink::overview(Database& db) const { return sync_overview(db); }

SyncStatusFacts SyncLink::facts(Database& db, int64_t catalog_updated_ms) const {
  const SyncOverview o = sync_overview(db);
  SyncStatusFacts f;
  f.enrolled = o.enrolled;
  f.running = live().running || o.running;  // o.running: eric-kioskctl syncing beside us
  f.rejected_records = o.rejected_records;
  f.last_success_s = o.state.last_success;
  f.last_attempt_s = o.state.last_attempt;
  f.last_error_code = o.state.last_error_code;
  f.last_error_message = o.state.last_error_message;
  f.next_attempt_s = o.next_attempt_at;
  f.catalog_updated_ms = catalog_updated_ms;
  return f;
}

ImportLive SyncLink::import_state() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return import_;
}

bool SyncLink::start_import(const std::string& path) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (import_.running) return false;
  }
  // The previous import (if any) has finished its work; only its wake call may remain.
  if (import_thread_.joinable()) import_thread_.join();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    import_ = ImportLive{};
    import_.running = true;
    import_.path = path;
  }
  import_thread_ = std::thread([this, path] {
    Status status;
    int64_t records = 0;
    // Its own connection: the import writes the whole catalog in one transaction, and the UI
    // keeps reading the old one meanwhile.
    std::unique_ptr<Database> db = open_store(db_path_, status, kiosk_connection());
    if (db) status = import_bundle(*db, path, &records, &clock_);
    // The kiosk's connections never checkpoint on commit; one that fails here (a reader holds
    // the log) is done by the next sync's, and the import is already committed.
    if (db && status.ok) (void)db->checkpoint();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      import_.running = false;
      import_.done = true;
      import_.status = status;
      import_.records = records;
      ++imports_finished_;
    }
    notify();
  });
  return true;
}

void SyncLink::after_frame(Services& services, unsigned nav_generation) {
  if (!services.db) return;
  Database& db = *services.db;
  uint64_t finished = 0, imports = 0, enrols = 0;
  bool enrolled = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finished = live_.finished;
    imports = imports_finished_;
    enrols = enrols_finished_;
    enrolled = enrol_.done && enrol_.status.ok;
  }
  if (enrols != seen_enrols_) {
    seen_enrols_ = enrols;
    // A new enrolment (maybe with another server or site): a new worker, syncing at once.
    if (enrolled) {
      stop();
      start(db);
      refresh_catalog_info(db, services);
    }
  }
  if (finished != seen_finished_ || imports != seen_imports_) {
    seen_finished_ = finished;
    seen_imports_ = imports;
    refresh_catalog_info(db, services);
  }
  // A visitor's request goes out at once rather than at the next scheduled sync. Requests are
  // written by the screens through kiosk/core, and every path moves to another screen right
  // after, so looking at the outbox's newest item when the screen changes is enough.
  if (!outbox_known_ || nav_generation != seen_generation_) {
    seen_generation_ = nav_generation;
    const std::vector<OutboxItem> newest = outbox_recent(db, 1);
    const std::string id = newest.empty() ? std::string() : newest.front().id;
    const bool added = outbox_known_ && !id.empty() && id != newest_outbox_id_ &&
                       newest.front().state == OutboxState::pending;
    outbox_known_ = true;
    newest_outbox_id_ = id;
    if (added && worker_) worker_->request_now();
  }
}

std::vector<std::string> bundle_search_roots() {
  std::vector<std::string> roots;
  if (const char* env = std::getenv("ERIC_BUNDLE_DIRS"); env && *env) {
    std::string all = env;
    size_t start = 0;
    while (start <= all.size()) {
      const size_t end = std::min(all.find(':', start), all.size());
      if (end > start) roots.push_back(all.substr(start, end - start));
      start = end + 1;
    }
    return roots;
  }
  return {"/media", "/mnt"};
}

std::vector<std::string> find_bundle_files(const std::vector<std::string>& roots, int max_depth,
                                           size_t limit) {
  std::vector<std::string> found;
  for (const std::string& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    // Errors (a folder we may not read, a key pulled out) skip that entry, never throw.
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    const fs::recursive_directory_iterator end;
    while (!ec && it != end && found.size() < limit * 4) {
      const fs::directory_entry& entry = *it;
      if (it.depth() >= max_depth && entry.is_directory(ec)) it.disable_recursion_pending();
      const std::string ext = entry.path().extension().string();
      if ((ext == ".bundle" || ext == ".json") && entry.is_regular_file(ec)) {
        found.push_back(entry.path().string());
      }
      it.increment(ec);
    }
  }
  std::sort(found.begin(), found.end());
  if (found.size() > limit) found.resize(limit);
  return found;
}

}  // namespace eric
