// "workshop.register" {"id"}: a first name, an optional phone or email, consent in plain words.
#include <imgui.h>

#include <algorithm>
#include <optional>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/contact_check.h"
#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/workshops.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/core/words/workshop_words.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/help_screens.h"

namespace eric {

namespace {

enum class Field { None, FirstName, Contact };

// Why a registration was refused, in the visitor's language (the core's sentence is French).
std::string refusal_words(const Status& s, const I18n& i18n) {
  for (const char* code : {"workshop_full", "workshop_cancelled", "workshop_started", "not_found",
                           "bad_first_name", "bad_phone", "bad_email", "no_consent"}) {
    if (s.code == code) return i18n.tr(std::string("workshop.error.") + code);
  }
  return i18n.tr("workshop.error.other");
}

class WorkshopRegisterScreen : public Screen {
 public:
  explicit WorkshopRegisterScreen(const ScreenArgs& args) {
    if (auto it = args.find("id"); it != args.end()) id_ = it->second;
  }

  std::string_view id() const override { return "workshop.register"; }
  bool holds_personal_data() const override { return true; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("workshop.register.title"); }
  std::string subtitle(ScreenContext& ctx) override {
    card_.reset();
    if (ctx.services.db && !id_.empty()) card_ = workshop_card(*ctx.services.db, id_);
    if (!card_) return {};
    return card_->workshop.title + " · " + workshop_when_words(card_->workshop, ctx.i18n);
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    std::string& contact = ctx.session.values["form.workshop.contact"];
    ui::space(u, ui::Space::Section);
    if (!card_) {
      ui::text(u, t.tr("workshop.detail.missing"), ui::TextOpts{ui::FontRole::Title});
      return;
    }
    // The first name is the one thing needed: its keyboard is open from the start.
    if (first_draw_) {
      first_draw_ = false;
      if (ctx.session.first_name.empty()) focus_ = Field::FirstName;
    }
    const float field_w = std::min(ui::px(u, 760), ImGui::GetContentRegionAvail().x);
    // While typing, the page above the keyboard scrolls to keep the field in view; else the
    // whole page scrolls (at 1366x768 A++ the consent and "J'accepte" were below the screen).
    std::optional<ui::TypingPage> typing;
    std::optional<ui::ScrollPage> page;
    if (focus_ != Field::None)
      typing.emplace(u, "workshop.register.typing", keyboard_opts().mode, typing_h_);
    else
      page.emplace(u, "workshop.register.page", ImVec2(0, ImGui::GetContentRegionAvail().y),
                   page_h_);
    if (focus_ != Field::Contact) {
      ui::FieldOpts f;
      f.focused = focus_ == Field::FirstName;
      f.width = field_w;
      f.placeholder = t.tr("workshop.register.touch_to_write");
      f.max_chars = kFirstNameMaxChars;
      const std::string error = first_name_error(ctx);
      f.error = error;
      if (ui::text_field(u, t.tr("workshop.register.first_name"), ctx.session.first_name, f))
        focus_ = Field::FirstName;
      ui::space(u, ui::Space::Section);
    }
    if (focus_ != Field::FirstName) {
      ui::FieldOpts f;
      f.focused = focus_ == Field::Contact;
      f.width = field_w;
      f.placeholder = t.tr("workshop.register.touch_to_write");
      f.max_chars = contact_max_chars(contact);
      const std::string error = contact_error(ctx, contact);
      f.error = error;
      if (ui::text_field(u, t.tr("workshop.register.contact"), contact, f)) {
        focus_ = Field::Contact;
      }
      if (focus_ == Field::Contact) {
        // The keyboard for a phone number or for an address: the visitor picks.
        ui::space(u, ui::Space::Large);
        if (ui::chip(u, t.tr("workshop.register.phone_keys"), !email_keys_)) email_keys_ = false;
        ImGui::SameLine(0, ui::px(u, 20));
        if (ui::chip(u, t.tr("workshop.register.email_keys"), email_keys_)) email_keys_ = true;
      } else {
        ui::text(u, t.tr("workshop.register.contact_why"),
                 ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
      }
      ui::space(u, ui::Space::Section);
    }
    if (focus_ == Field::None) {
      const int64_t days = ctx.services.db ? personal_data_retention_seconds(*ctx.services.db) / 86400 : 30;
      ui::text(u, t.tr("workshop.register.consent", {{"days", std::to_string(days)}}),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Normal,
                            std::min(ui::px(u, 1100), ImGui::GetContentRegionAvail().x)});
      ui::space(u, ui::Space::Section);
    }
    ui::ButtonOpts opts;
    opts.enabled = !ctx.session.first_name.empty() && ctx.services.db != nullptr;
    if (ui::big_button(u, t.tr("workshop.register.submit"), opts)) submit(ctx, contact);
    if (ctx.session.first_name.empty() && focus_ == Field::None)
      ui::text_after(u, t.tr("workshop.register.name_first"),
                     ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    if (!error_.empty()) ui::text(u, error_, ui::TextOpts{ui::FontRole::Body, ui::Tone::Error});

    typing.reset();
    page.reset();
    if (focus_ != Field::None) {
      std::string& edited = focus_ == Field::FirstName ? ctx.session.first_name : contact;
      if (ui::keyboard(u, edited, keyboard_opts()) == ui::KeyResult::Ok)
        leave_field(ctx, contact);
    }
  }

  // The keys of the field being typed: for the contact, the visitor's choice of keys.
  ui::KeyboardOpts keyboard_opts() const {
    ui::KeyboardOpts kb;
    if (focus_ == Field::Contact) {
      kb.mode = email_keys_ ? ui::KeyboardMode::Email : ui::KeyboardMode::Phone;
      kb.max_chars = email_keys_ ? kEmailMaxChars : kPhoneMaxChars;
    } else {
      kb.mode = ui::KeyboardMode::Text;
      kb.max_chars = kFirstNameMaxChars;
    }
    return kb;
  }

  // "Retour" from the contact goes back to the first name; from the first name it leaves.
  bool back_one_step(ScreenContext&) override {
    if (focus_ != Field::Contact) return false;
    focus_ = Field::FirstName;
    return true;
  }

 private:
  // "Valider" checks the field it leaves: a wrong one stays open, its error beside it.
  void leave_field(ScreenContext& ctx, const std::string& contact) {
    if (focus_ == Field::FirstName) {
      name_checked_ = true;
      if (check_first_name(ctx.session.first_name) == FieldCheck::ok) focus_ = Field::None;
      return;
    }
    contact_checked_ = true;
    if (check_contact(contact).ok) focus_ = Field::None;
  }

  std::string first_name_error(ScreenContext& ctx) const {
    if (!name_checked_) return {};
    switch (check_first_name(ctx.session.first_name)) {
      case FieldCheck::missing: return ctx.i18n.tr("workshop.error.bad_first_name");
      case FieldCheck::invalid: return ctx.i18n.tr("workshop.error.first_name_letters");
      case FieldCheck::ok: break;
    }
    return {};
  }

  std::string contact_error(ScreenContext& ctx, const std::string& contact) const {
    if (!contact_checked_) return {};
    const Status s = check_contact(contact);
    return s.ok ? std::string() : refusal_words(s, ctx.i18n);
  }

  size_t contact_max_chars(const std::string& contact) const {
    return email_keys_ || contact.find('@') != std::string::npos ? kEmailMaxChars
                                                                  : kPhoneMaxChars;
  }

  void submit(ScreenContext& ctx, const std::string& contact) {
    RegistrationRequest r;
    r.workshop_id = id_;
    r.first_name = ctx.session.first_name;
    r.contact = contact;
    // The button says "J'accepte et je m'inscris" under the sentence that explains it.
    r.consent = true;
    auto done = register_for_workshop(*ctx.services.db, r, ctx.clock.now_s());
    if (!done.ok()) {
      error_ = refusal_words(done.status, ctx.i18n);
      if (done.status.code == "bad_phone" || done.status.code == "bad_email") {
        focus_ = Field::None;
        contact_checked_ = true;
      }
      return;
    }
    ctx.session.consent = true;
    ctx.session.values["workshop.registration"] = done.value.id;
    // The form leaves the stack: "back" from the confirmation must not register twice.
    ctx.nav.back();
    ctx.nav.open("workshop.done", {{"id", id_}});
  }

  std::string id_;
  std::optional<WorkshopCard> card_;
  Field focus_ = Field::None;
  bool email_keys_ = false;
  bool first_draw_ = true;
  bool name_checked_ = false;     // the first name was left once: its error may show
  bool contact_checked_ = false;  // the same for the contact
  float typing_h_ = 0;            // the page above the keyboard, as last drawn
  float page_h_ = 0;              // the page without the keyboard, as last drawn
  std::string error_;
};

}  // namespace

std::unique_ptr<Screen> make_workshop_register_screen(const ScreenArgs& args) {
  return std::make_unique<WorkshopRegisterScreen>(args);
}

}  // namespace eric
