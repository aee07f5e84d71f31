// Never a crash on any input: valid files of each kind, broken at random (bytes changed, cut,
// inserted), imported together; the import ends with a report and the feed stays readable.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "tests/server/import_test_util.h"

namespace eric::test {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string mutate(std::string text, std::mt19937& rng) {
  std::uniform_int_distribution<int> byte(0, 255), kind(0, 3);
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits && !text.empty(); ++e) {
    const std::size_t at = rng() % text.size();
    switch (kind(rng)) {
      case 0: text[at] = static_cast<char>(byte(rng)); break;
      case 1: text.resize(at); break;
      case 2: text.insert(at, std::string(1 + rng() % 4, static_cast<char>(byte(rng)))); break;
      default: text.erase(at, 1 + rng() % 16); break;
    }
  }
  return text;
}

void import_mutations(const std::string& kind, const std::string& sample, const char* ext) {
  TempDir tmp;
  const std::string db = tmp.file("region.db");
  std::mt19937 rng(1234);
  std::vector<std::string> files;
  for (int i = 0; i < 40; ++i) {
    files.push_back(tmp.file("m" + std::to_string(i) + ext));
    write_text(files.back(), mutate(sample, rng));
  }
  const auto report = import_files(db, kind, files);
  EXPECT_FALSE(report.problems.empty());
  for (const auto& p : report.problems) EXPECT_FALSE(p.sentence.empty()) << p.place;
  EXPECT_GE(feed_cursor(db), 0);
}

TEST(ImportMutations, FranceTravailOffers) {
  std::string sample;
  for (int i = 0; i < 20; ++i) {
    sample += "{\"id\":\"M" + std::to_string(i) + "\"," +
              R"J("intitule":"Agent d'entretien (H/F)","lieuTravail":)J"
              R"J({"commune":"13056","latitude":43.4,"longitude":5.05},"typeContrat":"CDD",)J"
              R"J("typeContratLibelle":"Contrat à durée déterminée - 6 Mois","salaire":{"libelle":)J"
              R"J("Horaire de 11.65 Euros"},"entreprise":{"nom":"Propre","siret":"12345678900011"}})J" "\n";
  }
  import_mutations("ft-offers", sample, ".jsonl");
  import_mutations("ft-offers", "{\"resultats\": [" + sample.substr(0, sample.find('\n')) + "]}", ".json");
}

TEST(ImportMutations, LheoTrainings) {
  import_mutations("lheo", read_text(std::string(ERIC_SHARED_DATA_DIR) + "/lheo-exemple-bts.xml"), ".xml");
}

TEST(ImportMutations, ImmersionAndRome) {
  import_mutations("immersion",
                   R"J([{"siret":"12345678900011","name":"Boulangerie","rome":"D1102","appellations":)J"
                   R"J([{"appellationCode":"11573"}],"position":{"lat":43.4,"lon":5.05},"address":)J"
                   R"J({"postcode":"13500","city":"Martigues"},"contactMode":"EMAIL"}])J", ".json");
  import_mutations("rome", "code_rome;libelle_rome\nA1101;Conduite d'engins\nM1607;\"Secrétariat\"\n", ".csv");
}

}  // namespace
}  // namespace eric::test
