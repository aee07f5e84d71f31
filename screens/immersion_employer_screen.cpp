// "immersion.employer": one employer's immersion offer: what the visitor will do, where to go,
// how the employer likes to be contacted, and its periods as big choices with the seats left.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"
#include "screens/immersion_screens.h"
#include "screens/immersion_support.h"
#include "screens/jobs_support.h"
#include "screens/jobs_ui.h"

namespace eric {

namespace {

class ImmersionEmployerScreen : public Screen {
 public:
  explicit ImmersionEmployerScreen(std::string offer_id) : offer_id_(std::move(offer_id)) {}

  std::string_view id() const override { return "immersion.employer"; }
  bool shows_hard_words() const override { return true; }
  std::string title(ScreenContext& ctx) override {
    load(ctx);
    return detail_ ? detail_->employer_name : ctx.i18n.tr("immersion.employer.missing_title");
  }
  std::string subtitle(ScreenContext& ctx) override {
    load(ctx);
    if (!detail_) return {};
    std::string line = detail_->trade_label;
    if (!detail_->commune_name.empty()) line += " · " + detail_->commune_name;
    return line + " · " + distance_words(detail_->distance_km, ctx.i18n);
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    load(ctx);
    if (!detail_) {
      ui::space(u, ui::Space::Medium);
      ui::text(u, ctx.i18n.tr("immersion.employer.missing"), ui::TextOpts{ui::FontRole::Title});
      ui::space(u, ui::Space::Medium);
      if (ui::big_button(u, ctx.i18n.tr("immersion.employer.back_to_list"))) ctx.nav.back();
      return;
    }
    ui::space(u, ui::Space::Small);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ui::px(u, 48);
    // The periods get the wider column: their schedules are long ("du lundi au vendredi,
    // 8 h - 12 h et 13 h 30 - 17 h").
    const float left_w = std::floor((avail.x - gap) * 0.4f);
    ImGui::BeginChild("##about", ImVec2(left_w, avail.y), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoBackground);
    {
      ui::ScrollPage page(u, "immersion.employer.about", ImVec2(0, 0), about_h_);
      draw_about(ctx);
    }
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("##slots", ImVec2(avail.x - left_w - gap, avail.y), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoBackground);
    draw_slots(ctx);
    ImGui::EndChild();
  }

 private:
  // Loaded when the screen opens and again each time it comes back on top: a request made
  // from here takes a seat.
  void load(ScreenContext& ctx) {
    if (loaded_generation_ == ctx.nav.generation() || !ctx.services.db) return;
    loaded_generation_ = ctx.nav.generation();
    const jobs::Place& place = place_.get(ctx.services.db, ctx.session, ctx.services.site);
    detail_ = immersion_offer_detail(*ctx.services.db, offer_id_, ctx.clock.today(), place.lat,
                                     place.lon);
  }

  void heading(ui::Ui& u, const std::string& s) {
    ui::text(u, s, ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title});
    ui::space(u, ui::Space::Tight);
  }

  void draw_about(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const ImmersionOfferDetail& d = *detail_;
    heading(u, ctx.i18n.tr("immersion.employer.what"));
    ui::text(u, d.offer.what_you_will_do.empty() ? ctx.i18n.tr("immersion.employer.what_default")
                                                 : d.offer.what_you_will_do);
    ui::space(u, ui::Space::Large);
    heading(u, ctx.i18n.tr("immersion.employer.where"));
    ui::text(u, d.offer.welcome_address.empty() ? d.commune_name : d.offer.welcome_address);
    ui::space(u, ui::Space::Large);
    heading(u, ctx.i18n.tr("immersion.employer.contact"));
    ui::text(u, immersion::contact_mode_words(ctx.i18n, d.offer.contact_mode));
    if (d.offer.fit_for_disabled_workers) {
      ui::space(u, ui::Space::Large);
      ui::badge(u, ctx.i18n.tr("immersion.fit_for_disabled"));
      ui::space(u, ui::Space::Tight);
      ui::text(u, ctx.i18n.tr("immersion.employer.fit_sentence"),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    }
    ui::space(u, ui::Space::Medium);
  }

  void draw_slots(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const ImmersionOfferDetail& d = *detail_;
    heading(u, ctx.i18n.tr("immersion.employer.choose_period"));
    if (d.slots.empty()) {
      ui::text(u, ctx.i18n.tr("immersion.employer.no_period"));
      ui::space(u, ui::Space::Medium);
      if (ui::big_button(u, ctx.i18n.tr("immersion.results.ask_animator"))) {
        ctx.nav.open("help.start", {{"context", ctx.i18n.tr("immersion.employer.help_context",
                                                            {{"employer", d.employer_name}})}});
      }
      return;
    }
    ui::text(u, ctx.i18n.tr("immersion.employer.choose_hint"),
             ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    ui::space(u, ui::Space::Small);
    // A period's words; the card's views point into them.
    struct Words {
      std::string dates, seats, caption;
      ui::CardSpec spec;
    };
    const auto words_of = [&](const ImmersionSlotInfo& s, Words& w) {
      w.dates = immersion::slot_dates(ctx.i18n, s.slot);
      w.seats = seats_words(s.seats_left, ctx.i18n);
      w.caption = immersion::days_words(ctx.i18n, s.slot.days);
      w.spec.title = w.dates;
      w.spec.secondary = s.slot.schedule_label;
      w.spec.figure = w.seats;
      w.spec.figure_caption = w.caption;
    };
    // Every row as tall as the tallest card: a card whose words need more lines grows.
    const float row_w = ui::list_row_width(u, ImGui::GetContentRegionAvail().x);
    float row_h = ui::card_height(u, false);
    Words w;
    for (const ImmersionSlotInfo& s : d.slots) {
      words_of(s, w);
      row_h = std::max(row_h, ui::card_height_for(u, w.spec, row_w));
    }
    ui::ScrollList list(u, "immersion.employer.slots", ImVec2(0, 0),
                        static_cast<int>(d.slots.size()), row_h, ui::px(u, 16));
    for (int i = list.first(); i < list.last(); ++i) {
      list.place(i);
      const ImmersionSlotInfo& s = d.slots[static_cast<size_t>(i)];
      words_of(s, w);
      w.spec.height = row_h;
      if (!ui::card(u, w.spec)) continue;
      if (s.seats_left <= 0) {
        u.toasts.show(ctx.i18n.tr("immersion.employer.full_toast"), ctx.clock.now_ms());
      } else {
        ctx.session.immersion_slot_id = s.slot.id;
        ctx.nav.open("immersion.form", {{"slot", s.slot.id}});
      }
    }
  }

  std::string offer_id_;
  jobs::PlaceCache place_;
  std::optional<ImmersionOfferDetail> detail_;
  unsigned loaded_generation_ = ~0u;
  float about_h_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_immersion_employer_screen(const ScreenArgs& args) {
  auto it = args.find("offer");
  return std::make_unique<ImmersionEmployerScreen>(it == args.end() ? std::string() : it->second);
}

}  // namespace eric
