// eric-bench sync: the kiosk's frames while a sync applies. The real shell draws the job
// results screen headless on the main thread over the UI connection, paced at 60 Hz, while a
// SyncWorker replaces the catalog on its own thread and connection (WAL: readers never wait).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "kiosk/core/storage/store.h"
#include "screens/jobs_screens.h"
#include "sync/worker.h"
#include "tests/bench/bench_sync.h"
#include "tests/bench/headless_kiosk.h"

namespace eric::bench {

namespace {

constexpr int kFramesPerFamily = 120;       // two seconds on a family, then the next one
constexpr double kFramePeriodMs = 1000.0 / 60.0;

// Walks the 14 families' result lists, scrolling, one frame per call.
class ResultsWalker {
 public:
  explicit ResultsWalker(KioskApp& app) : app_(app) {}
  // Draws one frame; gives its wall and thread CPU time in ms.
  void frame(double& wall_ms, double& cpu_ms) {
    if (frames_ % kFramesPerFamily == 0) {
      static constexpr char kFamilies[] = "ABCDEFGHIJKLMN";
      const char family = kFamilies[(frames_ / kFramesPerFamily) % 14];
      app_.nav().home();
      app_.nav().open("jobs.results", {{"family", std::string(1, family)}});
    }
    auto it = app_.ui().scroll.find(kJobsResultsListId);
    if (it != app_.ui().scroll.end()) it->second.offset += kScrollPerFrame;
    const double w0 = now_ms(), c0 = thread_cpu_ms();
    app_.frame(static_cast<float>(kFramePeriodMs / 1000.0));
    cpu_ms = thread_cpu_ms() - c0;
    wall_ms = now_ms() - w0;
    ++frames_;
  }

 private:
  KioskApp& app_;
  int64_t frames_ = 0;
};

// Sleeps until the next 60 Hz tick, as a vsync'd kiosk would.
void pace(double& next_tick) {
  next_tick += kFramePeriodMs;
  const double wait = next_tick - now_ms();
  if (wait > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(wait));
  else next_tick = now_ms();  // late: do not try to catch up with a burst
}

}  // namespace

FrameDuringSync measure_frames_during_sync(const std::string& terminal_db,
                                           const std::string& assets_dir,
                                           const std::string& today, int min_seconds) {
  FrameDuringSync f;
  Status s;
  auto ui_db = open_store(terminal_db, s, kiosk_connection());
  if (!ui_db) {
    f.error = s.message_fr;
    return f;
  }
  // The next sync gets a snapshot: the worst case, every table replaced in one transaction.
  s = sync_value_set(*ui_db, "cursor", "");
  if (!s) {
    f.error = s.message_fr;
    return f;
  }

  HeadlessKiosk kiosk;
  if (const Status started = kiosk.start(*ui_db, assets_dir, today); !started) {
    f.error = started.message_fr;
    return f;
  }
  KioskApp& app = kiosk.app();
  ResultsWalker walker(app);

  std::atomic<bool> started{false}, finished{false};
  std::mutex result_mutex;
  SyncResult result;
  SyncConfig config;
  config.total_timeout_ms = 300000;
  config.interval_s = 3600;
  SyncWorker worker(terminal_db, config, [&](const SyncEvent& e) {
    if (e.kind == SyncEvent::Kind::started) started = true;
    if (e.kind == SyncEvent::Kind::finished) {
      std::lock_guard<std::mutex> lock(result_mutex);
      result = e.result;
      finished = true;
    }
  });

  std::vector<double> wall, cpu, idle_wall, idle_cpu;
  double w = 0, c = 0, next_tick = now_ms();
  // Warm-up (fonts, first pages, caches), not counted.
  for (int i = 0; i < 60; ++i) {
    walker.frame(w, c);
    pace(next_tick);
  }
  const double sync_start = now_ms();
  worker.start();
  while (!finished) {
    walker.frame(w, c);
    if (started) {
      wall.push_back(w);
      cpu.push_back(c);
    }
    pace(next_tick);
  }
  const double sync_ms = now_ms() - sync_start;
  worker.stop();
  // As many frames again with nothing running, for comparison (and at least min_seconds).
  const size_t idle_frames = std::max<size_t>(wall.size(), static_cast<size_t>(min_seconds) * 60);
  for (size_t i = 0; i < idle_frames; ++i) {
    walker.frame(w, c);
    idle_wall.push_back(w);
    idle_cpu.push_back(c);
    pace(next_tick);
  }
  {
    std::lock_guard<std::mutex> lock(result_mutex);
    if (!result.status) f.error = "sync: " + result.status.code + " " + result.status.message_fr;
    f.records = result.changes_applied;
  }
  for (double ms : wall) f.late += ms > kFramePeriodMs ? 1 : 0;
  f.sync_s = sync_ms / 1000.0;
  f.wall = percentiles(std::move(wall));
  f.cpu = percentiles(std::move(cpu));
  f.idle_wall = percentiles(std::move(idle_wall));
  f.idle_cpu = percentiles(std::move(idle_cpu));
  return f;
}

}  // namespace eric::bench
