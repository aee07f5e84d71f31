// The Ui struct's frame bookkeeping, sizes and translation lookup.
#include "kiosk/ui/ui.h"

#include <algorithm>

#include <imgui.h>

namespace eric::ui {

void begin_frame(Ui& ui) {
  ui.probe.begin_frame();
  begin_mirror_frame(ui);
  ui.modal.open_last_frame = ui.modal.open_this_frame;
  ui.modal.open_this_frame = false;
  ui.modal.inside = false;
}

void end_frame(Ui& ui) { ui.modal.inside = false; }

void set_display(Ui& ui, const ScreenGeometry& screen) {
  ui.scale = design_scale(screen);
  apply_theme(ui.theme, ui.scale, ImGui::GetStyle());
}

void set_theme(Ui& ui, ThemeKind kind) {
  ui.theme = make_theme(kind);
  apply_theme(ui.theme, ui.scale, ImGui::GetStyle());
}

std::string tr(const Ui& ui, std::string_view key) {
  if (ui.i18n) return ui.i18n->tr(key);
  return "[" + std::string(key) + "]";  // visible, the way I18n shows a missing key
}

float em(const Ui& ui) { return ui.fonts.size(FontRole::Body); }
float px(const Ui& ui, float px_at_1080) { return px_at_1080 * ui.scale; }
float target_height(const Ui& ui) { return std::max(64.0f * ui.scale, 2.3f * em(ui)); }
float tap_slop(const Ui& ui) { return 12.0f * ui.scale; }

bool input_allowed(const Ui& ui) {
  const bool modal = ui.modal.open_last_frame || ui.modal.open_this_frame;
  return !modal || ui.modal.inside;
}

bool ui_animating(const Ui& ui) { return any_scroll_animating(ui); }

}  // namespace eric::ui
