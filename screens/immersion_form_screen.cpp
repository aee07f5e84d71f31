// "immersion.form": the request for one period: first name, a phone or an email, the objective,
// a message written for the visitor, the consent, and one "Envoyer ma demande" button.
// Everything typed lives in the Session (wiped at a time-out); the form token makes a second
// send return the first request.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/immersion_screens.h"
#include "screens/immersion_support.h"
#include "screens/jobs_support.h"
#include "screens/jobs_ui.h"

namespace eric {

namespace {

enum class Field { None, FirstName, Phone, Email, Message };

// The limits of the fields a visitor types about themselves are the shared ones
// (kiosk/core/domain/contact_check.h): the workshop form stops at the same length.
constexpr size_t kMaxName = kFirstNameMaxChars;
constexpr size_t kMaxPhone = kPhoneMaxChars;
constexpr size_t kMaxEmail = kEmailMaxChars;
constexpr size_t kMaxMessage = 400;

class ImmersionFormScreen : public Screen {
 public:
  explicit ImmersionFormScreen(std::string slot_id) : slot_id_(std::move(slot_id)) {}

  std::string_view id() const override { return "immersion.form"; }
  bool holds_personal_data() const override { return true; }
  std::string title(ScreenContext& ctx) override { return ctx.i18n.tr("immersion.form.title"); }
  std::string subtitle(ScreenContext& ctx) override {
    if (!slot_ || !offer_) return {};
    return offer_->employer_name + " · " + immersion::slot_dates(ctx.i18n, slot_->slot);
  }

  // "Retour" goes back one field: from the contact to the first name, from a field opened
  // on the whole form back to the form. The first field of a form never seen leaves it.
  bool back_one_step(ScreenContext&) override {
    if (editing_ == Field::None) return false;
    if (editing_ == Field::FirstName && !form_seen_) return false;
    editing_ = previous_;
    previous_ = Field::None;
    return true;
  }

  void draw(ScreenContext& ctx) override {
    ui::Ui& u = ctx.ui;
    if (!started_) start(ctx);
    if (!slot_ || !offer_) {
      ui::space(u, ui::Space::Medium);
      ui::text(u, ctx.i18n.tr("immersion.form.not_found"), ui::TextOpts{ui::FontRole::Title});
      ui::space(u, ui::Space::Medium);
      if (ui::big_button(u, ctx.i18n.tr("immersion.employer.back_to_list"))) ctx.nav.back();
      return;
    }
    keep_message(ctx);
    if (editing_ != Field::None) {
      draw_editing(ctx);
    } else {
      draw_form(ctx);
    }
  }

 private:
  // A new form (or a form for another period) gets a new token; coming back to the same form
  // keeps it, so sending again can only find the first request.
  void start(ScreenContext& ctx) {
    started_ = true;
    employer_words_ = ctx.i18n;
    employer_words_.set_language("fr");
    Session& s = ctx.session;
    if (ctx.services.db) {
      slot_ = immersion_slot_info(*ctx.services.db, slot_id_);
      if (slot_) {
        const jobs::Place& place = place_.get(ctx.services.db, s, ctx.services.site);
        offer_ = immersion_offer_detail(*ctx.services.db, slot_->slot.offer_id, "", place.lat,
                                        place.lon);
      }
    }
    if (ctx.services.db) retention_days_ = personal_data_retention_seconds(*ctx.services.db) / 86400;
    // Another period than last time: the consent names the employer and the message the
    // dates, so both are given again.
    if (immersion::value(s, immersion::kFormSlot) != slot_id_) {
      s.values[immersion::kFormSlot] = slot_id_;
      s.values.erase(immersion::kMessageEdited);
      s.consent = false;
    }
    token_key_ = std::string(immersion::kFormTokenPrefix) + slot_id_;
    if (immersion::value(s, token_key_).empty()) s.values[token_key_] = new_uuid_v4();
    // The request this form already made, if any: it is shown, never sent again.
    if (ctx.services.db) {
      if (auto made = immersion_receipt_for_token(*ctx.services.db, s.values[token_key_]))
        request_id_ = made->outbox_id;
    }
    s.immersion_slot_id = slot_id_;
    if (slot_ && offer_ && s.first_name.empty()) editing_ = Field::FirstName;
  }

  ImmersionObjective objective(const Session& s) const {
    ImmersionObjective o = ImmersionObjective::none;
    parse_immersion_objective(immersion::value(s, immersion::kObjective), o);
    return o;
  }

  // Until the visitor changes it, the message follows their choices.
  void keep_message(ScreenContext& ctx) {
    Session& s = ctx.session;
    if (!immersion::value(s, immersion::kMessageEdited).empty()) return;
    s.values[immersion::kMessage] =
        immersion::prewritten_message(employer_words_, objective(s), offer_->trade_label,
                                      offer_->employer_name, slot_->slot, s.first_name);
  }

  ImmersionRequestInput input(ScreenContext& ctx) const {
    const Session& s = ctx.session;
    ImmersionRequestInput in;
    in.form_token = immersion::value(s, token_key_);
    in.slot_id = slot_id_;
    in.objective = objective(s);
    in.first_name = s.first_name;
    in.phone = s.phone;
    in.email = s.email;
    in.message = immersion::value(s, immersion::kMessage);
    in.consent_text = consent_text(ctx);
    in.consent = s.consent;
    in.site_id = ctx.services.site.id;
    return in;
  }

  std::string consent_text(ScreenContext& ctx) const {
    return ctx.i18n.tr("immersion.form.consent", {{"employer", offer_->employer_name},
                                                  {"days", std::to_string(retention_days_)}});
  }

  // The message shown next to a field: only once the visitor has left it (or pressed
  // "Valider"), so a number being typed is not called wrong.
  std::string field_error(ScreenContext& ctx, Field f) const {
    const ImmersionFormCheck c = check_immersion_form(input(ctx));
    switch (f) {
      case Field::FirstName:
        if (!shown_[0]) return {};
        if (c.first_name == FieldCheck::missing) return ctx.i18n.tr("immersion.form.error.first_name_missing");
        if (c.first_name == FieldCheck::invalid) return ctx.i18n.tr("immersion.form.error.first_name_invalid");
        return {};
      case Field::Phone:
        return shown_[1] && c.phone == FieldCheck::invalid ? ctx.i18n.tr("immersion.form.error.phone")
                                                           : std::string();
      case Field::Email:
        return shown_[2] && c.email == FieldCheck::invalid ? ctx.i18n.tr("immersion.form.error.email")
                                                           : std::string();
      case Field::Message:
      case Field::None:
        return {};
    }
    return {};
  }

  static int index(Field f) { return f == Field::FirstName ? 0 : f == Field::Phone ? 1 : 2; }

  // The contact the employer prefers is asked first.
  Field preferred_contact() const {
    return offer_ && offer_->offer.contact_mode == "email" ? Field::Email : Field::Phone;
  }

  // ---------------------------------------------------------------- one field and a keyboard
  // The field being typed: where its text lives, its keyboard, its question and its label.
  struct EditedField {
    std::string* text = nullptr;
    ui::KeyboardOpts keyboard;
    const char* prompt = "";
    const char* label = "";
  };

  std::optional<EditedField> edited_field(Session& s) const {
    EditedField f;
    switch (editing_) {
      case Field::FirstName:
        f = {&s.first_name, {}, "immersion.form.prompt.first_name", "immersion.form.first_name"};
        f.keyboard.max_chars = kMaxName;
        return f;
      case Field::Phone:
        f = {&s.phone, {}, "immersion.form.prompt.phone", "immersion.form.phone"};
        f.keyboard.mode = ui::KeyboardMode::Phone;
        f.keyboard.max_chars = kMaxPhone;
        return f;
      case Field::Email:
        f = {&s.email, {}, "immersion.form.prompt.email", "immersion.form.email"};
        f.keyboard.mode = ui::KeyboardMode::Email;
        f.keyboard.max_chars = kMaxEmail;
        return f;
      case Field::Message:
        f = {&s.values[immersion::kMessage], {}, "immersion.form.prompt.message",
             "immersion.form.message"};
        f.keyboard.max_chars = kMaxMessage;
        return f;
      case Field::None:
        break;
    }
    return std::nullopt;
  }

  bool editing_contact() const { return editing_ == Field::Phone || editing_ == Field::Email; }

  void draw_edited_field(ScreenContext& ctx, const EditedField& f, float width) {
    if (editing_ == Field::Message) {
      draw_message_box(ctx, *f.text, width, true);
      return;
    }
    ui::FieldOpts fo;
    fo.focused = true;
    fo.width = width;
    const std::string error = field_error(ctx, editing_);
    fo.error = error;
    const std::string placeholder = ctx.i18n.tr(std::string(f.label) + "_placeholder");
    fo.placeholder = placeholder;
    fo.max_chars = f.keyboard.max_chars;
    ui::text_field(ctx.ui, ctx.i18n.tr(f.label), *f.text, fo);
  }

  // "Je préfère donner un e-mail" (or a phone) level with the field's box, at x. True when
  // tapped: the other contact is asked instead.
  bool draw_contact_switch(ScreenContext& ctx, const std::string& label, ImVec2 field_pos,
                           float x, float width) {
    ui::Ui& u = ctx.ui;
    const ImVec2 after = ImGui::GetCursorPos();
    // Level with the box, under the field's label.
    const float label_h = u.fonts.size(ui::FontRole::BodyBold) + 0.3f * ui::em(u);
    ImGui::SetCursorPos(ImVec2(x, field_pos.y + label_h));
    ui::ButtonOpts bo;
    bo.kind = ui::ButtonKind::Secondary;
    bo.width = width;
    if (ui::big_button(u, label, bo)) {
      shown_[index(editing_)] = true;
      editing_ = editing_ == Field::Phone ? Field::Email : Field::Phone;
      return true;
    }
    ImGui::SetCursorPos(after);
    return false;
  }

  void draw_editing(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const std::optional<EditedField> f = edited_field(ctx.session);
    if (!f) return;
    const bool contact = editing_contact();
    if (!draw_question_and_field(ctx, *f, contact)) return;
    const ui::KeyResult r = ui::keyboard(u, *f->text, f->keyboard);
    if (r == ui::KeyResult::Edited && editing_ == Field::Message)
      ctx.session.values[immersion::kMessageEdited] = "1";
    if (r == ui::KeyResult::Ok) finish_field(ctx);
  }

  // The question, the field and the switch to the other contact, above the keyboard (the
  // page scrolls to keep the field in view where they do not all fit). False when the
  // switch was tapped: another field is asked for from the next frame.
  bool draw_question_and_field(ScreenContext& ctx, const EditedField& f, bool contact) {
    ui::Ui& u = ctx.ui;
    ui::TypingPage page(u, "immersion.form.typing", f.keyboard.mode, typing_h_);
    ui::space(u, ui::Space::Small);
    ui::text(u, ctx.i18n.tr(f.prompt), ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
    if (contact) {
      ui::text(u, ctx.i18n.tr("immersion.form.one_contact") + " " +
                      immersion::contact_mode_words(ctx.i18n, offer_->offer.contact_mode),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    }
    ui::space(u, ui::Space::Tight);
    // Everything stays above the keyboard, whatever the text size: the switch between phone
    // and email sits beside the field, not under it.
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const std::string other = ctx.i18n.tr(editing_ == Field::Phone ? "immersion.form.prefer_email"
                                                                  : "immersion.form.prefer_phone");
    const float other_w =
        contact ? ui::text_size(u, other, ui::FontRole::BodyBold).x + 3 * ui::em(u) : 0.0f;
    const float gap_w = contact ? ui::px(u, 32) : 0.0f;
    const float width = std::min(avail_w - other_w - gap_w, ui::px(u, 1100));
    const ImVec2 field_pos = ImGui::GetCursorPos();
    draw_edited_field(ctx, f, width);
    return !(contact &&
             draw_contact_switch(ctx, other, field_pos, field_pos.x + width + gap_w, other_w));
  }

  // "Valider": a wrong value keeps the keyboard open with the message under the field; a right
  // one goes on to the next empty field, then back to the whole form.
  void finish_field(ScreenContext& ctx) {
    Session& s = ctx.session;
    const ImmersionFormCheck c = check_immersion_form(input(ctx));
    switch (editing_) {
      case Field::FirstName:
        shown_[0] = true;
        if (c.first_name != FieldCheck::ok) return;
        if (s.phone.empty() && s.email.empty()) {
          previous_ = Field::FirstName;
          editing_ = preferred_contact();
        } else {
          editing_ = Field::None;
        }
        return;
      case Field::Phone:
        shown_[1] = true;
        if (c.phone != FieldCheck::ok) return;
        break;
      case Field::Email:
        shown_[2] = true;
        if (c.email != FieldCheck::ok) return;
        break;
      case Field::Message:
      case Field::None:
        break;
    }
    editing_ = Field::None;
  }

  // ---------------------------------------------------------------- the whole form
  // Two columns (who; why and the message) over a band that always shows the consent and the
  // one primary button. Where the consent alone would take most of the height (a small
  // screen at A++), the whole form is one page that scrolls, the consent and the button at
  // its end: a band taller than the screen would hide them, and the words keep their size.
  void draw_form(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    form_seen_ = true;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui::px(u, 24), ui::px(u, 10)));
    ui::space(u, ui::Space::Small);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ui::px(u, 64);
    const float left_w = std::floor((avail.x - gap) * 0.42f);
    const float consent_h = ui::toggle_height(u, consent_text(ctx), consent_width(u, left_w + gap));
    if (consent_h + ui::px(u, 30) > avail.y * 0.45f) {
      draw_one_page(ctx, avail.x);
    } else {
      draw_columns(ctx, avail, left_w, gap);
    }
    ImGui::PopStyleVar();
  }

  static float consent_width(const ui::Ui& u, float right_x) { return right_x - ui::px(u, 64); }

  void draw_one_page(ScreenContext& ctx, float width) {
    ui::Ui& u = ctx.ui;
    ui::ScrollPage page(u, "immersion.form.page", ImVec2(0, 0), page_h_);
    draw_who(ctx);
    ui::space(u, ui::Space::Section);
    draw_what(ctx);
    ui::space(u, ui::Space::Section);
    draw_band_line(u, width);
    ui::toggle(u, consent_text(ctx), ctx.session.consent);
    ui::space(u, ui::Space::Medium);
    draw_send(ctx, width);
    ui::space(u, ui::Space::Small);
  }

  // A thin line over the consent, so it reads as the last step.
  static void draw_band_line(ui::Ui& u, float width) {
    const ImVec2 line = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(line, ImVec2(line.x + width, line.y),
                                        ui::to_u32(u.theme.card_border),
                                        std::max(1.0f, u.scale * 2));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::px(u, 6));
  }

  void draw_columns(ScreenContext& ctx, ImVec2 avail, float left_w, float gap) {
    ui::Ui& u = ctx.ui;
    const float band_h =
        std::min(avail.y * 0.45f, (band_inner_h_ > 0 ? band_inner_h_ : ui::px(u, 180)) + ui::px(u, 30));
    const float top_h = avail.y - band_h;
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoScrollbar |
                                        ImGuiWindowFlags_NoScrollWithMouse |
                                        ImGuiWindowFlags_NoBackground;
    // On a narrow screen (portrait) "who" and "why" are one column that scrolls.
    const bool stacked = avail.x - left_w - gap < 20 * ui::em(u);
    if (stacked) {
      ImGui::BeginChild("##who", ImVec2(avail.x, top_h), false, kFlags);
      {
        ui::ScrollPage page(u, "immersion.form.who", ImVec2(0, 0), left_h_);
        draw_who(ctx);
        ui::space(u, ui::Space::Section);
        draw_what(ctx);
      }
      ImGui::EndChild();
    } else {
      ImGui::BeginChild("##who", ImVec2(left_w, top_h), false, kFlags);
      {
        ui::ScrollPage page(u, "immersion.form.who", ImVec2(0, 0), left_h_);
        draw_who(ctx);
      }
      ImGui::EndChild();
      ImGui::SameLine(0, gap);
      ImGui::BeginChild("##what", ImVec2(avail.x - left_w - gap, top_h), false, kFlags);
      {
        ui::ScrollPage page(u, "immersion.form.what", ImVec2(0, 0), right_h_);
        draw_what(ctx);
      }
      ImGui::EndChild();
    }
    draw_band_line(u, avail.x);
    draw_band(ctx, avail.x, left_w + gap);
  }

  void draw_who(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    Session& s = ctx.session;
    const Field fields[] = {Field::FirstName, Field::Phone, Field::Email};
    const char* labels[] = {"immersion.form.first_name", "immersion.form.phone",
                            "immersion.form.email"};
    const std::string* values[] = {&s.first_name, &s.phone, &s.email};
    for (int i = 0; i < 3; ++i) {
      if (i == 1) {
        ui::space(u, ui::Space::Small);
        ui::text(u, ctx.i18n.tr("immersion.form.how_to_reach"),
                 ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title});
        // The employer's way of working, so the visitor gives the contact that will be used.
        ui::text(u, ctx.i18n.tr("immersion.form.one_contact") + " " +
                        immersion::contact_mode_words(ctx.i18n, offer_->offer.contact_mode),
                 ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
      }
      ui::FieldOpts fo;
      const std::string error = field_error(ctx, fields[i]);
      fo.error = error;
      const std::string placeholder = ctx.i18n.tr(std::string(labels[i]) + "_placeholder");
      fo.placeholder = placeholder;
      if (ui::text_field(u, ctx.i18n.tr(labels[i]), *values[i], fo)) {
        editing_ = fields[i];
        previous_ = Field::None;
      }
      ui::space(u, i == 0 ? ui::Space::Medium : ui::Space::Tight);
    }
  }

  void draw_what(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    Session& s = ctx.session;
    ui::text(u, ctx.i18n.tr("immersion.form.objective"),
             ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title});
    const ImmersionObjective current = objective(s);
    {
      ui::ChipFlow flow(u);
      for (ImmersionObjective o : {ImmersionObjective::discover, ImmersionObjective::confirm,
                                   ImmersionObjective::recruit}) {
        if (flow.chip(ctx.i18n.tr(immersion::objective_key(o)), current == o))
          s.values[immersion::kObjective] = immersion_objective_name(o);
      }
    }
    ui::space(u, ui::Space::Large);
    ui::text(u, ctx.i18n.tr("immersion.form.message"),
             ui::TextOpts{ui::FontRole::Heading, ui::Tone::Title});
    const std::string message = immersion::value(s, immersion::kMessage);
    const bool edited = !immersion::value(s, immersion::kMessageEdited).empty();
    if (current == ImmersionObjective::none && !edited) {
      ui::text(u, ctx.i18n.tr("immersion.form.message_hint"),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
      return;
    }
    draw_message_box(ctx, message, ImGui::GetContentRegionAvail().x, false);
    ui::space(u, ui::Space::Tight);
    ui::ButtonOpts bo;
    bo.kind = ui::ButtonKind::Secondary;
    if (ui::big_button(u, ctx.i18n.tr("immersion.form.change_message"), bo)) {
      editing_ = Field::Message;
      previous_ = Field::None;
    }
    if (edited) {
      // Beside "Changer" when both fit in the column, else under it.
      const std::string restore = ctx.i18n.tr("immersion.form.restore_message");
      if (ImGui::GetItemRectSize().x + ui::em(u) + ui::big_button_width(u, restore, bo) <=
          ImGui::GetContentRegionAvail().x)
        ImGui::SameLine(0, ui::em(u));
      if (ui::big_button(u, restore, bo)) s.values.erase(immersion::kMessageEdited);
    }
  }

  // The consent on the left, "Envoyer ma demande" on the right with what is still missing.
  // Both heights are measured each frame and used the next one.
  void draw_band(ScreenContext& ctx, float width, float right_x) {
    ui::Ui& u = ctx.ui;
    const float h = band_inner_h_ > 0 ? band_inner_h_ : ui::px(u, 180);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoScrollbar |
                                        ImGuiWindowFlags_NoScrollWithMouse |
                                        ImGuiWindowFlags_NoBackground;
    const float consent_w = consent_width(u, right_x);
    ImGui::BeginChild("##consent", ImVec2(consent_w, h), false, kFlags);
    const std::string consent = consent_text(ctx);
    ui::toggle(u, consent, ctx.session.consent);
    const float h1 = ImGui::GetCursorPosY();
    ImGui::EndChild();
    ImGui::SameLine(right_x, 0);
    ImGui::BeginChild("##send", ImVec2(width - right_x, h), false, kFlags);
    draw_send(ctx, width - right_x);
    const float h2 = ImGui::GetCursorPosY();
    ImGui::EndChild();
    band_inner_h_ = std::max(h1, h2);
  }

  void draw_message_box(ScreenContext& ctx, const std::string& message, float width,
                        bool focused) {
    immersion::message_box(ctx.ui, message, ctx.i18n.tr("immersion.form.message_empty"), width,
                           focused);
  }

  void draw_send(ScreenContext& ctx, float width) {
    ui::Ui& u = ctx.ui;
    // Already sent with this form (back from the confirmation): show it, never send again.
    if (!request_id_.empty()) {
      ui::text(u, ctx.i18n.tr("immersion.form.already_sent"),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Success, width});
      ui::space(u, ui::Space::Tight);
      ui::ButtonOpts see;
      see.width = std::min(width, ui::px(u, 560));
      if (ui::big_button(u, ctx.i18n.tr("immersion.form.see_request"), see))
        ctx.nav.open("immersion.done", {{"request", request_id_}});
      return;
    }
    const ImmersionFormCheck c = check_immersion_form(input(ctx));
    if (!error_key_.empty()) {
      ui::text(u, ctx.i18n.tr(error_key_),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Error, width});
      ui::space(u, ui::Space::Tight);
    }
    ui::ButtonOpts bo;
    bo.width = std::min(width, ui::px(u, 560));
    bo.enabled = c.ok() && ctx.services.db != nullptr;
    if (ui::big_button(u, ctx.i18n.tr("immersion.form.send"), bo) && bo.enabled) send(ctx);
    if (!c.ok()) {
      ui::space(u, ui::Space::Tight);
      ui::text(u, missing_words(ctx, c),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, width});
    }
  }

  // "Pour envoyer, il manque : votre prénom, votre accord."
  std::string missing_words(ScreenContext& ctx, const ImmersionFormCheck& c) const {
    std::vector<std::string> parts;
    if (c.first_name != FieldCheck::ok) parts.push_back(ctx.i18n.tr("immersion.form.missing.first_name"));
    if (c.contact_missing) parts.push_back(ctx.i18n.tr("immersion.form.missing.contact"));
    if (c.phone != FieldCheck::ok) parts.push_back(ctx.i18n.tr("immersion.form.missing.phone"));
    if (c.email != FieldCheck::ok) parts.push_back(ctx.i18n.tr("immersion.form.missing.email"));
    if (c.objective_missing) parts.push_back(ctx.i18n.tr("immersion.form.missing.objective"));
    if (c.consent_missing) parts.push_back(ctx.i18n.tr("immersion.form.missing.consent"));
    std::string list;
    for (size_t i = 0; i < parts.size(); ++i) list += (i ? ", " : "") + parts[i];
    return ctx.i18n.tr("immersion.form.missing", {{"list", list}});
  }

  void send(ScreenContext& ctx) {
    auto r = submit_immersion_request(*ctx.services.db, input(ctx), ctx.clock.now_s());
    if (!r.ok()) {
      // The visitor sees a plain sentence; the code stays for the tests (never the data).
      error_key_ = r.status.code == "slot_full"     ? "immersion.form.error.slot_full"
                   : r.status.code == "unknown_slot" ? "immersion.form.error.unknown_slot"
                                                     : "immersion.form.error.save";
      return;
    }
    error_key_.clear();
    request_id_ = r.value.outbox_id;
    ctx.nav.open("immersion.done", {{"request", r.value.outbox_id}});
  }

  std::string slot_id_;
  std::string token_key_;   // where the Session keeps this period's form token
  std::string request_id_;  // the outbox item this form made ("" before sending)
  int64_t retention_days_ = 30;
  bool started_ = false;
  std::optional<ImmersionSlotInfo> slot_;
  std::optional<ImmersionOfferDetail> offer_;
  // The message goes to a French employer: written in French (its dates too) whatever the
  // language the visitor reads; copied once when the form opens.
  I18n employer_words_;
  jobs::PlaceCache place_;
  Field editing_ = Field::None;
  Field previous_ = Field::None;  // where "Retour" goes from the field being typed
  bool form_seen_ = false;        // the whole form was shown once
  bool shown_[3] = {false, false, false};  // first name, phone, email: errors may show
  std::string error_key_;
  float typing_h_ = 0;  // the question and field above the keyboard, as last drawn
  float left_h_ = 0, right_h_ = 0;
  float band_inner_h_ = 0;  // the consent band's height, measured last frame
  float page_h_ = 0;        // the form as one page (a small screen), as last drawn
};

}  // namespace

std::unique_ptr<Screen> make_immersion_form_screen(const ScreenArgs& args) {
  auto it = args.find("slot");
  return std::make_unique<ImmersionFormScreen>(it == args.end() ? std::string() : it->second);
}

}  // namespace eric
