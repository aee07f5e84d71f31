// Tests of catalog writes: round trips, updates, removes, full replace, rollback.
#include <gtest/gtest.h>

#include "kiosk/core/storage/schema.h"
#include "kiosk/core/storage/store.h"
#include "tests/support/test_util.h"

namespace eric {
namespace {

int64_t count(Database& db, const std::string& sql) {
  Statement s(db, sql);
  return s.step() ? s.col_int(0) : -1;
}

class CatalogWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    db = test::fresh_store(dir);
    ASSERT_TRUE(db);
    ASSERT_TRUE(replace_catalog(*db, test::sample_catalog(), "2025-06-01 08:00").ok);
  }
  test::TempDir dir;
  std::unique_ptr<Database> db;
};

TEST_F(CatalogWrite, CountsAndUpdateTime) {
  CatalogCounts c = catalog_counts(*db);
  EXPECT_EQ(c.communes, 8);
  EXPECT_EQ(c.trades, 6);
  EXPECT_EQ(c.job_titles, 7);
  EXPECT_EQ(c.employers, 2);
  EXPECT_EQ(c.jobs, 6);
  EXPECT_EQ(c.trainings, 3);
  EXPECT_EQ(c.training_sessions, 5);
  EXPECT_EQ(c.immersion_offers, 1);
  EXPECT_EQ(c.immersion_slots, 1);
  EXPECT_EQ(c.sites, 1);
  EXPECT_EQ(c.workshops, 1);
  EXPECT_EQ(c.updated_at, "2025-06-01 08:00");
  // Search rows: 7 titles + 6 trades + 3 trainings + 2 employers + 6 jobs.
  EXPECT_EQ(count(*db, "SELECT count(*) FROM search_fts"), 24);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM jobs_geo"), 6);
}

TEST_F(CatalogWrite, RecordsComeBackAsWritten) {
  const Catalog cat = test::sample_catalog();
  auto commune = commune_by_insee(*db, "13055");
  ASSERT_TRUE(commune);
  EXPECT_EQ(commune->name, "Marseille");
  EXPECT_EQ(commune->postal_codes, (std::vector<std::string>{"13001", "13002", "13008"}));
  EXPECT_EQ(commune->population, 870000);
  EXPECT_DOUBLE_EQ(commune->lat, 43.2965);

  auto site = site_by_id(*db, "eric-martigues");
  ASSERT_TRUE(site);
  EXPECT_EQ(site->name, "ERIC Cyber-base de Martigues");
  EXPECT_EQ(site->phone, "04 42 00 00 00");
  EXPECT_EQ(all_sites(*db).size(), 1u);
  EXPECT_FALSE(site_by_id(*db, "nowhere"));

  auto d = job_detail(*db, "j1", test::kToday);
  ASSERT_TRUE(d);
  const Job& want = cat.jobs[0];
  EXPECT_EQ(d->job.title, want.title);
  EXPECT_EQ(d->job.trade_code, want.trade_code);
  EXPECT_EQ(d->job.job_title_ogr, 11);
  EXPECT_EQ(d->job.contract_type, "CDI");
  EXPECT_EQ(d->job.work_time_label, want.work_time_label);
  EXPECT_EQ(d->job.expires_at, want.expires_at);
  EXPECT_EQ(d->job.posts, 1);
  EXPECT_EQ(d->commune_name, "Martigues");
  EXPECT_EQ(d->trade_label, "Maçonnerie");
  ASSERT_TRUE(d->employer);
  EXPECT_EQ(d->employer->name, "BTP Provence");
  EXPECT_TRUE(d->has_funded_training);
  EXPECT_FALSE(job_detail(*db, "nope"));

  auto t = training_detail(*db, "t1");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->training.title, "CAP Maçon");
  EXPECT_EQ(t->training.trade_codes, (std::vector<std::string>{"F1703", "F1701"}));
  EXPECT_EQ(t->training.hours_total, 800);
  EXPECT_TRUE(t->training.region_funded);
  ASSERT_EQ(t->trades.size(), 2u);
  EXPECT_EQ(t->trades[1].label, "Construction en béton");

  auto trade = trade_by_code(*db, "F1703");
  ASSERT_TRUE(trade);
  EXPECT_EQ(trade->description, "Construire des murs.");
}

TEST_F(CatalogWrite, UpsertUpdatesInPlaceAndKeepsIndexesInStep) {
  {
    CatalogWriter w(*db);
    Job j = test::make_job("j1", "Maçon coffreur", "F1701", "CDD", "13056", 43.5151, 4.9895);
    ASSERT_TRUE(w.upsert(j).ok);
    ASSERT_TRUE(w.upsert(JobTitle{11, "F1703", "Maçon bâtisseur / Maçonne bâtisseuse"}).ok);
    ASSERT_TRUE(w.upsert(j).ok);  // the same record twice in one delta
    ASSERT_TRUE(w.commit().ok);
  }
  EXPECT_EQ(catalog_counts(*db).jobs, 6);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM search_fts"), 24);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM jobs_geo"), 6);
  auto d = job_detail(*db, "j1");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->job.title, "Maçon coffreur");
  // The job moved to Istres: the R*Tree follows.
  JobQuery q;
  q.lat = 43.5151;
  q.lon = 4.9895;
  q.radius_km = 1;
  q.today = test::kToday;
  auto near = jobs_near(*db, q);
  ASSERT_EQ(near.size(), 2u);
  EXPECT_EQ(near[0].id, "j1");
  // The old title is gone from the search, the new one is there.
  for (const auto& s : suggest(*db, "macon", 20)) EXPECT_NE(s.label, "Maçon / Maçonne");
  auto s = suggest(*db, "coffreur", 5);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].id, "j1");
  EXPECT_EQ(s[0].trade_code, "F1701");
}

TEST_F(CatalogWrite, RemoveTakesRecordsOutOfEveryIndex) {
  {
    CatalogWriter w(*db);
    EXPECT_TRUE(w.remove("job", "j1").ok);
    EXPECT_TRUE(w.remove("job_title", "11").ok);
    EXPECT_TRUE(w.remove("training", "t1").ok);
    EXPECT_TRUE(w.remove("commune", "13055").ok);
    EXPECT_TRUE(w.remove("employer", "e1").ok);
    EXPECT_TRUE(w.remove("trade", "F1701").ok);
    EXPECT_TRUE(w.remove("training_session", "s4").ok);
    EXPECT_TRUE(w.remove("immersion_offer", "o1").ok);
    EXPECT_TRUE(w.remove("immersion_slot", "sl1").ok);
    EXPECT_TRUE(w.remove("workshop", "w1").ok);
    EXPECT_TRUE(w.remove("site", "eric-martigues").ok);
    EXPECT_TRUE(w.remove("job", "never-existed").ok);
    Status bad = w.remove("job_training", "x");
    EXPECT_FALSE(bad.ok);
    EXPECT_EQ(bad.code, "unknown_type");
    EXPECT_TRUE(w.ok());  // an unknown type does not spoil the transaction
    EXPECT_EQ(w.skipped(), 1);
    ASSERT_TRUE(w.commit().ok);
  }
  CatalogCounts c = catalog_counts(*db);
  EXPECT_EQ(c.jobs, 5);
  EXPECT_EQ(c.job_titles, 6);
  EXPECT_EQ(c.trainings, 2);
  EXPECT_EQ(c.communes, 7);
  EXPECT_EQ(c.employers, 1);
  EXPECT_EQ(c.trades, 5);
  EXPECT_EQ(c.training_sessions, 4);
  EXPECT_EQ(c.immersion_offers + c.immersion_slots + c.workshops + c.sites, 0);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM commune_postal_codes WHERE insee = '13055'"), 0);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM training_trades WHERE training_id = 't1'"), 0);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM search_fts"), 24 - 5);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM jobs_geo"), 5);
  EXPECT_TRUE(suggest(*db, "dupont", 5).empty());
  // t1 was the only funded training with a future session for F1703.
  EXPECT_FALSE(trade_has_funded_training(*db, "F1703", test::kToday));
}

// Every row of a query as one text, to compare two states of the indexes.
std::string dump_rows(Database& db, const std::string& sql) {
  Statement s(db, sql);
  std::string out;
  while (s.step()) {
    for (int c = 0; c < s.column_count(); ++c) out += s.col_text(c) + "|";
    out += "\n";
  }
  return out;
}

// A delta keeps the indexes incrementally (search rows at commit, trade counts by +/-): they
// must equal what a rebuild from the tables gives.
TEST_F(CatalogWrite, DeltaIndexesEqualARebuild) {
  {
    CatalogWriter w(*db);
    // A new offer in a trade that had none, one moved to another trade, one removed.
    ASSERT_TRUE(w.upsert(test::make_job("j9", "Plombier chauffagiste", "F1603", "CDI", "13056",
                                        43.40, 5.05)).ok);
    ASSERT_TRUE(w.upsert(test::make_job("j1", "Carreleur", "F1608", "CDD", "13056", 43.41,
                                        5.06)).ok);
    ASSERT_TRUE(w.remove("job", "j2").ok);
    ASSERT_TRUE(w.upsert(test::make_job("j9", "Plombier sanitaire", "F1603", "CDI", "13056",
                                        43.42, 5.07)).ok);  // twice in one delta
    // What most deltas are: the same place and words, another salary (the indexes are left
    // alone); new words in the same place; the same words in another place and contract.
    Catalog c = test::sample_catalog();
    Job salary = c.jobs[2];  // j3
    salary.salary_label = "2 100 € brut par mois";
    ASSERT_TRUE(w.upsert(salary).ok);
    Job words = c.jobs[3];  // j4
    words.title = "Conducteur routier longue distance";
    ASSERT_TRUE(w.upsert(words).ok);
    Job moved = c.jobs[4];  // j5
    moved.lat = 43.52;
    moved.lon = 5.45;
    moved.contract_type = "CDD";
    ASSERT_TRUE(w.upsert(moved).ok);
    ASSERT_TRUE(w.commit().ok);
  }
  EXPECT_EQ(job_detail(*db, "j3")->job.salary_label, "2 100 € brut par mois");
  const std::string stats_sql = "SELECT trade_code, job_count FROM trade_stats ORDER BY 1";
  const std::string search_sql =
      "SELECT rowid, title, extra, kind, ref, trade_code, label FROM search_fts ORDER BY rowid";
  const std::string geo_sql = "SELECT * FROM jobs_geo ORDER BY band, lon, job_rowid";
  const std::string stats = dump_rows(*db, stats_sql);
  const std::string search = dump_rows(*db, search_sql);
  const std::string geo = dump_rows(*db, geo_sql);
  EXPECT_NE(stats.find("F1603|1|"), std::string::npos);
  EXPECT_NE(search.find("plombier sanitaire"), std::string::npos);
  EXPECT_EQ(search.find("plombier chauffagiste"), std::string::npos);
  EXPECT_NE(search.find("conducteur routier longue distance"), std::string::npos);
  EXPECT_EQ(search.find("chauffeur poids lourd"), std::string::npos);
  EXPECT_NE(geo.find("|43.52|"), std::string::npos) << geo;
  Transaction tx(*db);
  ASSERT_TRUE(rebuild_search_and_geo(*db).ok);
  ASSERT_TRUE(recompute_trade_stats(*db).ok);
  EXPECT_EQ(dump_rows(*db, stats_sql), stats);
  EXPECT_EQ(dump_rows(*db, search_sql), search);
  EXPECT_EQ(dump_rows(*db, geo_sql), geo);
}

TEST_F(CatalogWrite, NothingIsVisibleWithoutCommit) {
  {
    CatalogWriter w(*db);
    ASSERT_TRUE(w.clear_all().ok);
    ASSERT_TRUE(w.upsert(test::make_job("x", "Plombier", "F1603", "CDI", "13056", 43.4, 5.0)).ok);
    // Another connection still sees the old catalog while the write is under way.
    Status st;
    auto reader = Database::open(dir.file("cache.db"), st);
    ASSERT_TRUE(reader);
    EXPECT_EQ(catalog_counts(*reader).jobs, 6);
  }  // no commit: rolled back
  EXPECT_EQ(catalog_counts(*db).jobs, 6);
  EXPECT_TRUE(job_detail(*db, "j1"));
  EXPECT_FALSE(job_detail(*db, "x"));
  EXPECT_FALSE(suggest(*db, "macon", 5).empty());
}

TEST_F(CatalogWrite, FullReplaceDropsTheOldCatalog) {
  Catalog small;
  small.trades = {{"A1101", "Conduite d'engins agricoles", ""}};
  small.jobs = {test::make_job("n1", "Tractoriste", "A1101", "SAI", "13056", 43.40, 5.05)};
  ASSERT_TRUE(replace_catalog(*db, small).ok);
  CatalogCounts c = catalog_counts(*db);
  EXPECT_EQ(c.jobs, 1);
  EXPECT_EQ(c.communes, 0);
  EXPECT_EQ(c.trainings, 0);
  EXPECT_FALSE(c.updated_at.empty());
  EXPECT_NE(c.updated_at, "2025-06-01 08:00");
  EXPECT_EQ(count(*db, "SELECT count(*) FROM search_fts"), 2);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM trade_funding"), 0);
  EXPECT_TRUE(suggest(*db, "macon", 5).empty());
  EXPECT_EQ(suggest(*db, "tracto", 5).size(), 1u);
  JobQuery q;
  q.lat = test::kMartiguesLat;
  q.lon = test::kMartiguesLon;
  EXPECT_EQ(count_jobs_near(*db, q), 1);
}

TEST_F(CatalogWrite, UnusableJobTitleIsSkipped) {
  CatalogWriter w(*db);
  EXPECT_TRUE(w.upsert(JobTitle{0, "F1703", "Sans code"}).ok);
  EXPECT_TRUE(w.upsert(JobTitle{-5, "F1703", "Code négatif"}).ok);
  EXPECT_EQ(w.skipped(), 2);
  EXPECT_EQ(w.written(), 0);
  ASSERT_TRUE(w.commit().ok);
  EXPECT_EQ(catalog_counts(*db).job_titles, 7);
}

TEST_F(CatalogWrite, LocalTablesSurviveAFullReplace) {
  ASSERT_TRUE(setting_set(*db, "site_id", "eric-martigues").ok);
  auto id = outbox_add(*db, "feedback", R"({"rating":3})", 100, 0);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(replace_catalog(*db, Catalog{}).ok);
  EXPECT_EQ(setting_get_or(*db, "site_id", ""), "eric-martigues");
  EXPECT_TRUE(outbox_get(*db, id.value));
}

}  // namespace
}  // namespace eric
