// France Travail offers: mapping, words, places, employers, idempotence, --full, bad input.
#include <gtest/gtest.h>

#include "tests/server/import_test_util.h"

namespace eric::test {
namespace {

using nlohmann::json;

json offer(const std::string& id, const std::string& title = "Vendeur / Vendeuse en bricolage (H/F)") {
  return {{"id", id},
          {"intitule", title},
          {"description", "Vous accueillez les clients.\nVous tenez la caisse."},
          {"dateCreation", "2026-11-23T13:32:22+01:00"},
          {"lieuTravail", {{"libelle", "13 - MARTIGUES"}, {"latitude", 43.41}, {"longitude", 5.05},
                           {"codePostal", "13500"}, {"commune", "13056"}}},
          {"romeCode", "D1212"},
          {"appellationlibelle", "Vendeur / Vendeuse en bricolage"},
          {"entreprise", {{"nom", "BRICO DU SUD"}, {"siret", "12345678900011"}}},
          {"typeContrat", "CDD"},
          {"typeContratLibelle", "Contrat à durée déterminée - 12 Mois"},
          {"natureContrat", "Contrat travail"},
          {"dureeTravailLibelle", "35H Horaires normaux"},
          {"dureeTravailLibelleConverti", "Temps plein"},
          {"salaire", {{"libelle", "Horaire de 10.03 Euros"}}},
          {"experienceExige", "D"},
          {"experienceLibelle", "Débutant accepté"},
          {"qualificationLibelle", "Employé qualifié"},
          {"nombrePostes", 2},
          {"contact", {{"nom", "BRICO DU SUD - Mme Durand"}, {"courriel", "emploi@brico.example"}}},
          {"origineOffre", {{"origine", "1"}, {"urlOrigine", "https://candidat.francetravail.fr/offres/recherche/detail/082SGKK"}}},
          {"trancheEffectifEtab", "10 à 19 salariés"}};
}

TEST(ImportFt, MapsAnOfferWithPlainWords) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("offres.json");
  json answer = {{"resultats", {offer("082SGKK")}}, {"filtresPossibles", json::array()}};
  write_text(file, answer.dump(2));
  const auto report = import_files(db, "ft-offers", {file});
  EXPECT_EQ(report.by_type.at("job").added, 1);
  const json job = feed_record(db, "job", "ft-082SGKK");
  ASSERT_FALSE(job.is_null());
  EXPECT_EQ(job["source"], "ft");
  EXPECT_EQ(job["contract_type"], "CDD");
  EXPECT_EQ(job["contract_duration_months"], 12);
  EXPECT_EQ(job["work_time_label"], "35 h par semaine, horaires normaux");
  EXPECT_EQ(job["salary_label"], "10,03 € de l'heure");
  EXPECT_EQ(job["experience_label"], "Débutant accepté");
  EXPECT_EQ(job["trade_code"], "D1212");
  EXPECT_GT(job["job_title_ogr"].get<int64_t>(), 0);  // found in the ROME by its label
  EXPECT_EQ(job["posts"], 2);
  EXPECT_EQ(job["commune"], "13056");
  EXPECT_EQ(job["place_label"], "Martigues");
  EXPECT_EQ(job["created_at"], "2026-11-23");
  EXPECT_EQ(job["description"], "Vous accueillez les clients.\nVous tenez la caisse.");
  EXPECT_EQ(job["employer_id"], "e-12345678900011");
  EXPECT_EQ(feed_record(db, "employer", "e-12345678900011")["name"], "BRICO DU SUD");
}

TEST(ImportFt, WorkStudyAndSalaryRangesAndAPlainList) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("liste.json");
  json o = offer("A1");
  o["alternance"] = true;
  o["natureContrat"] = "Contrat apprentissage";
  o["salaire"] = {{"libelle", "Mensuel de 850.00 Euros à 1217.00 Euros sur 12 mois"}};
  write_text(file, json::array({o}).dump());
  import_files(db, "ft-offers", {file});
  const json job = feed_record(db, "job", "ft-A1");
  EXPECT_EQ(job["contract_type"], "ALT");
  EXPECT_EQ(job["salary_label"], "de 850 € à 1 217 € par mois");
}

TEST(ImportFt, PlacesAnOfferWithoutCoordinatesByInseeElsePostalCode) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("offres.jsonl");
  json by_insee = offer("INSEE1");
  by_insee["lieuTravail"] = {{"libelle", "13 - Aix"}, {"commune", "13001"}, {"codePostal", "13500"}};
  json by_postal = offer("POSTAL1");
  by_postal["lieuTravail"] = {{"libelle", "13 - MARTIGUES"}, {"codePostal", "13500"}};
  write_text(file, json_lines({by_insee, by_postal}));
  import_files(db, "ft-offers", {file});
  const json a = feed_record(db, "job", "ft-INSEE1");
  EXPECT_EQ(a["commune"], "13001");  // the INSEE code wins over the postal code
  EXPECT_NEAR(a["lat"].get<double>(), 43.5283, 1e-4);
  EXPECT_NEAR(a["lon"].get<double>(), 5.44973, 1e-4);
  const json m = feed_record(db, "job", "ft-POSTAL1");
  EXPECT_EQ(m["commune"], "13056");
  EXPECT_NEAR(m["lat"].get<double>(), 43.40735, 1e-4);
  EXPECT_EQ(m["place_label"], "Martigues");
}

TEST(ImportFt, SameFileAgainChangesNothingAndFullDeletesWhatIsGone) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("offres.jsonl");
  write_text(file, json_lines({offer("K1"), offer("K2"), offer("K3")}));
  auto first = import_files(db, "ft-offers", {file}, /*full=*/true);
  EXPECT_EQ(first.by_type.at("job").added, 3);
  EXPECT_EQ(first.by_type.at("employer").added, 1);  // one SIRET, one employer
  const int64_t cursor = feed_cursor(db);
  auto again = import_files(db, "ft-offers", {file}, true);
  EXPECT_EQ(again.changes(), 0);
  EXPECT_EQ(again.by_type.at("job").unchanged, 3);
  EXPECT_EQ(feed_cursor(db), cursor);  // no new cursor: terminals get a 304

  json changed = offer("K2", "Vendeur conseil (H/F)");
  write_text(file, json_lines({offer("K1"), changed}));
  auto third = import_files(db, "ft-offers", {file}, true);
  EXPECT_EQ(third.by_type.at("job").updated, 1);
  EXPECT_EQ(third.by_type.at("job").unchanged, 1);
  EXPECT_EQ(third.by_type.at("job").deleted, 1);
  EXPECT_TRUE(feed_deleted(db, "job", "ft-K3"));
  EXPECT_EQ(feed_record(db, "job", "ft-K2")["title"], "Vendeur conseil (H/F)");
  EXPECT_EQ(feed_cursor(db), cursor + 2);
}

TEST(ImportFt, WithoutFullNothingIsDeletedAndDryRunWritesNothing) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("offres.jsonl");
  write_text(file, json_lines({offer("K1"), offer("K2")}));
  import_files(db, "ft-offers", {file});
  write_text(file, json_lines({offer("K1")}));
  const auto partial = import_files(db, "ft-offers", {file});
  EXPECT_EQ(partial.changes(), 0);
  EXPECT_FALSE(feed_record(db, "job", "ft-K2").is_null());
  const int64_t cursor = feed_cursor(db);
  write_text(file, json_lines({offer("K9")}));
  const auto dry = import_files(db, "ft-offers", {file}, true, /*dry_run=*/true);
  EXPECT_EQ(dry.by_type.at("job").added, 1);
  EXPECT_EQ(dry.by_type.at("job").deleted, 2);
  EXPECT_EQ(feed_cursor(db), cursor);
  EXPECT_TRUE(feed_record(db, "job", "ft-K9").is_null());
}

TEST(ImportFt, EachBadRecordIsReportedAtItsPlaceAndTheOthersImported) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("offres.jsonl");
  json no_title = offer("BAD1", "");
  json no_place = offer("BAD2");
  no_place["lieuTravail"] = {{"libelle", "Quelque part"}};
  json abroad = offer("ABROAD");
  abroad["lieuTravail"] = {{"latitude", 40.71}, {"longitude", -74.0}, {"commune", "13056"}};
  json negative = offer("NEG");
  negative["nombrePostes"] = -3;
  negative["dateCreation"] = "2026-02-30T10:00:00Z";
  json controls = offer("CTRL");
  controls["intitule"] = std::string("Cuisinier\x07 (H/F)");
  json typed = offer("TYPED");
  typed["entreprise"] = "pas un objet";
  std::string text = json_lines({offer("GOOD1"), no_title, no_place, abroad, negative, controls, typed});
  text += "{\"id\": \"UTF8\", \"intitule\": \"Ma\xE7on\", \"lieuTravail\": {\"commune\": \"13056\"}}\n";
  text += "{ceci n'est pas du JSON\n";
  write_text(file, text);
  const auto r = import_files(db, "ft-offers", {file});
  EXPECT_EQ(r.by_type.at("job").added, 6);   // GOOD1, ABROAD, NEG, CTRL, TYPED, UTF8
  EXPECT_EQ(r.by_type.at("job").rejected, 3);
  EXPECT_FALSE(problems_at(r, "offres.jsonl:2").empty());   // no title
  EXPECT_NE(problems_at(r, "offres.jsonl:3")[0].find("sans lieu"), std::string::npos);
  EXPECT_NE(problems_at(r, "offre ABROAD")[0].find("hors de France"), std::string::npos);
  EXPECT_EQ(feed_record(db, "job", "ft-ABROAD")["commune"], "13056");
  EXPECT_EQ(problems_at(r, "offre NEG").size(), 2u);  // date and posts
  EXPECT_EQ(feed_record(db, "job", "ft-NEG")["posts"], 1);
  EXPECT_EQ(feed_record(db, "job", "ft-CTRL")["title"], "Cuisinier (H/F)");
  EXPECT_EQ(feed_record(db, "job", "ft-UTF8")["title"], "Ma\xEF\xBF\xBDon");
  EXPECT_FALSE(problems_at(r, "offres.jsonl:8").empty());  // the repaired line
  EXPECT_FALSE(problems_at(r, "offres.jsonl:9").empty());  // not JSON
  for (const auto& p : r.problems) EXPECT_FALSE(p.sentence.empty()) << p.place;
}

TEST(ImportFt, TheCommandPrintsTheReportAndFailsOnlyWhenNothingIsRead) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("offres.jsonl");
  write_text(file, json_lines({offer("C1"), offer("C2", "")}));
  Ran ok = run_server({"import", "--db", db, "--reference-data", ERIC_SHARED_DATA_DIR, "ft-offers", file});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("job : 2 lus"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("offres.jsonl:2"), std::string::npos) << ok.out;
  Ran wrong = run_server({"import", "--db", db, "--reference-data", ERIC_SHARED_DATA_DIR, "ft-offers",
                          ERIC_SHARED_DATA_DIR "/lheo-exemple-bts.xml"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.out.find("lheo-exemple-bts.xml"), std::string::npos) << wrong.out;
  Ran dry = run_server({"import", "--db", db, "--reference-data", ERIC_SHARED_DATA_DIR, "--dry-run",
                        "--full", "ft-offers", ERIC_SHARED_DATA_DIR "/lheo-exemple-bts.xml", file});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("0 changement(s) prévu(s), aucun écrit"), std::string::npos) << dry.out;
  Ran kind = run_server({"import", "--db", db, "offres", file});
  EXPECT_NE(kind.exit_code, 0);
  Ran version = run_server({"import", "--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("eric-regional-server " ERIC_VERSION), std::string::npos) << version.out;
}

}  // namespace
}  // namespace eric::test
