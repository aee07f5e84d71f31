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
    // One page that scrolls when it does not fit (larger text, a small screen), with its
    // indicator: the button at the bottom is then one drag away, never out of reach.
    ui::ScrollPage page(u, "help.ticket.form", ImVec2(0, 0), form_h_);
    ui::space(u, ui::Space::Large);
    ui::text(u, t.tr("help.ticket.reason_question"),
             ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
    ui::space(u, ui::Space::Large);
    draw_reasons(ctx);
    ui::space(u, ui::Space::Wide);

    // Urgency on the left, the optional first name on the right: one row, little to read.
    // On a narrow screen the first name goes under the urgency.
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float field_w = std::min(ui::px(u, 720), avail_w);
    const float col_w = avail_w * 0.45f;
    const bool one_row = col_w + field_w <= avail_w;
    ImGui::BeginGroup();
    ui::text(u, t.tr("help.ticket.urgent_question"),
             ui::TextOpts{ui::FontRole::BodyBold, ui::Tone::Normal, one_row ? col_w - ui::px(u, 24) : 0.0f});
    ui::space(u, ui::Space::Large);
    if (ui::chip(u, t.tr("help.ticket.urgent_yes"), ctx.session.urgent_today))
      ctx.session.urgent_today = true;
    ImGui::SameLine(0, ui::px(u, 24));
    if (ui::chip(u, t.tr("help.ticket.urgent_no"), !ctx.session.urgent_today))
      ctx.session.urgent_today = false;
    ImGui::EndGroup();
    if (one_row)
      ImGui::SameLine(col_w);
    else
      ui::space(u, ui::Space::Section);
    ImGui::BeginGroup();
    ui::FieldOpts field;
    field.placeholder = t.tr("help.ticket.first_name_placeholder");
    field.width = field_w;
    if (ui::text_field(u, t.tr("help.ticket.first_name_label"), ctx.session.first_name, field))
      typing_ = true;
    ImGui::EndGroup();
    ui::space(u, ui::Space::Wide);
    draw_take_button(ctx);
    ui::space(u, ui::Space::Large);
  }

  // The five reasons as a grid of tiles: five in a row on a landscape screen, fewer where
  // their words would not fit. Larger text makes the pictures smaller, never drops them.
  void draw_reasons(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const float gap = ui::px(u, 24);
    std::vector<std::string> titles;
    for (std::string_view reason : kHelpReasons)
      titles.push_back(ctx.i18n.tr(std::string("help.reason.") + std::string(reason)));
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const int columns = ui::grid_columns(u, titles, avail_w, gap, static_cast<int>(titles.size()));
    const float width = std::floor((avail_w - (columns - 1) * gap) / columns);
    const float picto_em = u.text_scale > 1.0f ? 2.2f : 3.6f;
    const ui::FontRole title_font = ui::tile_title_font(u, titles, width);
    auto spec_of = [&](size_t i) {
      ui::TileSpec spec{ui::help_reason_picto(kHelpReasons[i]), titles[i], {}, {}};
      spec.picto_em = picto_em;
      spec.title_font = title_font;
      return spec;
    };
    // Every tile as tall as the tallest, so the grid reads as one choice.
    float height = 0;
    for (size_t i = 0; i < titles.size(); ++i)
      height = std::max(height, ui::tile_min_height(u, spec_of(i), width));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (size_t i = 0; i < kHelpReasons.size(); ++i) {
      const std::string_view reason = kHelpReasons[i];
      const int row = static_cast<int>(i) / columns, col = static_cast<int>(i) % columns;
      const ImVec2 pos(origin.x + col * (width + gap), origin.y + row * (height + gap));
      ImGui::SetCursorScreenPos(pos);
      ImGui::PushID(static_cast<int>(i));
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
    const int rows = (static_cast<int>(kHelpReasons.size()) + columns - 1) / columns;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (height + gap) - gap));
    ImGui::Dummy(ImVec2(0, 0));
  }

  void draw_take_button(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const bool ready = !ctx.session.help_reason.empty();
    ui::ButtonOpts opts;
    opts.enabled = ready && ctx.services.db != nullptr;
    opts.width = ui::px(u, 520);
    if (ui::big_button(u, ctx.i18n.tr("help.ticket.take"), opts)) take(ctx);
    if (!ready)
      ui::text_after(u, ctx.i18n.tr("help.ticket.choose_reason_first"),
                     ui::TextOpts{ui::FontRole::Body, ui::Tone::Secondary});
    if (!error_.empty()) ui::text(u, error_, ui::TextOpts{ui::FontRole::Body, ui::Tone::Error});
  }

  // The first name only, above the keyboard (the reason tiles would not fit with it).
  void draw_typing(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    {
      // "Prendre un ticket" beside the field where the row holds both, so both stay above the
      // keyboard on a short screen (1366x768 at A++); under it, in a page that scrolls, else.
      ui::TypingPage page(u, "help.ticket.typing", ui::KeyboardMode::Text, typing_h_);
      ui::space(u, ui::Space::Small);
      ui::FieldOpts field;
      field.focused = true;
      const float avail_w = ImGui::GetContentRegionAvail().x;
      field.width = std::min(ui::px(u, 720), avail_w);
      field.max_chars = kFirstNameMaxChars;
      // The first name is optional here: only a wrong one (digits, an @) is an error.
      const bool wrong = check_first_name(ctx.session.first_name) == FieldCheck::invalid;
      const std::string error =
          name_checked_ && wrong ? ctx.i18n.tr("help.ticket.first_name_invalid") : std::string();
      field.error = error;
      const ImVec2 field_pos = ImGui::GetCursorScreenPos();
      ui::text_field(u, ctx.i18n.tr("help.ticket.first_name_label"), ctx.session.first_name,
                     field);
      const float gap = ui::px(u, 32);
      // Its hint ("choose a reason first") or an error needs the width under it.
      const bool alone = !ctx.session.help_reason.empty() && error_.empty();
      if (alone && field.width + gap + ui::px(u, 520) <= avail_w) {
        const ImVec2 after = ImGui::GetCursorScreenPos();
        const float label_h = u.fonts.size(ui::FontRole::BodyBold) + 0.3f * ui::em(u);
        ImGui::SetCursorScreenPos(ImVec2(field_pos.x + field.width + gap, field_pos.y + label_h));
        draw_take_button(ctx);
        const float bottom = std::max(after.y, ImGui::GetCursorScreenPos().y);
        ImGui::SetCursorScreenPos(ImVec2(after.x, bottom));
        ImGui::Dummy(ImVec2(0, 0));
      } else {
        ui::space(u, ui::Space::Section);
        draw_take_button(ctx);
      }
    }
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

  // Centres text in a column `width` wide starting at x (the content area's by default),
  // wrapped to it when it is longer.
  static void centered(ui::Ui& u, const std::string& s, ui::FontRole font, ui::Tone tone,
                       float x = -1, float width = 0) {
    if (x < 0) x = ImGui::GetCursorScreenPos().x;
    if (width <= 0) width = std::min(ImGui::GetContentRegionAvail().x, ui::px(u, 1400));
    const float w = std::min(ui::text_size(u, s, font).x, width);
    ImGui::SetCursorScreenPos(ImVec2(std::round(x + (width - w) * 0.5f), ImGui::GetCursorScreenPos().y));
    ui::text(u, s, ui::TextOpts{font, tone, width});
  }

  void draw_ticket(ScreenContext& ctx) {
    ui::Ui& u = ctx.ui;
    const I18n& t = ctx.i18n;
    const int ahead = ctx.services.db ? people_ahead(*ctx.services.db, ticket_id_) : 0;
    ui::ScrollPage page(u, "help.ticket.number", ImVec2(0, 0), ticket_h_);
    ui::space(u, ui::Space::Section);
    // A white card in the middle, as tall as what it holds: the number is read from a few
    // steps away while waiting.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float card_w = std::min(avail, std::max(ui::px(u, 900), 20 * ui::em(u)));
    const float pad = 1.5f * ui::em(u);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const ImVec2 card_min(std::round(top.x + (avail - card_w) * 0.5f), top.y);
    const float inner_x = card_min.x + pad, inner_w = card_w - 2 * pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);  // the card goes under its content, once the content is measured
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(inner_x, top.y + pad));
    centered(u, t.tr("help.ticket.your_number"), ui::FontRole::Title, ui::Tone::Normal, inner_x,
             inner_w);
    centered(u, number_, ui::FontRole::Number, ui::Tone::Title, inner_x, inner_w);
    ui::space(u, ui::Space::Large);
    centered(u, people_ahead_words(ahead, t), ui::FontRole::Title, ui::Tone::Title, inner_x,
             inner_w);
    const float card_bottom = ImGui::GetCursorScreenPos().y + pad;
    dl->ChannelsSetCurrent(0);
    const ImVec2 card_max(card_min.x + card_w, card_bottom);
    const float rounding = u.theme.rounding_em * ui::em(u);
    dl->AddRectFilled(card_min, card_max, ui::to_u32(u.theme.card), rounding);
    // Outlined: on the high-contrast theme's white page a white card has no other edge.
    dl->AddRect(card_min, card_max, ui::to_u32(u.theme.card_border), rounding, 0,
                std::max(1.0f, u.theme.border_px * u.scale));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(top.x, card_bottom + ui::px(u, 32)));
    centered(u, t.tr("help.ticket.wait_here"), ui::FontRole::Body, ui::Tone::Normal);
    if (!context_.empty()) {
      ui::space(u, ui::Space::Large);
      centered(u, t.tr("help.ticket.context", {{"context", context_}}), ui::FontRole::Body,
               ui::Tone::Secondary);
    }
    ui::space(u, ui::Space::Wide);
    ui::ButtonOpts finish;
    finish.width = std::min(avail, ui::px(u, 420));
    ImGui::SetCursorScreenPos(ImVec2(top.x + (avail - finish.width) * 0.5f, ImGui::GetCursorScreenPos().y));
    if (ui::big_button(u, t.tr("help.ticket.finish"), finish)) end_visitor_path(ctx, "help");
    ui::space(u, ui::Space::Large);
  }

  std::string context_;
  float form_h_ = 0;    // the form's height last frame (its scrolling page)
  float ticket_h_ = 0;  // the same for the ticket's page
  float typing_h_ = 0;  // the same for the first name above the keyboard
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
