// eric-bench write (see bench_write.h). The baseline is the first write: the ratio says what
// replacing a filled catalog costs next to writing a new one.
#include "tests/bench/bench_write.h"

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/demo/demo_catalog.h"
#include "kiosk/demo/reference_data.h"

namespace eric::bench {

namespace {

size_t record_count(const Catalog& c) {
  return c.communes.size() + c.trades.size() + c.job_titles.size() + c.employers.size() +
         c.jobs.size() + c.trainings.size() + c.training_sessions.size() +
         c.immersion_offers.size() + c.immersion_slots.size() + c.sites.size() +
         c.workshops.size();
}

}  // namespace

WriteFigures run_write_bench(const std::string& reference_dir, const std::string& work_dir,
                             int jobs, int rounds) {
  namespace fs = std::filesystem;
  WriteFigures f;
  ReferenceData reference;
  if (Status s = load_reference_data(reference_dir, reference); !s) {
    f.error = s.message_fr;
    return f;
  }
  fs::create_directories(work_dir);
  std::vector<double> generate, first, again;
  for (int round = 0; round < rounds; ++round) {
    DemoOptions options;
    options.jobs = jobs;
    options.seed = 42 + static_cast<uint64_t>(round);
    options.today = Clock().today();
    double t0 = now_ms();
    const Catalog catalog = generate_demo_catalog(reference, options);
    generate.push_back(now_ms() - t0);
    f.records = record_count(catalog);

    const std::string path = (fs::path(work_dir) / "write-bench.db").string();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    Status s;
    auto db = open_store(path, s);
    if (!db) {
      f.error = s.message_fr;
      return f;
    }
    t0 = now_ms();
    s = replace_catalog(*db, catalog);
    first.push_back(now_ms() - t0);
    t0 = now_ms();
    if (s) s = replace_catalog(*db, catalog);
    again.push_back(now_ms() - t0);
    if (!s) {
      f.error = s.message_fr;
      return f;
    }
  }
  f.generate = percentiles(generate);
  f.first_write = percentiles(first);
  f.rewrite = percentiles(again);
  return f;
}

int print_write_figures(const WriteFigures& f, int jobs) {
  if (!f.error.empty()) {
    std::fprintf(stderr, "eric-bench: write: %s\n", f.error.c_str());
    return 1;
  }
  auto line = [](const char* what, const Percentiles& p) {
    std::printf("%-28s p50 %9.1f ms   p99 %9.1f ms   (n=%zu)\n", what, p.p50, p.p99, p.n);
  };
  std::printf("demo catalog of %d jobs: %zu records\n", jobs, f.records);
  line("generate", f.generate);
  line("write into a new file", f.first_write);
  line("replace in a filled file", f.rewrite);
  const double per_s = f.first_write.p50 > 0 ? f.records / f.first_write.p50 * 1000.0 : 0;
  const nlohmann::json out = {
      {"jobs", jobs},
      {"records", f.records},
      {"generate_p50_ms", f.generate.p50},
      {"write_p50_ms", f.first_write.p50},
      {"write_p99_ms", f.first_write.p99},
      {"write_records_per_s", per_s},
      {"replace_p50_ms", f.rewrite.p50},
      {"replace_to_write_ratio", f.first_write.p50 > 0 ? f.rewrite.p50 / f.first_write.p50 : 0},
  };
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

}  // namespace eric::bench
