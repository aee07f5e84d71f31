// Field checks and plain words for the imports (see import_fields.h).
#include "sync/server/import_fields.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>

#include <simdjson.h>

#include "sync/server/byte_words.h"

namespace eric::server {
namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes one UTF-8 sequence at `i`; returns its length, 0 when it is not valid (overlong
// forms, surrogates and code points past U+10FFFF are not).
std::size_t decode_utf8(std::string_view s, std::size_t i, uint32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  uint32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  else return 0;
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

bool real_date(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::optional<std::string> make_date(std::string_view y, std::string_view m, std::string_view d) {
  if (y.size() != 4 || m.size() != 2 || d.size() != 2 || !all_digits(y) || !all_digits(m) ||
      !all_digits(d)) {
    return std::nullopt;
  }
  auto n = [](std::string_view v) {
    int x = 0;
    std::from_chars(v.data(), v.data() + v.size(), x);
    return x;
  };
  if (!real_date(n(y), n(m), n(d))) return std::nullopt;
  return std::string(y) + "-" + std::string(m) + "-" + std::string(d);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The few named HTML entities found in training descriptions; the rest are numeric.
struct NamedEntity {
  const char* name;
  uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    {"eacute", 0xE9}, {"egrave", 0xE8}, {"ecirc", 0xEA}, {"euml", 0xEB}, {"agrave", 0xE0},
    {"acirc", 0xE2}, {"ccedil", 0xE7}, {"icirc", 0xEE}, {"iuml", 0xEF}, {"ocirc", 0xF4},
    {"ugrave", 0xF9}, {"ucirc", 0xFB}, {"uuml", 0xFC}, {"Eacute", 0xC9}, {"Egrave", 0xC8},
    {"Agrave", 0xC0}, {"Ccedil", 0xC7}, {"oelig", 0x153}, {"OElig", 0x152}, {"laquo", 0xAB},
    {"raquo", 0xBB}, {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014},
    {"euro", 0x20AC}, {"deg", 0xB0}, {"bull", 0x2022}, {"middot", 0xB7}};

// Decodes the entity starting at html[i] == '&'; returns the characters used, 0 if none.
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
  // Only a short name can be an entity: a text full of '&' must not be searched to its end
  // for every one of them.
  const std::size_t near = html.substr(i, 12).find(';');
  if (near == std::string_view::npos) return 0;
  const std::size_t semi = i + near;
  const std::string_view name = html.substr(i + 1, semi - i - 1);
  uint32_t cp = 0;
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (ec != std::errc() || p != digits.data() + digits.size() || cp == 0 || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return 0;
    }
  } else {
    for (const auto& e : kEntities) {
      if (name == e.name) cp = e.cp;
    }
    if (cp == 0) return 0;
  }
  append_utf8(out, cp == 0xA0 ? ' ' : cp);
  return semi - i + 1;
}

// What a tag does to the text: nothing, a line break, a paragraph, or a list item.
enum class TagEffect { none, line, paragraph, item, skip_content };

TagEffect tag_effect(std::string_view tag_body) {
  std::size_t k = 0;
  if (k < tag_body.size() && tag_body[k] == '/') ++k;
  std::size_t end = k;
  while (end < tag_body.size() && std::isalnum(static_cast<unsigned char>(tag_body[end]))) ++end;
  const std::string name = lower_ascii(tag_body.substr(k, end - k));
  const bool closing = k == 1;
  if (name == "br") return TagEffect::line;
  if (name == "li") return closing ? TagEffect::none : TagEffect::item;
  if ((name == "script" || name == "style") && !closing) return TagEffect::skip_content;
  static constexpr const char* kBlocks[] = {"p", "div", "ul", "ol", "h1", "h2", "h3", "h4",
                                            "h5", "h6", "table", "tr", "blockquote", "section"};
  for (const char* b : kBlocks) {
    if (name == b) return TagEffect::paragraph;
  }
  return TagEffect::none;
}

// Eight bytes with no control, no DEL, no two spaces in a row and no 0xC2 (the lead byte of
// the C1 controls; also of « » and the no-break space, which take the byte loop): checked at
// once, so the byte loop below only sees line breaks and those. Accented letters pass (the
// UTF-8 is validated at the end): one in thirty letters of a French text is one.
bool clean_word(const char* at) {
  const uint64_t w = load_word(at);
  const uint64_t spaces = bytes_equal(w, ' ');
  const uint64_t odd = control_bytes(w) | bytes_equal(w, 0x7F) | bytes_equal(w, 0xC2);
  return odd == 0 && (spaces & (spaces << 8)) == 0;  // (little-endian: byte i + 1 is higher)
}

// True when clean_text gives the text back as it is: no control character, no space to
// collapse or trim, valid UTF-8. Most fields of a file are so, and the byte loop below was the
// largest own cost of an import.
// With `keep_lines`, single and double line breaks between words stay too.
bool already_clean(std::string_view raw, bool keep_lines) {
  if (raw.empty()) return true;
  auto gap = [](char c) { return c == ' ' || c == '\n'; };
  if (gap(raw.front()) || gap(raw.back())) return false;
  bool beyond_ascii = false;
  unsigned char prev = 0, before_prev = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if ((i & 7) == 0 && i + 8 <= raw.size() && clean_word(raw.data() + i)) {
      const auto first = static_cast<unsigned char>(raw[i]);
      if (first == ' ' && (prev == ' ' || prev == '\n')) return false;
      if (prev == 0xC2 && first >= 0x80 && first <= 0x9F) return false;
      beyond_ascii |= (load_word(raw.data() + i) & (kEachByte * 0x80)) != 0;
      before_prev = static_cast<unsigned char>(raw[i + 6]);
      prev = static_cast<unsigned char>(raw[i + 7]);
      i += 7;
      continue;
    }
    const auto b = static_cast<unsigned char>(raw[i]);
    if (b == '\n' && keep_lines) {
      if (prev == ' ' || (prev == '\n' && before_prev == '\n')) return false;
    } else if (b < 0x20 || b == 0x7F || (b == ' ' && (prev == ' ' || prev == '\n'))) {
      return false;
    }
    if (prev == 0xC2 && b >= 0x80 && b <= 0x9F) return false;  // U+0080..U+009F, controls too
    beyond_ascii |= b >= 0x80;
    before_prev = prev;
    prev = b;
  }
  return !beyond_ascii || simdjson::validate_utf8(raw.data(), raw.size());
}

}  // namespace

CleanText clean_text(std::string_view raw, bool keep_lines) {
  CleanText r;
  if (already_clean(raw, keep_lines)) {
    r.text.assign(raw);
    return r;
  }
  r.text.reserve(raw.size());
  bool pending_space = false;
  int pending_lines = 0;
  auto flush_gap = [&]() {
    if (!r.text.empty()) {
      if (pending_lines > 0) r.text.append(static_cast<std::size_t>(std::min(pending_lines, 2)), '\n');
      else if (pending_space) r.text += ' ';
    }
    pending_space = false;
    pending_lines = 0;
  };
  for (std::size_t i = 0; i < raw.size();) {
    // Runs of visible ASCII (most of any French text) are copied whole.
    auto visible = [&](std::size_t k) {
      const auto b = static_cast<unsigned char>(raw[k]);
      return b > 0x20 && b < 0x7F;
    };
    if (visible(i)) {
      std::size_t end = i + 1;
      while (end < raw.size() && visible(end)) ++end;
      flush_gap();
      r.text.append(raw.substr(i, end - i));
      i = end;
      continue;
    }
    uint32_t cp = 0;
    const std::size_t len = decode_utf8(raw, i, cp);
    if (len == 0) {
      r.had_bad_utf8 = true;
      flush_gap();
      append_utf8(r.text, 0xFFFD);
      ++i;
      continue;
    }
    const bool is_break = cp == '\n' || cp == '\r';
    if (is_break) {
      if (cp == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      if (keep_lines) ++pending_lines;
      else pending_space = true;
    } else if (cp == ' ' || cp == '\t') {
      pending_space = true;
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      r.had_controls = true;
      pending_space = true;
    } else {
      flush_gap();
      r.text.append(raw.substr(i, len));
    }
    i += len;
  }
  return r;
}

std::string repair_utf8(std::string_view raw, bool& repaired) {
  repaired = false;
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    uint32_t cp = 0;
    const std::size_t len = decode_utf8(raw, i, cp);
    if (len == 0) {
      repaired = true;
      append_utf8(out, 0xFFFD);
      ++i;
    } else {
      out.append(raw.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<' && i + 1 < html.size() &&
        (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/' ||
         html[i + 1] == '!')) {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;  // a cut tag at the end: dropped
      const TagEffect effect = tag_effect(html.substr(i + 1, close - i - 1));
      i = close + 1;
      switch (effect) {
        case TagEffect::line: out += '\n'; break;
        case TagEffect::paragraph: out += "\n\n"; break;
        case TagEffect::item: out += "\n- "; break;
        case TagEffect::skip_content: {
          const std::size_t end = html.find("</", i);
          i = end == std::string_view::npos ? html.size() : end;
          break;
        }
        case TagEffect::none: out += ' '; break;
      }
      continue;
    }
    if (c == '&') {
      const std::size_t used = decode_entity(html, i, out);
      if (used > 0) {
        i += used;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return clean_text(out, /*keep_lines=*/true).text;
}

bool is_siret(std::string_view t) { return t.size() == 14 && all_digits(t); }

bool is_insee_code(std::string_view t) {
  if (t.size() != 5) return false;
  if (t[0] == '2' && (t[1] == 'A' || t[1] == 'B')) return all_digits(t.substr(2));
  return all_digits(t);
}

bool is_postal_code(std::string_view t) { return t.size() == 5 && all_digits(t); }

bool is_trade_code(std::string_view t) {
  return t.size() == 5 && t[0] >= 'A' && t[0] <= 'N' && all_digits(t.substr(1));
}

bool is_record_key(std::string_view t) {
  if (t.empty() || t.size() > 64) return false;
  for (char c : t) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

bool is_in_france(double lat, double lon) {
  struct Box {
    double lat0, lat1, lon0, lon1;
  };
  static constexpr Box kBoxes[] = {
      {41.2, 51.2, -5.3, 9.7},     // metropolitan France and Corsica
      {15.8, 16.6, -61.9, -60.9},  // Guadeloupe
      {14.3, 14.9, -61.3, -60.8},  // Martinique
      {2.1, 5.8, -54.7, -51.6},    // Guyane
      {-21.5, -20.8, 55.2, 55.9},  // La Réunion
      {-13.1, -12.6, 44.9, 45.4}}; // Mayotte
  if (!std::isfinite(lat) || !std::isfinite(lon)) return false;
  for (const Box& b : kBoxes) {
    if (lat >= b.lat0 && lat <= b.lat1 && lon >= b.lon0 && lon <= b.lon1) return true;
  }
  return false;
}

std::optional<std::string> date_from_yyyymmdd(std::string_view t) {
  if (t.size() != 8) return std::nullopt;
  return make_date(t.substr(0, 4), t.substr(4, 2), t.substr(6, 2));
}

std::optional<std::string> date_from_iso(std::string_view t) {
  if (t.size() < 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  if (t.size() > 10 && t[10] != 'T' && t[10] != ' ') return std::nullopt;
  return make_date(t.substr(0, 4), t.substr(5, 2), t.substr(8, 2));
}

std::optional<double> parse_decimal(std::string_view t) {
  std::string s(t);
  for (char& c : s) {
    if (c == ',') c = '.';
  }
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

std::optional<int64_t> parse_whole(std::string_view t) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
  return v;
}

std::optional<std::string> web_address(std::string_view t) {
  if (t.empty() || t.size() > 2000) return std::nullopt;
  for (unsigned char c : t) {
    if (c <= ' ' || c == 0x7F || c == '"' || c == '<' || c == '>') return std::nullopt;
  }
  const std::string lower = lower_ascii(t.substr(0, 8));
  if (lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0) {
    if (t.size() < 11) return std::nullopt;
    return std::string(t);
  }
  if (t.find('.') != std::string_view::npos && t.find(':') == std::string_view::npos &&
      std::isalnum(static_cast<unsigned char>(t[0]))) {
    return "https://" + std::string(t);
  }
  return std::nullopt;
}

std::string euro_amount(double amount) {
  const auto cents_total = static_cast<int64_t>(std::llround(amount * 100.0));
  const int64_t whole = cents_total / 100;
  const int64_t cents = cents_total % 100;
  std::string digits = std::to_string(whole);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  if (cents != 0) {
    out += ',';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

}  // namespace eric::server
