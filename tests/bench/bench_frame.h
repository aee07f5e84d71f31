// eric-bench catalog: the UI CPU time of a frame of the results screen, headless ImGui.
#pragma once

#include <string>

#include "tests/bench/bench_util.h"

namespace eric::bench {

struct FrameFigures {
  Percentiles frame;  // thread CPU time of one whole frame (shell + results screen), ms
  Percentiles draw_only;  // the same frames scrolling back over loaded rows: no query in them
  int64_t frames = 0;
  int64_t families = 0;  // result lists drawn
  std::string error;     // why nothing was measured (fonts, texts, screens)
};

// Opens "jobs.results" for each of the 14 families near the site (real fonts, the real shell)
// and draws it while the list scrolls down as under a steady finger, pages loading on the way
// (frame), then back up over what is loaded (draw_only).
FrameFigures run_frame_bench(BenchCatalog& catalog, int rounds, const std::string& assets_dir);

}  // namespace eric::bench
