// The job path's logic without a screen: paging, filters in the session, the query, usage
// counters, what the QR code carries.
#include <gtest/gtest.h>

#include "kiosk/app/session.h"
#include "kiosk/core/domain/usage.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/i18n.h"
#include "screens/jobs_support.h"
#include "tests/jobs/jobs_fixture.h"
#include "tests/support/status_assert.h"

namespace eric::jobs_test {
namespace {

class JobsLogic : public ::testing::Test {
 protected:
  void SetUp() override {
    db = sample_store(dir);
    ASSERT_TRUE(db);
    ASSERT_TRUE(test::ok(i18n.load_dir(std::string(ERIC_SOURCE_DIR) + "/assets/i18n")));
    site = *site_by_id(*db, "eric-martigues");
  }
  JobQuery masons(int radius = 30, jobs::Filters filters = {}) {
    jobs::What what;
    what.trade = "F1703";
    return jobs::build_query(what, filters, jobs::visitor_place(db.get(), session, site), radius,
                             kToday);
  }
  TempDir dir;
  std::unique_ptr<Database> db;
  I18n i18n;
  Session session;
  Site site;
};

TEST_F(JobsLogic, PagerLoadsOnePageThenMoreAsTheListScrolls) {
  jobs::JobPager pager;
  EXPECT_TRUE(pager.set_query(masons()));
  pager.need(*db, 0);
  ASSERT_TRUE(pager.loaded());
  EXPECT_EQ(pager.total(), kMasonJobs);
  EXPECT_EQ(pager.cards().size(), size_t{jobs::JobPager::kPageSize});
  EXPECT_EQ(pager.pages_loaded(), 1);
  EXPECT_EQ(pager.cards()[0].id, "m00");
  // Rows still inside the first page load nothing more.
  pager.need(*db, 19);
  EXPECT_EQ(pager.pages_loaded(), 1);
  // Past it: one more page, in order after the first.
  pager.need(*db, 24);
  EXPECT_EQ(pager.pages_loaded(), 2);
  ASSERT_EQ(pager.cards().size(), 40u);
  EXPECT_EQ(pager.cards()[20].id, "m20");
  pager.need(*db, 44);
  EXPECT_EQ(pager.cards().size(), size_t{kMasonJobs});
  EXPECT_TRUE(pager.complete());
  pager.need(*db, 60);  // nothing past the end
  EXPECT_EQ(pager.pages_loaded(), 3);
  for (size_t i = 1; i < pager.cards().size(); ++i)
    EXPECT_LE(pager.cards()[i - 1].distance_km, pager.cards()[i].distance_km);
}

TEST_F(JobsLogic, SameQueryKeepsThePagesAnotherStartsOver) {
  jobs::JobPager pager;
  pager.set_query(masons());
  pager.need(*db, 30);
  EXPECT_FALSE(pager.set_query(masons()));
  EXPECT_EQ(pager.cards().size(), 40u);
  jobs::Filters cdi;
  cdi.toggle("CDI");
  EXPECT_TRUE(pager.set_query(masons(30, cdi)));
  EXPECT_FALSE(pager.loaded());
  pager.need(*db, 0);
  EXPECT_EQ(pager.total(), 15);  // every third mason is a CDI
  for (const auto& c : pager.cards()) EXPECT_EQ(c.contract_type, "CDI");
  EXPECT_TRUE(pager.set_query(masons(5)));
}

TEST_F(JobsLogic, FiltersLiveInTheSessionAndAreWipedWithIt) {
  jobs::Filters f;
  f.toggle("MIS");
  f.toggle("CDI");
  f.funded_only = true;
  EXPECT_EQ(f.contracts, (std::vector<std::string>{"CDI", "MIS"}));  // chip order
  jobs::save_filters(session, f);
  EXPECT_EQ(jobs::load_filters(session), f);
  f.toggle("CDI");
  EXPECT_EQ(f.contracts, (std::vector<std::string>{"MIS"}));
  session.wipe();
  EXPECT_EQ(jobs::load_filters(session), jobs::Filters{});
}

TEST_F(JobsLogic, FundedOnlyKeepsOffersWithAFundedTraining) {
  jobs::JobPager pager;
  jobs::Filters funded;
  funded.funded_only = true;
  jobs::What cooks;
  cooks.family = 'G';
  // Cooks: their only training is not region-funded.
  pager.set_query(jobs::build_query(cooks, funded, jobs::visitor_place(db.get(), session, site),
                                    30, kToday));
  pager.need(*db, 0);
  EXPECT_EQ(pager.total(), 0);
  pager.set_query(masons(30, funded));
  pager.need(*db, 0);
  EXPECT_EQ(pager.total(), kMasonJobs);
  EXPECT_TRUE(pager.cards()[0].has_funded_training);
}

TEST_F(JobsLogic, ThePlaceIsTheSiteUntilACommuneIsChosen) {
  jobs::Place p = jobs::visitor_place(db.get(), session, site);
  EXPECT_TRUE(p.near_site);
  EXPECT_EQ(p.name, "Martigues");
  EXPECT_EQ(jobs::visitor_radius(session), jobs::kDefaultRadiusKm);
  EXPECT_EQ(jobs::place_line(i18n, p, 30), "Près de Martigues · 30 km autour");
  session.place_commune = "83118";
  session.radius_km = 10;
  p = jobs::visitor_place(db.get(), session, site);
  EXPECT_FALSE(p.near_site);
  EXPECT_EQ(p.name, "Saint-Raphaël");
  EXPECT_NEAR(p.lon, 6.7684, 1e-6);
  EXPECT_EQ(jobs::visitor_radius(session), 10);
  session.place_commune = "99999";  // not in the catalog: back to the site
  EXPECT_TRUE(jobs::visitor_place(db.get(), session, site).near_site);
}

TEST_F(JobsLogic, WiderRadiusClimbsTheLadder) {
  EXPECT_EQ(jobs::wider_radius(5), 10);
  EXPECT_EQ(jobs::wider_radius(30), 50);
  EXPECT_EQ(jobs::wider_radius(50), 100);
  EXPECT_EQ(jobs::wider_radius(100), 200);
  EXPECT_EQ(jobs::wider_radius(200), 0);
}

TEST_F(JobsLogic, WhatComesFromTheArgsAndGivesAnAnonymousUsageKey) {
  jobs::What w = jobs::parse_what({{"family", "F"}});
  EXPECT_EQ(w.family, 'F');
  EXPECT_EQ(jobs::usage_key(w), "family:F");
  EXPECT_EQ(jobs::what_title(i18n, w), "Bâtiment, travaux publics");
  w = jobs::parse_what({{"trade", "F1703"}, {"label", "Maçon / Maçonne"}});
  EXPECT_EQ(jobs::usage_key(w), "trade:F1703");
  EXPECT_EQ(jobs::what_family(w), 'F');
  EXPECT_EQ(jobs::what_title(i18n, w), "Maçon / Maçonne");
  w = jobs::parse_what({{"words", "Pâtissier  Côte-Bleue"}});
  EXPECT_EQ(jobs::usage_key(w), "words:patissier cote bleue");  // folded
  EXPECT_EQ(jobs::what_family(w), 0);
  EXPECT_EQ(jobs::parse_what({{"family", "Z"}}).family, 0);
}

TEST_F(JobsLogic, CountAndCardsInWords) {
  EXPECT_EQ(jobs::count_words(i18n, 23), "23 offres trouvées, les plus proches d'abord");
  EXPECT_EQ(jobs::count_words(i18n, 1), "1 offre trouvée");
  JobCard c;
  c.employer_name = "Restaurant Le Port";
  c.contract_type = "CDD";
  c.contract_duration_months = 6;
  c.work_time_label = "35 h par semaine";
  EXPECT_EQ(jobs::card_secondary(i18n, c), "Restaurant Le Port · CDD de 6 mois · 35 h par semaine");
  c.employer_name.clear();
  c.contract_type = "MIS";
  EXPECT_EQ(jobs::card_secondary(i18n, c), "Intérim · 35 h par semaine");
}

TEST_F(JobsLogic, UsageCountersAddUp) {
  EXPECT_TRUE(usage_add(*db, kToday, "jobs.search_no_result", "words:macon").ok);
  EXPECT_TRUE(usage_add(*db, kToday, "jobs.search_no_result", "words:macon").ok);
  EXPECT_TRUE(usage_add(*db, kToday, "jobs.search", "family:F", 3).ok);
  EXPECT_EQ(usage_get(*db, kToday, "jobs.search_no_result", "words:macon"), 2);
  EXPECT_EQ(usage_get(*db, kToday, "jobs.search", "family:F"), 3);
  EXPECT_EQ(usage_get(*db, "2026-11-24", "jobs.search", "family:F"), 0);
  EXPECT_EQ(usage_of_day(*db, kToday).size(), 2u);
  EXPECT_FALSE(usage_add(*db, "", "x", "y").ok);
  // A long key is cut, on a character boundary.
  std::string long_key;
  for (int i = 0; i < 60; ++i) long_key += "é";
  EXPECT_TRUE(usage_add(*db, kToday, "jobs.search", long_key).ok);
  for (const auto& u : usage_of_day(*db, kToday)) {
    if (u.key.rfind("é", 0) == 0) {
      EXPECT_EQ(u.key.size(), 80u);
    }
  }
}

TEST_F(JobsLogic, TakeawayCarriesTheUrlOrTheEssentials) {
  auto with_url = job_detail(*db, "m01", kToday);
  ASSERT_TRUE(with_url);
  EXPECT_EQ(jobs::job_takeaway_text(i18n, *with_url),
            "https://candidat.francetravail.fr/offres/recherche/detail/m01");
  auto plain = job_detail(*db, "g1", kToday);
  ASSERT_TRUE(plain);
  const std::string text = jobs::job_takeaway_text(i18n, *plain);
  EXPECT_EQ(text,
            "Cuisinier de collectivité\nRestaurant Le Port\nIstres\n"
            "CDD de 4 mois · 35 h par semaine\n1 900 € brut par mois\n"
            "Offre g1, vue sur une borne ERIC");
  auto training = training_detail(*db, "t1");
  ASSERT_TRUE(training);
  const auto sessions = sessions_of_training(*db, "t1", kMartiguesLat, kMartiguesLon, kToday);
  EXPECT_EQ(jobs::training_takeaway_text(i18n, *training, sessions),
            "CAP Maçon\nAFPA Istres\n800 heures\ndu 5 janvier au 30 juin 2027 · Martigues\n"
            "Financée par la Région\nFormation t1, vue sur une borne ERIC");
}

}  // namespace
}  // namespace eric::jobs_test
