// Immersion Facilitée establishments and the ROME lists.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/server/import_test_util.h"

namespace eric::test {
namespace {

using nlohmann::json;

json establishment(const std::string& siret, const std::string& rome) {
  return {{"siret", siret},
          {"name", "Boulangerie du Port"},
          {"naf", "1071C"},
          {"nafLabel", "Boulangerie et boulangerie-pâtisserie"},
          {"rome", rome},
          {"romeLabel", "Boulangerie - viennoiserie"},
          {"appellations", {{{"appellationCode", "11573"}, {"appellationLabel", "Boulanger / Boulangère"}}}},
          {"position", {{"lat", 43.405}, {"lon", 5.048}}},
          {"address", {{"streetNumberAndAddress", "3 quai Brescon"}, {"postcode", "13500"},
                       {"departmentCode", "13"}, {"city", "Martigues"}}},
          {"contactMode", "PHONE"},
          {"numberOfEmployeeRange", "10-19"},
          {"voluntaryToImmersion", true},
          {"fitForDisabledWorkers", true},
          {"distance_m", 1200}};
}

TEST(ImportImmersion, EstablishmentsBecomeEmployersAndOffers) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("immersion.json");
  json bad_siret = establishment("123", "D1102");
  json bad_rome = establishment("98765432100019", "boulanger");
  write_text(file, json::array({establishment("12345678900011", "D1102"), bad_siret, bad_rome}).dump());
  const auto r = import_files(db, "immersion", {file});
  const json e = feed_record(db, "employer", "e-12345678900011");
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(e["size_range"], "10 à 19 salariés");
  EXPECT_EQ(e["commune"], "13056");
  EXPECT_TRUE(e["fit_for_disabled_workers"].get<bool>());
  const json o = feed_record(db, "immersion_offer", "if-12345678900011-11573");
  ASSERT_FALSE(o.is_null());
  EXPECT_EQ(o["trade_code"], "D1102");
  EXPECT_EQ(o["job_title_ogr"], 11573);
  EXPECT_EQ(o["contact_mode"], "phone");
  EXPECT_EQ(o["welcome_address"], "3 quai Brescon, 13500 Martigues");
  EXPECT_FALSE(problems_at(r, "n° 2").empty());
  EXPECT_FALSE(problems_at(r, "n° 3").empty());
  EXPECT_EQ(r.by_type.at("employer").rejected, 1);
  EXPECT_EQ(r.by_type.at("immersion_offer").rejected, 1);
}

TEST(ImportRome, TheRealListsThenAnUpdateThatRetiresACode) {
  TempDir tmp;
  const std::string db = tmp.file("region.db");
  const std::string fiches = std::string(ERIC_SHARED_DATA_DIR) + "/rome-fiches.csv";
  const std::string titles = std::string(ERIC_SHARED_DATA_DIR) + "/rome-appellations.csv";
  const auto r = import_files(db, "rome", {fiches, titles}, true);
  EXPECT_EQ(r.by_type.at("trade").added, 532);
  EXPECT_EQ(r.by_type.at("job_title").added, 11118);  // every row of the real file
  EXPECT_EQ(feed_record(db, "trade", "M1607")["label"], "Secrétariat");
  EXPECT_EQ(import_files(db, "rome", {fiches, titles}, true).changes(), 0);
  // An update of the trades alone: one renamed, one retired, a bad row; job titles untouched.
  const std::string update = tmp.file("fiches.csv");
  std::ifstream in(fiches);
  std::string line, text;
  while (std::getline(in, line)) {
    if (line.rfind("A1101;", 0) == 0) continue;
    if (line.rfind("M1607;", 0) == 0) line = "M1607;Secrétariat et assistance";
    text += line + "\n";
  }
  text += "Z9999;Inconnu\n";
  write_text(update, text);
  const auto u = import_files(db, "rome", {update}, true);
  EXPECT_EQ(u.by_type.at("trade").updated, 1);
  EXPECT_EQ(u.by_type.at("trade").deleted, 1);
  EXPECT_EQ(u.by_type.at("trade").rejected, 1);
  EXPECT_EQ(u.by_type.count("job_title"), 0u);
  EXPECT_TRUE(feed_deleted(db, "trade", "A1101"));
  EXPECT_EQ(feed_count(db, "job_title"), 11118);
  EXPECT_FALSE(problems_at(u, "fiches.csv:533").empty());
}

}  // namespace
}  // namespace eric::test
