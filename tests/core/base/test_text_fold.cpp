// Tests of text folding: accents, ligatures, apostrophes, hyphens, "St"/"Saint".
#include <gtest/gtest.h>

#include "kiosk/core/base/text_fold.h"

namespace eric {
namespace {

TEST(TextFold, LowersAndRemovesAccentsAndPunctuation) {
  EXPECT_EQ(fold_text("Maçon / Maçonne"), "macon maconne");
  EXPECT_EQ(fold_text("Aide-soignant / Aide-soignante"), "aide soignant aide soignante");
  EXPECT_EQ(fold_text("Œuvre"), "oeuvre");
  EXPECT_EQ(fold_text("œil, cœur"), "oeil coeur");
  EXPECT_EQ(fold_text("Æsop"), "aesop");
  EXPECT_EQ(fold_text("L’Isle"), "l isle");
  EXPECT_EQ(fold_text("L'Isle-sur-la-Sorgue"), "l isle sur la sorgue");
  EXPECT_EQ(fold_text("ÉLÈVE À L’ÉCOLE"), "eleve a l ecole");
  EXPECT_EQ(fold_text("Straße"), "strasse");
  EXPECT_EQ(fold_text("Ÿ ÿ Ç ñ Ø"), "y y c n o");
}

TEST(TextFold, LatinExtendedA) {
  EXPECT_EQ(fold_text("Łódź"), "lodz");
  EXPECT_EQ(fold_text("Dvořák"), "dvorak");
  EXPECT_EQ(fold_text("Ĳssel"), "ijssel");
  EXPECT_EQ(fold_text("Şişli Ğ ı İ"), "sisli g i i");
  EXPECT_EQ(fold_text("Ő ű ŷ ž ſ"), "o u y z s");
}

TEST(TextFold, CollapsesAndTrimsSpaces) {
  EXPECT_EQ(fold_text("   Agent   d’entretien  "), "agent d entretien");
  EXPECT_EQ(fold_text("«\u00a0Vente\u202f»…"), "vente");
  EXPECT_EQ(fold_text("CDI – temps plein — 35 h"), "cdi temps plein 35 h");
  EXPECT_EQ(fold_text(""), "");
  EXPECT_EQ(fold_text(" - / ' "), "");
}

TEST(TextFold, KeepsOtherScriptsAndSurvivesBadBytes) {
  EXPECT_EQ(fold_text("Кухня"), "Кухня");  // passed through as is
  EXPECT_EQ(fold_text(std::string("ma\xff\xfe" "con")), "ma con");
  EXPECT_EQ(fold_text(std::string("abc\xc3")), "abc");         // truncated sequence
  EXPECT_EQ(fold_text(std::string("a\xc0\xaf" "b")), "a b");    // overlong encoding
  EXPECT_EQ(fold_text("vente 🙂 boulangerie"), "vente boulangerie");
}

TEST(TextFold, CommuneQueriesForgiveSaint) {
  EXPECT_EQ(fold_commune_query("Saint-Raphaël"), "saint raphael");
  EXPECT_EQ(fold_commune_query("St Raphael"), "saint raphael");
  EXPECT_EQ(fold_commune_query("st-raphaël"), fold_commune_query("Saint Raphaël"));
  EXPECT_EQ(fold_commune_query("Ste Maxime"), "sainte maxime");
  EXPECT_EQ(fold_commune_query("Stes"), "stes");
  EXPECT_EQ(fold_commune_query("Aix St Pierre"), "aix saint pierre");
  EXPECT_EQ(fold_commune_query(""), "");
}

}  // namespace
}  // namespace eric
