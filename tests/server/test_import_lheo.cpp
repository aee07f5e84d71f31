// LHEO trainings: the real file of ../shared/data, then files written for each rule.
#include <gtest/gtest.h>

#include "tests/server/import_test_util.h"

namespace eric::test {
namespace {

const std::string kRealLheo = std::string(ERIC_SHARED_DATA_DIR) + "/lheo-exemple-bts.xml";

TEST(ImportLheo, TheRealFileGivesATrainingWithItsTradesAndPlainText) {
  TempDir tmp;
  const std::string db = tmp.file("region.db");
  const auto r = import_files(db, "lheo", {kRealLheo}, false, false, "2015-06-01");
  EXPECT_TRUE(r.problems.empty()) << r.problems[0].place << " " << r.problems[0].sentence;
  const auto t = feed_record(db, "training", "lheo-9436_18706");
  ASSERT_FALSE(t.is_null());
  EXPECT_EQ(t["title"], "BTS négociation et relation client");
  EXPECT_EQ(t["trade_codes"], nlohmann::json({"D1402", "D1403", "D1408"}));
  EXPECT_EQ(t["rncp"], "474");
  EXPECT_EQ(t["certifinfo"], "19004");
  EXPECT_EQ(t["organisation"], "Lycée Kerneuzec");  // raison-sociale "-" says nothing
  EXPECT_EQ(t["organisation_siret"], "19290076900014");
  EXPECT_EQ(t["exit_level"], "Bac + 2 (niveau 5)");
  EXPECT_FALSE(t["region_funded"].get<bool>());  // no funder in this file
  const std::string d = t["description"];
  EXPECT_EQ(d.find('<'), std::string::npos);
  EXPECT_EQ(d.find("&lt;"), std::string::npos);
  EXPECT_NE(d.find("Les objectifs :\n\nCe BTS forme"), std::string::npos) << d;
  EXPECT_NE(d.find("\n- Gestion de clientèles"), std::string::npos) << d;
  const auto s = feed_record(db, "training_session", "lheo-9436_18706-9436_18706");
  ASSERT_FALSE(s.is_null());
  EXPECT_EQ(s["start"], "2015-09-01");
  EXPECT_EQ(s["end"], "2017-08-31");
  EXPECT_EQ(s["commune"], "29233");  // by INSEE code (its postal code 29391 is a CEDEX)
  EXPECT_NEAR(s["lat"].get<double>(), 47.882108, 1e-6);
  EXPECT_NE(s["address"].get<std::string>().find("QUIMPERLÉ"), std::string::npos);
}

TEST(ImportLheo, SessionsAlreadyOverAreSkipped) {
  TempDir tmp;
  const std::string db = tmp.file("region.db");
  const auto r = import_files(db, "lheo", {kRealLheo});  // today: 2026
  EXPECT_EQ(r.by_type.at("training").added, 1);
  EXPECT_EQ(r.by_type.count("training_session"), 0u);
  EXPECT_EQ(r.notes.at("sessions déjà terminées, écartées"), 1);
}

std::string formation(const std::string& numero, const std::string& roms, const std::string& funder,
                      const std::string& debut, const std::string& fin,
                      const std::string& title = "Titre professionnel cuisinier") {
  return "<formation numero=\"" + numero + "\"><domaine-formation>" + roms +
         "</domaine-formation><intitule-formation>" + title +
         "</intitule-formation><objectif-formation>&lt;p&gt;Apprendre.&lt;/p&gt;</objectif-formation>"
         "<action numero=\"A" + numero + "\"><nombre-heures-total>560</nombre-heures-total>"
         "<lieu-de-formation><coordonnees><adresse><ligne>1 rue du Port</ligne>"
         "<codepostal>13500</codepostal><ville>Martigues</ville></adresse></coordonnees>"
         "</lieu-de-formation><organisme-financeur><code-financeur>" + funder +
         "</code-financeur><nb-places-financees>12</nb-places-financees></organisme-financeur>"
         "<session numero=\"S1\"><periode><debut>" + debut + "</debut><fin>" + fin +
         "</fin></periode><etat-recrutement>1</etat-recrutement></session></action></formation>\n";
}

std::string lheo(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lheo xmlns=\"http://www.lheo.org/2.2\">"
         "<offres>\n" + body + "</offres></lheo>\n";
}

TEST(ImportLheo, RegionFundingTradesAndTrainingsWithoutRome) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("prf.xml");
  write_text(file, lheo(formation("F1", "<code-ROME>G1602</code-ROME>", "2", "20270105", "20270630") +
                        formation("F2", "", "4", "20270105", "20270630") +
                        formation("F3", "<code-ROME>G1602</code-ROME>", "99", "20270105", "20270630")));
  const auto r = import_files(db, "lheo", {file});
  const auto f1 = feed_record(db, "training", "lheo-F1");
  EXPECT_TRUE(f1["region_funded"].get<bool>());
  EXPECT_EQ(f1["hours_total"], 560);
  EXPECT_EQ(f1["description"], "Apprendre.");
  EXPECT_FALSE(feed_record(db, "training", "lheo-F2")["region_funded"].get<bool>());
  EXPECT_TRUE(feed_record(db, "training", "lheo-F2")["trade_codes"].empty());  // kept, no job
  EXPECT_EQ(r.notes.at("formations sans code ROME (liées à aucun métier)"), 1);
  EXPECT_FALSE(problems_at(r, "formation F3").empty());  // 99 is not in dict-financeurs
  const auto s = feed_record(db, "training_session", "lheo-AF1-S1");
  EXPECT_EQ(s["commune"], "13056");  // by postal code
  EXPECT_EQ(s["seats"], 12);
  EXPECT_TRUE(s["registration_open"].get<bool>());
}

TEST(ImportLheo, BadDatesAndBrokenXmlAreReportedWithTheirLine) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("prf.xml");
  write_text(file, lheo(formation("F1", "<code-ROME>G1602</code-ROME>", "2", "20270105", "20270630") +
                        formation("F3", "", "2", "20270105", "20270630", "") +
                        formation("F2", "", "2", "20271345", "") +
                        formation("F5", "", "2", "20270105", "20270630") +
                        "<formation numero=\"F4\"><intitule-formation>Cassé</intitule-formaton>\n"));
  const auto r = import_files(db, "lheo", {file});
  EXPECT_FALSE(feed_record(db, "training", "lheo-F1").is_null());
  EXPECT_FALSE(feed_record(db, "training", "lheo-F2").is_null());  // kept, without its session
  EXPECT_TRUE(feed_record(db, "training_session", "lheo-AF2-S1").is_null());
  EXPECT_FALSE(problems_at(r, "prf.xml:5 (formation F2)").empty());
  EXPECT_FALSE(problems_at(r, "prf.xml:4 (formation F3)").empty());  // no title
  EXPECT_TRUE(feed_record(db, "training", "lheo-F3").is_null());
  bool xml_error = false;
  for (const auto& p : r.problems) xml_error |= p.sentence.find("XML mal formé") != std::string::npos;
  EXPECT_TRUE(xml_error);
  EXPECT_FALSE(problems_at(r, "prf.xml:7").empty());  // the broken element's line
}

TEST(ImportLheo, InvalidUtf8IsReplacedAndTheTrainingsAfterItStillRead) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), file = tmp.file("prf.xml");
  write_text(file, lheo(formation("F1", "", "2", "20270105", "20270630") +
                        formation("F2", "", "2", "20270105", "20270630", "Ma\xE7on") +
                        formation("F3", "", "2", "20270105", "20270630")));
  const auto r = import_files(db, "lheo", {file});
  EXPECT_EQ(feed_record(db, "training", "lheo-F2")["title"], "Ma\xEF\xBF\xBDon");
  EXPECT_FALSE(feed_record(db, "training", "lheo-F3").is_null());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].place, "prf.xml:4");
  // A file that says it is Latin-1 is read as such.
  write_text(file, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<lheo><offres>\n" +
                       formation("F9", "", "2", "20270105", "20270630", "Ma\xE7on") + "</offres></lheo>\n");
  const auto latin = import_files(db, "lheo", {file});
  EXPECT_TRUE(latin.problems.empty());
  EXPECT_EQ(feed_record(db, "training", "lheo-F9")["title"], "Maçon");
}

TEST(ImportLheo, AFileThatIsNotLheoReadsNothingAndFullDeletesNothing) {
  TempDir tmp;
  const std::string db = tmp.file("region.db"), good = tmp.file("prf.xml"), bad = tmp.file("autre.xml");
  write_text(good, lheo(formation("F1", "", "2", "20270105", "20270630")));
  import_files(db, "lheo", {good}, true);
  write_text(bad, "<?xml version=\"1.0\"?><catalogue><formation numero=\"X\"/></catalogue>");
  const auto r = import_files(db, "lheo", {bad}, true);
  EXPECT_TRUE(r.full_refused);
  EXPECT_FALSE(feed_record(db, "training", "lheo-F1").is_null());
  EXPECT_EQ(r.files_read, 0);
  write_text(bad, std::string("\x00\x01garbage", 9));
  const auto g = import_files(db, "lheo", {bad, tmp.file("missing.xml")});
  EXPECT_EQ(g.records_read(), 0);
  EXPECT_FALSE(problems_at(g, "missing.xml").empty());
}

}  // namespace
}  // namespace eric::test
