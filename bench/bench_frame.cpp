// eric-bench catalog: the UI CPU time of a frame of the results screen, headless ImGui. The
// real shell and screens draw into ImGui without a window; CLOCK_THREAD_CPUTIME_ID counts what
// the UI thread spends, whatever else the machine does.
#include "bench/bench_frame.h"

#include <imgui.h>

#include <memory>
#include <vector>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/services.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/i18n.h"
#include "kiosk/core/store.h"
#include "kiosk/ui/ui.h"
#include "screens/screens.h"

namespace eric::bench {

namespace {

constexpr const char* kListId = "jobs.results.list";
constexpr int kFramesPerList = 240;       // four seconds at 60 frames a second
constexpr float kScrollPerFrame = 30.0f;  // 1800 px/s: a brisk, steady drag

// An ImGui context for the length of the run.
class ImGuiScope {
 public:
  ImGuiScope() : ctx_(ImGui::CreateContext()) {}
  ~ImGuiScope() { ImGui::DestroyContext(ctx_); }
  ImGuiScope(const ImGuiScope&) = delete;
  ImGuiScope& operator=(const ImGuiScope&) = delete;

 private:
  ImGuiContext* ctx_;
};

}  // namespace

FrameFigures run_frame_bench(BenchCatalog& catalog, int rounds, const std::string& assets_dir) {
  FrameFigures f;
  ImGuiScope imgui;
  configure_imgui_io(ImGui::GetIO());
  ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
  I18n i18n;
  if (!i18n.load_dir(assets_dir + "/i18n", f.error)) return f;
  int64_t ms = 0;
  Clock::parse_local(catalog.today + " 10:00", ms);
  Clock clock = Clock::fixed_at(ms);
  Services services;
  services.db = catalog.db.get();
  if (auto site = site_by_id(*catalog.db, "eric-martigues")) {
    services.site = *site;
  } else {
    const auto sites = all_sites(*catalog.db);
    if (!sites.empty()) services.site = sites.front();
  }
  ScreenRegistry registry;
  register_all_screens(registry);
  ui::Ui ui;
  KioskApp app(ui, i18n, clock, services, registry);
  if (!app.start(f.error) || !app.build_fonts(1080, f.error)) return f;

  std::vector<double> samples, draw_only;
  const std::string families = "ABCDEFGHIJKLMN";
  for (int round = 0; round < rounds; ++round) {
    for (char family : families) {
      app.nav().home();
      app.nav().open("jobs.results", {{"family", std::string(1, family)}});
      ++f.families;
      for (int i = 0; i < kFramesPerList; ++i) {
        // The list moves as under a finger; the screen loads pages as rows come into view.
        auto it = ui.scroll.find(kListId);
        if (it != ui.scroll.end()) it->second.offset += kScrollPerFrame;
        const double t0 = thread_cpu_ms();
        app.frame(1.0f / 60.0f);
        samples.push_back(thread_cpu_ms() - t0);
      }
      // Back up over rows already loaded: what drawing alone costs, no query in the frame.
      for (int i = 0; i < kFramesPerList; ++i) {
        auto it = ui.scroll.find(kListId);
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
