// Cleaning, shaping and bidi reordering of display text (see text_shaping.h).
#include "kiosk/ui/text_shaping.h"

#include <fribidi.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "kiosk/core/base/field_rules.h"
#include "kiosk/core/base/utf8.h"

namespace eric::ui {

namespace {

// One code point at s[i] (the project's UTF-8 layer); 0xFFFFFFFF (one byte consumed) when invalid.
constexpr unsigned kInvalid = 0xFFFFFFFFu;

unsigned decode(std::string_view s, size_t& i) {
  const std::optional<char32_t> cp = utf8::next(s, i);
  return cp ? static_cast<unsigned>(*cp) : kInvalid;
}

bool rtl_letter(unsigned cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFF);
}

}  // namespace

void append_utf8(std::string& out, unsigned cp) { utf8::append(out, static_cast<char32_t>(cp)); }

std::string clean_display_text(std::string_view s) {
  bool plain = true;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || b < 0x20 || b == 0x7F) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned cp = decode(s, i);
    if (cp == kInvalid) continue;
    if (cp == '\n') {
      out += '\n';
    } else if (cp == '\t') {
      out += ' ';
    } else if (!is_invisible_control(static_cast<char32_t>(cp))) {
      append_utf8(out, cp);
    }
  }
  return out;
}

bool has_rtl(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (rtl_letter(decode(s, i))) return true;
  }
  return false;
}

bool starts_rtl(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned cp = decode(s, i);
    if (cp == kInvalid) continue;
    if (rtl_letter(cp)) return true;
    const bool latin_letter = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
                              (cp >= 0xC0 && cp < 0x0590 && cp != 0xD7 && cp != 0xF7);
    if (latin_letter) return false;
  }
  return false;
}

namespace {

// One run of a line, reordered as its own paragraph.
std::string visual_run(std::string_view logical_line, bool rtl_paragraph) {
  std::vector<FriBidiChar> text;
  for (size_t i = 0; i < logical_line.size();) {
    const unsigned cp = decode(logical_line, i);
    if (cp != kInvalid) text.push_back(cp);
  }
  const auto len = static_cast<FriBidiStrIndex>(text.size());
  if (len == 0) return {};
  std::vector<FriBidiCharType> types(text.size());
  std::vector<FriBidiBracketType> brackets(text.size());
  std::vector<FriBidiLevel> levels(text.size());
  std::vector<FriBidiArabicProp> joining(text.size());
  fribidi_get_bidi_types(text.data(), len, types.data());
  fribidi_get_bracket_types(text.data(), len, types.data(), brackets.data());
  FriBidiParType base = rtl_paragraph ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), len, &base,
                                          levels.data()) == 0)
    return std::string(logical_line);  // out of memory: unshaped beats nothing
  fribidi_get_joining_types(text.data(), len, joining.data());
  fribidi_join_arabic(types.data(), len, levels.data(), joining.data());
  // Joined letters take their presentation forms (lam-alef becomes one ligature).
  const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
  fribidi_shape(flags, levels.data(), len, joining.data(), text.data());
  if (fribidi_reorder_line(flags, types.data(), len, 0, base, levels.data(), text.data(),
                           nullptr) == 0)
    return std::string(logical_line);
  std::string out;
  out.reserve(logical_line.size());
  for (FriBidiChar cp : text)
    if (cp != 0xFEFF) append_utf8(out, cp);  // what a ligature swallowed is marked 0xFEFF
  return out;
}

}  // namespace

std::string visual_line(std::string_view logical_line, bool rtl_paragraph) {
  // " · " joins independent facts ("Entreprise Martin · عقد محدد المدة · 35 h"): each is
  // ordered on its own, so a number never hops into a neighbouring Arabic fact (bidi rule
  // W2); the facts follow the line's direction.
  static constexpr std::string_view kSeparator = " \xC2\xB7 ";
  std::vector<std::string> runs;
  size_t start = 0;
  while (true) {
    const size_t sep = logical_line.find(kSeparator, start);
    const std::string_view run = logical_line.substr(
        start, sep == std::string_view::npos ? std::string_view::npos : sep - start);
    runs.push_back(visual_run(run, has_rtl(run) ? starts_rtl(run) : false));
    if (sep == std::string_view::npos) break;
    start = sep + kSeparator.size();
  }
  if (runs.size() == 1) return visual_run(logical_line, rtl_paragraph);
  std::string out;
  for (size_t i = 0; i < runs.size(); ++i) {
    if (i > 0) out += kSeparator;
    out += runs[rtl_paragraph ? runs.size() - 1 - i : i];
  }
  return out;
}

std::vector<unsigned> shaped_code_points(const std::vector<std::string>& texts) {
  std::vector<unsigned> out;
  for (const std::string& t : texts) {
    const std::string v = visual_line(clean_display_text(t), true);
    for (size_t i = 0; i < v.size();) {
      const unsigned cp = decode(v, i);
      if (cp != kInvalid && cp >= 0x80) out.push_back(cp);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string_view> wrap_logical(std::string_view text, float width,
                                           const std::function<float(std::string_view)>& width_of) {
  std::vector<std::string_view> lines;
  size_t para_start = 0;
  while (para_start <= text.size()) {
    size_t para_end = text.find('\n', para_start);
    if (para_end == std::string_view::npos) para_end = text.size();
    const std::string_view para = text.substr(para_start, para_end - para_start);
    size_t line_start = 0;
    size_t last_fit = std::string_view::npos;  // end of the longest prefix that fits
    size_t pos = 0;
    while (true) {
      const size_t space = para.find(' ', pos);
      const size_t word_end = space == std::string_view::npos ? para.size() : space;
      const std::string_view candidate = para.substr(line_start, word_end - line_start);
      if (width > 0 && width_of(candidate) > width && last_fit != std::string_view::npos) {
        lines.push_back(para.substr(line_start, last_fit - line_start));
        line_start = last_fit + 1;
        last_fit = std::string_view::npos;
        continue;  // the same word starts the next line
      }
      last_fit = word_end;
      if (space == std::string_view::npos) break;
      pos = space + 1;
    }
    lines.push_back(para.substr(line_start));
    if (para_end == text.size()) break;
    para_start = para_end + 1;
  }
  return lines;
}

}  // namespace eric::ui
