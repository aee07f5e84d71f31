// Small helpers shared by the benchmarks: timers, percentiles, a demo catalog on disk.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/storage/db.h"

namespace eric::bench {

// How far a benchmark's results list moves a frame: 1800 px/s at 60 frames a second, a brisk
// and steady drag (pages load on the way).
inline constexpr float kScrollPerFrame = 30.0f;

struct Percentiles {
  double p50 = 0, p99 = 0, max = 0;
  size_t n = 0;
};

inline Percentiles percentiles(std::vector<double> samples) {
  Percentiles p;
  if (samples.empty()) return p;
  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) {
    size_t i = static_cast<size_t>(q * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(i, samples.size() - 1)];
  };
  p.p50 = at(0.50);
  p.p99 = at(0.99);
  p.max = samples.back();
  p.n = samples.size();
  return p;
}

inline double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// CPU time of the calling thread: what a UI frame costs, whatever else the machine does.
inline double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct BenchCatalog {
  std::unique_ptr<Database> db;
  std::string path;
  std::string today;
  double build_s = 0;  // 0 when reused
};

// Opens <dir>/catalog-<jobs>.db, generating it with the demo generator when it is missing or
// holds another number of jobs. Prints what it does on stderr; exits on failure.
BenchCatalog open_bench_catalog(const std::string& dir, int jobs, const std::string& reference_dir);

}  // namespace eric::bench
