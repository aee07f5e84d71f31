// UTF-8 on utfcpp (see utf8.h). utfcpp's checked functions throw on bad input; these wrappers
// turn that into values, because text from outside is often bad and never a reason to stop.
#include "kiosk/core/base/utf8.h"

#include <utf8.h>

#include <iterator>

namespace eric::utf8 {

std::optional<char32_t> next(std::string_view text, size_t& pos) {
  auto it = text.begin() + static_cast<std::ptrdiff_t>(pos);
  try {
    const char32_t cp = ::utf8::next(it, text.end());
    pos = static_cast<size_t>(it - text.begin());
    return cp;
  } catch (const ::utf8::exception&) {
    pos += 1;
    return std::nullopt;
  }
}

void append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;  // no code point
  ::utf8::append(cp, std::back_inserter(out));
}

void pop_back(std::string& text) {
  if (text.empty()) return;
  // The last code point starts at most 3 continuation bytes back; it goes whole when it is a
  // valid sequence that ends the text, and a stray byte goes alone.
  size_t start = text.size() - 1;
  while (start > 0 && text.size() - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t end = start;
  const bool whole = next(text, end).has_value() && end == text.size();
  text.erase(whole ? start : text.size() - 1);
}

size_t length(std::string_view text) {
  size_t n = 0;
  for (size_t pos = 0; pos < text.size(); ++n) (void)next(text, pos);
  return n;
}

bool is_valid(std::string_view text) { return ::utf8::is_valid(text.begin(), text.end()); }

}  // namespace eric::utf8
