// Field validators for outside data (see field_rules.h).
#include "kiosk/core/base/field_rules.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/base/utf8.h"

namespace eric {
namespace {

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

bool is_invisible_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||  // C0, DEL, C1
         cp == 0x061C ||                              // Arabic letter mark
         (cp >= 0x200B && cp <= 0x200F) ||            // zero-width space, joiners, LRM, RLM
         (cp >= 0x202A && cp <= 0x202E) ||            // embeddings and overrides
         (cp >= 0x2060 && cp <= 0x206F) ||            // word joiner, isolates, deprecated
         (cp >= 0xFE00 && cp <= 0xFE0F) ||            // variation selectors
         cp == 0xFEFF ||                              // byte order mark
         (cp >= 0xE0000 && cp <= 0xE007F);            // tag characters (emoji flags)
}

std::string clean_text(std::string_view text, TextShape shape, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes + 8));
  int pending_breaks = 0;  // line breaks seen since the last visible character
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const std::optional<char32_t> decoded = utf8::next(text, i);
    if (!decoded) continue;  // an invalid byte: dropped
    const char32_t cp = *decoded;
    const std::string_view piece = text.substr(start, i - start);
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
  if (text.size() != 10) return false;
  const auto date = parse_civil_date(text);
  return date && date->year() >= std::chrono::year{2000} && date->year() <= std::chrono::year{2099};
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

std::string_view trim_blanks(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace eric
