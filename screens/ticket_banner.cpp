// The called-ticket banner over the visitor screens (see ticket_banner.h).
#include "screens/ticket_banner.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/widgets.h"

namespace eric {

namespace {

std::optional<HelpTicket> shown_ticket(ScreenContext& ctx) {
  if (ctx.shell.mode != Mode::Visitor || !ctx.services.db) return std::nullopt;
  return ticket_called_recently(*ctx.services.db, ctx.services.site.id, ctx.clock.now_s());
}

// The banner's words and measures: the two lines wrap to the width beside the bell, so a
// long language or larger text grows the band instead of cutting a word.
struct BannerLayout {
  std::string line, hint;
  ui::FontRole font = ui::FontRole::Display;  // the line's
  float pad = 0, bell = 0, text_x = 0, text_w = 0, h = 0;
};

// At most this share of the screen's height while a smaller font can keep to it: for its
// 30 s the page under it stays usable (at 1366x768 A++ the band in Display took 260 px of
// 768, and the home's paths were left a strip of 80 px).
constexpr float kMostOfScreen = 0.25f;

BannerLayout banner_layout(ScreenContext& ctx, const HelpTicket& ticket) {
  ui::Ui& u = ctx.ui;
  BannerLayout b;
  b.line = ctx.i18n.tr("help.banner.line", {{"number", ticket.number}});
  b.hint = ctx.i18n.tr("help.banner.hint");
  b.pad = ui::px(u, 28);
  b.bell = u.fonts.size(ui::FontRole::Display);
  b.text_x = ui::px(u, 64) + b.bell + ui::px(u, 32);
  const ImVec2 screen = ImGui::GetIO().DisplaySize;
  b.text_w = std::max(1.0f, screen.x - b.text_x - ui::px(u, 64));
  const float hint_h = ui::text_size(u, b.hint, ui::FontRole::Body, b.text_w).y;
  // The largest font whose band keeps to the budget, down to bold body text (the size the
  // visitor reads everything in); the band then takes what it needs.
  for (ui::FontRole font : {ui::FontRole::Display, ui::FontRole::Title, ui::FontRole::Heading,
                            ui::FontRole::BodyBold}) {
    b.font = font;
    b.h = std::round(b.pad * 2 + ui::text_size(u, b.line, font, b.text_w).y + hint_h +
                     ui::px(u, 8));
    if (b.h <= kMostOfScreen * screen.y) break;
  }
  return b;
}

}  // namespace

float called_ticket_banner_height(ScreenContext& ctx) {
  const std::optional<HelpTicket> ticket = shown_ticket(ctx);
  return ticket ? banner_layout(ctx, *ticket).h : 0.0f;
}

void draw_called_ticket_banner(ScreenContext& ctx) {
  const std::optional<HelpTicket> ticket = shown_ticket(ctx);
  if (!ticket) return;
  ui::Ui& u = ctx.ui;
  const ImGuiIO& io = ImGui::GetIO();
  const BannerLayout b = banner_layout(ctx, *ticket);
  const std::string& line = b.line;
  const float pad = b.pad;
  const float h = b.h;
  // Its own window on top: a touch on the banner does not reach what it covers.
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleColor(ImGuiCol_WindowBg,
                        ImGui::ColorConvertU32ToFloat4(ui::to_u32(u.theme.primary)));
  ImGui::Begin("##called_ticket", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoScrollWithMouse);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // A red accent on the left edge, as on the region's public signs.
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(ui::px(u, 16), h), ui::to_u32(u.theme.accent));
  ui::draw_picto(dl, ui::Picto::Help, ImVec2(ui::px(u, 64), pad), b.bell,
                 ui::to_u32(u.theme.on_primary));
  ImGui::SetCursorScreenPos(ImVec2(b.text_x, pad));
  ImGui::BeginGroup();
  ui::text(u, line, ui::TextOpts{b.font, ui::Tone::OnPrimary, b.text_w});
  ui::text(u, b.hint, ui::TextOpts{ui::FontRole::Body, ui::Tone::OnPrimary, b.text_w});
  ImGui::EndGroup();
  u.probe.record(ui::ProbeItem{ui::ProbeKind::Banner, line, "", 0, 0, io.DisplaySize.x, h,
                               false});
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(3);
}

int64_t called_ticket_banner_deadline_ms(ScreenContext& ctx) {
  const std::optional<HelpTicket> ticket = shown_ticket(ctx);
  if (!ticket) return 0;
  return (ticket->called_at + kBannerSeconds) * 1000;
}

}  // namespace eric
