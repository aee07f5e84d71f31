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

}  // namespace

void draw_called_ticket_banner(ScreenContext& ctx) {
  const std::optional<HelpTicket> ticket = shown_ticket(ctx);
  if (!ticket) return;
  ui::Ui& u = ctx.ui;
  const ImGuiIO& io = ImGui::GetIO();
  const std::string line =
      ctx.i18n.tr("help.banner.line", {{"number", ticket->number}});
  const std::string hint = ctx.i18n.tr("help.banner.hint");
  const float pad = ui::px(u, 28);
  const float h = std::round(pad * 2 + ui::text_size(u, line, ui::FontRole::Display).y +
                             ui::text_size(u, hint, ui::FontRole::Body).y + ui::px(u, 8));
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
  const float bell = ui::text_size(u, line, ui::FontRole::Display).y;
  ui::draw_picto(dl, ui::Picto::Help, ImVec2(ui::px(u, 64), pad), bell,
                 ui::to_u32(u.theme.on_primary));
  ImGui::SetCursorScreenPos(ImVec2(ui::px(u, 64) + bell + ui::px(u, 32), pad));
  ImGui::BeginGroup();
  ui::text(u, line, ui::TextOpts{ui::FontRole::Display, ui::Tone::OnPrimary, -1});
  ui::text(u, hint, ui::TextOpts{ui::FontRole::Body, ui::Tone::OnPrimary, -1});
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
