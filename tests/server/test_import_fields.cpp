// Field checks and plain words of the imports.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sync/server/import_fields.h"
#include "sync/server/record_json.h"

namespace eric::server {
namespace {

TEST(ImportWords, ContractsInTheTerminalsWords) {
  const ContractWords cdd = contract_words_ft("CDD", "Contrat à durée déterminée - 12 Mois", false);
  EXPECT_EQ(cdd.type, "CDD");
  EXPECT_EQ(cdd.months, 12);
  EXPECT_EQ(contract_words_ft("CDI", "Contrat à durée indéterminée", false).type, "CDI");
  EXPECT_EQ(contract_words_ft("CDI", "Contrat à durée indéterminée", false).months, 0);
  // Work-study is its own kind whatever its contract.
  EXPECT_EQ(contract_words_ft("CDD", "Contrat à durée déterminée - 24 Mois", true).type, "ALT");
  EXPECT_EQ(contract_words_ft("DDI", "CDD insertion - 4 Mois", false).type, "CDD");
  EXPECT_EQ(contract_words_ft("LIB", "Profession libérale", false).type, "Profession libérale");
  EXPECT_EQ(contract_words_ft("MIS", "Mission intérimaire - 15 Jour(s)", false).months, 0);
}

TEST(ImportWords, WorkingHours) {
  EXPECT_EQ(work_time_words("35H Horaires normaux", "Temps plein"), "35 h par semaine, horaires normaux");
  EXPECT_EQ(work_time_words("35H30 Travail samedi", ""), "35 h 30 par semaine, travail samedi");
  EXPECT_EQ(work_time_words("24H", "Temps partiel"), "24 h par semaine");
  EXPECT_EQ(work_time_words("", "Temps plein"), "temps plein");
}

TEST(ImportWords, Salaries) {
  EXPECT_EQ(salary_words("Horaire de 10.03 Euros"), "10,03 € de l'heure");
  EXPECT_EQ(salary_words("Mensuel de 850.00 Euros à 1217.00 Euros sur 12 mois"),
            "de 850 € à 1 217 € par mois");
  EXPECT_EQ(salary_words("Annuel de 25000.00 Euros sur 12 mois"), "25 000 € par an");
  EXPECT_EQ(salary_words("Selon profil"), "");
  EXPECT_EQ(euro_amount(1217.5), "1 217,50");
}

TEST(ImportText, HtmlBecomesPlainTextWithParagraphs) {
  EXPECT_EQ(html_to_text("<p>A la fois <b>vendeur</b> et manager.</p><p>Les débouchés :<br />"
                         "vente</p><ul><li>Gestion</li><li>Relation&nbsp;client &amp; prix</li></ul>"
                         "<p>Fin&#233;.</p>"),
            "A la fois vendeur et manager.\n\nLes débouchés :\nvente\n\n- Gestion\n- Relation "
            "client & prix\n\nFiné.");
  EXPECT_EQ(html_to_text("a < b, <script>alert(1)</script>c"), "a < b, c");
  EXPECT_EQ(html_to_text("cut <p"), "cut");
}

// Text that needs nothing is handed back by a quicker path: the edges of that path.
TEST(ImportText, CleanTextTakesNothingFromCleanTextAndStillCleansTheRest) {
  EXPECT_EQ(clean_text("Déjà vu à Saint-Étienne").text, "Déjà vu à Saint-Étienne");
  EXPECT_EQ(clean_text("un\ndeux\n\ntrois", true).text, "un\ndeux\n\ntrois");
  EXPECT_EQ(clean_text("un\ndeux").text, "un deux");
  EXPECT_EQ(clean_text("un \ndeux", true).text, "un\ndeux");
  EXPECT_EQ(clean_text("un\n deux", true).text, "un\ndeux");
  EXPECT_EQ(clean_text("un\n\n\ndeux", true).text, "un\n\ndeux");
  EXPECT_EQ(clean_text("\nun\n", true).text, "un");
  EXPECT_EQ(clean_text(" un deux ").text, "un deux");
  EXPECT_EQ(clean_text("un  deux").text, "un deux");
  // Eight bytes are checked at once: two spaces across the edge of such a word, and inside.
  EXPECT_EQ(clean_text("abcdefg  hijklmnop").text, "abcdefg hijklmnop");
  EXPECT_EQ(clean_text("abcdefgh ijk  mnopqrstu").text, "abcdefgh ijk mnopqrstu");
  EXPECT_EQ(clean_text("abcdefg\n hijklmnop", true).text, "abcdefg\nhijklmnop");
  EXPECT_EQ(clean_text("abcdefgh\x7Fijklmnop").text, "abcdefgh ijklmnop");
  EXPECT_EQ(clean_text("Vous accueillez la clientèle.\nVous tenez la caisse.", true).text,
            "Vous accueillez la clientèle.\nVous tenez la caisse.");
  const CleanText next_line = clean_text("un\xC2\x85" "deux");  // U+0085, a C1 control
  EXPECT_EQ(next_line.text, "un deux");
  EXPECT_TRUE(next_line.had_controls);
  // A C1 control split across two words (its 0xC2 ends one, its second byte starts the next),
  // and a word of accented letters whose UTF-8 is cut inside the text.
  EXPECT_EQ(clean_text("abcdefg\xC2\x85" "ijklmnop").text, "abcdefg ijklmnop");
  EXPECT_EQ(clean_text("déjà-vu\xC2\xA0ijklmnop").text, "déjà-vu\xC2\xA0ijklmnop");
  EXPECT_TRUE(clean_text("caféé\xC3" "abcdefgh").had_bad_utf8);
  const CleanText cut = clean_text("caf\xC3");
  EXPECT_EQ(cut.text, "caf\xEF\xBF\xBD");
  EXPECT_TRUE(cut.had_bad_utf8);
}

TEST(ImportText, InvalidUtf8AndControlsAreCleaned) {
  CleanText t = clean_text("a\xFF" "b\x07" "c  d\r\ne");
  EXPECT_EQ(t.text, "a\xEF\xBF\xBD" "b c d e");
  EXPECT_TRUE(t.had_bad_utf8);
  EXPECT_TRUE(t.had_controls);
  CleanText lines = clean_text("un\r\n\r\n\r\ndeux\ttrois", true);
  EXPECT_EQ(lines.text, "un\n\ndeux trois");
  EXPECT_FALSE(lines.had_controls);
  // An overlong form and a lone surrogate are not UTF-8.
  EXPECT_TRUE(clean_text("\xC0\xAF").had_bad_utf8);
  EXPECT_TRUE(clean_text("\xED\xA0\x80").had_bad_utf8);
  bool repaired = false;
  EXPECT_EQ(repair_utf8("é\xFE", repaired), "é\xEF\xBF\xBD");
  EXPECT_TRUE(repaired);
}

TEST(ImportChecks, OneCheckerPerKindOfField) {
  EXPECT_TRUE(is_siret("19290076900014"));
  EXPECT_FALSE(is_siret("1929007690001"));
  EXPECT_TRUE(is_insee_code("2A004"));
  EXPECT_FALSE(is_insee_code("1305"));
  EXPECT_TRUE(is_trade_code("M1607"));
  EXPECT_FALSE(is_trade_code("Z1607"));
  EXPECT_TRUE(is_in_france(43.40, 5.05));
  EXPECT_TRUE(is_in_france(-21.1, 55.5));     // La Réunion
  EXPECT_FALSE(is_in_france(40.71, -74.0));   // New York
  EXPECT_FALSE(is_in_france(0, 0));
  EXPECT_EQ(date_from_yyyymmdd("20150901").value_or(""), "2015-09-01");
  EXPECT_FALSE(date_from_yyyymmdd("20150231"));
  EXPECT_FALSE(date_from_yyyymmdd("00000000"));
  EXPECT_EQ(date_from_iso("2019-01-23T13:32:22+01:00").value_or(""), "2019-01-23");
  EXPECT_FALSE(date_from_iso("2019-13-23"));
  EXPECT_EQ(web_address("www.example.fr").value_or(""), "https://www.example.fr");
  EXPECT_FALSE(web_address("javascript:alert(1)"));
  EXPECT_TRUE(is_record_key("082SGKK"));
  EXPECT_FALSE(is_record_key("a b"));
}

}  // namespace
}  // namespace eric::server

namespace eric::server {
namespace {

TEST(RecordJson, SameRecordAsTheTreeWriterGives) {
  Job job;
  job.id = "ft-1";
  job.title = "Cuisinier \"chef\" \\ de partie\n\x01 été";
  job.lat = 43.40735;
  job.lon = 5.0;
  job.posts = 3;
  Training t;
  t.id = "lheo-1";
  t.trade_codes = {"G1602", "G1603"};
  t.region_funded = false;
  for (const Record& r : {Record(job), Record(t)}) {
    const auto written = nlohmann::json::parse(record_json_text(r));
    EXPECT_EQ(written, record_to_json(r));
    Record back;
    ASSERT_TRUE(record_from_json(record_type(r), written, back).ok);
    EXPECT_EQ(record_json_text(back), record_json_text(r));
  }
}

// The writer checks eight bytes at a time: an escape at any place of a word, or in the tail
// shorter than a word, is written as a tree writer would.
TEST(RecordJson, EscapesAtEveryPlaceOfAWord) {
  for (const char special : {'"', '\\', '\n', '\x1f', '\x01'}) {
    for (std::size_t length = 1; length <= 19; ++length) {
      for (std::size_t at = 0; at < length; ++at) {
        Commune c;
        c.insee = "13056";
        c.name = std::string(length, 'e');
        c.name[at] = special;
        c.name += "é";
        const auto written = nlohmann::json::parse(record_json_text(Record(c)));
        ASSERT_EQ(written.at("name"), c.name) << "length " << length << " at " << at;
      }
    }
  }
}

}  // namespace
}  // namespace eric::server

namespace eric::server {
namespace {

// Hostile text stays cheap: no search to the end of the text for each '&' or '<'.
TEST(ImportText, LongHostileTextIsReadInOnePass) {
  const std::string ampersands(2'000'000, '&');
  EXPECT_EQ(html_to_text(ampersands).size(), ampersands.size());
  std::string scripts;
  for (int i = 0; i < 100'000; ++i) scripts += "<script>x";
  EXPECT_EQ(html_to_text(scripts), "");
  EXPECT_EQ(clean_text(std::string(1'000'000, '\x01')).text, "");
}

}  // namespace
}  // namespace eric::server
