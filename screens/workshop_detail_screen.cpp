// "workshop.detail" {"id"}: what one will do, what to bring, when and where, and "M'inscrire".
#include <imgui.h>

#include <algorithm>
#include <optional>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/workshops.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/core/words/workshop_words.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/help_screens.h"

namespace eric {

namespace {

class WorkshopDetailScreen : public Screen {
 public:
  explicit WorkshopDetailScreen(const ScreenArgs& args) {
    if (auto it = args.find("id"); it != args.end()) id_ = it->second;
  }

  std::string_view id() const override { return "workshop.detail"; }
  std::string title(ScreenContext& ctx) override {
    load(ctx);
    return card_ ? card_->workshop.title : ctx.i18n.tr("workshops.title");
  }
  std::string subtitle(ScreenContext& ctx) override {
    return card_ ? workshop_when_words(card_->workshop, ctx.i18n) : std::string();
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    ui::space(u, ui::Space::Section);
    if (!card_) {
      ui::text(u, t.tr("workshop.detail.missing"), ui::TextOpts{ui::FontRole::Title});
      return;
    }
    // The page scrolls where it does not fit (a small screen at A++): the when and where, the
    // seats and "M'inscrire" are below the description there.
    ui::ScrollPage page(u, "workshop.detail.page", ImVec2(0, 0), page_h_);
    const Workshop& w = card_->workshop;
    // The description beside the seats and the action; under them on a narrow screen.
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const bool stacked = avail_w * 0.38f - ui::px(u, 64) < 14 * ui::em(u);
    const float col_w = stacked ? avail_w : avail_w * 0.62f;
    ImGui::BeginGroup();
    section(u, t.tr("workshop.detail.what"), w.plain_description, col_w);
    if (!w.what_to_bring.empty()) section(u, t.tr("workshop.detail.bring"), w.what_to_bring, col_w);
    std::string where = w.place;
    if (!ctx.services.site.name.empty())
      where += (where.empty() ? "" : ", ") + ctx.services.site.name;
    std::string when = workshop_when_words(w, ctx.i18n);
    if (!w.animator.empty()) when += " · " + t.tr("workshops.with", {{"name", w.animator}});
    section(u, t.tr("workshop.detail.when_where"), when + "\n" + where, col_w);
    ImGui::EndGroup();

    // Right column: the seats and the one action.
    if (stacked)
      ui::space(u, ui::Space::Section);
    else
      ImGui::SameLine(0, ui::px(u, 64));
    ImGui::BeginGroup();
    ui::draw_picto(ImGui::GetWindowDrawList(), ui::workshop_picto(w.kind),
                   ImGui::GetCursorScreenPos(), ui::px(u, 140), ui::to_u32(u.theme.title));
    ImGui::Dummy(ImVec2(ui::px(u, 140), ui::px(u, 150)));
    ui::text(u, seats_left_words(card_->seats_left, t),
             ui::TextOpts{ui::FontRole::Title, card_->full() ? ui::Tone::Error : ui::Tone::Title});
    ui::space(u, ui::Space::Section);
    ui::ButtonOpts opts;
    opts.enabled = !card_->full();
    opts.width = std::min(ui::px(u, 420), ImGui::GetContentRegionAvail().x);
    if (ui::big_button(u, card_->full() ? t.tr("workshop.detail.full_button")
                                        : t.tr("workshop.detail.register"),
                       opts)) {
      ctx.session.workshop_id = w.id;
      ctx.nav.open("workshop.register", {{"id", w.id}});
    }
    if (card_->full()) {
      ui::space(u, ui::Space::Large);
      ui::text(u, t.tr("workshop.detail.full_sentence"),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, ui::px(u, 520)});
    }
    ImGui::EndGroup();
  }

 private:
  // Read when the screen is drawn (and again after a registration elsewhere): seats move.
  void load(ScreenContext& ctx) {
    card_.reset();
    if (ctx.services.db && !id_.empty()) card_ = workshop_card(*ctx.services.db, id_);
  }

  static void section(ui::Ui& u, const std::string& heading, const std::string& body,
                      float width) {
    ui::text(u, heading, ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title, width});
    ui::text(u, body, ui::TextOpts{ui::FontRole::Body, ui::Tone::Normal, width});
    ui::space(u, ui::Space::Wide);
  }

  std::string id_;
  std::optional<WorkshopCard> card_;
  float page_h_ = 0;  // the page's height as last drawn
};

}  // namespace

std::unique_ptr<Screen> make_workshop_detail_screen(const ScreenArgs& args) {
  return std::make_unique<WorkshopDetailScreen>(args);
}

}  // namespace eric
