// The script language: parsing (quotes, numbers, errors with their line) and case folding.
#include <gtest/gtest.h>

#include "kiosk/app/script.h"

namespace eric {
namespace {

TEST(ScriptParse, EveryCommand) {
  const Script s = parse_script(
      "# a comment\n"
      "\n"
      "tap \"Trouver un métier\"\n"
      "tap 100 200.5\n"
      "  drag 10 20 30 40\n"
      "type \"Maçon\"\n"
      "advance 61\n"
      "advance 0.5\n"
      "frames 3\n"
      "expect \"Vous êtes toujours là\"\n"
      "expect-not \"Erreur\"\n"
      "screenshot home.png\n");
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  ASSERT_EQ(s.steps.size(), 10u);
  EXPECT_EQ(s.steps[0].kind, StepKind::Tap);
  EXPECT_EQ(s.steps[0].text, "Trouver un métier");
  EXPECT_EQ(s.steps[0].line, 3);
  EXPECT_EQ(s.steps[1].kind, StepKind::TapAt);
  EXPECT_FLOAT_EQ(s.steps[1].x1, 100);
  EXPECT_FLOAT_EQ(s.steps[1].y1, 200.5f);
  EXPECT_EQ(s.steps[2].kind, StepKind::Drag);
  EXPECT_FLOAT_EQ(s.steps[2].x2, 30);
  EXPECT_FLOAT_EQ(s.steps[2].y2, 40);
  EXPECT_EQ(s.steps[2].line, 5);
  EXPECT_EQ(s.steps[3].kind, StepKind::Type);
  EXPECT_EQ(s.steps[3].text, "Maçon");
  EXPECT_EQ(s.steps[4].kind, StepKind::Advance);
  EXPECT_DOUBLE_EQ(s.steps[4].seconds, 61);
  EXPECT_DOUBLE_EQ(s.steps[5].seconds, 0.5);
  EXPECT_EQ(s.steps[6].kind, StepKind::Frames);
  EXPECT_EQ(s.steps[6].frames, 3);
  EXPECT_EQ(s.steps[7].kind, StepKind::Expect);
  EXPECT_EQ(s.steps[8].kind, StepKind::ExpectNot);
  EXPECT_EQ(s.steps[8].text, "Erreur");
  EXPECT_EQ(s.steps[9].kind, StepKind::Screenshot);
  EXPECT_EQ(s.steps[9].text, "home.png");
  EXPECT_EQ(s.steps[9].line, 12);
}

TEST(ScriptParse, TapDisabledTakesAQuotedText) {
  const Script s = parse_script("tap-disabled \"@immersion.form.send\"\ntap-disabled 10 20\n");
  ASSERT_EQ(s.steps.size(), 1u);
  EXPECT_EQ(s.steps[0].kind, StepKind::TapDisabled);
  EXPECT_EQ(s.steps[0].text, "@immersion.form.send");
  ASSERT_EQ(s.errors.size(), 1u) << "a greyed button is named, never touched by pixels";
  EXPECT_EQ(s.errors[0].line, 2);
}

TEST(ScriptParse, EscapedQuotesAndWindowsLineEnds) {
  const Script s = parse_script("expect \"il a dit \\\"oui\\\" \\\\ fin\"\r\ntap \"A\"\r\n");
  ASSERT_TRUE(s.errors.empty());
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].text, "il a dit \"oui\" \\ fin");
  EXPECT_EQ(s.steps[1].text, "A");
}

TEST(ScriptParse, ErrorsNameTheirLine) {
  const Script s = parse_script(
      "tap \"ok\"\n"
      "tap \"not closed\n"
      "jump 3\n"
      "advance soon\n"
      "frames 0\n"
      "tap 1\n"
      "expect Bonjour\n"
      "screenshot ../evil.png\n"
      "drag 1 2 3\n"
      "expect \"\"\n");
  ASSERT_EQ(s.steps.size(), 1u);
  ASSERT_EQ(s.errors.size(), 9u);
  for (size_t i = 0; i < s.errors.size(); ++i) {
    EXPECT_EQ(s.errors[i].line, static_cast<int>(i) + 2) << s.errors[i].message;
    EXPECT_FALSE(s.errors[i].message.empty());
  }
  EXPECT_NE(s.errors[1].message.find("jump"), std::string::npos);
}

TEST(ScriptParse, EmptyScript) {
  const Script s = parse_script("");
  EXPECT_TRUE(s.steps.empty());
  EXPECT_TRUE(s.errors.empty());
}

TEST(CaseFolding, IgnoresCaseButNotAccents) {
  EXPECT_EQ(fold_case("ÉTÉ À Noël ŒUVRE Ÿ"), "été à noël œuvre ÿ");
  EXPECT_TRUE(contains_ignoring_case("Être aidé ou m'inscrire", "être AIDÉ"));
  EXPECT_TRUE(contains_ignoring_case("Vous êtes toujours là ?", "VOUS ÊTES"));
  EXPECT_FALSE(contains_ignoring_case("Être aidé", "etre"));
  EXPECT_TRUE(contains_ignoring_case("anything", ""));
  EXPECT_FALSE(contains_ignoring_case("", "x"));
  EXPECT_EQ(fold_case("\xff" "A"), "\xff" "a");  // a stray byte stays as it is
}

}  // namespace
}  // namespace eric
