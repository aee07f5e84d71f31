// Helpers shared by the widget files (not for screens): probe recording, taps, drawing text.
#pragma once

#include <string_view>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/ui/ui.h"
#include "kiosk/ui/widgets.h"

namespace eric::ui::detail {

inline ImU32 col(Color c) { return to_u32(c); }

// Records an item if it is visible in the current clip rect; under a modal it is recorded as
// readable text that takes no tap. The recorded rect is the visible part (a script taps its
// centre). disabled: drawn greyed, taking no tap whatever covers it (ProbeItem::disabled).
void record(Ui& ui, ProbeKind kind, std::string_view text, const ImRect& bb, bool tappable,
            std::string_view key = {}, bool disabled = false);

// Declares bb as an item with id (layout included) and runs the touch rules: returns true on
// a tap. held: finger on it and not dragging (to draw the pressed look). visible: not clipped.
struct TapResult {
  bool tapped = false;
  bool held = false;
  bool visible = false;
};
TapResult tap_item(Ui& ui, ImGuiID id, const ImRect& bb, bool enabled = true);
// The same for an item known by its kind ("chip", "tile"...) and label: a chip and a tile with
// the same words are two items.
TapResult tap_item(Ui& ui, const char* kind, std::string_view label, const ImRect& bb);

// Draws text (wrap_width <= 0: one line) and records it as ProbeKind::Text.
ImVec2 draw_text(Ui& ui, FontRole font, ImVec2 pos, Color color, std::string_view s,
                 float wrap_width = 0, bool record_it = true);
ImVec2 measure(const Ui& ui, FontRole font, std::string_view s, float wrap_width = 0);
// Cuts s to fit max_width with an ellipsis ("…"); returns s when it fits.
std::string fit_text(Ui& ui, FontRole font, std::string_view s, float max_width);
// The layout check's eyes (probe.h LayoutFault): a widget outside the screen or cut by an
// edge that does not scroll; a word wider than the line it wraps in.
void check_placement(Ui& ui, std::string_view text, const ImRect& bb, const ImRect& visible);
void check_words_fit(Ui& ui, const ImFont* font, std::string_view text, ImVec2 pos,
                     float wrap_width);

// Rounded card with an optional 1-stroke border.
void draw_card_bg(Ui& ui, const ImRect& bb, Color fill, float rounding, bool border);

// Width big_button() gives a label (with or without an icon), to right-align buttons.
float button_width(const Ui& ui, std::string_view label, bool with_icon);

// The badge without layout, for widgets that place it inside themselves (cards).
ImVec2 badge_size(const Ui& ui, std::string_view label, BadgeKind kind);
void draw_badge(Ui& ui, ImVec2 pos, std::string_view label, BadgeKind kind);

}  // namespace eric::ui::detail
