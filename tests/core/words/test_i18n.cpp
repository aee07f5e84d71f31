// The translation layer: loading, fallback, placeholders, and completeness of the texts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "kiosk/core/words/french.h"
#include "kiosk/core/words/i18n.h"
#include "tests/support/status_assert.h"

namespace eric {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("eric-i18n-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

TEST(I18n, FallsBackToFrenchThenShowsTheKey) {
  fs::path dir = temp_dir("fallback");
  write(dir / "fr" / "a.json", R"({"hello": "Bonjour {name} !", "only.fr": "Seulement"})");
  write(dir / "en" / "a.json", R"({"hello": "Hello {name}!"})");
  I18n i18n;
  ASSERT_TRUE(test::ok(i18n.load_dir(dir.string())));
  EXPECT_EQ(i18n.tr("hello", {{"name", "Awa"}}), "Bonjour Awa !");
  i18n.set_language("en");
  EXPECT_EQ(i18n.tr("hello", {{"name", "Awa"}}), "Hello Awa!");
  EXPECT_EQ(i18n.tr("only.fr"), "Seulement");
  EXPECT_EQ(i18n.tr("nowhere"), "[nowhere]");
  i18n.set_language("klingon");
  EXPECT_EQ(i18n.language(), "en");
}

TEST(I18n, RejectsBrokenFilesWithAFrenchMessage) {
  fs::path dir = temp_dir("broken");
  write(dir / "fr" / "a.json", R"({"hello": )");
  I18n i18n;
  const Status refused = i18n.load_dir(dir.string());
  EXPECT_FALSE(refused.ok);
  const std::string& error = refused.message_fr;
  EXPECT_NE(error.find("JSON"), std::string::npos);

  fs::path dup = temp_dir("dup");
  write(dup / "fr" / "a.json", R"({"k": "un"})");
  write(dup / "fr" / "b.json", R"({"k": "deux"})");
  const Status twice = i18n.load_dir(dup.string());
  EXPECT_FALSE(twice.ok);
  EXPECT_NE(twice.message_fr.find("deux fois"), std::string::npos);

  EXPECT_FALSE(i18n.load_dir((dir / "missing").string()).ok);
}

TEST(I18n, PlaceholdersLeaveUnknownNamesAlone) {
  EXPECT_EQ(fill_placeholders("{a} et {b}", {{"a", "1"}}), "1 et {b}");
  EXPECT_EQ(fill_placeholders("sans fin {", {}), "sans fin {");
}

// Every key used in the code, in any language, has a French text; English covers them all.
TEST(I18n, EveryStringHasFrenchAndEnglishText) {
  I18n i18n;
  ASSERT_TRUE(test::ok(i18n.load_dir(ERIC_SOURCE_DIR "/assets/i18n")));
  std::set<std::string> french;
  for (const auto& key : i18n.keys("fr")) french.insert(key);
  for (const auto& lang : i18n.languages())
    for (const auto& key : i18n.keys(lang))
      EXPECT_TRUE(french.count(key)) << "no French text for \"" << key << "\" (" << lang << ")";
  for (const auto& key : french)
    EXPECT_TRUE(i18n.has("en", key)) << "no English text for \"" << key << "\"";

  // Keys written literally in the sources: tr("key") and tr("key", {...}).
  const std::regex literal_key(R"(\btr\(\s*\"([a-z0-9_.]+)\")");
  int scanned = 0;
  for (const char* sub : {"kiosk", "screens", "sync"}) {
    fs::path root = fs::path(ERIC_SOURCE_DIR) / sub;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".h") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      std::string source = text.str();
      for (std::sregex_iterator it(source.begin(), source.end(), literal_key), end; it != end;
           ++it) {
        ++scanned;
        std::string key = (*it)[1].str();
        if (key.back() == '.') {  // a prefix completed at run time ("words.month." + n)
          auto next = french.lower_bound(key);
          EXPECT_TRUE(next != french.end() && next->rfind(key, 0) == 0)
              << entry.path().filename() << " uses keys \"" << key << "...\" that do not exist";
          continue;
        }
        EXPECT_TRUE(french.count(key))
            << entry.path().filename() << " uses \"" << (*it)[1].str()
            << "\" which has no French text";
      }
    }
  }
  EXPECT_GT(scanned, 0);
}

class FrenchWords : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(test::ok(i18n.load_dir(ERIC_SOURCE_DIR "/assets/i18n")));
  }
  I18n i18n;
};

TEST_F(FrenchWords, DatesAndTimesInLetters) {
  CivilTime t;
  t.year = 2026, t.month = 11, t.day = 24, t.hour = 14, t.minute = 0, t.weekday = 2;
  EXPECT_EQ(day_time_words(t, i18n), "mardi 24 novembre à 14 h");
  t.minute = 5;
  EXPECT_EQ(day_time_words(t, i18n), "mardi 24 novembre à 14 h 05");
  EXPECT_EQ(date_words("2026-12-01", i18n, true, false), "mardi 1er décembre");
  EXPECT_EQ(date_range_words("2027-01-05", "2027-06-30", i18n), "du 5 janvier au 30 juin 2027");
  EXPECT_EQ(date_range_words("2026-12-07", "2027-03-12", i18n),
            "du 7 décembre 2026 au 12 mars 2027");
  EXPECT_EQ(date_range_words("2027-01-04", "2027-01-07", i18n), "du 4 au 7 janvier 2027");
  EXPECT_EQ(date_range_words("2026-12-01", "2026-12-04", i18n), "du 1er au 4 décembre 2026");
  EXPECT_EQ(date_words("garbage", i18n, true, true), "garbage");
  i18n.set_language("en");
  EXPECT_EQ(date_words("2026-11-24", i18n, true, false), "Tuesday 24 November");
}

TEST_F(FrenchWords, DistancesContractsAndSeats) {
  EXPECT_EQ(distance_words(4.4, i18n), "à 4 km");
  EXPECT_EQ(distance_words(0.3, i18n), "à moins d'1 km");
  EXPECT_EQ(contract_words("CDD", 6, i18n), "CDD de 6 mois");
  EXPECT_EQ(contract_words("CDI", 0, i18n), "CDI");
  EXPECT_EQ(contract_words("MIS", 0, i18n), "Intérim");
  EXPECT_EQ(seats_words(0, i18n), "Complet");
  EXPECT_EQ(seats_words(-2, i18n), "Complet");
  EXPECT_EQ(seats_words(1, i18n), "1 place");
  EXPECT_EQ(seats_words(3, i18n), "3 places");
}

}  // namespace
}  // namespace eric
