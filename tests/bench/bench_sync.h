// eric-bench sync: a real eric-regional-server on loopback and a fresh terminal; full first
// sync, a 1 % delta, an unchanged sync, and the UI's frames while a sync applies.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/bench/bench_util.h"

namespace eric::bench {

struct SyncBenchOptions {
  int jobs = 100000;
  int rounds = 3;
  std::string data_dir;       // keeps the generated server catalog between runs
  std::string reference_dir;
  std::string assets_dir;
  std::string server_bin;
  int frame_seconds = 0;      // 0: frames only while the sync runs (plus as long again idle)
};

// One round: a fresh terminal enrolled, then three syncs in a row.
struct SyncRound {
  double full_s = 0;           // first sync, end to end (download, decode, apply, outbox, status)
  double full_download_s = 0;  // pages fetched and decoded, before the write transaction
  double full_apply_s = 0;     // the one write transaction
  int64_t full_records = 0;
  int64_t full_bytes_down = 0;
  double full_checkpoint_s = 0;  // the worker's checkpoint after it (outside the sync)
  double delta_ms = 0;         // end to end
  double delta_download_ms = 0, delta_apply_ms = 0;
  double delta_checkpoint_ms = 0;  // the worker's checkpoint after the delta
  int64_t delta_wal_pages = 0;     // pages the delta's commit wrote to the log
  int64_t delta_records = 0;
  int64_t unchanged_bytes_up = 0, unchanged_bytes_down = 0;
  bool unchanged_not_modified = false;
};

// The kiosk's frames (results screen, UI connection) on the main thread, paced at 60 Hz.
struct FrameDuringSync {
  Percentiles wall, cpu;            // while a SyncWorker applied a full replace
  Percentiles idle_wall, idle_cpu;  // the same screen with no sync running
  int64_t late = 0;                 // frames during the sync over 16.7 ms (a missed vsync)
  double sync_s = 0;                // the worker's sync, end to end
  int64_t records = 0;
  std::string error;
};

struct SyncFigures {
  std::vector<SyncRound> rounds;
  FrameDuringSync frame;
  int64_t catalog_jobs = 0;
  double peak_rss_mb = 0;  // of the bench process after the rounds: what a sync holds in memory
  std::string error;  // why nothing (or not everything) was measured
};

SyncFigures run_sync_bench(const SyncBenchOptions& options);
// Prints the figures (per round, medians, p99) and, last, one JSON object; returns the exit
// status (1 when something could not be measured).
int print_sync_figures(const SyncFigures& figures);

// Draws the job results screen over `terminal_db` (its own connection) at 60 Hz, first with
// no sync, then while a SyncWorker replaces the whole catalog on its own thread and
// connection (the terminal's cursor is cleared first, so the server sends a snapshot).
FrameDuringSync measure_frames_during_sync(const std::string& terminal_db,
                                           const std::string& assets_dir,
                                           const std::string& today, int min_seconds);

}  // namespace eric::bench
