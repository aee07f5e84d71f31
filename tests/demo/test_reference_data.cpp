// Tests of the reference data loader against the real files and hand-broken copies of them.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "kiosk/demo/demo_catalog.h"
#include "kiosk/demo/reference_data.h"
#include "tests/support/status_assert.h"

namespace eric {
namespace {

namespace fs = std::filesystem;

// A copy of the real data folder in a temporary directory, that a test may break.
class DataCopy {
 public:
  DataCopy() {
    std::string pattern = (fs::temp_directory_path() / "eric-gen-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
    fs::copy(ERIC_TEST_DATA_DIR, path_, fs::copy_options::recursive);
    // The shared files are read-only: the copies must be writable to be broken.
    for (const auto& entry : fs::recursive_directory_iterator(path_))
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add);
  }
  ~DataCopy() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  DataCopy(const DataCopy&) = delete;
  DataCopy& operator=(const DataCopy&) = delete;
  std::string dir() const { return path_.string(); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream out(path_ / name, std::ios::binary | std::ios::trunc);
    out << text;
  }

 private:
  fs::path path_;
};

TEST(ReferenceData, LoadsTheRealFilesWithExpectedCounts) {
  ReferenceData data;
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(test::ok(load_reference_data(ERIC_TEST_DATA_DIR, data)));
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0);
  std::printf("[ info ] loading the reference data took %.1f ms\n", ms.count());
  EXPECT_EQ(data.communes.size(), 8518u);
  EXPECT_EQ(data.trades.size(), 532u);
  // SOURCES.md says 11,117 rows; the file holds 11,118 distinct ones (no trailing newline).
  EXPECT_EQ(data.job_titles.size(), 11118u);
  EXPECT_EQ(data.qualifications.size(), 153u);
  EXPECT_EQ(data.actions.size(), 222u);
  EXPECT_EQ(data.sessions.size(), 1141u);
  EXPECT_EQ(data.skipped_lines, 0);
}

TEST(ReferenceData, RecordsCarryTheirFields) {
  ReferenceData data;
  ASSERT_TRUE(test::ok(load_reference_data(ERIC_TEST_DATA_DIR, data)));
  const Commune* martigues = nullptr;
  for (const Commune& c : data.communes)
    if (c.insee == "13056") martigues = &c;
  ASSERT_NE(martigues, nullptr);
  EXPECT_EQ(martigues->name, "Martigues");
  EXPECT_EQ(martigues->postal_codes, (std::vector<std::string>{"13117", "13500"}));
  EXPECT_EQ(martigues->department, "13");
  EXPECT_EQ(martigues->region, "93");
  EXPECT_EQ(martigues->population, 48298);
  EXPECT_NEAR(martigues->lat, 43.40735, 1e-6);
  EXPECT_NEAR(martigues->lon, 5.05526, 1e-6);
  EXPECT_EQ(data.communes.front().name, "Ambérieu-en-Bugey");

  EXPECT_EQ(data.trades.front().code, "A1101");
  EXPECT_EQ(data.trades.front().label, "Conduite d'engins agricoles et forestiers");
  EXPECT_EQ(data.trades.back().label.find('\r'), std::string::npos);
  bool mason = false;
  for (const JobTitle& j : data.job_titles)
    if (j.trade_code == "F1703" && j.label == "Maçon / Maçonne") mason = true;
  EXPECT_TRUE(mason);

  EXPECT_EQ(data.qualifications.front().numero, 2120);
  EXPECT_EQ(data.qualifications.front().code_diplome, "85117");
  EXPECT_EQ(data.qualifications.front().trade_codes, (std::vector<std::string>{"A1202", "A1203"}));
  EXPECT_EQ(data.actions.front().numero, 1820);
  EXPECT_EQ(data.actions.front().code_diplome, "94611");  // a number in the JSON
  EXPECT_EQ(data.sessions.front().action_numero, 1820);
  EXPECT_EQ(data.sessions.front().start, "2019-09-09");
  EXPECT_EQ(data.sessions.front().end, "2020-07-07");
  EXPECT_EQ(data.sessions.front().commune_insee, "57155");
}

TEST(ReferenceData, MissingDirectoryIsAFrenchError) {
  ReferenceData data;
  const Status refused = load_reference_data("/nonexistent/eric-data", data);
  EXPECT_FALSE(refused.ok);
  const std::string& error = refused.message_fr;
  EXPECT_NE(error.find("introuvable"), std::string::npos) << error;
  EXPECT_TRUE(data.communes.empty());
}

TEST(ReferenceData, MissingFileNamesTheFile) {
  DataCopy copy;
  fs::remove(fs::path(copy.dir()) / "rome-fiches.csv");
  ReferenceData data;
  const Status refused = load_reference_data(copy.dir(), data);
  EXPECT_FALSE(refused.ok);
  const std::string& error = refused.message_fr;
  EXPECT_NE(error.find("rome-fiches.csv"), std::string::npos) << error;
  EXPECT_TRUE(data.communes.empty());  // nothing half-loaded
}

TEST(ReferenceData, WrongHeaderIsAnError) {
  DataCopy copy;
  copy.write("communes-fr.csv", "code;nom\n13056;Martigues\n");
  ReferenceData data;
  const Status refused = load_reference_data(copy.dir(), data);
  EXPECT_FALSE(refused.ok);
  const std::string& error = refused.message_fr;
  EXPECT_NE(error.find("communes-fr.csv"), std::string::npos) << error;
  EXPECT_NE(error.find("colonnes"), std::string::npos) << error;
}

TEST(ReferenceData, BrokenJsonIsAnError) {
  DataCopy copy;
  copy.write("prf-grand-est-2019/sessions.json", "[{\"actionNumero\": 1820,");
  ReferenceData data;
  const Status refused = load_reference_data(copy.dir(), data);
  EXPECT_FALSE(refused.ok);
  const std::string& error = refused.message_fr;
  EXPECT_NE(error.find("sessions.json"), std::string::npos) << error;
  EXPECT_NE(error.find("JSON"), std::string::npos) << error;
}

TEST(ReferenceData, FileWithoutUsableRowIsAnError) {
  DataCopy copy;
  copy.write("rome-fiches.csv", "code_rome;libelle_rome\nnot a code;x\n");
  ReferenceData data;
  const Status refused = load_reference_data(copy.dir(), data);
  EXPECT_FALSE(refused.ok);
  const std::string& error = refused.message_fr;
  EXPECT_NE(error.find("aucune ligne"), std::string::npos) << error;
}

TEST(ReferenceData, MalformedRowsAreSkippedAndCounted) {
  DataCopy copy;
  copy.write("communes-fr.csv",
             "insee,name,postal_codes,department,region,population,lat,lon\r\n"
             "13056,Martigues,13117 13500,13,93,48298,43.40735,5.05526\r\n"
             "13001,\"Aix-en-Provence, la ville\",13090 13100,13,93,143097,43.52645,5.44973\r\n"
             "13002,Allauch,13190,13,93,not-a-number,43.33,5.48\r\n"
             "13003,Alleins,13980,13\r\n"
             "\r\n");
  copy.write("prf-grand-est-2019/actions.json",
             "[{\"numero\": 1, \"codeDiplome\": 85117}, {\"numero\": \"x\"}, 3]");
  ReferenceData data;
  ASSERT_TRUE(test::ok(load_reference_data(copy.dir(), data)));
  ASSERT_EQ(data.communes.size(), 2u);
  EXPECT_EQ(data.communes[1].name, "Aix-en-Provence, la ville");
  EXPECT_EQ(data.communes[1].postal_codes.size(), 2u);
  EXPECT_EQ(data.actions.size(), 1u);
  EXPECT_EQ(data.skipped_lines, 4);
}

TEST(ReferenceData, DefaultDirectoryFollowsTheEnvironmentThenTheCheckout) {
  const char* saved = std::getenv("ERIC_DATA_DIR");
  const std::string saved_value = saved ? saved : "";
  setenv("ERIC_DATA_DIR", "/somewhere/else", 1);
  EXPECT_EQ(default_reference_dir(nullptr), "/somewhere/else");
  unsetenv("ERIC_DATA_DIR");
  const std::string dir = default_reference_dir("/usr/bin/eric-kiosk");
  EXPECT_TRUE(fs::exists(fs::path(dir) / "communes-fr.csv")) << dir;
  if (saved) setenv("ERIC_DATA_DIR", saved_value.c_str(), 1);
}

// The PRF's raw titles and levels, as the demo catalog shows them.
TEST(DemoTitles, PrfTitlesBecomePlainWords) {
  EXPECT_EQ(clean_prf_title("QUAL jardinier-ère paysagiste (CAPA) niveau V"),
            "Jardinier-ère paysagiste (CAPA)");
  EXPECT_EQ(clean_prf_title("QUAL Technicien-ne paysagiste  (BP) niveau IV"),
            "Technicien-ne paysagiste (BP)");
  EXPECT_EQ(clean_prf_title("QUAL Maçon-ne (TP) Niveau V"), "Maçon-ne (titre professionnel)");
  EXPECT_EQ(clean_prf_title("QUAL - Responsable commercial et marketing digital-niveau II"),
            "Responsable commercial et marketing digital");
  EXPECT_EQ(clean_prf_title("Qual Câbleur Raccordeur de fibre optique Réflectométrie et D3 - "
                            "Niveau V (DYMACOM)"),
            "Câbleur Raccordeur de fibre optique Réflectométrie et D3");
  EXPECT_EQ(clean_prf_title("QUAL Assistant(e) de Vie aux Familles (TP) niveau V ((ADMR 54)"),
            "Assistant(e) de Vie aux Familles (titre professionnel)");
  EXPECT_EQ(clean_prf_title("QUAL Usineur-euse Tourneur-euse (TP) niveaux V et IV"),
            "Usineur-euse Tourneur-euse (titre professionnel)");
  EXPECT_EQ(clean_prf_title("RAN pro dans les métiers du BTP"),
            "Remise à niveau dans les métiers du BTP");
  EXPECT_EQ(clean_prf_title("PROFPAE techniques en cuisine et HACCP en collectivité"),
            "Techniques en cuisine et HACCP en collectivité");
  EXPECT_EQ(clean_prf_title("QUAL dans les métiers de bouche pour titulaires d'un niveau V (CAP) "
                            "niveau V"),
            "Qualification dans les métiers de bouche pour titulaires d'un CAP ou BEP (CAP)");
  EXPECT_EQ(clean_prf_title("RAN pro Formations digitales avec un second niveau de qualification"),
            "Remise à niveau : formations digitales avec un second niveau de qualification");
}

TEST(DemoTitles, ExitLevelsInPlainWords) {
  EXPECT_EQ(plain_exit_level("Niveau V - Formations équivalentes aux CAP-BEP"), "CAP ou BEP (niveau 3)");
  EXPECT_EQ(plain_exit_level("Niveau IV - Formations équivalentes à Bac ou Bac+1"), "Bac (niveau 4)");
  EXPECT_EQ(plain_exit_level("Niveau III - Formations équivalentes à Bac+2"), "Bac + 2 (niveau 5)");
  EXPECT_EQ(plain_exit_level("Niveau II - Formations équivalentes à Bac+3 ou Bac+4"),
            "Bac + 3 ou bac + 4 (niveau 6)");
  EXPECT_EQ(plain_exit_level("Pas de niveau"), "Sans niveau de diplôme");
  EXPECT_EQ(plain_exit_level("autre chose"), "");
}

}  // namespace
}  // namespace eric
