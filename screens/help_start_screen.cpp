// "help.start": the help path's first choice: be helped now (a ticket) or a workshop seat.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "kiosk/app/navigator.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/help_screens.h"

namespace eric {

namespace {

class HelpStartScreen : public Screen {
 public:
  explicit HelpStartScreen(const ScreenArgs& args) {
    if (auto it = args.find("context"); it != args.end()) context_ = it->second;
  }

  std::string_view id() const override { return "help.start"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("help.start.title"); }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    // The context rides in the session too, so the idle wipe forgets it with the rest.
    if (!context_.empty()) ctx.session.values["help.context"] = context_;
    // Measured before the page that scrolls when the tiles are taller than the screen.
    const float area_h = ImGui::GetContentRegionAvail().y;
    ui::ScrollPage page(u, "help.start", ImVec2(0, 0), page_h_);
    const float top = ImGui::GetCursorScreenPos().y;
    ui::space(u, ui::Space::Section);
    ui::text(u, ctx.i18n.tr("help.start.question"),
             ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
    if (!context_.empty()) {
      ui::text(u, ctx.i18n.tr("help.start.context", {{"context", context_}}),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    }
    ui::space(u, ui::Space::Section);

    const float gap = ui::px(u, 40);
    const ImVec2 avail(ImGui::GetContentRegionAvail().x,
                       area_h - (ImGui::GetCursorScreenPos().y - top));
    const float width = std::floor((avail.x - gap) / 2.0f);
    const std::string now_title = ctx.i18n.tr("help.start.now.title");
    const std::string now_sentence = ctx.i18n.tr("help.start.now.sentence");
    const std::string now_action = ctx.i18n.tr("help.start.now.action");
    const std::string ws_title = ctx.i18n.tr("help.start.workshop.title");
    const std::string ws_sentence = ctx.i18n.tr("help.start.workshop.sentence");
    const std::string ws_action = ctx.i18n.tr("help.start.workshop.action");
    const ui::TileSpec now{ui::Picto::Help, now_title, now_sentence, now_action};
    const ui::TileSpec ws{ui::Picto::Calendar, ws_title, ws_sentence, ws_action};
    float height = std::max(ui::tile_min_height(u, now, width), ui::tile_min_height(u, ws, width));
    height = std::floor(std::max(height, std::min(avail.y - ui::px(u, 140), ui::px(u, 560))));

    ui::TileSpec a = now;
    a.size = ImVec2(width, height);
    if (ui::tile(u, a)) {
      ScreenArgs args;
      if (!context_.empty()) args["context"] = context_;
      ctx.nav.open("help.ticket", args);
    }
    ImGui::SameLine(0, gap);
    ui::TileSpec b = ws;
    b.size = ImVec2(width, height);
    if (ui::tile(u, b)) ctx.nav.open("workshops");
    ui::space(u, ui::Space::Small);
  }

 private:
  std::string context_;
  float page_h_ = 0;  // the page's height last frame
};

}  // namespace

std::unique_ptr<Screen> make_help_start_screen(const ScreenArgs& args) {
  return std::make_unique<HelpStartScreen>(args);
}

}  // namespace eric
