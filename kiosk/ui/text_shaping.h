// Text as it must reach the glyph atlas: cleaned of what a font cannot draw (controls, bidi
// overrides, zero-width marks), and, for right-to-left scripts, shaped and put in visual
// order, since Dear ImGui 1.86 draws code points left to right one by one. No ImGui here:
// the functions are tested without a display.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace eric::ui {

// Appends code point cp to out as UTF-8.
void append_utf8(std::string& out, unsigned cp);

// s without invisible controls (eric::is_invisible_control, kiosk/core/base/field_rules.h) and without bytes that are not UTF-8; line breaks stay, tabs
// become spaces. Returns s unchanged (same bytes) when there is nothing to drop.
std::string clean_display_text(std::string_view s);

// True when s holds a letter of a right-to-left script (Arabic, Hebrew and their forms).
bool has_rtl(std::string_view s);
// True when the first letter of s (digits and signs do not count) is right to left: the
// direction of a paragraph by the Unicode bidi rule P2. A French catalog title in an Arabic
// screen stays a left-to-right paragraph, its final "." on its right.
bool starts_rtl(std::string_view s);

// One line of logical text in visual order, Arabic letters joined into their presentation
// forms (fribidi). rtl_paragraph: the line's base direction is right to left (an Arabic
// sentence that starts with a French name still reads from the right).
std::string visual_line(std::string_view logical_line, bool rtl_paragraph);

// The code points that texts need once shaped (presentation forms), sorted, each once: the
// glyphs to load for a right-to-left language, rather than whole Unicode blocks.
std::vector<unsigned> shaped_code_points(const std::vector<std::string>& texts);

// Breaks logical text into lines no wider than width (by width_of), at spaces and line breaks;
// a word wider than width gets a line of its own. Views into text.
std::vector<std::string_view> wrap_logical(std::string_view text, float width,
                                           const std::function<float(std::string_view)>& width_of);

}  // namespace eric::ui
