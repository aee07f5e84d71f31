// Tests of offers near a place, their filters, and the funded-training rule.
#include <gtest/gtest.h>

#include <cmath>

#include "kiosk/core/storage/store.h"
#include "tests/support/test_util.h"

namespace eric {
namespace {

class Jobs : public ::testing::Test {
 protected:
  void SetUp() override {
    db = test::fresh_store(dir);
    ASSERT_TRUE(db);
    ASSERT_TRUE(replace_catalog(*db, test::sample_catalog()).ok);
  }
  JobQuery around_martigues(double radius_km) {
    JobQuery q;
    q.lat = test::kMartiguesLat;
    q.lon = test::kMartiguesLon;
    q.radius_km = radius_km;
    q.today = test::kToday;
    return q;
  }
  std::vector<std::string> ids(const JobQuery& q) {
    std::vector<std::string> out;
    for (const auto& c : jobs_near(*db, q)) out.push_back(c.id);
    return out;
  }
  test::TempDir dir;
  std::unique_ptr<Database> db;
};

using Ids = std::vector<std::string>;

TEST_F(Jobs, NearestFirstWithinTheRadius) {
  // j1 0 km, j6 4.8 km, j2 13 km, j3 28.7 km, j4 140 km; j5 (1.2 km) has expired.
  EXPECT_EQ(ids(around_martigues(30)), (Ids{"j1", "j6", "j2", "j3"}));
  EXPECT_EQ(ids(around_martigues(10)), (Ids{"j1", "j6"}));
  EXPECT_EQ(ids(around_martigues(28)), (Ids{"j1", "j6", "j2"}));
  EXPECT_EQ(ids(around_martigues(200)), (Ids{"j1", "j6", "j2", "j3", "j4"}));
  EXPECT_EQ(count_jobs_near(*db, around_martigues(30)), 4);
  EXPECT_EQ(count_jobs_near(*db, around_martigues(0.5)), 1);
}

TEST_F(Jobs, CardsCarryWhatTheListShows) {
  auto cards = jobs_near(*db, around_martigues(30));
  ASSERT_EQ(cards.size(), 4u);
  const JobCard& j1 = cards[0];
  EXPECT_EQ(j1.title, "Maçon (H/F)");
  EXPECT_EQ(j1.employer_name, "BTP Provence");  // from the employer record
  EXPECT_EQ(j1.commune_name, "Martigues");
  EXPECT_NEAR(j1.distance_km, 0, 0.01);
  EXPECT_EQ(j1.contract_type, "CDI");
  EXPECT_EQ(j1.work_time_label, "35 h par semaine");
  const JobCard& j2 = cards[2];
  EXPECT_EQ(j2.employer_name, "Restaurant Le Port");  // the offer's own name
  EXPECT_EQ(j2.commune_name, "Istres");
  EXPECT_EQ(j2.contract_duration_months, 6);
  EXPECT_NEAR(j2.distance_km, 13.2, 0.5);
  EXPECT_NEAR(cards[3].distance_km, 28.7, 0.3);
  EXPECT_EQ(cards[3].employer_name, "");
}

TEST_F(Jobs, ExpiredOffersShowWithoutADate) {
  JobQuery q = around_martigues(10);
  q.today.clear();
  EXPECT_EQ(ids(q), (Ids{"j1", "j5", "j6"}));
  q.today = "2025-04-30";
  EXPECT_EQ(ids(q), (Ids{"j1", "j5", "j6"}));
  q.today = "2025-05-01";  // the last day is still open
  EXPECT_EQ(ids(q), (Ids{"j1", "j5", "j6"}));
}

TEST_F(Jobs, FiltersByTradeFamilyContractAndWords) {
  JobQuery q = around_martigues(200);
  q.trade_codes = {"F1703", "G1602"};
  EXPECT_EQ(ids(q), (Ids{"j1", "j6", "j2"}));
  q.trade_codes = {"F1703"};
  q.contract_types = {"CDD"};
  EXPECT_EQ(ids(q), (Ids{"j6"}));

  q = around_martigues(200);
  q.family = 'J';
  EXPECT_EQ(ids(q), (Ids{"j3"}));
  q.family = 'F';
  EXPECT_EQ(ids(q), (Ids{"j1", "j6"}));

  q = around_martigues(200);
  q.contract_types = {"MIS", "CDD"};
  EXPECT_EQ(ids(q), (Ids{"j6", "j2", "j4"}));

  q = around_martigues(200);
  q.words = "macon";
  EXPECT_EQ(ids(q), (Ids{"j1", "j6"}));
  q.words = "Maçon V";
  EXPECT_EQ(ids(q), (Ids{"j6"}));
  q.words = "restaurant";  // an employer name given by the offer
  EXPECT_EQ(ids(q), (Ids{"j2"}));
  q.words = "btp provence";  // an employer name from the employer record
  EXPECT_EQ(ids(q), (Ids{"j1"}));
  q.words = "plombier";
  EXPECT_TRUE(ids(q).empty());
  q.words = " - ";
  EXPECT_TRUE(ids(q).empty());
  EXPECT_EQ(count_jobs_near(*db, q), 0);
}

TEST_F(Jobs, PagesFollowTheSameOrder) {
  JobQuery q = around_martigues(200);
  q.limit = 2;
  JobPage p1 = jobs_page(*db, q);
  EXPECT_EQ(p1.total, 5);
  ASSERT_EQ(p1.cards.size(), 2u);
  EXPECT_EQ(p1.cards[0].id, "j1");
  EXPECT_EQ(p1.cards[1].id, "j6");
  q.offset = 2;
  JobPage p2 = jobs_page(*db, q);
  ASSERT_EQ(p2.cards.size(), 2u);
  EXPECT_EQ(p2.cards[0].id, "j2");
  EXPECT_EQ(p2.cards[1].id, "j3");
  q.offset = 4;
  EXPECT_EQ(ids(q), (Ids{"j4"}));
  q.offset = 10;
  EXPECT_TRUE(ids(q).empty());
  q.offset = -3;  // nonsense from a caller: read as the first page
  q.limit = 1;
  EXPECT_EQ(ids(q), (Ids{"j1"}));
}

TEST_F(Jobs, NonsenseQueriesFindNothing) {
  JobQuery q = around_martigues(30);
  q.lat = std::nan("");
  EXPECT_TRUE(ids(q).empty());
  q = around_martigues(-5);
  EXPECT_TRUE(ids(q).empty());
  q = around_martigues(30);
  q.lat = 1e300;
  EXPECT_TRUE(ids(q).empty());
  q = around_martigues(30);
  q.limit = 0;
  EXPECT_TRUE(ids(q).empty());
  EXPECT_EQ(jobs_page(*db, q).total, 4);
  // The whole Earth: every offer that has not expired.
  EXPECT_EQ(count_jobs_near(*db, around_martigues(30000)), 5);
  EXPECT_TRUE(db->last_status().ok);
}

TEST_F(Jobs, FundedTrainingFollowsTheTraitDUnionRule) {
  // F1703: CAP Maçon is region-funded with sessions after today.
  // G1602: the cooking course has a future session but is not region-funded.
  // J1501: the care course is region-funded but its only session is past.
  EXPECT_TRUE(trade_has_funded_training(*db, "F1703", test::kToday));
  EXPECT_TRUE(trade_has_funded_training(*db, "F1701", test::kToday));  // second trade of t1
  EXPECT_FALSE(trade_has_funded_training(*db, "G1602", test::kToday));
  EXPECT_FALSE(trade_has_funded_training(*db, "J1501", test::kToday));
  EXPECT_TRUE(trade_has_funded_training(*db, "J1501", "2024-12-01"));
  EXPECT_FALSE(trade_has_funded_training(*db, "F1703", "2025-10-02"));  // after the last start

  auto cards = jobs_near(*db, around_martigues(30));
  for (const auto& c : cards) EXPECT_EQ(c.has_funded_training, c.trade_code == "F1703") << c.id;
  JobQuery q = around_martigues(200);
  q.only_with_funded_training = true;
  EXPECT_EQ(ids(q), (Ids{"j1", "j6"}));
  q.today = "2024-12-01";
  EXPECT_EQ(ids(q), (Ids{"j1", "j6", "j3"}));
}

TEST_F(Jobs, FundedSessionsNearestFirstFutureOnly) {
  // From Istres: s3 in Istres (0 km), then s1 in Marseille; s2 is past.
  auto s = funded_sessions_for_trade(*db, "F1703", 43.5151, 4.9895, test::kToday, 0, 3);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].session.id, "s3");
  EXPECT_EQ(s[0].training_title, "CAP Maçon");
  EXPECT_EQ(s[0].organisation, "AFPA Marseille");
  EXPECT_EQ(s[0].commune_name, "Istres");
  EXPECT_EQ(s[0].hours_total, 800);
  EXPECT_NEAR(s[0].distance_km, 0, 0.01);
  EXPECT_EQ(s[1].session.id, "s1");
  EXPECT_EQ(s[1].session.start, "2025-09-01");
  // From Marseille the order turns round.
  s = funded_sessions_for_trade(*db, "F1703", 43.2965, 5.3698, test::kToday, 0, 3);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].session.id, "s1");
  EXPECT_EQ(funded_sessions_for_trade(*db, "F1703", 43.2965, 5.3698, test::kToday, 1, 3).size(), 1u);
  EXPECT_TRUE(funded_sessions_for_trade(*db, "G1602", 43.4, 5.0, test::kToday, 0, 3).empty());
  EXPECT_TRUE(funded_sessions_for_trade(*db, "J1501", 43.4, 5.0, test::kToday, 0, 3).empty());
  // All sessions of a training, funded or not.
  auto t2 = sessions_of_training(*db, "t2", 43.4, 5.0, test::kToday);
  ASSERT_EQ(t2.size(), 1u);
  EXPECT_EQ(t2[0].session.id, "s4");
}

TEST_F(Jobs, FundingFollowsCatalogDeltas) {
  {
    CatalogWriter w(*db);
    Training t2;
    t2.id = "t2";
    t2.title = "Titre professionnel Cuisinier";
    t2.trade_codes = {"G1602"};
    t2.region_funded = true;  // the region now funds it
    ASSERT_TRUE(w.upsert(t2).ok);
    ASSERT_TRUE(w.remove("training_session", "s1").ok);
    ASSERT_TRUE(w.remove("training_session", "s3").ok);
    ASSERT_TRUE(w.commit().ok);
  }
  EXPECT_TRUE(trade_has_funded_training(*db, "G1602", test::kToday));
  EXPECT_FALSE(trade_has_funded_training(*db, "F1703", test::kToday));
  auto d = job_detail(*db, "j2", test::kToday);
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->has_funded_training);
}

TEST_F(Jobs, TradesByFamily) {
  auto families = trade_families();
  ASSERT_EQ(families.size(), 14u);
  EXPECT_EQ(families[0].letter, 'A');
  EXPECT_EQ(families[5].label, "Bâtiment, travaux publics");
  EXPECT_EQ(families[13].letter, 'N');
  auto f = trades_of_family(*db, 'F');
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].trade.label, "Construction en béton");  // by folded label
  EXPECT_EQ(f[0].job_count, 0);
  EXPECT_EQ(f[1].trade.code, "F1703");
  EXPECT_EQ(f[1].job_count, 2);
  EXPECT_TRUE(trades_of_family(*db, 'B').empty());
}

}  // namespace
}  // namespace eric
