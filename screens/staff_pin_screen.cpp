// "staff.pin": the staff entry behind the home screen's lock; the PIN says animator or manager.
#include <imgui.h>

#include <algorithm>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/staff_access.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/screens.h"

namespace eric {

namespace {

class StaffPinScreen : public Screen {
 public:
  std::string_view id() const override { return "staff.pin"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("desk.pin.title"); }

  ~StaffPinScreen() override { forget_pin(); }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    const int64_t lock_s =
        ctx.services.db ? staff_pad_lock_seconds(*ctx.services.db, ctx.clock.now_s()) : 0;
    if (lock_s == 0 && locked_shown_) {
      // The lock ran out while the screen stayed open: start clean.
      locked_shown_ = false;
      message_.clear();
    }

    // The pad in the middle of the page, the message above it.
    const float pad_w = 3 * std::max(ui::target_height(u), ui::px(u, 72)) * 1.6f + ui::px(u, 20);
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float x0 = ImGui::GetCursorPosX() + std::max(0.0f, (avail_w - pad_w) * 0.5f);
    ui::space(u, ui::Space::Section);
    std::string line;
    ui::Tone tone = ui::Tone::Normal;
    if (lock_s > 0) {
      const int64_t minutes = (lock_s + 59) / 60;
      line = t.tr_count("desk.pin.locked", minutes);
      tone = ui::Tone::Error;
      locked_shown_ = true;
    } else if (!message_.empty()) {
      line = message_;
      tone = ui::Tone::Error;
    } else {
      line = t.tr("desk.pin.prompt");
    }
    // Centred, and wrapped when longer than the screen is wide.
    const ImVec2 ls = ui::text_size(u, line, ui::FontRole::Heading);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail_w - ls.x) * 0.5f));
    ui::text(u, line, ui::TextOpts{ui::FontRole::Heading, tone, avail_w});
    ui::space(u, ui::Space::Section);
    ImGui::SetCursorPosX(x0);
    if (ui::pin_pad(u, pin_, 12) == ui::KeyResult::Ok) check(ctx);
    if (ctx.services.demo) {
      ui::space(u, ui::Space::Section);
      const std::string demo = t.tr("desk.pin.demo");
      const ImVec2 ds = ui::text_size(u, demo, ui::FontRole::Small);
      ImGui::SetCursorPosX(std::max(0.0f, (avail_w - ds.x) * 0.5f));
      ui::text(u, demo, ui::TextOpts{ui::FontRole::Small, ui::Tone::Secondary, -1});
    }
  }

 private:
  void check(ScreenContext& ctx) {
    const I18n& t = ctx.i18n;
    if (!ctx.services.db) {
      message_ = t.tr("desk.pin.no_pin");
      forget_pin();
      return;
    }
    const StaffLogin r = staff_login(*ctx.services.db, pin_, ctx.clock.now_s());
    forget_pin();
    if (r.role == StaffRole::animator || r.role == StaffRole::manager) {
      message_.clear();
      const bool manager = r.role == StaffRole::manager;
      ctx.shell.mode = manager ? Mode::Manager : Mode::Animator;
      // The last visitor's farewell ("Merci de votre visite") is not for the staff, and over
      // the desk it hides a card's status line for its 4 seconds.
      ctx.ui.toasts.clear();
      // The pad leaves the stack: "back" from the desk must never show it again.
      ctx.nav.back();
      ctx.nav.open(manager ? "manager" : "desk");
      return;
    }
    if (r.no_pin) {
      message_ = t.tr("desk.pin.no_pin");
    } else if (r.locked) {
      message_.clear();  // the countdown line says it
    } else {
      message_ = t.tr_count("desk.pin.wrong", r.attempts_left);
    }
  }

  void forget_pin() {
    pin_.assign(pin_.size(), '\0');
    pin_.clear();
  }

  std::string pin_;
  std::string message_;
  bool locked_shown_ = false;
};

}  // namespace

std::unique_ptr<Screen> make_staff_pin_screen(const ScreenArgs&) {
  return std::make_unique<StaffPinScreen>();
}

}  // namespace eric
