// "immersion.results": employers offering an immersion in the chosen trade near the visitor's
// place, nearest first, with the next period and the seats left in words; never a dead end.
#include <imgui.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"
#include "screens/immersion_screens.h"
#include "screens/jobs_support.h"
#include "screens/jobs_ui.h"

namespace eric {

namespace {

constexpr const char* kImmersionListId = "immersion.results.list";
constexpr int kMaxCards = 100;

class ImmersionResultsScreen : public Screen {
 public:
  explicit ImmersionResultsScreen(jobs::What what) : what_(std::move(what)) {}

  std::string_view id() const override { return "immersion.results"; }
  bool shows_hard_words() const override { return true; }
  std::string title(ScreenContext& ctx) override {
    return ctx.i18n.tr("immersion.results.title", {{"what", jobs::what_title(ctx.i18n, what_)}});
  }
  std::string subtitle(ScreenContext& ctx) override {
    const jobs::Place& place = place_.get(ctx.services.db, ctx.session, ctx.services.site);
    return jobs::place_line(ctx.i18n, place, jobs::visitor_radius(ctx.session));
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    refresh(ctx);
    ui::space(u, ui::Space::Small);
    {
      ui::ChipFlow flow(u);
      if (flow.chip(ctx.i18n.tr("immersion.results.change_place"), false))
        ctx.nav.open("pick.where", {{"path", "immersion"}});
      if (flow.chip(ctx.i18n.tr("immersion.results.other_trade"), false))
        ctx.nav.open("immersion.trade");
    }
    ui::space(u, ui::Space::Small);
    if (cards_.empty()) {
      draw_nothing_found(ctx);
      return;
    }
    ui::text(u,
             ctx.i18n.tr_count("immersion.results.count", static_cast<long long>(cards_.size())),
             ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    ui::space(u, ui::Space::Tight);
    draw_list(ctx);
  }

 private:
  // Asks the store again when the search changed or the screen comes back on top (a request
  // made meanwhile takes a seat).
  void refresh(ScreenContext& ctx) {
    Database* db = ctx.services.db;
    const jobs::Place& place = place_.get(db, ctx.session, ctx.services.site);
    const int radius = jobs::visitor_radius(ctx.session);
    const std::string key = place.insee + "|" + std::to_string(place.lat) + "|" +
                            std::to_string(radius) + "|" + std::to_string(ctx.nav.generation());
    if (key == loaded_key_ || !db) return;
    const bool new_search = key.substr(0, key.rfind('|')) != loaded_key_.substr(0, loaded_key_.rfind('|'));
    loaded_key_ = key;
    ImmersionQuery q;
    q.lat = place.lat;
    q.lon = place.lon;
    q.radius_km = radius;
    q.family = what_.family;
    q.today = ctx.clock.today();
    q.limit = kMaxCards;
    if (!what_.trade.empty()) {
      q.trade_codes = {what_.trade};
    } else if (!what_.words.empty()) {
      q.trade_codes = trades_for_words(*db, what_.words);
      no_trade_ = q.trade_codes.empty();
      if (no_trade_) {
        cards_.clear();
        count_search(ctx, q.today, new_search);
        return;
      }
    }
    cards_ = immersion_offers_near(*db, q);
    if (new_search) ui::reset_scroll(ctx.ui, kImmersionListId);
    count_search(ctx, q.today, new_search);
  }

  // The trades a search by words points at: those of the suggestions (job titles, trades,
  // offers) in the order the search ranks them.
  static std::vector<std::string> trades_for_words(Database& db, const std::string& words) {
    std::vector<std::string> codes;
    std::set<std::string> seen;
    for (const Suggestion& s : suggest(db, words, 40))
      if (!s.trade_code.empty() && seen.insert(s.trade_code).second) codes.push_back(s.trade_code);
    return codes;
  }

  // A card's words: the employer, the trade when the search mixes them, the next period and
  // the seats left, the distance and the commune.
  struct CardWords {
    const ImmersionCard* card = nullptr;
    std::string secondary, distance;
    std::string_view badge;
    ui::CardSpec spec() const {  // views into this: used while it lives
      ui::CardSpec s;
      s.title = card->employer_name;
      s.secondary = secondary;
      s.figure = distance;
      s.figure_caption = card->commune_name;
      s.badge = badge;
      return s;
    }
  };
  CardWords card_words(ScreenContext& ctx, const ImmersionCard& c, const std::string& badge) const {
    CardWords w;
    w.card = &c;
    // A search by family or words mixes trades: each card says which one.
    if (what_.trade.empty() && !c.trade_label.empty()) w.secondary = c.trade_label + " · ";
    w.secondary += ctx.i18n.tr("immersion.from_date",
                               {{"date", date_words(c.next_slot_start, ctx.i18n, true, false)}});
    w.secondary += " · " + seats_words(c.seats_left, ctx.i18n);
    w.distance = distance_words(c.distance_km, ctx.i18n);
    if (c.fit_for_disabled_workers) w.badge = badge;
    return w;
  }

  static bool can_ask(const ImmersionCard& c) {
    return c.seats_left > 0 && !c.next_slot_id.empty();
  }

  void draw_list(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const std::string badge = ctx.i18n.tr("immersion.fit_for_disabled");
    const std::string ask = ctx.i18n.tr("immersion.results.ask_period");
    const float ask_w = ui::text_size(u, ask, ui::FontRole::BodyBold).x + 3 * ui::em(u);
    const float gap = ui::px(u, 16);
    const float row_w = ui::list_row_width(u, ImGui::GetContentRegionAvail().x);
    // "Demander cette période" on the right of its card; under it where the card would keep
    // too little room for the employer's name (a portrait screen, larger text).
    const bool ask_under = row_w - ask_w - gap < 26 * ui::em(u);
    const auto card_w = [&](const ImmersionCard& c) {
      return can_ask(c) && !ask_under ? row_w - ask_w - gap : row_w;
    };
    // Every row as tall as the tallest card: a card whose words need more lines grows.
    float card_h = ui::card_height(u, true);
    for (const ImmersionCard& c : cards_)
      card_h = std::max(card_h,
                        ui::card_height_for(u, card_words(ctx, c, badge).spec(), card_w(c)));
    const float row_h = ask_under ? card_h + gap + ui::target_height(u) : card_h;
    const int count = static_cast<int>(cards_.size());
    ui::ScrollList list(u, kImmersionListId, ImVec2(0, 0), count, row_h, ui::px(u, 24));
    for (int i = list.first(); i < list.last(); ++i) {
      list.place(i);
      const ImmersionCard& c = cards_[static_cast<size_t>(i)];
      const CardWords w = card_words(ctx, c, badge);
      ui::CardSpec spec = w.spec();
      spec.height = card_h;
      spec.width = card_w(c);
      const ImVec2 row = ImGui::GetCursorScreenPos();
      if (ui::card(u, spec)) ctx.nav.open("immersion.employer", {{"offer", c.offer_id}});
      // The next period with a seat, asked for straight from the list (one tap less to a
      // request); the card itself still opens the employer's page with every period.
      if (!can_ask(c)) continue;
      const ImVec2 at = ask_under ? ImVec2(row.x, row.y + card_h + gap)
                                  : ImVec2(row.x + spec.width + gap,
                                           row.y + (card_h - ui::target_height(u)) * 0.5f);
      ImGui::SetCursorScreenPos(at);
      ui::ButtonOpts bo;
      bo.kind = ui::ButtonKind::Secondary;
      bo.width = ask_w;
      ImGui::PushID(i);
      if (ui::big_button(u, ask, bo)) ctx.nav.open("immersion.form", {{"slot", c.next_slot_id}});
      ImGui::PopID();
    }
  }

  void draw_nothing_found(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const jobs::Place& place = place_.get(ctx.services.db, ctx.session, ctx.services.site);
    const int radius = jobs::visitor_radius(ctx.session);
    ui::text(u, ctx.i18n.tr("immersion.results.none_title"),
             ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
    ui::space(u, ui::Space::Tight);
    const std::string km = std::to_string(radius);
    ui::text(u, place.name.empty()
                    ? ctx.i18n.tr("immersion.results.none_here_site", {{"km", km}})
                    : ctx.i18n.tr("immersion.results.none_here", {{"km", km}, {"place", place.name}}));
    ui::text(u, ctx.i18n.tr("immersion.results.none_help"));
    ui::space(u, ui::Space::Medium);
    // Words that name no trade: searching further cannot help, choosing a trade can.
    const int wider = no_trade_ ? 0 : jobs::wider_radius(radius);
    if (wider > 0) {
      if (ui::big_button(u, ctx.i18n.tr("immersion.results.wider", {{"km", std::to_string(wider)}})))
        ctx.session.radius_km = wider;
      ImGui::SameLine(0, ui::em(u));
    } else if (no_trade_) {
      if (ui::big_button(u, ctx.i18n.tr("immersion.results.other_trade")))
        ctx.nav.open("immersion.trade");
      ImGui::SameLine(0, ui::em(u));
    }
    ui::ButtonOpts secondary;
    secondary.kind = ui::ButtonKind::Secondary;
    if (ui::big_button(u, ctx.i18n.tr("immersion.results.ask_animator"), secondary)) {
      ctx.nav.open("help.start",
                   {{"context", ctx.i18n.tr("immersion.results.help_context",
                                            {{"what", jobs::what_title(ctx.i18n, what_)}})}});
    }
  }

  // Anonymous: the trade, the family or the folded words, never who searched.
  void count_search(ScreenContext& ctx, const std::string& today, bool new_search) {
    if (!new_search) return;
    const std::string key = jobs::usage_key(what_);
    ctx.services.usage.add(today, "immersion.search", key);
    if (cards_.empty()) ctx.services.usage.add(today, "immersion.search_no_result", key);
  }

  jobs::What what_;
  jobs::PlaceCache place_;
  std::vector<ImmersionCard> cards_;
  std::string loaded_key_;
  bool no_trade_ = false;  // the words matched no trade at all
};

}  // namespace

std::unique_ptr<Screen> make_immersion_results_screen(const ScreenArgs& args) {
  return std::make_unique<ImmersionResultsScreen>(jobs::parse_what(args));
}

}  // namespace eric
