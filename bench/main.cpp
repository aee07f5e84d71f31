// eric-bench: the project's speed figures, printed as medians and p99 with a baseline measured
// in the same run, the last line one JSON object (benchmarks, never timed unit tests).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/bench_catalog.h"
#include "bench/bench_frame.h"
#include "bench/bench_import.h"
#include "bench/bench_sync.h"
#include "bench/bench_util.h"
#include "kiosk/core/reference_data.h"

namespace {

void usage(FILE* out) {
  std::fprintf(out,
               "usage: eric-bench catalog [--jobs N] [--rounds R] [--db-dir DIR] [--reference-data DIR]\n"
               "  catalog  search as you type, jobs near a commune, job detail, results frame\n"
               "           (builds a demo catalog of N jobs once, reused by later runs)\n"
               "usage: eric-bench sync [--jobs N] [--rounds R] [--db-dir DIR] [--server-bin FILE]\n"
               "  sync     a real eric-regional-server on loopback: full first sync, 1 %% delta,\n"
               "           unchanged sync (R rounds, medians), UI frames while a sync applies\n"
               "usage: eric-bench import [--jobs N] [--rounds R] [--db-dir DIR] [--server-bin FILE]\n"
               "  import   the regional server's imports: a ~100 MB LHEO file (MB/s, peak memory),\n"
               "           N France Travail offers (offers/s), the same file again (s, no change)\n");
}

double round3(double v) { return static_cast<double>(static_cast<long long>(v * 1000.0 + 0.5)) / 1000.0; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help")) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  int jobs = 100000;
  int rounds = 3;
  std::string db_dir = "bench-data";
  std::string reference_dir = eric::default_reference_dir(argv[0]);
  std::string server_bin = ERIC_SERVER_BIN;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "eric-bench: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--jobs") jobs = std::atoi(value().c_str());
    else if (arg == "--rounds") rounds = std::atoi(value().c_str());
    else if (arg == "--db-dir") db_dir = value();
    else if (arg == "--reference-data") reference_dir = value();
    else if (arg == "--server-bin") server_bin = value();
    else {
      std::fprintf(stderr, "eric-bench: unknown option %s\n", arg.c_str());
      usage(stderr);
      return 2;
    }
  }
  if (jobs < 1 || rounds < 1) {
    std::fprintf(stderr, "eric-bench: --jobs and --rounds must be positive\n");
    return 2;
  }

  if (command == "catalog") {
    eric::bench::BenchCatalog catalog = eric::bench::open_bench_catalog(db_dir, jobs, reference_dir);
    eric::bench::CatalogFigures f = eric::bench::run_catalog_bench(catalog, rounds);
    auto line = [](const char* what, const eric::bench::Percentiles& p) {
      std::printf("%-28s p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms   (n=%zu)\n", what, p.p50, p.p99,
                  p.max, p.n);
    };
    line("search per keystroke", f.search);
    line("  in CPU time", f.search_cpu);
    line("  baseline LIKE '%word%'", f.search_baseline);
    line("jobs within 30 km, page 1", f.near);
    line("  in CPU time", f.near_cpu);
    line("  baseline every row", f.near_baseline);
    line("job detail + trainings", f.detail);
    const eric::bench::FrameFigures fr = eric::bench::run_frame_bench(catalog, rounds, ERIC_ASSETS_DIR);
    if (!fr.error.empty()) std::fprintf(stderr, "eric-bench: frame: %s\n", fr.error.c_str());
    line("results frame (UI CPU)", fr.frame);
    line("  frames without a query", fr.draw_only);
    std::printf("found: %lld suggestions, %lld jobs near, %lld sessions\n",
                static_cast<long long>(f.search_found), static_cast<long long>(f.near_found),
                static_cast<long long>(f.detail_sessions));
    nlohmann::json out = {
        {"jobs", jobs},
        {"search_p50_ms", round3(f.search.p50)},
        {"search_p99_ms", round3(f.search.p99)},
        {"search_baseline_ratio", round3(f.search_baseline.p50 / std::max(f.search.p50, 1e-6))},
        {"near_p50_ms", round3(f.near.p50)},
        {"near_p99_ms", round3(f.near.p99)},
        {"near_baseline_ratio", round3(f.near_baseline.p50 / std::max(f.near.p50, 1e-6))},
        {"detail_p99_ms", round3(f.detail.p99)},
        {"search_cpu_p99_ms", round3(f.search_cpu.p99)},
        {"near_cpu_p99_ms", round3(f.near_cpu.p99)},
        {"frame_p50_ms", round3(fr.frame.p50)},
        {"frame_p99_ms", round3(fr.frame.p99)},
        {"frame_draw_p99_ms", round3(fr.draw_only.p99)},
    };
    std::printf("%s\n", out.dump().c_str());
    return 0;
  }
  if (command == "sync") {
    eric::bench::SyncBenchOptions o;
    o.jobs = jobs;
    o.rounds = rounds;
    o.data_dir = db_dir;
    o.reference_dir = reference_dir;
    o.assets_dir = ERIC_ASSETS_DIR;
    o.server_bin = server_bin;
    return eric::bench::print_sync_figures(eric::bench::run_sync_bench(o));
  }
  if (command == "import") {
    eric::bench::ImportBenchOptions o;
    o.server_bin = server_bin;
    o.reference_dir = reference_dir;
    o.data_dir = db_dir;
    o.rounds = rounds;
    o.offers = jobs;
    return eric::bench::run_import_bench(o);
  }
  std::fprintf(stderr, "eric-bench: unknown command %s\n", command.c_str());
  usage(stderr);
  return 2;
}
