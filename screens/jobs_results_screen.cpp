// The job offers near the visitor's place, nearest first, with filters and no dead end.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"
#include "screens/jobs_screens.h"
#include "screens/jobs_support.h"
#include "screens/jobs_ui.h"

namespace eric {

namespace {

constexpr int kOtherTrades = 8;
// Rows loaded ahead of the last visible one, so the list never waits at its end.
constexpr int kLookAhead = 5;

class JobsResultsScreen : public Screen {
 public:
  explicit JobsResultsScreen(jobs::What what) : what_(std::move(what)) {}

  std::string_view id() const override { return "jobs.results"; }
  bool shows_hard_words() const override { return true; }
  std::string title(ScreenContext& ctx) override { return jobs::what_title(ctx.i18n, what_); }
  std::string subtitle(ScreenContext& ctx) override {
    const jobs::Place& place = place_.get(ctx.services.db, ctx.session, ctx.services.site);
    return jobs::place_line(ctx.i18n, place, jobs::visitor_radius(ctx.session));
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    Database* db = ctx.services.db;
    const jobs::Place& place = place_.get(db, ctx.session, ctx.services.site);
    const jobs::Filters filters = jobs::load_filters(ctx.session);
    const int radius = jobs::visitor_radius(ctx.session);
    if (today_.empty()) today_ = ctx.clock.today();
    if (pager_.set_query(jobs::build_query(what_, filters, place, radius, today_))) {
      ui::reset_scroll(u, kJobsResultsListId);
      counted_ = false;
    }
    if (db) pager_.need(*db, 0);
    count_search(ctx);

    ui::space(u, ui::Space::Small);
    draw_filters(ctx, filters);
    ui::space(u, ui::Space::Small);
    if (!pager_.loaded() || pager_.total() == 0) {
      draw_nothing_found(ctx, filters, radius, place);
      return;
    }
    ui::text(u, jobs::count_words(ctx.i18n, pager_.total()),
             ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    ui::space(u, ui::Space::Tight);
    draw_list(ctx);
  }

 private:
  void draw_filters(ScreenContext& ctx, jobs::Filters filters) {
    ui::Ui& u = ctx.ui;
    bool changed = false;
    ui::ChipFlow flow(u);
    if (flow.chip(ctx.i18n.tr("jobs.results.all_contracts"), filters.contracts.empty()) &&
        !filters.contracts.empty()) {
      filters.contracts.clear();
      changed = true;
    }
    for (const char* c : jobs::kContractChips) {
      if (flow.chip(contract_words(c, 0, ctx.i18n), filters.has(c))) {
        filters.toggle(c);
        changed = true;
      }
    }
    if (flow.chip(ctx.i18n.tr("jobs.results.with_funded"), filters.funded_only)) {
      filters.funded_only = !filters.funded_only;
      changed = true;
    }
    if (flow.chip(ctx.i18n.tr("jobs.change_place"), false))
      ctx.nav.open("pick.where", {{"path", "jobs"}});
    if (changed) jobs::save_filters(ctx.session, filters);
  }

  void draw_list(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const std::string badge = ctx.i18n.tr("jobs.badge_funded");
    const auto& cards = pager_.cards();
    // A card's words; its views point into secondary and distance.
    struct Words {
      std::string secondary, distance;
      ui::CardSpec spec;
    };
    const auto words_of = [&](const JobCard& c, Words& w) {
      w.secondary = jobs::card_secondary(ctx.i18n, c);
      w.distance = distance_words(c.distance_km, ctx.i18n);
      w.spec.title = c.title;
      w.spec.secondary = w.secondary;
      w.spec.figure = w.distance;
      w.spec.figure_caption = c.commune_name;
      w.spec.badge = c.has_funded_training ? std::string_view(badge) : std::string_view();
    };
    // Every row as tall as the tallest card loaded: a card whose words need more lines (a
    // portrait screen, A++) grows instead of cutting them.
    const float row_w = ui::list_row_width(u, ImGui::GetContentRegionAvail().x);
    float row_h = ui::card_height(u, true);
    Words w;
    for (const JobCard& c : cards) {
      words_of(c, w);
      row_h = std::max(row_h, ui::card_height_for(u, w.spec, row_w));
    }
    const int count = static_cast<int>(cards.size());
    ui::ScrollList list(u, kJobsResultsListId, ImVec2(0, 0), count, row_h, ui::px(u, 16));
    // The next page is fetched before the visitor reaches the end of what is loaded.
    if (ctx.services.db && list.last() + kLookAhead >= count && !pager_.complete())
      pager_.need(*ctx.services.db, list.last() + kLookAhead);
    for (int i = list.first(); i < std::min(list.last(), static_cast<int>(cards.size())); ++i) {
      list.place(i);
      const JobCard& c = cards[static_cast<size_t>(i)];
      words_of(c, w);
      w.spec.height = row_h;
      if (ui::card(u, w.spec)) {
        ctx.session.job_id = c.id;
        ctx.nav.open("job.detail", {{"id", c.id}});
      }
    }
  }

  void draw_nothing_found(ScreenContext& ctx, const jobs::Filters& filters, int radius,
                          const jobs::Place& place) {
    ui::Ui& u = ctx.ui;
    const bool filtered = !filters.contracts.empty() || filters.funded_only;
    ui::text(u, ctx.i18n.tr("jobs.results.none_title"), ui::TextOpts{ui::FontRole::Title,
                                                                     ui::Tone::Title});
    ui::space(u, ui::Space::Tight);
    const std::string km = std::to_string(radius);
    const std::string where = place.name.empty() ? ctx.i18n.tr("jobs.results.none_here_site",
                                                               {{"km", km}})
                                                 : ctx.i18n.tr("jobs.results.none_here",
                                                               {{"km", km}, {"place", place.name}});
    ui::text(u, where);
    if (filtered) ui::text(u, ctx.i18n.tr("jobs.results.none_filters"));
    ui::space(u, ui::Space::Medium);
    const int wider = jobs::wider_radius(radius);
    if (wider > 0 &&
        ui::big_button(u, ctx.i18n.tr("jobs.results.wider", {{"km", std::to_string(wider)}}))) {
      ctx.session.radius_km = wider;
    }
    if (filtered) {
      if (wider > 0) ImGui::SameLine(0, ui::em(u));
      ui::ButtonOpts bo;
      bo.kind = ui::ButtonKind::Secondary;
      if (ui::big_button(u, ctx.i18n.tr("jobs.results.clear_filters"), bo))
        jobs::save_filters(ctx.session, jobs::Filters{});
    }
    const char family = jobs::what_family(what_);
    load_other_trades(ctx, family);
    ui::space(u, ui::Space::Large);
    if (!other_trades_.empty()) {
      ui::text(u, ctx.i18n.tr("jobs.results.other_trades"), ui::TextOpts{ui::FontRole::Heading});
      ui::space(u, ui::Space::Small);
      ui::ChipFlow flow(u);
      for (const TradeItem& t : other_trades_) {
        if (flow.chip(t.trade.label, false)) {
          ctx.session.trade_code = t.trade.code;
          ctx.nav.open("jobs.results", {{"trade", t.trade.code}, {"label", t.trade.label}});
          return;
        }
      }
    } else {
      ui::ButtonOpts bo;
      bo.kind = ui::ButtonKind::Secondary;
      if (ui::big_button(u, ctx.i18n.tr("jobs.results.choose_family"), bo)) ctx.nav.back();
    }
  }

  // Trades of the same family that have offers somewhere, most offers first.
  void load_other_trades(ScreenContext& ctx, char family) {
    if (other_loaded_ || !ctx.services.db || family == 0) return;
    other_loaded_ = true;
    for (TradeItem& t : trades_of_family(*ctx.services.db, family))
      if (t.job_count > 0 && t.trade.code != what_.trade) other_trades_.push_back(std::move(t));
    std::stable_sort(other_trades_.begin(), other_trades_.end(),
                     [](const TradeItem& a, const TradeItem& b) { return a.job_count > b.job_count; });
    if (other_trades_.size() > kOtherTrades) other_trades_.resize(kOtherTrades);
  }

  // Each distinct search counts once; the ones that found nothing count again apart, so the
  // region learns what visitors looked for and did not find.
  void count_search(ScreenContext& ctx) {
    if (counted_ || !pager_.loaded()) return;
    counted_ = true;
    const std::string key = jobs::usage_key(what_);
    ctx.services.usage.add(today_, "jobs.search", key);
    if (pager_.total() == 0) ctx.services.usage.add(today_, "jobs.search_no_result", key);
  }

  jobs::What what_;
  jobs::PlaceCache place_;
  jobs::JobPager pager_;
  std::string today_;
  bool counted_ = false;
  bool other_loaded_ = false;
  std::vector<TradeItem> other_trades_;
};

}  // namespace

std::unique_ptr<Screen> make_jobs_results_screen(const ScreenArgs& args) {
  return std::make_unique<JobsResultsScreen>(jobs::parse_what(args));
}

}  // namespace eric
