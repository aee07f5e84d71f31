// Builds (or reuses) the benchmark catalog with the same demo generator as the kiosk.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/demo/demo_catalog.h"
#include "kiosk/demo/reference_data.h"
#include "tests/bench/bench_util.h"

namespace eric::bench {

BenchCatalog open_bench_catalog(const std::string& dir, int jobs, const std::string& reference_dir) {
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  BenchCatalog out;
  out.path = (fs::path(dir) / ("catalog-" + std::to_string(jobs) + ".db")).string();
  // The catalog's dates are relative to the day it was made: keep that day beside it.
  Clock clock;
  out.today = clock.today();
  Status status;
  out.db = open_store(out.path, status);
  if (!out.db) {
    std::fprintf(stderr, "eric-bench: %s\n", status.message_fr.c_str());
    std::exit(1);
  }
  CatalogCounts counts = catalog_counts(*out.db);
  if (counts.jobs == jobs) {
    if (auto day = setting_get(*out.db, "bench.today")) out.today = *day;
    std::fprintf(stderr, "eric-bench: reusing %s (%lld jobs)\n", out.path.c_str(),
                 static_cast<long long>(counts.jobs));
    return out;
  }
  ReferenceData reference;
  if (const Status loaded = load_reference_data(reference_dir, reference); !loaded) {
    std::fprintf(stderr, "eric-bench: %s\n", loaded.message_fr.c_str());
    std::exit(1);
  }
  double start = now_ms();
  DemoOptions options;
  options.jobs = jobs;
  options.today = out.today;
  Catalog catalog = generate_demo_catalog(reference, options);
  double generated = now_ms();
  Status written = replace_catalog(*out.db, catalog);
  if (written) written = setting_set(*out.db, "bench.today", out.today);
  if (!written) {
    std::fprintf(stderr, "eric-bench: %s\n", written.message_fr.c_str());
    std::exit(1);
  }
  out.build_s = (now_ms() - start) / 1000.0;
  std::fprintf(stderr, "eric-bench: built %s: generated %d jobs in %.0f ms, written in %.0f ms\n",
               out.path.c_str(), jobs, generated - start, now_ms() - generated);
  return out;
}

}  // namespace eric::bench
