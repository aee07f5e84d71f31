// Tests of the commune picker and of search as you type.
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/storage/store.h"
#include "tests/support/test_util.h"

namespace eric {
namespace {

class Search : public ::testing::Test {
 protected:
  void SetUp() override {
    db = test::fresh_store(dir);
    ASSERT_TRUE(db);
    ASSERT_TRUE(replace_catalog(*db, test::sample_catalog()).ok);
  }
  std::vector<std::string> commune_names(std::string_view q, int limit = 10) {
    std::vector<std::string> out;
    for (const auto& h : find_communes(*db, q, limit)) out.push_back(h.name);
    return out;
  }
  bool suggests(std::string_view typed, std::string_view label) {
    auto s = suggest(*db, typed, 20);
    return std::any_of(s.begin(), s.end(), [&](const Suggestion& x) { return x.label == label; });
  }
  test::TempDir dir;
  std::unique_ptr<Database> db;
};

TEST_F(Search, CommuneByPostalCode) {
  auto hits = find_communes(*db, "13500", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].insee, "13056");
  EXPECT_EQ(hits[0].name, "Martigues");
  EXPECT_EQ(hits[0].postal_code, "13500");
  // A prefix: biggest first, a commune once even with several matching codes.
  EXPECT_EQ(commune_names("130"), (std::vector<std::string>{"Marseille", "Aix-en-Provence"}));
  auto marseille = find_communes(*db, "1300", 10);
  ASSERT_EQ(marseille.size(), 1u);
  EXPECT_EQ(marseille[0].postal_code, "13001");
  EXPECT_EQ(commune_names("13 8"), (std::vector<std::string>{"Istres"}));  // spaces ignored
  EXPECT_TRUE(commune_names("99999").empty());
}

TEST_F(Search, CommuneByNameForgivesAccentsCaseHyphensAndSaint) {
  EXPECT_EQ(commune_names("martigues"), (std::vector<std::string>{"Martigues"}));
  EXPECT_EQ(commune_names("MAR"), (std::vector<std::string>{"Marseille", "Martigues"}));
  EXPECT_EQ(commune_names("Saint Raphael"), (std::vector<std::string>{"Saint-Raphaël"}));
  EXPECT_EQ(commune_names("St-Raphaël"), (std::vector<std::string>{"Saint-Raphaël"}));
  EXPECT_EQ(commune_names("st raph"), (std::vector<std::string>{"Saint-Raphaël"}));
  EXPECT_EQ(commune_names("ste maxime"), (std::vector<std::string>{"Sainte-Maxime"}));
  EXPECT_EQ(commune_names("port de bouc"), (std::vector<std::string>{"Port-de-Bouc"}));
  EXPECT_EQ(commune_names("l’isle sur"), (std::vector<std::string>{"L'Isle-sur-la-Sorgue"}));
  // "saint" alone: Saint-Raphaël (35,000) before Sainte-Maxime (14,000).
  EXPECT_EQ(commune_names("saint"), (std::vector<std::string>{"Saint-Raphaël", "Sainte-Maxime"}));
  auto hit = find_communes(*db, "aix", 5);
  ASSERT_EQ(hit.size(), 1u);
  EXPECT_EQ(hit[0].postal_code, "13100");  // its main code (13090 comes first)
}

TEST_F(Search, CommuneByNameShowsItsMainPostalCode) {
  CatalogWriter w(*db);
  // Saint-Raphaël's codes: Agay's 83530 sorts first, the town's own is 83700.
  ASSERT_TRUE(w.upsert(Commune{"83118", "Saint-Raphaël", {"83530", "83700"}, "83", "93", 35000,
                               43.4253, 6.7684}).ok);
  // No code ending in "00": the first one.
  ASSERT_TRUE(w.upsert(Commune{"13204", "Trets", {"13538", "13530"}, "13", "93", 11000, 43.447,
                               5.683}).ok);
  ASSERT_TRUE(w.commit().ok);
  auto hit = find_communes(*db, "saint raphael", 5);
  ASSERT_EQ(hit.size(), 1u);
  EXPECT_EQ(hit[0].postal_code, "83700");
  hit = find_communes(*db, "raphael", 5);  // by a later word too
  ASSERT_EQ(hit.size(), 1u);
  EXPECT_EQ(hit[0].postal_code, "83700");
  hit = find_communes(*db, "trets", 5);
  ASSERT_EQ(hit.size(), 1u);
  EXPECT_EQ(hit[0].postal_code, "13530");
  // Typed digits show the code that matched them.
  hit = find_communes(*db, "83530", 5);
  ASSERT_EQ(hit.size(), 1u);
  EXPECT_EQ(hit[0].postal_code, "83530");
}

TEST_F(Search, CommuneByALaterWordOfItsName) {
  EXPECT_EQ(commune_names("raphael"), (std::vector<std::string>{"Saint-Raphaël"}));
  EXPECT_EQ(commune_names("sorgue"), (std::vector<std::string>{"L'Isle-sur-la-Sorgue"}));
  // Prefix matches come before later-word matches, and a commune appears once.
  EXPECT_EQ(commune_names("bouc"), (std::vector<std::string>{"Port-de-Bouc"}));
}

TEST_F(Search, CommuneEdgeCases) {
  EXPECT_TRUE(commune_names("").empty());
  EXPECT_TRUE(commune_names("  - ").empty());
  EXPECT_TRUE(commune_names("zzz").empty());
  EXPECT_EQ(commune_names("m", 1).size(), 1u);
  EXPECT_TRUE(commune_names("m", 0).empty());
  EXPECT_TRUE(commune_names("%").empty());
  EXPECT_TRUE(commune_names("'; DROP TABLE communes; --").empty());
  EXPECT_EQ(catalog_counts(*db).communes, 8);
}

TEST_F(Search, SuggestFindsJobTitlesTradesJobsTrainingsEmployers) {
  auto s = suggest(*db, "macon", 10);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].kind, "job_title");
  EXPECT_EQ(s[0].label, "Maçon / Maçonne");
  EXPECT_EQ(s[0].trade_code, "F1703");
  EXPECT_EQ(s[0].id, "11");
  EXPECT_TRUE(suggests("macon", "Maçonnerie"));
  EXPECT_TRUE(suggests("macon", "Aide-maçon / Aide-maçonne"));
  EXPECT_TRUE(suggests("macon", "Maçon VRD"));
  EXPECT_TRUE(suggests("macon", "CAP Maçon"));
  EXPECT_TRUE(suggests("cuisi", "Cuisinier / Cuisinière"));
  EXPECT_TRUE(suggests("cuisi", "Commis de cuisine"));
  EXPECT_TRUE(suggests("aide soignant", "Aide-soignant / Aide-soignante"));
  EXPECT_TRUE(suggests("Aide-Soign", "Aide-soignant / Aide-soignante"));
  EXPECT_TRUE(suggests("dupont", "Boulangerie Dupont"));
  EXPECT_TRUE(suggests("f1703", "Maçonnerie") == false);  // codes only in the extra column
}

TEST_F(Search, SuggestNeedsEveryWord) {
  EXPECT_FALSE(suggests("aide cuisinier", "Cuisinier / Cuisinière"));
  EXPECT_FALSE(suggests("aide cuisinier", "Aide-soignant / Aide-soignante"));
  // Only the last word is a prefix.
  EXPECT_FALSE(suggests("aid soignant", "Aide-soignant / Aide-soignante"));
}

TEST_F(Search, SuggestRanksStartsWithFirstAndShowsALabelOnce) {
  auto s = suggest(*db, "macon", 10);
  // Labels starting with "macon" before "Aide-maçon" and "CAP Maçon".
  auto pos = [&](std::string_view label) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i].label == label) return static_cast<int>(i);
    }
    return -1;
  };
  EXPECT_LT(pos("Maçon / Maçonne"), pos("Aide-maçon / Aide-maçonne"));
  EXPECT_LT(pos("Maçonnerie"), pos("CAP Maçon"));
  EXPECT_LT(pos("Maçon VRD"), pos("Aide-maçon / Aide-maçonne"));
  // Two offers with the same title are suggested once.
  CatalogWriter w(*db);
  ASSERT_TRUE(w.upsert(test::make_job("j7", "Maçon VRD", "F1703", "CDI", "13056", 43.4, 5.0)).ok);
  ASSERT_TRUE(w.commit().ok);
  auto again = suggest(*db, "macon vrd", 10);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].kind, "job");
}

TEST_F(Search, SuggestReadsLaterKindsOnlyWhenTheListNeedsThem) {
  // 30 more job titles starting with "maçon" (after "Maçon / Maçonne" and "Aide-maçon").
  CatalogWriter w(*db);
  for (int k = 1; k <= 30; ++k) {
    ASSERT_TRUE(w.upsert(JobTitle{1000 + k, "F1703", "Maçon spécialité " + std::to_string(k)}).ok);
  }
  ASSERT_TRUE(w.commit().ok);
  // Through the prefix index ("ma") and through one pass over the matches ("macon").
  for (const char* typed : {"ma", "macon"}) {
    SCOPED_TRACE(typed);
    auto few = suggest(*db, typed, 5);
    ASSERT_EQ(few.size(), 5u);
    EXPECT_EQ(few[0].label, "Maçon / Maçonne");  // the shortest first
    for (const auto& x : few) EXPECT_EQ(x.kind, "job_title") << x.label;
    // More than the job titles starting with the text: the trade "Maçonnerie" comes next,
    // then the labels where a later word starts with it.
    auto many = suggest(*db, typed, 40);
    ASSERT_GE(many.size(), 33u);
    for (size_t i = 0; i < 31; ++i) EXPECT_EQ(many[i].kind, "job_title") << many[i].label;
    EXPECT_EQ(many[31].label, "Maçonnerie");
    EXPECT_EQ(many[31].kind, "trade");
    EXPECT_TRUE(std::any_of(many.begin() + 32, many.end(), [](const Suggestion& x) {
      return x.label == "Aide-maçon / Aide-maçonne";
    }));
  }
}

TEST_F(Search, SuggestLimitAndNonsense) {
  EXPECT_EQ(suggest(*db, "a", 3).size(), 3u);
  EXPECT_TRUE(suggest(*db, "", 10).empty());
  EXPECT_TRUE(suggest(*db, " ' - ", 10).empty());
  EXPECT_TRUE(suggest(*db, "macon", 0).empty());
  EXPECT_TRUE(suggest(*db, "xyzzy", 10).empty());
  // FTS5 operators typed by a visitor are plain words, not syntax.
  EXPECT_TRUE(suggest(*db, "macon OR NOT \"cuisine\" NEAR(", 10).empty());
  EXPECT_TRUE(suggests("MACON*", "Maçon / Maçonne"));
  EXPECT_TRUE(db->last_status().ok) << db->last_status().message_fr;
}

}  // namespace
}  // namespace eric
