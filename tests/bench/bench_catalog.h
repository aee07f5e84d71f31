// eric-bench catalog: the figures of the job discovery path's queries.
#pragma once

#include "tests/bench/bench_util.h"

namespace eric::bench {

struct CatalogFigures {
  Percentiles search, search_baseline;
  Percentiles near, near_baseline;
  // The same calls in CPU time of the calling thread: what the code costs, whatever else the
  // machine runs (on a loaded machine the wall-clock tail is the scheduler's).
  Percentiles search_cpu, near_cpu;
  Percentiles detail;
  // Found counts are printed so that no measured work can be optimised away.
  int64_t search_found = 0, near_found = 0, detail_sessions = 0;
};

CatalogFigures run_catalog_bench(BenchCatalog& catalog, int rounds);

}  // namespace eric::bench
