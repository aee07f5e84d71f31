// UTF-8 for the whole project, on Debian's utfcpp (libutfcpp-dev): the one decoder of text
// typed, synced or imported, the one encoder, and the few steps the keyboard needs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace eric::utf8 {

// The code point at text[pos], pos moved past it. On an invalid or cut sequence: nullopt,
// pos moved by one byte, so a reader of outside text goes on after the bad byte.
std::optional<char32_t> next(std::string_view text, size_t& pos);
// Appends cp encoded in UTF-8; a value that is no code point appends U+FFFD.
void append(std::string& out, char32_t cp);
// Removes the last code point (the keyboard's backspace); nothing on an empty string.
void pop_back(std::string& text);
// Code points in text; an invalid byte counts as one.
size_t length(std::string_view text);
bool is_valid(std::string_view text);

}  // namespace eric::utf8
