// The closed screen (see closed_screen.h).
#include "screens/closed_screen.h"

#include <imgui.h>

#include "kiosk/app/navigator.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/opening_hours.h"
#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/ui.h"
#include "kiosk/ui/widgets.h"

namespace eric {

namespace {

// "Réouverture demain à 9 h" / "lundi à 13 h 30" / "aujourd'hui à 13 h 30", from the hours.
std::string next_opening_words(ScreenContext& ctx) {
  const CivilTime now = ctx.clock.local();
  const std::optional<NextOpening> next = next_opening(ctx.services.hours, now);
  if (!next) return ctx.i18n.tr("closed.no_opening");
  const std::string at = time_words(next->minute / 60, next->minute % 60, ctx.i18n);
  std::string day;
  if (next->days_ahead == 0) day = ctx.i18n.tr("closed.today");
  else if (next->days_ahead == 1) day = ctx.i18n.tr("closed.tomorrow");
  else day = weekday_words(next->weekday, ctx.i18n);
  return ctx.i18n.tr("closed.next", {{"day", day}, {"time", at}});
}

class ClosedScreen : public Screen {
 public:
  std::string_view id() const override { return "closed"; }
  bool show_back() const override { return false; }

  // Drawn by the shell on the whole page, without header, footer or overlays.
  void draw(ScreenContext& ctx) override {
    const bool lit = ctx.clock.now_ms() < ctx.shell.closed_lit_until_ms;
    ui::Ui& ui = ctx.ui;
    // Dark: near-black page, text barely there; lit: the same words, readable.
    const ui::Theme saved = ui.theme;
    ui.theme.text = lit ? ui::rgb(0xf2f2f2) : ui::rgb(0x5a5a5a);
    ui.theme.title = lit ? ui::rgb(0xffffff) : ui::rgb(0x6a6a6a);
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), size, IM_COL32(8, 8, 10, 255));
    const float margin = ui::px(ui, 96);
    ImGui::SetCursorScreenPos(ImVec2(margin, size.y * 0.32f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(size.x - margin);
    const CivilTime t = ctx.clock.local();
    ui::text(ui, time_words(t.hour, t.minute, ctx.i18n), ui::TextOpts{ui::FontRole::Display, ui::Tone::Title});
    ui::space(ui, ui::Space::Section);
    ui::text(ui, ctx.i18n.tr("closed.title"), ui::TextOpts{ui::FontRole::Title, ui::Tone::Title});
    ui::text(ui, next_opening_words(ctx), ui::TextOpts{ui::FontRole::Title, ui::Tone::Normal});
    ui.theme = saved;
    if (lit) {
      ui::space(ui, ui::Space::Wide);
      ui::ButtonOpts opts;
      opts.kind = ui::ButtonKind::Secondary;
      if (ui::big_button(ui, ctx.i18n.tr("closed.staff"), opts)) ctx.nav.open("staff.pin");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
  }
};

}  // namespace

std::unique_ptr<Screen> make_closed_screen(const ScreenArgs&) {
  return std::make_unique<ClosedScreen>();
}

}  // namespace eric
