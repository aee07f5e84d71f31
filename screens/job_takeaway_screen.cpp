// "Emporter": an offer or a training as a QR code, big enough to scan with a phone at arm's
// length, and the same essentials printed beside it.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/qr_view.h"
#include "kiosk/ui/widgets.h"
#include "screens/feedback_screen.h"
#include "screens/jobs_screens.h"
#include "screens/jobs_support.h"
#include "screens/jobs_ui.h"

namespace eric {

namespace {

class TakeawayScreen : public Screen {
 public:
  TakeawayScreen(std::string job_id, std::string training_id)
      : job_id_(std::move(job_id)), training_id_(std::move(training_id)) {}

  std::string_view id() const override { return "job.takeaway"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("jobs.takeaway.title"); }
  std::string subtitle(ScreenContext& ctx) override {
    load(ctx);
    return label_;
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    load(ctx);
    ui::space(u, ui::Space::Medium);
    if (!has_qr_) {
      ui::text(u, ctx.i18n.tr("jobs.takeaway.none"), ui::TextOpts{ui::FontRole::Title});
      ui::space(u, ui::Space::Medium);
      if (ui::big_button(u, ctx.i18n.tr("jobs.takeaway.done"))) ctx.nav.back();
      return;
    }
    // The code as large as the page allows (whole pixels per module), never below the kit's
    // minimum: a phone held at arm's length reads modules of 10 px and more easily.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float target = std::min(avail.y - ui::px(u, 48), avail.x * 0.5f);
    const float cells = static_cast<float>(qr_.size + 2 * ui::kQrQuietModules);
    const float module = std::max(ui::qr_module_px(u), std::floor(target / cells));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ui::draw_qr(u, qr_, module);
    const float side = ui::qr_side_px(qr_, module);

    // Beside it: what to do, what it holds, and the one way out.
    const float x = origin.x + side + ui::px(u, 64);
    ImGui::SetCursorScreenPos(ImVec2(x, origin.y + ui::px(u, 16)));
    const float width = std::max(1.0f, origin.x + avail.x - x);
    ui::text(u, ctx.i18n.tr("jobs.takeaway.scan"),
             ui::TextOpts{ui::FontRole::Title, ui::Tone::Title, width});
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui::px(u, 16)));
    ui::text(u, ctx.i18n.tr(is_url_ ? "jobs.takeaway.holds_link" : "jobs.takeaway.holds_text"),
             ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, width});
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui::px(u, 24)));
    ui::text(u, label_, ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal, width});
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui::px(u, 48)));
    // Taken away: the job path ends here (the title band's back button returns to the offer).
    if (ui::big_button(u, ctx.i18n.tr("jobs.takeaway.done"))) end_visitor_path(ctx, "jobs");
  }

 private:
  void load(ScreenContext& ctx) {
    if (loaded_) return;
    loaded_ = true;
    if (!ctx.services.db) return;
    std::string text;
    if (!job_id_.empty()) {
      if (auto d = job_detail(*ctx.services.db, job_id_)) {
        text = jobs::job_takeaway_text(ctx.i18n, *d);
        is_url_ = !d->job.origin_url.empty();
        label_ = d->job.title;
      }
    } else if (!training_id_.empty()) {
      if (auto d = training_detail(*ctx.services.db, training_id_)) {
        const jobs::Place place =
            jobs::visitor_place(ctx.services.db, ctx.session, ctx.services.site);
        const auto sessions = sessions_of_training(*ctx.services.db, training_id_, place.lat,
                                                   place.lon, ctx.clock.today());
        text = jobs::training_takeaway_text(ctx.i18n, *d, sessions);
        label_ = d->training.title;
      }
    }
    has_qr_ = !text.empty() && ui::make_qr(text, qr_);
  }

  std::string job_id_;
  std::string training_id_;
  bool loaded_ = false;
  bool has_qr_ = false;
  bool is_url_ = false;
  std::string label_;
  ui::QrMatrix qr_;
};

}  // namespace

std::unique_ptr<Screen> make_takeaway_screen(const ScreenArgs& args) {
  auto get = [&](const char* key) {
    auto it = args.find(key);
    return it == args.end() ? std::string() : it->second;
  };
  return std::make_unique<TakeawayScreen>(get("id"), get("training"));
}

}  // namespace eric
