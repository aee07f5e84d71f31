// The text layer under the widgets, without a display: cleaning, Arabic shaping and bidi
// order (fribidi), wrapping in logical order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/ui/fonts.h"
#include "kiosk/ui/text_shaping.h"

namespace eric::ui {
namespace {

std::string utf8(std::initializer_list<unsigned> cps) {
  std::string out;
  for (unsigned cp : cps) append_utf8(out, cp);
  return out;
}

TEST(TextShaping, CleaningDropsControlsAndBidiOverridesKeepsLines) {
  EXPECT_EQ(clean_display_text("Bonjour"), "Bonjour");
  EXPECT_EQ(clean_display_text(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(clean_display_text("a\tb\nc\r"), "a b\nc");
  EXPECT_EQ(clean_display_text(utf8({0x202E}) + "abc" + utf8({0x202C})), "abc");
  EXPECT_EQ(clean_display_text(utf8({0x2066}) + "x" + utf8({0x2069, 0x200B, 0xFEFF})), "x");
  EXPECT_EQ(clean_display_text("caf\xC3\xA9 \xFF!"), "café !");  // a stray byte goes
  EXPECT_EQ(clean_display_text(utf8({0x2764, 0xFE0F})), utf8({0x2764}));  // emoji selector
  EXPECT_EQ(clean_display_text("14" + utf8({0x202F}) + "h"), "14" + utf8({0x202F}) + "h");
}

TEST(TextShaping, ArabicLettersJoinAndReadFromTheRight) {
  // سلام: seen in its initial form, lam and alef as one ligature in its final form, meem
  // alone (alef never joins to the left); drawn left to right, the last letter comes first.
  const std::string salam = utf8({0x0633, 0x0644, 0x0627, 0x0645});
  EXPECT_EQ(visual_line(salam, true), utf8({0xFEE1, 0xFEFC, 0xFEB3}));
  // Lam then alef alone: the isolated ligature.
  EXPECT_EQ(visual_line(utf8({0x0644, 0x0627}), true), utf8({0xFEFB}));
  // سمك: seen initial, meem medial, kaf final.
  EXPECT_EQ(visual_line(utf8({0x0633, 0x0645, 0x0643}), true), utf8({0xFEDA, 0xFEE4, 0xFEB3}));
  EXPECT_TRUE(has_rtl(salam));
  EXPECT_FALSE(has_rtl("Maçon, Українська"));
}

TEST(TextShaping, LatinAndDigitsInsideArabicKeepTheirOrder) {
  // "التذكرة A001": the ticket number stays readable, on the left of the Arabic word.
  const std::string line = utf8({0x0627, 0x0644, 0x062A, 0x0630, 0x0643, 0x0631, 0x0629}) + " A001";
  const std::string v = visual_line(line, true);
  EXPECT_EQ(v.rfind("A001 ", 0), 0u) << v;
  // A French line in an Arabic screen stays as it is, its full stop on the right.
  EXPECT_EQ(visual_line("Maçon.", false), "Maçon.");
  EXPECT_FALSE(starts_rtl("Maçon, " + line));
  EXPECT_TRUE(starts_rtl("12 " + line));  // digits do not decide
  EXPECT_FALSE(starts_rtl("Українська"));
}

TEST(TextShaping, FactsJoinedByADotKeepTheirOwnOrder) {
  const std::string contract = utf8({0x0639, 0x0642, 0x062F});  // عقد
  const std::string shaped = visual_line(contract, true);
  // In a French line, the Arabic fact stays between its neighbours and "35" stays with "h".
  EXPECT_EQ(visual_line("Martin \xC2\xB7 " + contract + " \xC2\xB7 35 h", false),
            "Martin \xC2\xB7 " + shaped + " \xC2\xB7 35 h");
  // In an Arabic line, the facts read from the right.
  EXPECT_EQ(visual_line(contract + " \xC2\xB7 Martigues", true),
            "Martigues \xC2\xB7 " + shaped);
}

TEST(TextShaping, ShapedCodePointsAreTheFormsUsed) {
  const std::vector<unsigned> cps = shaped_code_points({utf8({0x0644, 0x0627}), "abc"});
  EXPECT_EQ(cps, std::vector<unsigned>{0xFEFB});
}

TEST(TextShaping, WrapsAtSpacesInLogicalOrder) {
  const auto width = [](std::string_view s) { return static_cast<float>(s.size()); };
  EXPECT_EQ(wrap_logical("un deux trois", 8, width),
            (std::vector<std::string_view>{"un deux", "trois"}));
  EXPECT_EQ(wrap_logical("anticonstitutionnel x", 5, width),
            (std::vector<std::string_view>{"anticonstitutionnel", "x"}));
  EXPECT_EQ(wrap_logical("a\nb c", 100, width), (std::vector<std::string_view>{"a", "b c"}));
  EXPECT_EQ(wrap_logical("sans limite", 0, width),
            (std::vector<std::string_view>{"sans limite"}));
}

}  // namespace
}  // namespace eric::ui
