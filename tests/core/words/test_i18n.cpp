// The translation layer: loading, fallback, placeholders, and completeness of the texts.
#include <gtest/gtest.h>

#include <algorithm>
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

// A counted key's base ("jobs.results.count" of "jobs.results.count|one"); the key itself
// otherwise.
std::string base_of(const std::string& key) { return key.substr(0, key.find('|')); }

// Every key of every language has a French text; every language covers every French key, and
// each counted key in exactly the plural forms that language's rule uses.
TEST(I18n, EveryLanguageHasEveryTextAndItsPluralForms) {
  I18n i18n;
  ASSERT_TRUE(test::ok(i18n.load_dir(ERIC_SOURCE_DIR "/assets/i18n")));
  std::set<std::string> french, counted;
  for (const auto& key : i18n.keys("fr")) {
    french.insert(base_of(key));
    if (key.find('|') != std::string::npos) counted.insert(base_of(key));
  }
  const std::vector<std::string> languages = i18n.languages();
  for (const char* lang : {"fr", "en", "es", "uk", "ar"})
    EXPECT_NE(std::find(languages.begin(), languages.end(), lang), languages.end()) << lang;
  for (const auto& lang : languages) {
    for (const auto& key : i18n.keys(lang)) {
      EXPECT_TRUE(french.count(base_of(key))) << "no French text for \"" << key << "\" (" << lang << ")";
      if (key.find('|') == std::string::npos) continue;
      EXPECT_TRUE(counted.count(base_of(key))) << lang << " counts \"" << key << "\", French does not";
      bool known = false;
      for (Plural p : plural_forms(lang)) known = known || key.substr(key.find('|') + 1) == plural_name(p);
      EXPECT_TRUE(known) << lang << " has no plural form \"" << key << "\"";
    }
    for (const auto& key : french) {
      if (!counted.count(key)) {
        EXPECT_TRUE(i18n.has(lang, key)) << "no " << lang << " text for \"" << key << "\"";
        continue;
      }
      for (Plural p : plural_forms(lang))
        EXPECT_TRUE(i18n.has(lang, key + "|" + std::string(plural_name(p))))
            << "no " << lang << " text for \"" << key << "|" << plural_name(p) << "\"";
    }
  }

  // Keys written literally in the sources: tr("key"), tr("key", {...}), tr_count("key", n).
  const std::regex literal_key(R"(\btr(_count)?\(\s*\"([a-z0-9_.]+)\")");
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
        std::string key = (*it)[2].str();
        const bool is_counted = (*it)[1].matched;
        EXPECT_EQ(is_counted, counted.count(key) == 1)
            << entry.path().filename() << ": \"" << key
            << (is_counted ? "\" is counted but has no |one/|other texts"
                           : "\" has plural forms: use tr_count");
        if (key.back() == '.') {  // a prefix completed at run time ("words.month." + n)
          auto next = french.lower_bound(key);
          EXPECT_TRUE(next != french.end() && next->rfind(key, 0) == 0)
              << entry.path().filename() << " uses keys \"" << key << "...\" that do not exist";
          continue;
        }
        EXPECT_TRUE(french.count(key))
            << entry.path().filename() << " uses \"" << key
            << "\" which has no French text";
      }
    }
  }
  EXPECT_GT(scanned, 0);
}

TEST(Plurals, RulesOfEachLanguage) {
  // French: 0 and 1 are singular ("0 reçu, 1 reçu, 2 reçus").
  EXPECT_EQ(plural_category("fr", 0), Plural::One);
  EXPECT_EQ(plural_category("fr", 1), Plural::One);
  EXPECT_EQ(plural_category("fr", 2), Plural::Other);
  EXPECT_EQ(plural_category("en", 0), Plural::Other);
  EXPECT_EQ(plural_category("en", 1), Plural::One);
  EXPECT_EQ(plural_category("es", 1), Plural::One);
  EXPECT_EQ(plural_category("es", 5), Plural::Other);
  // Ukrainian: 1, 21, 101 one; 2-4, 22-24 few; 5-20, 25, 11-14 many.
  for (int n : {1, 21, 31, 101}) EXPECT_EQ(plural_category("uk", n), Plural::One) << n;
  for (int n : {2, 3, 4, 22, 24, 102}) EXPECT_EQ(plural_category("uk", n), Plural::Few) << n;
  for (int n : {0, 5, 11, 12, 14, 19, 20, 25, 111}) EXPECT_EQ(plural_category("uk", n), Plural::Many) << n;
  // Arabic: six forms.
  EXPECT_EQ(plural_category("ar", 0), Plural::Zero);
  EXPECT_EQ(plural_category("ar", 1), Plural::One);
  EXPECT_EQ(plural_category("ar", 2), Plural::Two);
  for (int n : {3, 10, 103}) EXPECT_EQ(plural_category("ar", n), Plural::Few) << n;
  for (int n : {11, 26, 99, 111}) EXPECT_EQ(plural_category("ar", n), Plural::Many) << n;
  for (int n : {100, 101, 102}) EXPECT_EQ(plural_category("ar", n), Plural::Other) << n;
}

TEST(Plurals, TrCountPicksTheFormThenFallsBack) {
  fs::path dir = temp_dir("plural");
  write(dir / "fr" / "a.json", R"J({"got|one": "{n} reçu", "got|other": "{n} reçus", "x|other": "{n} x ({who})"})J");
  write(dir / "uk" / "a.json",
        R"({"got|one": "{n} отримано лист", "got|few": "{n} листи", "got|many": "{n} листів"})");
  I18n i18n;
  ASSERT_TRUE(eric::test::ok(i18n.load_dir(dir.string())));
  EXPECT_EQ(i18n.tr_count("got", 1), "1 reçu");
  EXPECT_EQ(i18n.tr_count("got", 0), "0 reçu");
  EXPECT_EQ(i18n.tr_count("got", 2), "2 reçus");
  EXPECT_EQ(i18n.tr_count("x", 1, {{"who", "Awa"}}), "1 x (Awa)");  // no |one: |other
  EXPECT_EQ(i18n.tr_count("nowhere", 3), "[nowhere]");
  i18n.set_language("uk");
  EXPECT_EQ(i18n.tr_count("got", 21), "21 отримано лист");
  EXPECT_EQ(i18n.tr_count("got", 3), "3 листи");
  EXPECT_EQ(i18n.tr_count("got", 11), "11 листів");
  EXPECT_EQ(i18n.tr_count("x", 5, {{"who", "Awa"}}), "5 x (Awa)");  // French when uk has none
}

TEST(Plurals, ProjectTextsReadRightAtOneAndMany) {
  I18n i18n;
  ASSERT_TRUE(eric::test::ok(i18n.load_dir(ERIC_SOURCE_DIR "/assets/i18n")));
  EXPECT_EQ(i18n.tr_count("immersion.days", 1), "1 jour");
  EXPECT_EQ(i18n.tr_count("jobs.detail.posts", 1), "1 poste");
  i18n.set_language("en");
  EXPECT_EQ(i18n.tr_count("words.contract.CDD_months", 1), "1-month fixed-term contract");
  EXPECT_EQ(i18n.tr_count("jobs.training.hours", 1), "1 hour");
  EXPECT_EQ(i18n.tr_count("jobs.training.hours", 35), "35 hours");
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
