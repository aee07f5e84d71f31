// The sync worker (see worker.h).
#include "sync/worker.h"

#include <chrono>

#include "kiosk/core/base/test_hook.h"
#include "kiosk/core/storage/store.h"
#include "sync/client_internal.h"

namespace eric {

SyncWorker::SyncWorker(std::string db_path, SyncConfig config, SyncEventFn on_event)
    : db_path_(std::move(db_path)), config_(std::move(config)), on_event_(std::move(on_event)) {}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::beat() {
  beat_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::steady_clock::now().time_since_epoch())
                 .count();
}

void SyncWorker::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable()) return;
  beat();
  stop_ = false;
  cancel_ = false;
  now_ = true;
  thread_ = std::thread([this] { run(); });
}

void SyncWorker::request_now() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ = true;
  }
  wake_.notify_all();
}

void SyncWorker::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  cancel_ = true;  // an HTTP request in flight ends now rather than at its time-out
  wake_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

bool SyncWorker::busy() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return busy_;
}

void SyncWorker::run() {
  auto emit = [this](const SyncEvent& e) {
    if (on_event_) on_event_(e);
  };
  std::unique_ptr<Database> db;
  bool ran = false;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      // Sleep until the scheduled time (read from the sync state, so a sync made by
      // eric-kioskctl moves it too), a request, or stop.
      while (!stop_ && !now_) {
        beat();
        int64_t wait_s = config_.interval_s;
        if (db) {
          const int64_t next = sync_overview(*db).next_attempt_at;
          wait_s = next - sync_now_s(config_);
        }
        // Never two automatic syncs within a second, whatever the schedule says.
        if (ran && wait_s < 1) wait_s = 1;
        if (wait_s <= 0) break;
        // Wake at least every minute: a clock moved by a test or a script is noticed.
        if (wake_.wait_for(lock, std::chrono::seconds(std::min<int64_t>(wait_s, 60))) ==
            std::cv_status::timeout) {
          ran = ran && wait_s > 1;  // the minimum gap has passed
        }
      }
      if (stop_) return;
      now_ = false;
      busy_ = true;
      beat();
    }
    if (!db) {
      Status s;
      db = open_store(db_path_, s, kiosk_connection());
      if (!db) {
        SyncEvent e{SyncEvent::Kind::finished, {}, {}};
        e.result.status = s;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          busy_ = false;
        }
        emit(e);
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait_for(lock, std::chrono::seconds(config_.backoff_base_s > 0 ? config_.backoff_base_s : 1),
                       [this] { return stop_ || now_; });
        continue;
      }
    }
    emit(SyncEvent{SyncEvent::Kind::started, {}, {}});
    SyncConfig config = config_;
    config.cancel = &cancel_;
    SyncResult result = sync_once(*db, config, [&](const SyncProgress& p) {
      beat();
      emit(SyncEvent{SyncEvent::Kind::progress, p, {}});
    });
    {
      std::lock_guard<std::mutex> lock(mutex_);
      busy_ = false;
    }
    ran = true;
    beat();
    SyncEvent done{SyncEvent::Kind::finished, {}, std::move(result)};
    emit(done);
    // The new catalog is visible since its commit; copying the log back into the file
    // (40 ms after a 1 % delta, about a second after a full sync) waits for no one, and no
    // other kiosk connection does it (kiosk_connection()). One that fails (a reader holds
    // the log) leaves the log as it was for the next sync's checkpoint: nothing is lost.
    (void)db->checkpoint();
    reached_step(step::kCheckpointed);
  }
}

}  // namespace eric
