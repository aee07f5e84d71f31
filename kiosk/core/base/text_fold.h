// Text folding for search: the one definition of "the same word" for labels and typed text.
#pragma once

#include <string>
#include <string_view>

namespace eric {

// Lower case, accents removed (Latin-1 and Latin Extended-A letters; œ -> oe, æ -> ae,
// ß -> ss), apostrophes, hyphens and other punctuation become spaces, spaces collapsed,
// trimmed. Letters of other scripts pass through unchanged. Never fails: invalid UTF-8
// bytes become spaces.
//   "Maçon / Maçonne" -> "macon maconne", "L’Isle" -> "l isle", "Œuvre" -> "oeuvre"
std::string fold_text(std::string_view utf8);

// fold_text, then the words "st" -> "saint" and "ste" -> "sainte", so "St Raphael" and
// "Saint-Raphaël" fold the same.
std::string fold_commune_query(std::string_view utf8);

}  // namespace eric
