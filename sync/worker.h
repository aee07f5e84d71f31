// The sync worker: a thread with its own SQLite connection that syncs at start, every few
// minutes and on demand, and reports progress and results through a callback.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "sync/client.h"

namespace eric {

struct SyncEvent {
  enum class Kind { started, progress, finished } kind = Kind::started;
  SyncProgress progress;  // for progress
  SyncResult result;      // for finished
};
// Called on the worker thread: keep it short (the kiosk copies the event and calls
// SDL_PushEvent to wake its loop).
using SyncEventFn = std::function<void(const SyncEvent&)>;

class SyncWorker {
 public:
  // `db_path` is the terminal's cache.db; the worker opens its own connection there.
  SyncWorker(std::string db_path, SyncConfig config, SyncEventFn on_event);
  ~SyncWorker();  // stops and joins
  SyncWorker(const SyncWorker&) = delete;
  SyncWorker& operator=(const SyncWorker&) = delete;

  void start();        // the first sync runs at once
  void request_now();  // a sync as soon as the current one (if any) ends
  void stop();         // ends after the current HTTP request at most; idempotent
  bool busy() const;   // a sync is running
  // Steady-clock milliseconds of the thread's last sign of life (each wake-up, at least once
  // a minute while it waits, and each step of a sync); 0 before start. The kiosk feeds the
  // systemd watchdog only while this is recent.
  int64_t last_beat_ms() const { return beat_ms_.load(); }

 private:
  void run();
  std::string db_path_;
  SyncConfig config_;
  SyncEventFn on_event_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool now_ = false;
  bool busy_ = false;
  std::atomic<bool> cancel_{false};
  std::atomic<int64_t> beat_ms_{0};
  void beat();
  std::thread thread_;
};

}  // namespace eric
