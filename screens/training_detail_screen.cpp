// One region-funded training: what it leads to, who teaches it, how long, what level, its next
// sessions nearest first, and the same actions as an offer.
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/jobs_screens.h"
#include "screens/jobs_support.h"
#include "screens/jobs_ui.h"

namespace eric {

namespace {

class TrainingDetailScreen : public Screen {
 public:
  explicit TrainingDetailScreen(std::string id) : id_(std::move(id)) {}

  std::string_view id() const override { return "training.detail"; }
  bool shows_hard_words() const override { return true; }
  std::string title(ScreenContext& ctx) override {
    load(ctx);
    return detail_ ? detail_->training.title : ctx.i18n.tr("jobs.training.gone_title");
  }
  std::string subtitle(ScreenContext& ctx) override {
    load(ctx);
    return detail_ ? detail_->training.organisation : std::string();
  }

  void draw(ScreenContext& ctx) override {
    load(ctx);
    if (!detail_) return jobs::detail_gone(ctx, "jobs.training.gone");
    const Training& t = detail_->training;
    jobs::detail_page(
        ctx, "training.detail.page", content_h_,
        [&] {
          draw_facts(ctx);
          ui::space(ctx.ui, ui::Space::Small);
          draw_sessions(ctx);
          ui::space(ctx.ui, ui::Space::Medium);
          jobs::titled_text(ctx, "jobs.training.description_title", t.description);
          ui::space(ctx.ui, ui::Space::Medium);
        },
        [&] {
          const std::string trade = t.trade_codes.empty() ? std::string() : t.trade_codes.front();
          return jobs::DetailTarget{
              trade, trade_label(trade),
              ctx.i18n.tr("jobs.training.help_context",
                          {{"title", t.title}, {"organisation", t.organisation}}),
              {{"training", id_}}};
        });
  }

 private:
  void load(ScreenContext& ctx) {
    if (loaded_) return;
    loaded_ = true;
    if (!ctx.services.db) return;
    const jobs::Place place = jobs::visitor_place(ctx.services.db, ctx.session, ctx.services.site);
    detail_ = training_detail(*ctx.services.db, id_);
    if (detail_)
      sessions_ = sessions_of_training(*ctx.services.db, id_, place.lat, place.lon,
                                       ctx.clock.today());
  }

  std::string trade_label(const std::string& code) const {
    for (const Trade& t : detail_->trades)
      if (t.code == code) return t.label;
    return code;
  }

  void draw_facts(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const Training& t = detail_->training;
    ui::space(u, ui::Space::Small);
    if (t.region_funded) {
      ui::badge(u, ctx.i18n.tr("jobs.training.funded"));
      ui::space(u, ui::Space::Small);
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.3f * ui::em(u)));
    std::string trades;
    for (const Trade& tr : detail_->trades) trades += (trades.empty() ? "" : ", ") + tr.label;
    ui::fact(u, ctx.i18n.tr("jobs.training.leads_to"), trades);
    ui::fact(u, ctx.i18n.tr("jobs.training.organisation"), t.organisation);
    if (t.hours_total > 0)
      ui::fact(u, ctx.i18n.tr("jobs.training.length"),
                 ctx.i18n.tr_count("jobs.training.hours", t.hours_total));
    ui::fact(u, ctx.i18n.tr("jobs.training.entry_level"), t.entry_level);
    ui::fact(u, ctx.i18n.tr("jobs.training.exit_level"), t.exit_level);
    ImGui::PopStyleVar();
  }

  // A session has nothing more to open when tapped: the actions are below.
  void draw_sessions(ScreenContext& ctx) {
    const jobs::SessionListTap tap = jobs::session_cards(
        ctx, "jobs.training.sessions_title", "jobs.training.no_session", sessions_, shown_,
        [&](const SessionCard& s) {
          std::string secondary = s.session.address;
          if (!s.session.registration_open) {
            secondary = ctx.i18n.tr("jobs.training.closed") +
                        (secondary.empty() ? std::string() : " · " + secondary);
          }
          return jobs::SessionLines{date_range_words(s.session.start, s.session.end, ctx.i18n),
                                    secondary};
        });
    if (tap.more) shown_ += jobs::kSessionsStep;
  }

  std::string id_;
  bool loaded_ = false;
  std::optional<TrainingDetail> detail_;
  std::vector<SessionCard> sessions_;
  int shown_ = jobs::kSessionsStep;
  float content_h_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_training_detail_screen(const ScreenArgs& args) {
  auto it = args.find("id");
  return std::make_unique<TrainingDetailScreen>(it == args.end() ? std::string() : it->second);
}

}  // namespace eric
