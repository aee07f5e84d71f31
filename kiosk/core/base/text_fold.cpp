// Text folding for search (see text_fold.h): a small UTF-8 decoder and Latin letter tables.
#include "kiosk/core/base/text_fold.h"

#include <cstdint>
#include <string>

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

// Decodes one code point at s[i]; returns false (and skips one byte) on invalid UTF-8.
bool decode(std::string_view s, size_t& i, uint32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    i += 1;
    return true;
  }
  int len = 0;
  uint32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2; cp = b0 & 0x1F; min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3; cp = b0 & 0x0F; min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4; cp = b0 & 0x07; min = 0x10000;
  } else {
    i += 1;
    return false;
  }
  if (i + static_cast<size_t>(len) > s.size()) {
    i += 1;
    return false;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      i += 1;
      return false;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    i += 1;
    return false;
  }
  i += static_cast<size_t>(len);
  return true;
}

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
    uint32_t cp = 0;
    if (!decode(s, i, cp)) {
      pending_space = true;
      continue;
    }
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        put(std::string_view(&c, 1));
      } else {
        pending_space = true;
      }
    } else if (cp >= 0xC0 && cp <= 0xFF) {
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
      append_utf8(piece, cp);
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
