// "help.ticket": why, how urgent, an optional first name, then the ticket number very large.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/contact_check.h"
#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/words/help_words.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/widgets.h"
#include "screens/feedback_screen.h"
#include "screens/help_screens.h"

namespace eric {

namespace {

class HelpTicketScreen : public Screen {
 public:
  explicit HelpTicketScreen(const ScreenArgs& args) {
    if (auto it = args.find("context"); it != args.end()) context_ = it->second;
  }

  std::string_view id() const override { return "help.ticket"; }
  bool holds_personal_data() const override { return true; }
  std::string title(ScreenContext& ctx) override {
    return ctx.i18n.tr(ticket_id_ ? "help.ticket.done_title" : "help.ticket.title");
  }
  // Once the ticket is taken, going back would only invite a second ticket.
  bool show_back() const override { return ticket_id_ == 0; }

  void draw(ScreenContext& ctx) override {
    if (context_.empty()) {
      if (auto it = ctx.session.values.find("help.context"); it != ctx.session.values.end())
        context_ = it->second;
    }
    if (ticket_id_) {
      draw_ticket(ctx);
    } else if (typing_) {
      draw_typing(ctx);
    } else {
      draw_form(ctx);
    }
  }

 private:
  void draw_form(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    ui::space(u, ui::Space::Large);
    ui::text(u, t.tr("help.ticket.reason_question"),
             ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
    ui::space(u, ui::Space::Large);
    // The urgency and first-name row and the button below keep their room: with large text
    // the tiles give up the size of their pictures first, then the pictures.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float label = u.fonts.size(ui::FontRole::BodyBold) + 0.3f * ui::em(u);
    const float below = ui::px(u, 28) + label + ui::target_height(u) + ui::px(u, 40) +
                        ui::target_height(u) + 6 * spacing;
    draw_reasons(ctx, ImGui::GetContentRegionAvail().y - below);
    ui::space(u, ui::Space::Wide);

    // Urgency on the left, the optional first name on the right: one row, little to read.
    const float col_w = ImGui::GetContentRegionAvail().x * 0.45f;
    ImGui::BeginGroup();
    ui::text(u, t.tr("help.ticket.urgent_question"),
             ui::TextOpts{ui::FontRole::BodyBold, ui::Tone::Normal, -1});
    ui::space(u, ui::Space::Large);
    if (ui::chip(u, t.tr("help.ticket.urgent_yes"), ctx.session.urgent_today))
      ctx.session.urgent_today = true;
    ImGui::SameLine(0, ui::px(u, 24));
    if (ui::chip(u, t.tr("help.ticket.urgent_no"), !ctx.session.urgent_today))
      ctx.session.urgent_today = false;
    ImGui::EndGroup();
    ImGui::SameLine(col_w);
    ImGui::BeginGroup();
    ui::FieldOpts field;
    field.placeholder = t.tr("help.ticket.first_name_placeholder");
    field.width = ui::px(u, 720);
    if (ui::text_field(u, t.tr("help.ticket.first_name_label"), ctx.session.first_name, field))
      typing_ = true;
    ImGui::EndGroup();
    ui::space(u, ui::Space::Wide);
    draw_take_button(ctx);
  }

  void draw_reasons(ScreenContext& ctx, float max_height) {
    ui::Ui& u = ctx.ui;
    const float gap = ui::px(u, 24);
    const float width = std::floor((ImGui::GetContentRegionAvail().x - 4 * gap) / 5.0f);
    std::vector<std::string> titles;
    for (std::string_view reason : kHelpReasons)
      titles.push_back(ctx.i18n.tr(std::string("help.reason.") + std::string(reason)));
    float picto_em = 3.6f;
    bool pictures = true;
    const ui::FontRole title_font = ui::tile_title_font(u, titles, width);
    auto spec_of = [&](size_t i) {
      ui::TileSpec spec{pictures ? ui::help_reason_picto(kHelpReasons[i]) : ui::Picto::None,
                        titles[i], {}, {}};
      spec.picto_em = picto_em;
      spec.title_font = title_font;
      return spec;
    };
    // Every tile as tall as the tallest, so the row reads as one choice.
    auto tallest = [&] {
      float h = 0;
      for (size_t i = 0; i < titles.size(); ++i)
        h = std::max(h, ui::tile_min_height(u, spec_of(i), width));
      return h;
    };
    float height = tallest();
    if (height > max_height) {
      picto_em = 2.2f;
      height = tallest();
    }
    if (height > max_height) {
      pictures = false;
      height = tallest();
    }
    for (size_t i = 0; i < kHelpReasons.size(); ++i) {
      const std::string_view reason = kHelpReasons[i];
      if (i > 0) ImGui::SameLine(0, gap);
      ImGui::PushID(static_cast<int>(i));
      const ImVec2 pos = ImGui::GetCursorScreenPos();
      ui::TileSpec spec = spec_of(i);
      spec.size = ImVec2(width, height);
      if (ui::tile(u, spec)) ctx.session.help_reason = std::string(reason);
      if (ctx.session.help_reason == reason) {
        // The chosen reason: a thick frame and a check mark, not only a colour.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float stroke = ui::px(u, 6);
        const ImU32 blue = ui::to_u32(u.theme.primary);
        dl->AddRect(ImVec2(pos.x - stroke * 0.5f, pos.y - stroke * 0.5f),
                    ImVec2(pos.x + width + stroke * 0.5f, pos.y + height + stroke * 0.5f), blue,
                    u.theme.rounding_em * ui::em(u), 0, stroke);
        const float c = ui::px(u, 56);
        const ImVec2 cp(pos.x + width - c - ui::px(u, 14), pos.y + ui::px(u, 14));
        dl->AddCircleFilled(ImVec2(cp.x + c * 0.5f, cp.y + c * 0.5f), c * 0.5f, blue, 32);
        {
          const ui::KeepWhole unmirrored(u, dl);  // a check mark is never mirrored
          ui::draw_picto(dl, ui::Picto::Check, ImVec2(cp.x + c * 0.2f, cp.y + c * 0.2f), c * 0.6f,
                         ui::to_u32(u.theme.on_primary));
        }
      }
      ImGui::PopID();
    }
  }

  void draw_take_button(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const bool ready = !ctx.session.help_reason.empty();
    ui::ButtonOpts opts;
    opts.enabled = ready && ctx.services.db != nullptr;
    opts.width = ui::px(u, 520);
    if (ui::big_button(u, ctx.i18n.tr("help.ticket.take"), opts)) take(ctx);
    if (!ready) {
      ImGui::SameLine(0, ui::px(u, 24));
      ui::text(u, ctx.i18n.tr("help.ticket.choose_reason_first"),
               ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary, -1});
    }
    if (!error_.empty()) ui::text(u, error_, ui::TextOpts{ui::FontRole::Body, ui::Tone::Error});
  }

  // The first name only, above the keyboard (the reason tiles would not fit with it).
  void draw_typing(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    ui::space(u, ui::Space::Section);
    ui::FieldOpts field;
    field.focused = true;
    field.width = ui::px(u, 720);
    field.max_chars = kFirstNameMaxChars;
    // The first name is optional here: only a wrong one (digits, an @) is an error.
    const bool wrong = check_first_name(ctx.session.first_name) == FieldCheck::invalid;
    const std::string error =
        name_checked_ && wrong ? ctx.i18n.tr("help.ticket.first_name_invalid") : std::string();
    field.error = error;
    ui::text_field(u, ctx.i18n.tr("help.ticket.first_name_label"), ctx.session.first_name, field);
    ui::space(u, ui::Space::Section);
    draw_take_button(ctx);
    ui::KeyboardOpts kb;
    kb.mode = ui::KeyboardMode::Text;
    kb.max_chars = kFirstNameMaxChars;
    if (ui::keyboard(u, ctx.session.first_name, kb) == ui::KeyResult::Ok) {
      name_checked_ = true;
      if (check_first_name(ctx.session.first_name) != FieldCheck::invalid) typing_ = false;
    }
  }

  // "Retour" while the first name is typed goes back to the ticket's choices.
  bool back_one_step(ScreenContext&) override {
    if (!typing_ || ticket_id_ != 0) return false;
    typing_ = false;
    return true;
  }

  void take(ScreenContext& ctx) {
    TicketRequest r;
    r.site_id = ctx.services.site.id;
    r.reason = ctx.session.help_reason;
    r.urgent_today = ctx.session.urgent_today;
    r.first_name = ctx.session.first_name;
    r.context = context_;
    auto taken = take_ticket(*ctx.services.db, r, ctx.clock.now_s());
    if (!taken.ok()) {
      error_ = ctx.i18n.tr("help.ticket.error");
      return;
    }
    ticket_id_ = taken.value.ticket.id;
    number_ = taken.value.ticket.number;
    typing_ = false;
    ctx.session.values["help.ticket"] = number_;
  }

  // Centres one line of text in the content area.
  static void centered(ui::Ui& u, const std::string& s, ui::FontRole font, ui::Tone tone) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float w = ui::text_size(u, s, font).x;
    const float wrap = std::min(avail, ui::px(u, 1400));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - std::min(w, wrap)) * 0.5f));
    ui::text(u, s, ui::TextOpts{font, tone, w > wrap ? wrap : -1});
  }

  void draw_ticket(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    const int ahead = ctx.services.db ? people_ahead(*ctx.services.db, ticket_id_) : 0;
    ui::space(u, ui::Space::Section);
    // A white card in the middle: the number is read from a few steps away while waiting.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float card_w = ui::px(u, 900);
    const float card_h = ui::px(u, 430);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const ImVec2 card_min(top.x + (avail - card_w) * 0.5f, top.y);
    ImGui::GetWindowDrawList()->AddRectFilled(card_min,
                                              ImVec2(card_min.x + card_w, card_min.y + card_h),
                                              ui::to_u32(u.theme.card),
                                              u.theme.rounding_em * ui::em(u));
    ui::space(u, ui::Space::Wide);
    centered(u, t.tr("help.ticket.your_number"), ui::FontRole::Title, ui::Tone::Normal);
    ImFont* font = u.fonts.get(ui::FontRole::Display);
    if (font) {
      const float size = std::round(u.fonts.size(ui::FontRole::Display) * 2.5f);
      const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, number_.c_str());
      const ImVec2 pos(std::round(top.x + (avail - ts.x) * 0.5f), ImGui::GetCursorScreenPos().y);
      ui::add_text(u, ImGui::GetWindowDrawList(), font, size, pos, ui::to_u32(u.theme.title),
                   number_);
      u.probe.record(ui::ProbeItem{ui::ProbeKind::Text, number_, "", pos.x, pos.y, ts.x, ts.y,
                                   false});
      ImGui::Dummy(ts);
    }
    ui::space(u, ui::Space::Large);
    centered(u, people_ahead_words(ahead, t), ui::FontRole::Title, ui::Tone::Title);
    ImGui::SetCursorScreenPos(ImVec2(top.x, card_min.y + card_h + ui::px(u, 32)));
    centered(u, t.tr("help.ticket.wait_here"), ui::FontRole::Body, ui::Tone::Normal);
    if (!context_.empty()) {
      ui::space(u, ui::Space::Large);
      centered(u, t.tr("help.ticket.context", {{"context", context_}}), ui::FontRole::Body,
               ui::Tone::Secondary);
    }
    ui::space(u, ui::Space::Wide);
    ui::ButtonOpts finish;
    finish.width = ui::px(u, 420);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - finish.width) * 0.5f);
    if (ui::big_button(u, t.tr("help.ticket.finish"), finish)) end_visitor_path(ctx, "help");
  }

  std::string context_;
  bool typing_ = false;
  bool name_checked_ = false;  // "Valider" was pressed once: a wrong name may be said
  int64_t ticket_id_ = 0;
  std::string number_;
  std::string error_;
};

}  // namespace

std::unique_ptr<Screen> make_help_ticket_screen(const ScreenArgs& args) {
  return std::make_unique<HelpTicketScreen>(args);
}

}  // namespace eric
