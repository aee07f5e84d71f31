// One employer when France Travail's offers and Immersion Facilitée's establishments name the
// same company: by SIRET, or by name and commune when the offer gives no SIRET.
#include <gtest/gtest.h>

#include "kiosk/core/storage/db.h"
#include "sync/server/server_store.h"
#include "tests/server/import_test_util.h"

namespace eric::test {
namespace {

using nlohmann::json;

// An offer of the bakery as France Travail publishes it (data-sources.md, section 1).
json bakery_offer(const std::string& id, const json& company, const std::string& insee = "13056",
                  const std::string& postal = "13500") {
  return {{"id", id},
          {"intitule", "Boulanger / Boulangère (H/F)"},
          {"description", "Fabrication du pain et des viennoiseries.\nTravail de nuit."},
          {"dateCreation", "2026-11-28T09:12:40+01:00"},
          {"lieuTravail", {{"libelle", "13 - MARTIGUES"}, {"codePostal", postal}, {"commune", insee}}},
          {"romeCode", "D1102"},
          {"appellationlibelle", "Boulanger / Boulangère"},
          {"entreprise", company},
          {"typeContrat", "CDI"},
          {"typeContratLibelle", "Contrat à durée indéterminée"},
          {"natureContrat", "Contrat travail"},
          {"dureeTravailLibelle", "35H Travail de nuit"},
          {"salaire", {{"libelle", "Mensuel de 1900.00 Euros sur 12 mois"}}},
          {"experienceExige", "E"},
          {"nombrePostes", 1},
          {"secteurActiviteLibelle", "Boulangerie et boulangerie-pâtisserie"},
          {"trancheEffectifEtab", "6 à 9 salariés"}};
}

// The same bakery as Immersion Facilitée's search answers it (section 3).
json bakery_establishment(const std::string& siret, const std::string& name = "Boulangerie du Port") {
  return {{"siret", siret},
          {"name", name},
          {"naf", "1071C"},
          {"nafLabel", "Boulangerie et boulangerie-pâtisserie"},
          {"rome", "D1102"},
          {"romeLabel", "Boulangerie - viennoiserie"},
          {"appellations", {{{"appellationCode", "11573"}, {"appellationLabel", "Boulanger / Boulangère"}}}},
          {"position", {{"lat", 43.4052}, {"lon", 5.0478}}},
          {"address", {{"streetNumberAndAddress", "3 quai Brescon"}, {"postcode", "13500"},
                       {"departmentCode", "13"}, {"city", "Martigues"}}},
          {"contactMode", "IN_PERSON"},
          {"numberOfEmployeeRange", "10-19"},
          {"voluntaryToImmersion", true},
          {"fitForDisabledWorkers", false},
          {"distance_m", 850}};
}

int64_t live_employers(const std::string& db) {
  Status s;
  auto h = server::open_server_db(db, s);
  Statement st(*h, "SELECT count(*) FROM records WHERE type = 'employer' AND deleted = 0");
  return st.step() ? st.col_int(0) : -1;
}

// Which source said what of an employer: "source:name" per description, by source.
std::vector<std::string> descriptions_of(const std::string& db, const std::string& employer_id) {
  Status s;
  auto h = server::open_server_db(db, s);
  Statement st(*h, "SELECT source, data FROM employer_facts WHERE employer_id = ? ORDER BY source");
  st.bind(1, employer_id);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.col_text(0) + ":" + json::parse(st.col_text(1))["name"].get<std::string>());
  return out;
}

class EmployerMerge : public ::testing::Test {
 protected:
  TempDir tmp;
  std::string db = tmp.file("region.db"), offers = tmp.file("offres.jsonl"),
              establishments = tmp.file("immersion.json");
};

TEST_F(EmployerMerge, SameSiretFromBothSourcesIsOneEmployerWithWhatEachSaid) {
  write_text(offers, json_lines({bakery_offer("201ABCD", {{"nom", "BOULANGERIE DU PORT"}, {"siret", "41234567800017"}})}));
  write_text(establishments, json({{"results", {bakery_establishment("41234567800017")}}}).dump());
  import_files(db, "ft-offers", {offers});
  import_files(db, "immersion", {establishments});
  EXPECT_EQ(live_employers(db), 1);
  const json e = feed_record(db, "employer", "e-41234567800017");
  ASSERT_FALSE(e.is_null());
  // The establishment's own words and place win; both descriptions are kept apart.
  EXPECT_EQ(e["name"], "Boulangerie du Port");
  EXPECT_EQ(e["size_range"], "10 à 19 salariés");
  EXPECT_EQ(e["address"], "3 quai Brescon, 13500 Martigues");
  EXPECT_NEAR(e["lat"].get<double>(), 43.4052, 1e-6);
  EXPECT_EQ(descriptions_of(db, "e-41234567800017"),
            (std::vector<std::string>{"ft:BOULANGERIE DU PORT", "immersion:Boulangerie du Port"}));
  EXPECT_EQ(feed_record(db, "job", "ft-201ABCD")["employer_id"], "e-41234567800017");
  EXPECT_EQ(feed_record(db, "immersion_offer", "if-41234567800017-11573")["employer_id"], "e-41234567800017");
  // Each source again: nothing changes.
  EXPECT_EQ(import_files(db, "ft-offers", {offers}, true).changes(), 0);
  EXPECT_EQ(import_files(db, "immersion", {establishments}, true).changes(), 0);
}

TEST_F(EmployerMerge, AnOfferWithoutSiretJoinsTheEstablishmentOfItsNameAndCommune) {
  // The offer first: its employer stands alone, then moves to the establishment's record.
  write_text(offers, json_lines({bakery_offer("202ABCD", {{"nom", "Boulangerie  du PORT"}}),
                            bakery_offer("203ABCD", {{"nom", "Boulangerie du Port"}}, "13001", "13100")}));
  write_text(establishments, json::array({bakery_establishment("41234567800017")}).dump());
  import_files(db, "ft-offers", {offers});
  EXPECT_EQ(live_employers(db), 2);  // Martigues and Aix: two bakeries of the same name
  const std::string alone = feed_record(db, "job", "ft-202ABCD")["employer_id"];
  import_files(db, "immersion", {establishments});
  EXPECT_EQ(live_employers(db), 2);
  EXPECT_TRUE(feed_deleted(db, "employer", alone));
  EXPECT_EQ(feed_record(db, "job", "ft-202ABCD")["employer_id"], "e-41234567800017");
  EXPECT_NE(feed_record(db, "job", "ft-203ABCD")["employer_id"], "e-41234567800017");  // Aix
  EXPECT_EQ(descriptions_of(db, "e-41234567800017").size(), 2u);
  // France Travail's next import finds its offer as the move left it.
  const auto again = import_files(db, "ft-offers", {offers});
  EXPECT_EQ(again.changes(), 0);
  EXPECT_EQ(again.by_type.at("job").unchanged, 2);
}

// Both in one file: the offer without SIRET is written first under a record of its own, then
// joins the company the second offer names. The import writes the company once, with both.
TEST_F(EmployerMerge, InOneFileAnOfferWithoutSiretThenOneWithIt) {
  write_text(offers, json_lines({bakery_offer("207ABCD", {{"nom", "Boulangerie du Port"}}),
                                 bakery_offer("208ABCD", {{"nom", "BOULANGERIE DU PORT"}, {"siret", "41234567800017"}})}));
  const auto first = import_files(db, "ft-offers", {offers});
  EXPECT_EQ(live_employers(db), 1);
  EXPECT_EQ(feed_record(db, "job", "ft-207ABCD")["employer_id"], "e-41234567800017");
  EXPECT_EQ(feed_record(db, "job", "ft-208ABCD")["employer_id"], "e-41234567800017");
  EXPECT_EQ(descriptions_of(db, "e-41234567800017").size(), 2u);
  EXPECT_EQ(first.by_type.at("employer").added, 2);
  EXPECT_EQ(import_files(db, "ft-offers", {offers}).changes(), 0);
}

TEST_F(EmployerMerge, TheEstablishmentFirstThenAnOfferWithoutSiret) {
  write_text(establishments, json::array({bakery_establishment("41234567800017")}).dump());
  write_text(offers, json_lines({bakery_offer("204ABCD", {{"nom", "BOULANGERIE DU PORT"}})}));
  import_files(db, "immersion", {establishments});
  import_files(db, "ft-offers", {offers});
  EXPECT_EQ(live_employers(db), 1);
  EXPECT_EQ(feed_record(db, "job", "ft-204ABCD")["employer_id"], "e-41234567800017");
}

TEST_F(EmployerMerge, WhenOneSourceDropsTheCompanyTheOtherKeepsIt) {
  write_text(offers, json_lines({bakery_offer("205ABCD", {{"nom", "BOULANGERIE DU PORT"}, {"siret", "41234567800017"}})}));
  write_text(establishments, json::array({bakery_establishment("41234567800017")}).dump());
  import_files(db, "ft-offers", {offers}, true);
  import_files(db, "immersion", {establishments}, true);
  // Immersion Facilitée no longer lists the bakery: France Travail's description remains.
  write_text(establishments, json::array({bakery_establishment("52234567800011", "Fournil des Salins")}).dump());
  const auto r = import_files(db, "immersion", {establishments}, true);
  EXPECT_EQ(r.by_type.at("employer").deleted, 1);
  const json e = feed_record(db, "employer", "e-41234567800017");
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(e["name"], "BOULANGERIE DU PORT");
  EXPECT_EQ(e["size_range"], "6 à 9 salariés");
  EXPECT_EQ(descriptions_of(db, "e-41234567800017"), (std::vector<std::string>{"ft:BOULANGERIE DU PORT"}));
  // And France Travail drops it too: the employer is gone from the feed.
  write_text(offers, json_lines({bakery_offer("206ABCD", {{"nom", "FOURNIL DES SALINS"}, {"siret", "52234567800011"}})}));
  import_files(db, "ft-offers", {offers}, true);
  EXPECT_TRUE(feed_deleted(db, "employer", "e-41234567800017"));
  EXPECT_EQ(live_employers(db), 1);
}

}  // namespace
}  // namespace eric::test
