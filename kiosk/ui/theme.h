// The kiosk's colours and spacing: the French public service palette and a high-contrast variant.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct ImGuiStyle;

namespace eric::ui {

struct Color {
  uint8_t r = 0, g = 0, b = 0, a = 255;
};

// 0xRRGGBB, opaque.
constexpr Color rgb(uint32_t hex) {
  return Color{static_cast<uint8_t>((hex >> 16) & 0xff), static_cast<uint8_t>((hex >> 8) & 0xff),
               static_cast<uint8_t>(hex & 0xff), 255};
}
// Packs as ImGui's ImU32 (ABGR in memory order).
uint32_t to_u32(Color c);
Color with_alpha(Color c, uint8_t a);

enum class ThemeKind { Standard, HighContrast };

// Every colour the widgets use. Names say what a colour is for, never which colour it is,
// so the high-contrast theme is the same struct with other values.
struct Theme {
  ThemeKind kind = ThemeKind::Standard;
  Color page;              // background of every screen
  Color card;              // cards, tiles, header band, keyboard keys
  Color card_border;       // thin outline of cards and secondary buttons
  Color text;              // body text
  Color text_secondary;    // secondary lines (employer, contract)
  Color title;             // screen questions and card titles in blue
  Color primary;           // primary button fill, header line, tile underline
  Color primary_pressed;   // primary button while the finger is on it
  Color on_primary;        // text on a primary button
  Color pressed_bg;        // secondary widgets while the finger is on them
  Color chip_active_bg;    // active filter chip
  Color chip_active_text;  // label of an active filter chip
  Color success;           // "formation financée" text and the "up to date" dot
  Color success_bg;        // its badge background
  Color error;             // field errors
  Color warning_dot;       // "catalog is old" dot (not text)
  Color accent;            // Marianne red: small accents only, never text
  Color focus;             // ring around the focused field and, in high contrast, a pressed widget
  Color overlay;           // dims the page under a modal (with alpha)
  Color key_bg;            // on-screen keyboard keys
  Color keyboard_bg;       // behind the keyboard
  float rounding_em = 0.45f;      // card corner radius, in body font heights
  float button_rounding_em = 1.2f;  // pill-shaped buttons and chips
  float border_px = 2.0f;         // outline width at 1080 p
  // Width at 1080 p of the ring drawn outside the focused field and the widget under the
  // finger; 0: none (the standard theme shows those by their fill and a doubled border).
  float ring_px = 0.0f;
};

Theme standard_theme();
Theme high_contrast_theme();
Theme make_theme(ThemeKind kind);

// A text colour and the background it is drawn on, for the contrast check.
struct ColorPair {
  std::string name;
  Color fg;
  Color bg;
};

double relative_luminance(Color c);     // WCAG 2.x definition, 0..1
double contrast_ratio(Color a, Color b);  // 1..21, order does not matter
// Every text/background combination the widgets draw with this theme.
std::vector<ColorPair> theme_text_pairs(const Theme& theme);
// Shapes that must be seen against what is around them (WCAG 1.4.11 asks 3:1): the focus
// ring, a primary button's fill, a secondary widget's outline.
std::vector<ColorPair> theme_shape_pairs(const Theme& theme);
// The contrast every text pair of the theme reaches: WCAG AA (4.5:1) for the standard
// theme, AAA (7:1) for the high-contrast one.
double theme_text_contrast_floor(const Theme& theme);

// Sets ImGui's own style (window backgrounds, paddings) from the theme; scale = height / 1080.
void apply_theme(const Theme& theme, float scale, ImGuiStyle& style);

}  // namespace eric::ui
