// The kiosk's fonts: Inter (or Noto Sans) from Debian's packages, at the sizes they are drawn at.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/core/base/status.h"

namespace eric::ui {

// The text sizes of the kiosk. Pixel heights at 1080 p and text size "A".
enum class FontRole { Small, Body, BodyBold, Heading, Title, Display, Number };
inline constexpr float kSmallPx = 22.0f;    // secondary lines, footer
inline constexpr float kBodyPx = 28.0f;     // everything one reads
inline constexpr float kHeadingPx = 36.0f;  // titles of result cards
inline constexpr float kTitlePx = 44.0f;    // tile and screen titles
inline constexpr float kDisplayPx = 64.0f;  // the main question
// A ticket's number, read from a few steps away: digits and capitals only, rasterised at this
// size (a Display font stretched 2.5 times was a blur).
inline constexpr float kNumberPx = 160.0f;

// The text size choices the visitor can pick (A, A+, A++).
inline constexpr float kTextScales[3] = {1.0f, 1.2f, 1.4f};

struct FontConfig {
  float scale = 1.0f;  // screen height / 1080 * text scale
  // Font files; empty means: Inter from fonts-inter, else Noto Sans from fonts-noto-core.
  std::string regular, semibold, bold;
  // Merged in for arrows and the check mark when the main font lacks them (optional).
  std::string symbols;
  // Code points to load beyond the Latin and Cyrillic blocks (the shaped Arabic forms the
  // texts use: text_shaping.h), drawn from Noto Sans Arabic when it is installed.
  std::vector<unsigned> extra_glyphs;
};

// The files actually used after the search.
struct FontFiles {
  std::string regular, semibold, bold, symbols;
  std::string arabic, arabic_bold;  // Noto Sans Arabic (fonts-noto-core); empty when absent
};

// Finds the font files (from cfg or the Debian paths); false with a French sentence if none.
Status find_font_files(const FontConfig& cfg, FontFiles& out);

// The atlas of the kiosk. 1.86 cannot resize fonts at run time, so a new text size means a
// new build (then the renderer must upload the new texture: the platform layer does that).
struct Fonts {
  ImFont* small = nullptr;
  ImFont* body = nullptr;
  ImFont* body_bold = nullptr;
  ImFont* heading = nullptr;
  ImFont* title = nullptr;
  ImFont* display = nullptr;
  ImFont* number = nullptr;
  float scale = 1.0f;
  FontFiles files;
  bool builtin = false;  // ImGui's own bitmap font: tests on a machine without font packages
  // The atlas reads these until it is rebuilt. A std::vector, so that copying Fonts (tests share
  // one atlas) never hands ImVector's copy a null buffer (UBSan: memcpy from null).
  std::vector<ImWchar> extra_ranges;

  // Clears io.Fonts and builds the six fonts with FreeType. Call between frames (never
  // between NewFrame and Render: the old ImFont pointers die), then upload the texture.
  Status build(ImGuiIO& io, const FontConfig& cfg);
  // Fallback for headless tests only: ImGui's embedded font scaled to the same sizes.
  void build_builtin(ImGuiIO& io, float scale);

  ImFont* get(FontRole role) const;
  float size(FontRole role) const;  // pixel height of that font as built
};

// Glyph ranges the atlas holds: Basic Latin, Latin-1, Latin Extended-A (œ Œ), general
// punctuation (’ « » – — … and the no-break spaces), €, arrows, ✓. Zero-terminated.
const ImWchar* kiosk_glyph_ranges();

// Decodes UTF-8; an invalid byte gives U+FFFD so a test sees it.
std::vector<unsigned> utf8_codepoints(std::string_view text);
bool font_has_glyph(const ImFont* font, unsigned codepoint);
// What font will draw for s: invisible controls dropped (text_shaping.h), emoji and pictographs
// the font lacks dropped (decoration: "Café ☕" reads "Café"), and each run of letters it
// lacks (a Chinese name) shown as one "[…]", never as ImGui's "?" nor as empty boxes.
std::string displayable(const ImFont* font, std::string_view s);
// The replacement part of displayable alone, for text already cleaned (and shaped: the atlas
// holds Arabic's presentation forms, not its base letters).
std::string with_drawable_glyphs(const ImFont* font, std::string clean);
// The sign displayable puts for a run of letters font cannot draw: "[…]" (a middle dot where
// the font lacks the ellipsis).
std::string replacement_for(const ImFont* font);
// Emoji, pictographs, their joiners and selectors, flags' letters: what a name may carry
// that adds nothing to read.
bool is_decoration(unsigned codepoint);
// The codepoints of text that font cannot draw (spaces and controls count too: they must be
// in the atlas, or ImGui draws '?').
std::vector<unsigned> missing_glyphs(const ImFont* font, std::string_view text);

}  // namespace eric::ui
