// "workshops": this site's upcoming workshops, soonest first, with the seats left in words.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/workshops.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/core/words/workshop_words.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"
#include "screens/help_screens.h"

namespace eric {

namespace {

// "mardi 24 novembre à 14 h · Salle 2 · avec Karim": when, where, who.
std::string card_line(ScreenContext& ctx, const Workshop& w) {
  std::string line = workshop_when_words(w, ctx.i18n);
  if (!w.place.empty()) line += " · " + w.place;
  if (!w.animator.empty()) line += " · " + ctx.i18n.tr("workshops.with", {{"name", w.animator}});
  return line;
}

// The card's views point into w, line and seats.
ui::CardSpec card_spec(const Workshop& w, const std::string& line, const std::string& seats) {
  ui::CardSpec card;
  card.title = w.title;
  card.secondary = line;
  card.figure = seats;
  // Never a default (null) view: the card measures every text it is given.
  card.figure_caption = "";
  return card;
}

class WorkshopsScreen : public Screen {
 public:
  std::string_view id() const override { return "workshops"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("workshops.title"); }
  std::string subtitle(ScreenContext& ctx) override {
    return ctx.i18n.tr("workshops.subtitle", {{"site", ctx.services.site.name}});
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    // Read every frame: a seat taken at the desk or a sync shows at once (a few rows only).
    const std::vector<WorkshopCard> list =
        ctx.services.db ? upcoming_workshops(*ctx.services.db, ctx.services.site.id,
                                             ctx.clock.now_s())
                        : std::vector<WorkshopCard>{};
    ui::space(u, ui::Space::Section);
    if (list.empty()) {
      ui::text(u, ctx.i18n.tr("workshops.empty"), ui::TextOpts{ui::FontRole::Title});
      ui::text(u, ctx.i18n.tr("workshops.empty_ask"));
      return;
    }
    ui::text(u, ctx.i18n.tr("workshops.question"),
             ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
    ui::space(u, ui::Space::Section);

    const float picto = ui::px(u, 96);
    const float gap = ui::px(u, 24);
    const float card_w =
        ui::list_row_width(u, ImGui::GetContentRegionAvail().x) - picto - ui::px(u, 16) - gap;
    // Every row as tall as the tallest card: a card whose words need more lines grows.
    float row_h = std::max(ui::card_height(u, false), picto + ui::px(u, 16));
    for (const WorkshopCard& c : list) {
      const std::string line = card_line(ctx, c.workshop);
      const std::string seats = seats_left_words(c.seats_left, ctx.i18n);
      row_h = std::max(row_h, ui::card_height_for(u, card_spec(c.workshop, line, seats), card_w));
    }
    ui::ScrollList rows(u, "workshops", ImVec2(0, 0), static_cast<int>(list.size()), row_h,
                        ui::px(u, 16));
    for (int i = rows.first(); i < rows.last(); ++i) {
      rows.place(i);
      const WorkshopCard& c = list[static_cast<size_t>(i)];
      const Workshop& w = c.workshop;
      // The kind's pictogram beside the card, so the list can be read without reading.
      const ImVec2 pos = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled(
          pos, ImVec2(pos.x + picto + ui::px(u, 16), pos.y + row_h), ui::to_u32(u.theme.card),
          u.theme.rounding_em * ui::em(u));
      ui::draw_picto(ImGui::GetWindowDrawList(), ui::workshop_picto(w.kind),
                     ImVec2(pos.x + ui::px(u, 8), pos.y + (row_h - picto) * 0.5f), picto,
                     ui::to_u32(u.theme.title));
      ImGui::SetCursorScreenPos(ImVec2(pos.x + picto + ui::px(u, 16) + gap, pos.y));
      const std::string line = card_line(ctx, w);
      const std::string seats = seats_left_words(c.seats_left, ctx.i18n);
      ui::CardSpec card = card_spec(w, line, seats);
      card.width = card_w;
      card.height = row_h;
      if (ui::card(u, card)) {
        ctx.session.workshop_id = w.id;
        ctx.nav.open("workshop.detail", {{"id", w.id}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Screen> make_workshops_screen(const ScreenArgs&) {
  return std::make_unique<WorkshopsScreen>();
}

}  // namespace eric
