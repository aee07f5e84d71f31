// The manager's enrolment screen (see manager_enrol_screen.h). The enrolment itself (HTTP, the
// store) runs in SyncLink, off the UI thread; this screen only reads its state.
#include "screens/manager_enrol_screen.h"

#include <imgui.h>

#include <string>

#include "kiosk/app/services.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/app/sync_status_text.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/ui.h"
#include "kiosk/ui/widgets.h"
#include "screens/manager_screens.h"

namespace eric {

namespace {

enum class Field { None, Url, Code };

class ManagerEnrolScreen : public Screen {
 public:
  std::string_view id() const override { return "manager.enrol"; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("manager.enrol.title"); }

  void draw(ScreenContext& ctx) override {
    if (!manager_guard(ctx)) return;
    SyncLink* link = ctx.services.sync;
    if (!started_) {
      started_ = true;
      // The address the technician wrote in kiosk.conf, else the one enrolled with before.
      url_ = ctx.services.config_server_url;
      if (url_.empty() && link && ctx.services.db) url_ = link->overview(*ctx.services.db).server_url;
    }
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    ui::space(u, ui::Space::Large);
    ui::text(u, t.tr("manager.enrol.explain"), ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    ui::space(u, ui::Space::Large);
    const float width = std::min(ImGui::GetContentRegionAvail().x, ui::px(u, 1100));
    const EnrolLive state = link ? link->enrolment_state() : EnrolLive{};
    draw_fields(ctx, width, state.running);
    if (editing_ != Field::None) return;  // the keyboard takes the lower half
    ui::space(u, ui::Space::Section);
    draw_action_and_result(ctx, link, state, width);
  }

 private:
  void draw_fields(ScreenContext& ctx, float width, bool locked) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    const std::string url_label = t.tr("manager.enrol.url");
    const std::string url_hint = t.tr("manager.enrol.url_placeholder");
    const std::string code_label = t.tr("manager.enrol.code");
    const std::string code_hint = t.tr("manager.enrol.code_placeholder");
    ui::FieldOpts fo;
    fo.width = width;
    fo.placeholder = url_hint;
    fo.focused = editing_ == Field::Url;
    if (editing_ != Field::Code && ui::text_field(u, url_label, url_, fo) && !locked) editing_ = Field::Url;
    fo.placeholder = code_hint;
    fo.focused = editing_ == Field::Code;
    if (editing_ != Field::Url && ui::text_field(u, code_label, code_, fo) && !locked) editing_ = Field::Code;
    if (editing_ == Field::None) return;
    ui::KeyboardOpts ko;
    ko.mode = editing_ == Field::Url ? ui::KeyboardMode::Url : ui::KeyboardMode::Email;
    ko.max_chars = editing_ == Field::Url ? 200 : 20;
    std::string& text = editing_ == Field::Url ? url_ : code_;
    if (ui::keyboard(u, text, ko) == ui::KeyResult::Ok) editing_ = Field::None;
  }

  void draw_action_and_result(ScreenContext& ctx, SyncLink* link, const EnrolLive& state,
                              float width) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    ui::ButtonOpts go;
    go.enabled = link && !state.running && !url_.empty() && !code_.empty();
    if (ui::big_button(u, t.tr("manager.enrol.go"), go) && link) {
      // A code is used once: a second tap must not send it again.
      if (link->start_enrolment(url_, code_)) code_.clear();
    }
    ui::space(u, ui::Space::Large);
    if (state.running) {
      ui::text(u, t.tr("manager.enrol.running"), ui::TextOpts{ui::FontRole::Heading, ui::Tone::Normal, width});
    } else if (state.done && state.status.ok) {
      ui::text(u, t.tr("manager.enrol.done", {{"site", state.site_id}}),
               ui::TextOpts{ui::FontRole::Heading, ui::Tone::Success, width});
    } else if (state.done) {
      const std::string why = sync_error_words(state.status.code, state.status.message_fr, t);
      ui::text(u, t.tr("manager.enrol.failed", {{"why", why}}),
               ui::TextOpts{ui::FontRole::Heading, ui::Tone::Error, width});
    }
  }

  bool started_ = false;
  Field editing_ = Field::None;
  std::string url_;
  std::string code_;
};

}  // namespace

std::unique_ptr<Screen> make_manager_enrol_screen(const ScreenArgs&) {
  return std::make_unique<ManagerEnrolScreen>();
}

}  // namespace eric
