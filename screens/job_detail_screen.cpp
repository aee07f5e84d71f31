// One job offer: what, who, where and how far, the contract; then the region-funded trainings
// that lead to it (the Trait d'Union link), and the actions try / ask / take away.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/base/geo.h"
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

class JobDetailScreen : public Screen {
 public:
  explicit JobDetailScreen(std::string id) : id_(std::move(id)) {}

  std::string_view id() const override { return "job.detail"; }
  bool shows_hard_words() const override { return true; }
  std::string title(ScreenContext& ctx) override {
    load(ctx);
    return detail_ ? detail_->job.title : ctx.i18n.tr("jobs.detail.gone_title");
  }
  std::string subtitle(ScreenContext& ctx) override {
    load(ctx);
    return detail_ ? employer_name() : std::string();
  }

  void draw(ScreenContext& ctx) override {
    load(ctx);
    if (!detail_) return jobs::detail_gone(ctx, "jobs.detail.gone");
    jobs::detail_page(
        ctx, "job.detail.page", content_h_,
        [&] {
          draw_job(ctx);
          ui::space(ctx.ui, ui::Space::Small);
          draw_sessions(ctx);
          ui::space(ctx.ui, ui::Space::Medium);
          jobs::titled_text(ctx, "jobs.detail.description_title", detail_->job.description);
          ui::space(ctx.ui, ui::Space::Medium);
        },
        [&] {
          return jobs::DetailTarget{
              detail_->job.trade_code, detail_->trade_label,
              ctx.i18n.tr("jobs.detail.help_context",
                          {{"title", detail_->job.title}, {"employer", employer_name()}}),
              {{"id", id_}}};
        });
  }

 private:
  void load(ScreenContext& ctx) {
    if (loaded_) return;
    loaded_ = true;
    today_ = ctx.clock.today();
    place_ = jobs::visitor_place(ctx.services.db, ctx.session, ctx.services.site);
    if (!ctx.services.db) return;
    detail_ = job_detail(*ctx.services.db, id_, today_);
    if (detail_) load_sessions(ctx);
  }

  // One more than shown, to know whether "Voir plus" has something to show.
  void load_sessions(ScreenContext& ctx) {
    sessions_ = funded_sessions_for_trade(*ctx.services.db, detail_->job.trade_code, place_.lat,
                                          place_.lon, today_, 0, shown_ + 1);
  }

  std::string employer_name() const {
    if (detail_->employer && !detail_->employer->name.empty()) return detail_->employer->name;
    return detail_->job.employer_name;
  }

  void draw_job(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const Job& job = detail_->job;
    ui::space(u, ui::Space::Tight);
    // Where first, and how far: the figure a visitor compares.
    const double km = haversine_km(place_.lat, place_.lon, job.lat, job.lon);
    std::string where = distance_words(km, ctx.i18n);
    const std::string commune = detail_->commune_name.empty() ? job.place_label
                                                              : detail_->commune_name;
    if (!commune.empty()) where += " · " + commune;
    const ImVec2 line = ImGui::GetCursorScreenPos();
    ui::text(u, where, ui::TextOpts{ui::FontRole::Title, ui::Tone::Title, -1});
    if (detail_->has_funded_training) {
      // Beside the distance when it fits, else under it (a narrow screen, larger text).
      const std::string funded = ctx.i18n.tr("jobs.badge_funded");
      const ImVec2 where_size = ui::text_size(u, where, ui::FontRole::Title);
      const float badge_w = ui::text_size(u, funded, ui::FontRole::Small).x + 3 * ui::em(u);
      if (where_size.x + ui::em(u) + badge_w <= ImGui::GetContentRegionAvail().x) {
        ImGui::SetCursorScreenPos(
            ImVec2(line.x + where_size.x + ui::em(u), line.y + where_size.y * 0.2f));
        ui::badge(u, funded);
        ImGui::SetCursorScreenPos(ImVec2(line.x, line.y + where_size.y));
        ImGui::Dummy(ImVec2(0, 0));
      } else {
        ui::badge(u, funded);
      }
    }
    std::string contract = contract_words(job.contract_type, job.contract_duration_months,
                                          ctx.i18n);
    if (job.posts > 1)
      contract += " · " + ctx.i18n.tr_count("jobs.detail.posts", job.posts);
    // Two columns of facts: who and what on the left, the conditions on the right; lines
    // closer than paragraphs, so the trainings below stay in view.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.3f * ui::em(u)));
    // One column where two would be narrower than 18 body heights (portrait, larger text).
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool two_columns = avail * 0.5f >= 18 * ui::em(u);
    const float half = two_columns ? std::floor(avail * 0.5f) : avail;
    const float column = two_columns ? half - ui::em(u) : avail;
    ui::fact(u, ctx.i18n.tr("jobs.detail.employer"), employer_name(), column);
    ui::fact(u, ctx.i18n.tr("jobs.detail.trade"), detail_->trade_label, column);
    ui::fact(u, ctx.i18n.tr("jobs.detail.contract"), contract, column);
    ui::fact(u, ctx.i18n.tr("jobs.detail.hours"), job.work_time_label, column);
    const float left_bottom = ImGui::GetCursorScreenPos().y;
    if (two_columns) {
      ImGui::SetCursorScreenPos(ImVec2(top.x + half, top.y));
      ImGui::Indent(half);
    }
    ui::fact(u, ctx.i18n.tr("jobs.detail.salary"), job.salary_label, column);
    ui::fact(u, ctx.i18n.tr("jobs.detail.experience"), job.experience_label, column);
    ui::fact(u, ctx.i18n.tr("jobs.detail.qualification"), job.qualification_label, column);
    if (two_columns) ImGui::Unindent(half);
    const float right_bottom = ImGui::GetCursorScreenPos().y;
    ImGui::PopStyleVar();
    ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(left_bottom, right_bottom)));
    ImGui::Dummy(ImVec2(0, 0));
  }

  void draw_sessions(ScreenContext& ctx) {
    const jobs::SessionListTap tap = jobs::session_cards(
        ctx, "jobs.detail.trainings_title", "jobs.detail.no_training", sessions_, shown_,
        [&](const SessionCard& s) {
          const std::string dates = date_range_words(s.session.start, s.session.end, ctx.i18n);
          return jobs::SessionLines{
              s.training_title, s.organisation.empty() ? dates : dates + " · " + s.organisation};
        });
    if (tap.card >= 0) {
      const std::string& training = sessions_[static_cast<size_t>(tap.card)].session.training_id;
      ctx.session.training_id = training;
      ctx.nav.open("training.detail", {{"id", training}});
    }
    if (tap.more && ctx.services.db) {
      shown_ += jobs::kSessionsStep;
      load_sessions(ctx);
    }
  }

  std::string id_;
  bool loaded_ = false;
  std::string today_;
  jobs::Place place_;
  std::optional<JobDetail> detail_;
  std::vector<SessionCard> sessions_;
  int shown_ = jobs::kSessionsStep;
  float content_h_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_job_detail_screen(const ScreenArgs& args) {
  auto it = args.find("id");
  return std::make_unique<JobDetailScreen>(it == args.end() ? std::string() : it->second);
}

}  // namespace eric
