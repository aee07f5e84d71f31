// The text cleaning every outside string goes through: any bytes in, valid UTF-8 without
// control characters out, within the size asked for, and cleaning twice changes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kiosk/core/base/field_rules.h"

namespace {

bool valid_utf8_without_controls(const std::string& s, bool newlines) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    if (b < 0x20 && !(newlines && b == '\n')) return false;
    if (b == 0x7F) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    if (s.compare(i, 3, "\xE2\x80\xAE") == 0) return false;  // U+202E
    i += len;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  // The first byte picks the shape and the size limit.
  const auto shape = (data[0] & 1) ? eric::TextShape::paragraphs : eric::TextShape::line;
  const std::size_t max = 4 + (data[0] >> 1);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string once = eric::clean_text(text, shape, max);
  if (once.size() > max) std::abort();
  if (!valid_utf8_without_controls(once, shape == eric::TextShape::paragraphs)) std::abort();
  if (eric::clean_text(once, shape, max) != once) std::abort();
  return 0;
}
