// The nearest spelling that suggests something (see search_nearest.h).
#include "kiosk/core/storage/search_nearest.h"

namespace eric {

namespace {

constexpr size_t kMinLetters = 3;

// Characters of the last word (UTF-8: "é" counts once).
size_t last_word_letters(const std::string& s) {
  const size_t space = s.find_last_of(' ');
  const size_t start = space == std::string::npos ? 0 : space + 1;
  size_t n = 0;
  for (size_t i = start; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

void trim_end(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
}

// One step shorter: the last character of the last word, or the whole last word once it is
// down to its last kMinLetters letters.
void shorten(std::string& s) {
  if (last_word_letters(s) > kMinLetters) {
    size_t end = s.size() - 1;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    s.erase(end);
  } else {
    const size_t space = s.find_last_of(' ');
    s.erase(space == std::string::npos ? 0 : space);
  }
  trim_end(s);
}

}  // namespace

NearestSpelling nearest_spelling(Database& db, std::string_view typed, int limit) {
  NearestSpelling out;
  std::string words(typed);
  trim_end(words);
  while (words.size() > 0) {
    shorten(words);
    if (words.empty() || last_word_letters(words) < kMinLetters) continue;
    std::vector<Suggestion> found = suggest(db, words, limit);
    if (!found.empty()) {
      out.words = words;
      out.suggestions = std::move(found);
      return out;
    }
  }
  return out;
}

}  // namespace eric
