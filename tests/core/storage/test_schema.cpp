// Tests of the schema migrations: a fresh file, an older file, a file from a newer program.
#include <gtest/gtest.h>

#include "kiosk/core/storage/schema.h"
#include "kiosk/core/storage/store.h"
#include "tests/support/test_util.h"

namespace eric {
namespace {

bool table_exists(Database& db, const std::string& name) {
  Statement s(db, "SELECT 1 FROM sqlite_schema WHERE name = ?1");
  s.bind(1, name);
  return s.step();
}

TEST(Schema, FreshFileGetsTheLatestVersion) {
  test::TempDir dir;
  auto db = test::fresh_store(dir);
  ASSERT_TRUE(db);
  EXPECT_EQ(schema_version(*db), latest_schema_version());
  EXPECT_EQ(latest_schema_version(), 5);
  for (const char* t :
       {"communes", "commune_postal_codes", "trades", "job_titles", "employers", "jobs",
        "trainings", "training_trades", "training_sessions", "immersion_offers",
        "immersion_slots", "sites", "workshops", "outbox", "settings", "pins", "sync_state",
        "search_fts", "jobs_geo", "trade_funding", "help_tickets", "workshop_registrations",
        "desk_actions", "usage_counters", "rejected_records"}) {
    EXPECT_TRUE(table_exists(*db, t)) << t;
  }
}

TEST(Schema, MigratingTwiceChangesNothing) {
  test::TempDir dir;
  auto db = test::fresh_store(dir);
  ASSERT_TRUE(db);
  EXPECT_TRUE(migrate(*db).ok);
  EXPECT_EQ(schema_version(*db), latest_schema_version());
}

TEST(Schema, VersionOneFileIsMigratedWithItsData) {
  test::TempDir dir;
  const std::string path = dir.file("old.db");
  {
    Status st;
    auto db = Database::open(path, st);
    ASSERT_TRUE(db);
    ASSERT_TRUE(migrate(*db, 1).ok);
    EXPECT_EQ(schema_version(*db), 1);
    EXPECT_FALSE(table_exists(*db, "search_fts"));
    // What a version-1 terminal held: a catalog and a pending request.
    ASSERT_TRUE(db->exec(
                      "INSERT INTO trades(code, label, label_folded) VALUES('F1703', 'Maçonnerie', 'maconnerie');"
                      "INSERT INTO job_titles VALUES(11, 'F1703', 'Maçon / Maçonne');"
                      "INSERT INTO jobs(id, source, title, trade_code, lat, lon) "
                      "VALUES('j1', 'demo', 'Maçon (H/F)', 'F1703', 43.4045, 5.0477);"
                      "INSERT INTO trainings(id, title, region_funded) VALUES('t1', 'CAP Maçon', 1);"
                      "INSERT INTO training_trades VALUES('t1', 'F1703', 0);"
                      "INSERT INTO training_sessions(id, training_id, start) VALUES('s1', 't1', '2030-01-01');"
                      "INSERT INTO outbox(id, type, payload, created_at) VALUES('u1', 'feedback', '{}', 5);")
                    .ok);
  }
  Status st;
  auto db = open_store(path, st);
  ASSERT_TRUE(db) << st.message_fr;
  EXPECT_EQ(schema_version(*db), latest_schema_version());
  EXPECT_TRUE(table_exists(*db, "help_tickets"));
  // The new indexes were built from the old rows.
  auto s = suggest(*db, "macon", 10);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].label, "Maçon / Maçonne");
  JobQuery q;
  q.lat = 43.4;
  q.lon = 5.05;
  q.radius_km = 5;
  q.today = "2025-01-01";
  auto jobs = jobs_near(*db, q);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].id, "j1");
  EXPECT_TRUE(jobs[0].has_funded_training);
  // The local data survived.
  auto item = outbox_get(*db, "u1");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->type, "feedback");
}

TEST(Schema, VersionThreeSearchIndexGetsItsThreeLetterPrefixes) {
  test::TempDir dir;
  const std::string path = dir.file("v3.db");
  {
    Status st;
    auto db = Database::open(path, st);
    ASSERT_TRUE(db);
    ASSERT_TRUE(migrate(*db, 3).ok);
    ASSERT_TRUE(replace_catalog(*db, test::sample_catalog()).ok);
    // What version 3 created, holding that catalog.
    ASSERT_TRUE(db->exec("DROP TABLE search_fts; CREATE VIRTUAL TABLE search_fts USING fts5("
                         "title, extra, kind UNINDEXED, ref UNINDEXED, trade_code UNINDEXED, "
                         "label UNINDEXED, tokenize='unicode61 remove_diacritics 2', "
                         "prefix='1 2', detail=column, columnsize=0);")
                    .ok);
    ASSERT_TRUE(rebuild_search_and_geo(*db).ok);
  }
  Status st;
  auto db = open_store(path, st);
  ASSERT_TRUE(db) << st.message_fr;
  EXPECT_EQ(schema_version(*db), latest_schema_version());
  Statement s(*db, "SELECT sql FROM sqlite_schema WHERE name = 'search_fts'");
  ASSERT_TRUE(s.step());
  EXPECT_NE(s.col_text(0).find("prefix='1 2 3'"), std::string::npos) << s.col_text(0);
  // The rows came back from the tables: suggestions and offers near a place as before.
  auto found = suggest(*db, "mac", 5);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].label, "Maçon / Maçonne");
  JobQuery q;
  q.lat = test::kMartiguesLat;
  q.lon = test::kMartiguesLon;
  q.radius_km = 30;
  q.today = test::kToday;
  EXPECT_EQ(count_jobs_near(*db, q), 4);
}

TEST(Schema, RefusesAFileFromANewerProgram) {
  test::TempDir dir;
  const std::string path = dir.file("new.db");
  {
    auto db = test::fresh_store(dir, "new.db");
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("PRAGMA user_version = 99").ok);
  }
  Status st;
  auto db = open_store(path, st);
  EXPECT_FALSE(db);
  EXPECT_EQ(st.code, "schema_too_new");
}

TEST(Schema, FailedMigrationLeavesTheFileAsItWas) {
  test::TempDir dir;
  Status st;
  auto db = Database::open(dir.file("a.db"), st);
  ASSERT_TRUE(db);
  ASSERT_TRUE(migrate(*db, 1).ok);
  // A table in the way of version 3 makes that step fail half-way.
  ASSERT_TRUE(db->exec("CREATE TABLE desk_actions(x)").ok);
  Status m = migrate(*db);
  EXPECT_FALSE(m.ok);
  EXPECT_EQ(schema_version(*db), 2);  // version 2 went in, version 3 rolled back
  EXPECT_FALSE(table_exists(*db, "help_tickets"));
  EXPECT_FALSE(db->in_transaction());
}

}  // namespace
}  // namespace eric
