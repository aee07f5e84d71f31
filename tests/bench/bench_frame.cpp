// eric-bench catalog: the UI CPU time of a frame of the results screen, headless ImGui. The
// real shell and screens draw into ImGui without a window; CLOCK_THREAD_CPUTIME_ID counts what
// the UI thread spends, whatever else the machine does.
#include "tests/bench/bench_frame.h"

#include <vector>

#include "screens/jobs_screens.h"
#include "tests/bench/headless_kiosk.h"

namespace eric::bench {

namespace {

constexpr int kFramesPerList = 240;       // four seconds at 60 frames a second

}  // namespace

FrameFigures run_frame_bench(BenchCatalog& catalog, int rounds, const std::string& assets_dir) {
  FrameFigures f;
  HeadlessKiosk kiosk;
  if (const Status started = kiosk.start(*catalog.db, assets_dir, catalog.today); !started) {
    f.error = started.message_fr;
    return f;
  }
  KioskApp& app = kiosk.app();
  ui::Ui& ui = app.ui();

  std::vector<double> samples, draw_only;
  const std::string families = "ABCDEFGHIJKLMN";
  for (int round = 0; round < rounds; ++round) {
    for (char family : families) {
      app.nav().home();
      app.nav().open("jobs.results", {{"family", std::string(1, family)}});
      ++f.families;
      for (int i = 0; i < kFramesPerList; ++i) {
        // The list moves as under a finger; the screen loads pages as rows come into view.
        auto it = ui.scroll.find(kJobsResultsListId);
        if (it != ui.scroll.end()) it->second.offset += kScrollPerFrame;
        const double t0 = thread_cpu_ms();
        app.frame(1.0f / 60.0f);
        samples.push_back(thread_cpu_ms() - t0);
      }
      // Back up over rows already loaded: what drawing alone costs, no query in the frame.
      for (int i = 0; i < kFramesPerList; ++i) {
        auto it = ui.scroll.find(kJobsResultsListId);
        if (it != ui.scroll.end()) it->second.offset -= kScrollPerFrame;
        const double t0 = thread_cpu_ms();
        app.frame(1.0f / 60.0f);
        draw_only.push_back(thread_cpu_ms() - t0);
      }
    }
  }
  f.frames = static_cast<int64_t>(samples.size());
  f.frame = percentiles(std::move(samples));
  f.draw_only = percentiles(std::move(draw_only));
  return f;
}

}  // namespace eric::bench
