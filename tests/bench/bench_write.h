// eric-bench write: the demo generator making a catalog, and the store writing it into a new
// file and then over a filled one (what a full resync does), over several rounds.
#pragma once

#include <string>

#include "tests/bench/bench_util.h"

namespace eric::bench {

struct WriteFigures {
  Percentiles generate;     // ms to generate the catalog
  Percentiles first_write;  // ms to write it into a new file
  Percentiles rewrite;      // ms to replace it in the same file
  size_t records = 0;       // records of one catalog, all tables
  std::string error;        // French; empty when the run went through
};

WriteFigures run_write_bench(const std::string& reference_dir, const std::string& work_dir,
                             int jobs, int rounds);
// Prints the figures and a last line of JSON; returns the exit status.
int print_write_figures(const WriteFigures& f, int jobs);

}  // namespace eric::bench
