// What the terminal accepts in a field that came from outside (the regional feed, a bundle):
// one validator per kind of field. Text is cleaned (never refused for its characters); codes,
// dates, coordinates and counts are checked, and a value that fails is the caller's reason to
// set the record aside.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eric {

// s without the spaces, tabs and carriage returns at its ends (a typed or configured value).
std::string_view trim_blanks(std::string_view s);

enum class TextShape {
  line,       // a label or a name: every run of white space becomes one space
  paragraphs  // a description: line breaks kept (at most one empty line in a row)
};

// True for what never reaches a screen, whether stored (clean_text) or drawn (the ui's
// clean_display_text): C0 and C1 controls, DEL, the bidi embeddings, overrides and isolates,
// the marks LRM, RLM and ALM, zero-width spaces and joiners, the word joiner, the byte order
// mark, variation selectors and tag characters. One list, so stored and drawn text agree.
bool is_invisible_control(char32_t cp);

// Cleans text for storing and showing: invalid UTF-8 and invisible controls removed (above;
// the separators U+2028/U+2029 become line breaks), white space folded and trimmed, and text
// longer than max_bytes cut after the last whole word that fits, followed by "…" (the result
// then holds at most max_bytes bytes).
std::string clean_text(std::string_view text, TextShape shape, std::size_t max_bytes);

// A code or identifier: 1 to max_bytes printable ASCII characters, no space ("M1607",
// "13056", a UUID, "56.10A"). Empty is accepted only when `may_be_empty`.
bool valid_code(std::string_view text, std::size_t max_bytes, bool may_be_empty);

// A civil date "YYYY-MM-DD" that exists, in the years 2000 to 2099 (a date outside is a
// typing or a unit error, never a real offer's).
bool valid_date(std::string_view text);
// "YYYY-MM-DD HH:MM" with a valid date as above and a time of day 00:00 to 23:59.
bool valid_date_time(std::string_view text);

// A position in degrees: finite, latitude -90..90, longitude -180..180 (0, 0 = unknown).
bool valid_coordinate(double lat, double lon);

// A whole number within lo..hi.
bool valid_count(int64_t value, int64_t lo, int64_t hi);

// A web address to show or put in a QR code: empty, or http:// or https:// followed by at least
// one character, no white space or control character, at most max_bytes.
bool valid_web_address(std::string_view text, std::size_t max_bytes);

}  // namespace eric
