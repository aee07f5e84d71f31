// "immersion.done": the request is recorded: its code in large type, a QR code with its
// essentials, its status in words, what happens next, and the animator's help for the agreement.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
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
#include "kiosk/ui/probe.h"
#include "kiosk/ui/qr_view.h"
#include "kiosk/ui/widgets.h"
#include "screens/feedback_screen.h"
#include "screens/immersion_screens.h"
#include "screens/immersion_support.h"
#include "screens/jobs_support.h"
#include "screens/jobs_ui.h"

namespace eric {

namespace {

// The sync worker may deliver the request while the visitor reads: the status is read again.
constexpr int64_t kRefreshMs = 2000;

class ImmersionDoneScreen : public Screen {
 public:
  explicit ImmersionDoneScreen(std::string request_id) : request_id_(std::move(request_id)) {}

  std::string_view id() const override { return "immersion.done"; }
  bool holds_personal_data() const override { return true; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("immersion.done.title"); }
  std::string subtitle(ScreenContext& ctx) override {
    if (!offer_ || !slot_) return {};
    return offer_->employer_name + " · " + immersion::slot_dates(ctx.i18n, slot_->slot);
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    load(ctx);
    if (!receipt_ || receipt_->code.empty()) {
      ui::space(u, ui::Space::Medium);
      ui::text(u, ctx.i18n.tr("immersion.done.missing"), ui::TextOpts{ui::FontRole::Title});
      ui::space(u, ui::Space::Medium);
      if (ui::big_button(u, ctx.i18n.tr("immersion.done.finish"))) finish(ctx);
      return;
    }
    ui::space(u, ui::Space::Small);
    if (!qr_made_) {
      qr_made_ = true;
      qr_ok_ = ui::make_qr(qr_text(ctx), qr_);
    }
    ui::receipt_with_code(u, "immersion.done.page", qr_ok_ ? &qr_ : nullptr,
                          ctx.i18n.tr("immersion.done.qr_caption"), page_h_,
                          [&] { draw_receipt(ctx); }, [&] { draw_buttons(ctx); });
  }

 private:
  void load(ScreenContext& ctx) {
    Database* db = ctx.services.db;
    const int64_t now = ctx.clock.now_ms();
    if (!db || (loaded_at_ != 0 && now - loaded_at_ < kRefreshMs)) return;
    loaded_at_ = now;
    receipt_ = immersion_receipt(*db, request_id_);
    if (!receipt_ || offer_) return;
    slot_ = immersion_slot_info(*db, receipt_->slot_id);
    const jobs::Place& place = place_.get(db, ctx.session, ctx.services.site);
    offer_ = immersion_offer_detail(*db, receipt_->offer_id, "", place.lat, place.lon);
  }

  std::string status_words(ScreenContext& ctx) const {
    switch (receipt_->state) {
      case OutboxState::pending:
      case OutboxState::sending:
        return ctx.i18n.tr("immersion.done.status.pending");
      case OutboxState::accepted:
        return ctx.i18n.tr("immersion.done.status.accepted");
      case OutboxState::rejected:
        return ctx.i18n.tr(receipt_->reason == "slot_full" ? "immersion.done.status.full"
                                                           : "immersion.done.status.rejected");
    }
    return {};
  }

  // The essentials to take away: nothing personal (the code stands for the visitor).
  std::string qr_text(ScreenContext& ctx) const {
    std::string t = ctx.i18n.tr("immersion.done.qr.title", {{"code", receipt_->code}});
    if (offer_) {
      t += "\n" + offer_->employer_name;
      if (!offer_->trade_label.empty()) t += " · " + offer_->trade_label;
    }
    if (slot_) {
      t += "\n" + immersion::slot_dates(ctx.i18n, slot_->slot);
      if (!slot_->slot.schedule_label.empty()) t += "\n" + slot_->slot.schedule_label;
    }
    if (offer_ && !offer_->offer.welcome_address.empty())
      t += "\n" + ctx.i18n.tr("immersion.done.qr.address", {{"address", offer_->offer.welcome_address}});
    if (!ctx.services.site.name.empty())
      t += "\n" + ctx.i18n.tr("immersion.done.qr.site", {{"site", ctx.services.site.name}});
    return t;
  }

  void draw_receipt(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    ui::text(u, ctx.i18n.tr("immersion.done.code_label"),
             ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal});
    draw_code(u, receipt_->code);
    ui::space(u, ui::Space::Tight);
    const bool rejected = receipt_->state == OutboxState::rejected;
    ui::text(u, status_words(ctx),
             ui::TextOpts{ui::FontRole::BodyBold, rejected ? ui::Tone::Error : ui::Tone::Success});
    ui::space(u, ui::Space::Medium);
    ui::text(u, ctx.i18n.tr("immersion.done.next_title"),
             ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title});
    ui::space(u, ui::Space::Tight);
    ui::text(u, ctx.i18n.tr("immersion.done.next_employer"));
    ui::space(u, ui::Space::Tight);
    ui::text(u, ctx.i18n.tr("immersion.done.next_agreement"));
    ui::space(u, ui::Space::Tight);
    ui::text(u, ctx.i18n.tr("immersion.done.next_animator"), ui::TextOpts{ui::FontRole::BodyBold});
    // The place and dates last: the subtitle and the QR code carry them too.
    if (offer_ && slot_) {
      ui::space(u, ui::Space::Medium);
      ui::fact(u, ctx.i18n.tr("immersion.done.where"),
                 offer_->offer.welcome_address.empty() ? offer_->commune_name
                                                       : offer_->offer.welcome_address);
      ui::fact(u, ctx.i18n.tr("immersion.done.when"),
                 immersion::slot_dates(ctx.i18n, slot_->slot) +
                     (slot_->slot.schedule_label.empty() ? "" : ", " + slot_->slot.schedule_label));
    }
  }

  // The code in the largest text font, on a tinted card: it is what the visitor copies or
  // reads out to an animator. Drawn at the font's own size (stretched, it blurred). Recorded
  // in the probe like any text.
  static void draw_code(ui::Ui& u, const std::string& code) {
    ImFont* font = u.fonts.get(ui::FontRole::Display);
    const float size = font->FontSize;
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0.0f, code.c_str());
    const float pad = ui::px(u, 28);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 box(std::round(ts.x + 2 * pad), std::round(ts.y + pad));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + box.x, pos.y + box.y), ui::to_u32(u.theme.chip_active_bg),
                      u.theme.rounding_em * ui::em(u));
    ui::add_text(u, dl, font, size, ImVec2(pos.x + pad, std::round(pos.y + pad * 0.5f)),
                 ui::to_u32(u.theme.title), code);
    // Only what shows of it: scrolled under the title band, it is not there to read.
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    const float top = std::max(pos.y, clip_min.y);
    const float bottom = std::min(pos.y + box.y, clip_max.y);
    if (ui::input_allowed(u) && bottom - top > 0.5f && pos.x < clip_max.x)
      u.probe.record(
          ui::ProbeItem{ui::ProbeKind::Text, code, "", pos.x, top, box.x, bottom - top, false});
    ImGui::Dummy(box);
  }

  void draw_buttons(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    if (ui::big_button(u, ctx.i18n.tr("immersion.done.finish"))) {
      finish(ctx);
      return;
    }
    ImGui::SameLine(0, ui::em(u));
    ui::ButtonOpts bo;
    bo.kind = ui::ButtonKind::Secondary;
    if (ui::big_button(u, ctx.i18n.tr("immersion.done.ask_animator"), bo)) {
      ctx.nav.open("help.start", {{"context", ctx.i18n.tr("immersion.done.help_context",
                                                          {{"code", receipt_->code}})}});
    }
  }

  // The visitor is done: what they typed goes now, not at the time-out; then the last question.
  void finish(ScreenContext& ctx) { end_visitor_path(ctx, "immersion"); }

  std::string request_id_;
  std::optional<ImmersionReceipt> receipt_;
  std::optional<ImmersionSlotInfo> slot_;
  std::optional<ImmersionOfferDetail> offer_;
  jobs::PlaceCache place_;
  int64_t loaded_at_ = 0;
  bool qr_made_ = false;
  bool qr_ok_ = false;
  ui::QrMatrix qr_;
  float page_h_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_immersion_done_screen(const ScreenArgs& args) {
  auto it = args.find("request");
  return std::make_unique<ImmersionDoneScreen>(it == args.end() ? std::string() : it->second);
}

}  // namespace eric
