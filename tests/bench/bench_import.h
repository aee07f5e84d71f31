// eric-bench import: the regional server's imports timed on files the bench writes (a ~100 MB
// LHEO export, 100,000 France Travail offers), with the server's peak memory.
#pragma once

#include <string>

namespace eric::bench {

struct ImportBenchOptions {
  std::string server_bin;
  std::string reference_dir;
  std::string data_dir;   // where the files and databases go
  int rounds = 3;
  int offers = 100000;
  int lheo_mb = 100;
};

// Runs the figures and prints them (medians, p99, baselines, one JSON line); the exit status.
int run_import_bench(const ImportBenchOptions& options);

}  // namespace eric::bench
