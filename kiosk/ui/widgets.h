// The touch widget kit: free functions over Ui, drawn at the ImGui cursor, probe-recorded.
//
// Index of this header
// [SECTION] Text
// [SECTION] Buttons, chips, toggles, badges (widgets_buttons.cpp)
// [SECTION] Tiles and cards (widgets_cards.cpp)
// [SECTION] Page chrome: header, title band, footer, text field, modal (widgets_chrome.cpp)
//
// Rules every widget follows:
// - a tap is a press and a release on the widget with the finger moved less than
//   tap_slop(ui); a drag never clicks (it scrolls the list under it);
// - a tappable widget records one ProbeItem (its kind, its main label, its visible rect,
//   tappable = true); other texts inside it record ProbeKind::Text items;
// - nothing is recorded or tappable when it is clipped out; under a modal, items are recorded
//   as readable but not tappable;
// - sizes come from the fonts (em) so the text size setting enlarges everything.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/pictograms.h"
#include "kiosk/ui/ui.h"

namespace eric::ui {

// [SECTION] Text

enum class Tone { Normal, Secondary, Title, Error, Success, OnPrimary };

struct TextOpts {
  FontRole font = FontRole::Body;
  Tone tone = Tone::Normal;
  float wrap_width = 0;  // 0: wrap at the available width; < 0: never wrap
};

// Draws a paragraph at the cursor and records it (ProbeKind::Text).
void text(Ui& ui, std::string_view s, const TextOpts& opts = {});
// s on one line of max_width: whole words dropped from the end and "…" put instead when it
// is longer (a word too long alone is cut and reported by the layout check).
std::string fitted(Ui& ui, FontRole font, std::string_view s, float max_width);
// Size a text takes (wrap_width < 0: one line).
ImVec2 text_size(const Ui& ui, std::string_view s, FontRole font, float wrap_width = -1);

// [SECTION] Buttons, chips, toggles, badges

enum class ButtonKind { Primary, Secondary };

struct ButtonOpts {
  ButtonKind kind = ButtonKind::Primary;
  float width = 0;  // 0: fits the label
  Picto icon = Picto::None;  // drawn left of the label
  bool enabled = true;       // a disabled button is drawn greyed and records tappable = false
};

// Pill-shaped button, at least target_height() high. Primary: blue fill, white label.
// Secondary: white with a blue outline and a blue label.
bool big_button(Ui& ui, std::string_view label, const ButtonOpts& opts = {});
// The width big_button takes for this label and these options (to lay a row out first).
float big_button_width(const Ui& ui, std::string_view label, const ButtonOpts& opts = {});
// "← Retour": a secondary button with a drawn arrow (no glyph needed).
bool back_button(Ui& ui);
// Filter chip; active = filled #e3e3fd with a blue border. Records ProbeKind::Chip.
bool chip(Ui& ui, std::string_view label, bool active);
// A chip's width: its bold label and 0.8 em each side (the same active or not), for the
// layouts that place chips before drawing them.
float chip_width(const Ui& ui, std::string_view label);
// A big square box with a label on its right (consent). Flips value and returns true on a tap.
bool toggle(Ui& ui, std::string_view label, bool& value);
// The height toggle takes with this label in `width` (to lay a page out before drawing it).
float toggle_height(const Ui& ui, std::string_view label, float width);
// Square button showing only a pictogram (lock, speaker); label is what the probe records.
// chosen: a setting that is on, drawn filled and recorded "active".
bool icon_button(Ui& ui, Picto picto, std::string_view label, bool quiet = false,
                 bool chosen = false);

enum class BadgeKind { Success, Neutral };
// Small rounded label; Success adds a drawn check mark ("Formation financée par la Région").
void badge(Ui& ui, std::string_view label, BadgeKind kind = BadgeKind::Success);

// [SECTION] Tiles and cards

// A home or family tile: the whole card is the target. Records ProbeKind::Tile with the
// title; the sentence and the action label are recorded as Text.
struct TileSpec {
  Picto picto = Picto::None;
  std::string_view title;
  std::string_view sentence;  // one plain sentence; may be empty
  std::string_view action;    // the button-looking label ("Commencer"); may be empty
  ImVec2 size{0, 0};          // 0: the available width / a height that fits
  // 0: the content starts at the top and the action sits at the bottom. Otherwise the height
  // of the content of the row's richest tile (tile_min_height): each tile's content is placed
  // as if it were that tall, centred in the tile, so a tall tile holds no empty middle and
  // the titles and actions of a row stay aligned.
  float content_height = 0;
  float picto_em = 3.6f;  // the pictogram's side, in em: the home's tiles grow it with the room
  // The largest the title may be; a smaller font is taken when one of its words is wider than
  // the tile (tile_title_font gives the one font of a whole grid).
  FontRole title_font = FontRole::Title;
};
bool tile(Ui& ui, const TileSpec& spec);
float tile_min_height(const Ui& ui, const TileSpec& spec, float width);
// The largest of Title, Heading and BodyBold in which every word of every title fits tiles
// of this width: one grid, one size, and no word cut in two ("maintenanc-e").
// How many tiles a row of a grid holds: the most, up to max_columns, for which every word of
// every title fits at the heading size (a narrow screen or larger text gets fewer columns,
// never words cut or shrunk below the heading size).
int grid_columns(const Ui& ui, const std::vector<std::string>& titles, float avail_w, float gap,
                 int max_columns);
FontRole tile_title_font(const Ui& ui, const std::vector<std::string>& titles, float width);

// A result row: title, secondary line, optional badge; on the right a big figure
// ("4 km") and a caption ("Martigues"). Records ProbeKind::Card with the title. Nothing is
// cut with "…": the title and the secondary line wrap.
struct CardSpec {
  std::string_view title;
  std::string_view secondary;
  std::string_view figure;
  std::string_view figure_caption;
  std::string_view badge;  // empty: none
  float width = 0;         // 0: available width
  float height = 0;        // 0: its own height; a list gives its row height (rows stay even)
};
// The height of a card whose title and secondary line each hold on one line.
float card_height(const Ui& ui, bool with_badge);
// The height this card takes on `width` (0: the available width): its title and secondary
// line wrap rather than lose words (a portrait screen, A++), and the card grows. A list
// gives every row the tallest of its cards', so its rows stay even.
float card_height_for(const Ui& ui, const CardSpec& spec, float width = 0);
// Draws the card at least spec.height tall (taller when its lines need it).
bool card(Ui& ui, const CardSpec& spec);

// [SECTION] Page chrome

// White band along the top: site name and subtitle on the left, time and date (already in
// words) on the right, a blue line under it. Drawn at the window's top, full width.
struct HeaderSpec {
  std::string_view site;
  std::string_view subtitle;
  std::string_view time_text;  // "14 h 05"
  std::string_view date_text;  // "lundi 23 novembre"
  std::string_view glossary_label = {};  // "Mots expliqués", left of the time; empty: none
};
float header_height(const Ui& ui);
// Left and right margin of a page's content (the mockups' generous spacing).
float page_margin(const Ui& ui);
// True when the glossary button was tapped.
bool header_band(Ui& ui, const HeaderSpec& spec);
// Header of an inner screen: optional back button, a title and a subtitle; with a
// glossary_label, the glossary's "i" button at the other end (screens with hard words).
enum class BandTap { None, Back, Glossary };
BandTap title_band(Ui& ui, std::string_view title, std::string_view subtitle, bool with_back,
                   std::string_view glossary_label = {});

struct FooterSpec {
  std::string_view freshness;  // "Offres à jour : aujourd'hui à 13 h 40"
  bool fresh = true;           // green dot, else an orange one
  int text_size = 0;           // 0, 1, 2 = A, A+, A++ (the active one is drawn filled)
  std::string_view language_label;  // "Français · English"; empty hides the button
  bool show_read_aloud = true;
  bool reading_on = false;  // "Écouter" drawn pressed, with the volume control beside it
  int volume = 80;          // percent, shown between "−" and "+" while reading is on
  bool show_staff = true;
  bool show_contrast = true;
  bool high_contrast = false;  // the contrast button drawn filled while the theme is on
};
enum class FooterTap { None, ReadAloud, VolumeDown, VolumeUp, TextSize, Contrast, Language, Staff };
struct FooterResult {
  FooterTap tap = FooterTap::None;
  int text_size = 0;  // the size chosen when tap == TextSize
};
// The footer's height on a window `width` wide: its tools flow onto as many rows as the width
// needs, and the freshness sentence takes a row of its own when it does not fit beside them.
float footer_height(const Ui& ui, const FooterSpec& spec, float width);
float footer_max_height(const Ui& ui);  // two rows: what a toast keeps clear of
// Drawn along the bottom of the current window.
FooterResult footer(Ui& ui, const FooterSpec& spec);
// "A", "A+", "A++": the footer's label of text size 0, 1, 2 (what a script names it by).
std::string_view text_size_label(int text_size);

// What the on-screen keyboard typed: label above, the value in a white box with a caret when
// focused, the error below in red. Tapping it returns true (the screen opens the keyboard).
struct FieldOpts {
  bool focused = false;
  std::string_view error;        // empty: none
  std::string_view placeholder;  // shown in grey while value is empty
  float width = 0;               // 0: available width
  size_t max_chars = 0;          // > 0: a counter "12/40" right of the label
};
bool text_field(Ui& ui, std::string_view label, std::string_view value,
                const FieldOpts& opts = {});
// The field being typed in (focused, no label) and, on its right, the button that closes the
// keyboard (labelled `close`); true when that button was tapped.
bool field_with_close(Ui& ui, std::string_view value, FieldOpts opts, std::string_view close);
// The width field_with_close() leaves its field beside a button labelled `close`, in the
// width available now: a screen tells with it whether longer words fit on that button.
float field_width_beside(const Ui& ui, std::string_view close);

// A box the on-screen keyboard types into, drawn by a screen itself (a message box): the
// layout check fails the frame when the keyboard covers it or its region does not show it
// whole (text_field does this for a focused field).
void typing_box(Ui& ui, std::string_view label, ImVec2 min, ImVec2 max);

// The theme's thick ring (the high-contrast theme's; the standard theme has none) round
// [min, max]: outside it for a widget under the finger (drawn before its face), inside it for
// the focused field (drawn after its fill, so the page's margin never clips it).
void focus_ring(Ui& ui, ImVec2 min, ImVec2 max, float rounding, bool inside = false);

// A modal over everything: dims the display and draws a centred white card. Between
// begin_modal and end_modal the cursor is inside the card; only those widgets are tappable
// this frame (what the page recorded before stays in the probe as readable, not tappable).
void begin_modal(Ui& ui, std::string_view id, float width_em = 26.0f);
void end_modal(Ui& ui);

}  // namespace eric::ui
