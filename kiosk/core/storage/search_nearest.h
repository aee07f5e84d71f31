// When what a visitor typed matches nothing: the nearest spelling that does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/storage/store.h"

namespace eric {

struct NearestSpelling {
  std::string words;                     // the typed words as shortened ("aide soi")
  std::vector<Suggestion> suggestions;   // what those words suggest; empty: nothing near
};

// Shortens the typed words from their end, a letter at a time, until the search as you type
// finds something ("aide soizzzz" -> "aide soi" -> "Aide-soignant"). A word is kept while it
// has at least 3 letters (fewer would suggest anything); below that it is dropped and the
// word before it is shortened in turn. Empty when no such spelling suggests anything.
NearestSpelling nearest_spelling(Database& db, std::string_view typed, int limit);

}  // namespace eric
