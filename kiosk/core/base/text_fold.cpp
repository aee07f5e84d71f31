// Text folding for search (see text_fold.h): Latin letter tables over the project's UTF-8.
#include "kiosk/core/base/text_fold.h"

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/core/base/utf8.h"

namespace eric {

namespace {

// U+00C0..U+00FF. " " marks the two signs (× ÷) that sit among the letters.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",   // F0
};

// U+0100..U+017F, upper and lower case in pairs; '1' stands for "ij", '2' for "oe".
constexpr std::string_view kLatinExtA =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "11" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "22" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww"
    "yyy" "zzzzzz" "s";
static_assert(kLatinExtA.size() == 128, "one entry per code point of Latin Extended-A");

// Punctuation, symbols, spaces and emoji of the blocks a French keyboard or a catalog
// can bring: all separate words.
bool is_separator(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) ||       // Latin-1 punctuation, nbsp, « »
         (cp >= 0x2000 && cp <= 0x2BFF) ||   // general punctuation (’ – — … nnbsp), symbols
         (cp >= 0x3000 && cp <= 0x303F) ||   // CJK punctuation
         (cp >= 0xFE00 && cp <= 0xFE0F) ||   // variation selectors
         cp == 0xFEFF ||                     // byte order mark
         (cp >= 0x1F000 && cp <= 0x1FAFF);   // emoji and pictographs
}

}  // namespace

std::string fold_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  auto put = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += piece;
  };
  size_t i = 0;
  while (i < s.size()) {
    // ASCII, most of any French text, without decoding: an import folds a label per record
    // and this loop was 6 % of it.
    if (char c = s[i]; static_cast<unsigned char>(c) < 0x80) {
      ++i;
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out += c;
      } else {
        pending_space = true;
      }
      continue;
    }
    const std::optional<char32_t> decoded = utf8::next(s, i);
    if (!decoded) {
      pending_space = true;
      continue;
    }
    const uint32_t cp = *decoded;
    if (cp >= 0xC0 && cp <= 0xFF) {
      std::string_view piece = kLatin1[cp - 0xC0];
      if (piece == " ") {
        pending_space = true;
      } else {
        put(piece);
      }
    } else if (cp >= 0x100 && cp <= 0x17F) {
      char c = kLatinExtA[cp - 0x100];
      if (c == '1') {
        put("ij");
      } else if (c == '2') {
        put("oe");
      } else {
        put(std::string_view(&c, 1));
      }
    } else if (is_separator(cp)) {
      pending_space = true;
    } else {
      std::string piece;
      utf8::append(piece, cp);
      put(piece);
    }
  }
  return out;
}

std::string fold_commune_query(std::string_view utf8) {
  const std::string folded = fold_text(utf8);
  std::string out;
  out.reserve(folded.size() + 8);
  size_t start = 0;
  while (start <= folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string_view word(folded.data() + start, end - start);
    if (!out.empty()) out += ' ';
    if (word == "st") {
      out += "saint";
    } else if (word == "ste") {
      out += "sainte";
    } else {
      out += word;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace eric
