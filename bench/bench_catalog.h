// eric-bench catalog: the figures of the job discovery path's queries.
#pragma once

#include "bench/bench_util.h"

namespace eric::bench {

struct CatalogFigures {
  Percentiles search, search_baseline;
  Percentiles near, near_baseline;
  Percentiles detail;
  // Found counts are printed so that no measured work can be optimised away.
  int64_t search_found = 0, near_found = 0, detail_sessions = 0;
};

CatalogFigures run_catalog_bench(BenchCatalog& catalog, int rounds);

}  // namespace eric::bench
