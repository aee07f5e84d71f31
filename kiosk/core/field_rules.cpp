// Field validators for outside data (see field_rules.h).
#include "kiosk/core/field_rules.h"

#include <algorithm>
#include <cmath>

namespace eric {
namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length (0 when invalid) and the code
// point. Overlong forms, surrogates and values above U+10FFFF are invalid.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) len = 2, cp = b0 & 0x1F, min = 0x80;
  else if ((b0 & 0xF0) == 0xE0) len = 3, cp = b0 & 0x0F, min = 0x800;
  else if ((b0 & 0xF8) == 0xF0) len = 4, cp = b0 & 0x07, min = 0x10000;
  else return 0;
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Characters that change how text around them is shown, or show as nothing: out.
bool is_invisible_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

bool is_line_break(char32_t cp) { return cp == '\n' || cp == 0x2028 || cp == 0x2029; }

bool is_blank(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
         cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000;
}

// Cuts `text` to at most max_bytes including the ellipsis, after the last whole word.
std::string cut_at_word(std::string text, std::size_t max_bytes) {
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
  if (text.size() <= max_bytes) return text;
  if (max_bytes < kEllipsis.size()) return {};
  std::size_t end = max_bytes - kEllipsis.size();
  // Never in the middle of a UTF-8 sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  const std::size_t space = text.find_last_of(" \n", end);
  // A single word longer than the room is cut where the room ends.
  if (space != std::string::npos && space > 0) end = space;
  text.resize(end);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  text += kEllipsis;
  return text;
}

bool digits(std::string_view text, std::size_t at, std::size_t n, int& value) {
  value = 0;
  for (std::size_t k = at; k < at + n; ++k) {
    if (text[k] < '0' || text[k] > '9') return false;
    value = value * 10 + (text[k] - '0');
  }
  return true;
}

}  // namespace

std::string clean_text(std::string_view text, TextShape shape, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes + 8));
  int pending_breaks = 0;  // line breaks seen since the last visible character
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0) {  // an invalid byte: dropped
      ++i;
      continue;
    }
    const std::string_view piece = text.substr(i, len);
    i += len;
    if (is_line_break(cp)) {
      if (shape == TextShape::paragraphs) ++pending_breaks;
      else pending_space = true;
      continue;
    }
    if (is_blank(cp)) {
      pending_space = true;
      continue;
    }
    if (is_invisible_control(cp)) continue;
    if (!out.empty()) {
      if (pending_breaks > 0) out.append(pending_breaks > 1 ? "\n\n" : "\n");
      else if (pending_space) out.push_back(' ');
    }
    pending_breaks = 0;
    pending_space = false;
    out.append(piece);
    // Stop early on huge input: a little past the limit is enough to cut at a word.
    if (out.size() > max_bytes + 4) break;
  }
  return cut_at_word(std::move(out), max_bytes);
}

bool valid_code(std::string_view text, std::size_t max_bytes, bool may_be_empty) {
  if (text.empty()) return may_be_empty;
  if (text.size() > max_bytes) return false;
  for (char c : text) {
    if (c <= ' ' || c > '~') return false;
  }
  return true;
}

bool valid_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int y = 0, m = 0, d = 0;
  if (!digits(text, 0, 4, y) || !digits(text, 5, 2, m) || !digits(text, 8, 2, d)) return false;
  if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + ((m == 2 && leap) ? 1 : 0);
}

bool valid_date_time(std::string_view text) {
  if (text.size() != 16 || text[10] != ' ' || text[13] != ':') return false;
  int h = 0, min = 0;
  if (!digits(text, 11, 2, h) || !digits(text, 14, 2, min)) return false;
  return valid_date(text.substr(0, 10)) && h <= 23 && min <= 59;
}

bool valid_coordinate(double lat, double lon) {
  return std::isfinite(lat) && std::isfinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 &&
         lon <= 180;
}

bool valid_count(int64_t value, int64_t lo, int64_t hi) { return value >= lo && value <= hi; }

bool valid_web_address(std::string_view text, std::size_t max_bytes) {
  if (text.empty()) return true;
  if (text.size() > max_bytes) return false;
  std::size_t scheme = 0;
  if (text.rfind("https://", 0) == 0) scheme = 8;
  else if (text.rfind("http://", 0) == 0) scheme = 7;
  else return false;
  if (text.size() == scheme) return false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7F) return false;
  }
  return true;
}

}  // namespace eric
