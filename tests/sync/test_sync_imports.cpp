// What a terminal's catalog holds after the region's imports: one employer for a company that
// France Travail and Immersion Facilitée both name, across a first sync and a delta.
#include <gtest/gtest.h>

#include "tests/sync/fixture.h"

namespace eric::test {
namespace {

using nlohmann::json;

void import_into(const std::string& db, const std::string& kind, const std::string& file) {
  server_cmd({"import", "--db", db, "--reference-data", ERIC_SHARED_DATA_DIR, "--today",
              "2026-12-06", kind, file});
}

std::string job_employer(Database& db, const std::string& job_id) {
  Statement st(db, "SELECT employer_id FROM jobs WHERE id = ?");
  st.bind(1, job_id);
  return st.step() ? st.col_text(0) : std::string("<absent>");
}

std::string employer_name(Database& db, const std::string& id) {
  Statement st(db, "SELECT name FROM employers WHERE id = ?");
  st.bind(1, id);
  return st.step() ? st.col_text(0) : std::string("<absent>");
}

TEST(ImportedCatalog, TheTerminalShowsOneEmployerForACompanyOfBothSources) {
  TempDir tmp;
  const std::string server_db = tmp.file("server.db");
  // A France Travail offer that names the garage without its SIRET, in Martigues.
  const std::string offers = tmp.file("offres.jsonl");
  write_file(offers, json({{"id", "207KLMN"},
                           {"intitule", "Mécanicien / Mécanicienne automobile (H/F)"},
                           {"lieuTravail", {{"libelle", "13 - MARTIGUES"}, {"codePostal", "13500"},
                                            {"commune", "13056"}}},
                           {"romeCode", "I1604"},
                           {"entreprise", {{"nom", "GARAGE DE FERRIERES"}}},
                           {"typeContrat", "CDI"},
                           {"typeContratLibelle", "Contrat à durée indéterminée"}})
                         .dump() + "\n");
  import_into(server_db, "ft-offers", offers);
  ServerProcess server(ServerProcess::Options{server_db, "", "", "", 0});
  ASSERT_FALSE(server.url().empty());
  Terminal term = make_terminal(tmp, "t1", server_db, server.url());
  SyncResult first = sync_once(*term.db, test_config());
  ASSERT_TRUE(first.status.ok) << first.status.code;
  EXPECT_EQ(catalog_counts(*term.db).employers, 1);
  // Immersion Facilitée lists the same garage, with its SIRET: the terminal's next sync moves
  // the offer to the garage's record and drops the one the offer made.
  const std::string establishments = tmp.file("immersion.json");
  write_file(establishments,
             json({{"results",
                    {{{"siret", "38912345600024"},
                      {"name", "Garage de Ferrières"},
                      {"naf", "4520A"},
                      {"nafLabel", "Entretien et réparation de véhicules automobiles légers"},
                      {"rome", "I1604"},
                      {"appellations", {{{"appellationCode", "12836"},
                                         {"appellationLabel", "Mécanicien / Mécanicienne automobile"}}}},
                      {"position", {{"lat", 43.4112}, {"lon", 5.0561}}},
                      {"address", {{"streetNumberAndAddress", "12 avenue Frédéric Mistral"},
                                   {"postcode", "13500"}, {"departmentCode", "13"}, {"city", "Martigues"}}},
                      {"contactMode", "PHONE"},
                      {"numberOfEmployeeRange", "6-9"}}}}})
                 .dump());
  import_into(server_db, "immersion", establishments);
  SyncResult delta = sync_once(*term.db, test_config());
  ASSERT_TRUE(delta.status.ok) << delta.status.code;
  EXPECT_FALSE(delta.full);
  EXPECT_EQ(catalog_counts(*term.db).employers, 1);
  EXPECT_EQ(job_employer(*term.db, "ft-207KLMN"), "e-38912345600024");
  EXPECT_EQ(employer_name(*term.db, "e-38912345600024"), "Garage de Ferrières");
  Statement offer(*term.db, "SELECT employer_id FROM immersion_offers");
  ASSERT_TRUE(offer.step());
  EXPECT_EQ(offer.col_text(0), "e-38912345600024");
}

}  // namespace
}  // namespace eric::test
