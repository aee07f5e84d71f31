// eric-bench: the project's speed figures, printed as medians and p99 with a baseline measured
// in the same run, the last line one JSON object (benchmarks, never timed unit tests).
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/cli/cli.h"
#include "kiosk/demo/reference_data.h"
#include "tests/bench/bench_catalog.h"
#include "tests/bench/bench_frame.h"
#include "tests/bench/bench_import.h"
#include "tests/bench/bench_sync.h"
#include "tests/bench/bench_util.h"
#include "tests/bench/bench_write.h"

namespace {

double round3(double v) { return static_cast<double>(static_cast<long long>(v * 1000.0 + 0.5)) / 1000.0; }

}  // namespace

int main(int argc, char** argv) {
  std::string command;
  int jobs = 100000;
  int rounds = 3;
  std::string db_dir = "bench-data";
  std::string reference_dir = eric::default_reference_dir(argv[0]);
  std::string server_bin = ERIC_SERVER_BIN;
  CLI::App app;
  eric::cli::setup(app, "eric-bench",
                   "The project's speed figures: medians and p99 with a baseline measured in the "
                   "same run; the last line is one JSON object.");
  app.require_subcommand(1);
  // Every benchmark takes the same flags, after the command as before.
  auto common = [&](CLI::App* sub) {
    sub->add_option("--jobs", jobs, "jobs in the demo catalog")->check(CLI::PositiveNumber);
    sub->add_option("--rounds", rounds, "rounds measured (medians)")->check(CLI::PositiveNumber);
    sub->add_option("--db-dir", db_dir, "where the bench's databases live");
    sub->callback([&command, sub] { command = sub->get_name(); });
  };
  CLI::App* catalog = app.add_subcommand(
      "catalog", "search as you type, jobs near a commune, job detail, results frame (builds a "
                 "demo catalog of N jobs once, reused by later runs)");
  common(catalog);
  catalog->add_option("--reference-data", reference_dir, "reference data");
  CLI::App* sync = app.add_subcommand(
      "sync", "a real eric-regional-server on loopback: full first sync, 1 % delta, unchanged "
              "sync (R rounds, medians), UI frames while a sync applies");
  common(sync);
  sync->add_option("--server-bin", server_bin, "the eric-regional-server to start");
  CLI::App* write = app.add_subcommand(
      "write", "the demo generator, then the store writing its catalog into a new file and over "
               "a filled one (R rounds, medians)");
  common(write);
  write->add_option("--reference-data", reference_dir, "reference data");
  CLI::App* import = app.add_subcommand(
      "import", "the regional server's imports: a ~100 MB LHEO file (MB/s, peak memory), N France "
                "Travail offers (offers/s), the same file again (s, no change)");
  common(import);
  import->add_option("--server-bin", server_bin, "the eric-regional-server to start");
  import->add_option("--reference-data", reference_dir, "reference data");
  if (const auto code = eric::cli::parse(app, argc, argv)) return *code;

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
  if (command == "write") {
    return eric::bench::print_write_figures(
        eric::bench::run_write_bench(reference_dir, db_dir, jobs, rounds), jobs);
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
  return 2;  // CLI11 admits only the commands above
}
