// "workshop.done" {"id"}: the seat is kept; a QR code holds the title, the date and the place.
#include <imgui.h>

#include <optional>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/domain/workshops.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/core/words/workshop_words.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/qr_view.h"
#include "kiosk/ui/widgets.h"
#include "screens/feedback_screen.h"
#include "screens/help_screens.h"

namespace eric {

namespace {

class WorkshopDoneScreen : public Screen {
 public:
  explicit WorkshopDoneScreen(const ScreenArgs& args) {
    if (auto it = args.find("id"); it != args.end()) id_ = it->second;
  }

  std::string_view id() const override { return "workshop.done"; }
  bool holds_personal_data() const override { return true; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("workshop.done.title"); }
  bool show_back() const override { return false; }

  void draw(ScreenContext& ctx) override {
    if (!loaded_) load(ctx);
    ui::space(ctx.ui, ui::Space::Section);
    ui::receipt_with_code(ctx.ui, "workshop.done.page", qr_ok_ ? &qr_ : nullptr,
                          ctx.i18n.tr("workshop.done.qr_caption"), page_h_,
                          [&] { draw_details(ctx); }, [&] {
                            if (ui::big_button(ctx.ui, ctx.i18n.tr("workshop.done.finish")))
                              end_visitor_path(ctx, "workshop");
                          });
  }

 private:
  // The seat kept, the workshop's when and where, what to bring.
  void draw_details(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string& name = ctx.session.first_name;
    ui::text(u, name.empty() ? t.tr("workshop.done.kept") : t.tr("workshop.done.kept_name",
                                                                  {{"name", name}}),
             ui::TextOpts{ui::FontRole::Title, ui::Tone::Title, width});
    ui::space(u, ui::Space::Section);
    if (card_) {
      const Workshop& w = card_->workshop;
      ui::text(u, w.title, ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal, width});
      ui::text(u, workshop_when_words(w, t), ui::TextOpts{ui::FontRole::Heading,
                                                           ui::Tone::Normal, width});
      ui::text(u, where_, ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, width});
      ui::space(u, ui::Space::Section);
      if (!w.what_to_bring.empty()) {
        ui::text(u, t.tr("workshop.detail.bring"),
                 ui::TextOpts{ui::FontRole::BodyBold, ui::Tone::Normal, width});
        ui::text(u, w.what_to_bring, ui::TextOpts{ui::FontRole::Body, ui::Tone::Normal, width});
        ui::space(u, ui::Space::Section);
      }
    }
    ui::text(u, t.tr("workshop.done.come_early"),
             ui::TextOpts{ui::FontRole::Body, ui::Tone::Normal, width});
  }

  void load(ScreenContext& ctx) {
    loaded_ = true;
    if (ctx.services.db && !id_.empty()) card_ = workshop_card(*ctx.services.db, id_);
    if (!card_) return;
    const Workshop& w = card_->workshop;
    where_ = w.place;
    const Site& site = ctx.services.site;
    if (!site.name.empty()) where_ += (where_.empty() ? "" : ", ") + site.name;
    if (!site.address.empty()) where_ += ", " + site.address;
    // Plain text that any phone shows as it is: what, when, where.
    const std::string text = ctx.i18n.tr(
        "workshop.done.qr_text",
        {{"title", w.title}, {"when", workshop_when_words(w, ctx.i18n)}, {"where", where_}});
    qr_ok_ = ui::make_qr(text, qr_);
  }

  std::string id_;
  bool loaded_ = false;
  std::optional<WorkshopCard> card_;
  std::string where_;
  ui::QrMatrix qr_;
  bool qr_ok_ = false;
  float page_h_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_workshop_done_screen(const ScreenArgs& args) {
  return std::make_unique<WorkshopDoneScreen>(args);
}

}  // namespace eric
