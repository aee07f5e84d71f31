// "desk": the animator's desk behind the PIN: the queue, this week's workshops, the immersion
// requests made here. Leaves on its button, and after 2 minutes without a touch (the shell).
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/housekeeping.h"
#include "kiosk/core/domain/workshops.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"
#include "screens/desk_panels.h"
#include "screens/help_screens.h"

namespace eric {

namespace {

enum class Tab { Queue, Workshops, Immersion };

class DeskScreen : public Screen {
 public:
  std::string_view id() const override { return "desk"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("desk.title"); }
  std::string subtitle(ScreenContext& ctx) override { return ctx.services.site.name; }
  // Only its own button leaves the desk, and it leaves the animator mode with it.
  bool show_back() const override { return false; }

  void draw(ScreenContext& ctx) override {
    // Nothing of the desk without the PIN: a visitor who lands here (a stale stack, a script)
    // is sent home before anything is drawn.
    if (ctx.shell.mode == Mode::Visitor || !ctx.services.db) {
      ctx.nav.home();
      return;
    }
    ui::Ui& u = ctx.ui;
    Database& db = *ctx.services.db;
    const int64_t now = ctx.clock.now_s();
    if (!purged_) {
      // Yesterday's names serve nobody. Tried once per opening of the desk: a busy file is
      // left to the daily housekeeping at home rather than retried at every frame.
      (void)run_housekeeping(db, now);
      purged_ = true;
    }
    refresh_desk_data(data_, db, ctx.services.site.id, now);
    const std::vector<HelpTicket>& queue = data_.queue;
    const std::vector<ImmersionRequestRow>& requests = data_.requests;

    ui::space(u, ui::Space::Section);
    if (draw_tabs_and_close(ctx, queue.size(), requests.size())) {
      ctx.shell.mode = Mode::Visitor;
      ctx.nav.home();
      return;
    }
    ui::space(u, ui::Space::Section);

    const DeskContext desk{ctx, db, now, role(ctx), data_};
    switch (tab_) {
      case Tab::Queue: draw_queue_panel(desk, queue); break;
      case Tab::Workshops: draw_workshops_panel(desk, workshops_); break;
      case Tab::Immersion: draw_immersion_panel(desk, requests); break;
    }
  }

 private:
  // The three tabs and the way out. On one line when they fit, the way out on the right;
  // on a narrow screen (a portrait totem) the way out first, alone on its line, so it never
  // lies over a tab. True when the way out was tapped.
  bool draw_tabs_and_close(ScreenContext& ctx, size_t queued, size_t requested) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    const std::string tabs[3] = {t.tr("desk.tab.queue", {{"n", std::to_string(queued)}}),
                                 t.tr("desk.tab.workshops"),
                                 t.tr("desk.tab.immersion", {{"n", std::to_string(requested)}})};
    const std::string close = t.tr("desk.close");
    ui::ButtonOpts close_opts;
    close_opts.kind = ui::ButtonKind::Secondary;
    close_opts.icon = ui::Picto::Lock;
    // At least 460 design pixels, wider when the language's words need it.
    close_opts.width = std::max(ui::px(u, 460), ui::big_button_width(u, close, close_opts));
    const float gap = ui::px(u, 16);
    float tabs_w = 0;
    for (const std::string& tab : tabs)
      tabs_w += ui::chip_width(u, tab) + gap;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool one_line = tabs_w + close_opts.width <= avail;
    // The way out first: on the right of the tabs' line, or alone above them.
    const ImVec2 row = ImGui::GetCursorScreenPos();
    ImGui::SetCursorPosX(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - close_opts.width));
    const bool closed = ui::big_button(u, close, close_opts);
    if (one_line)
      ImGui::SetCursorScreenPos(row);
    else
      ui::space(u, ui::Space::Medium);
    ui::ChipFlow flow(u, one_line ? avail - close_opts.width - gap : avail);
    const Tab order[3] = {Tab::Queue, Tab::Workshops, Tab::Immersion};
    for (int i = 0; i < 3; ++i)
      if (flow.chip(tabs[i], tab_ == order[i])) tab_ = order[i];
    return closed;
  }

  static std::string role(const ScreenContext& ctx) {
    return ctx.shell.mode == Mode::Manager ? "manager" : "animator";
  }

  Tab tab_ = Tab::Queue;
  bool purged_ = false;
  DeskWorkshopsState workshops_;
  DeskData data_;
};

}  // namespace

std::unique_ptr<Screen> make_desk_screen(const ScreenArgs&) {
  return std::make_unique<DeskScreen>();
}

}  // namespace eric
