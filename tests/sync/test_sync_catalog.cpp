// The catalog pull against the real server: first sync, deltas with deletions, 304, every
// kind of failure leaving the catalog as it was, compaction, bundles.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <iterator>

#include "tests/sync/fixture.h"

namespace eric::test {
namespace {

std::string job_title(Database& db, const std::string& id) {
  Statement st(db, "SELECT title FROM jobs WHERE id = ?");
  st.bind(1, id);
  return st.step() ? st.col_text(0) : std::string("<absent>");
}

std::string first_job_id(Database& db) {
  Statement st(db, "SELECT id FROM jobs ORDER BY id LIMIT 1");
  return st.step() ? st.col_text(0) : std::string();
}

class CatalogSync : public ::testing::Test {
 protected:
  void SetUp() override {
    server_db = tmp.file("server.db");
    make_demo_server_db(server_db, 150);
    fault = tmp.file("fault");
    server = std::make_unique<ServerProcess>(ServerProcess::Options{server_db, fault, "", "", 500});
    ASSERT_FALSE(server->url().empty());
    term = make_terminal(tmp, "t1", server_db, server->url());
  }
  TempDir tmp;
  std::string server_db, fault;
  std::unique_ptr<ServerProcess> server;
  Terminal term;
};

TEST_F(CatalogSync, FirstSyncFetchesEveryPageInOneGo) {
  SyncResult r = sync_once(*term.db, test_config());
  ASSERT_TRUE(r.status.ok) << r.status.code << " " << r.status.message_fr;
  EXPECT_TRUE(r.full);
  EXPECT_GT(r.pages, 10);  // page size 500: the catalog came in many pages
  const CatalogCounts c = catalog_counts(*term.db);
  EXPECT_EQ(c.jobs, 150);
  EXPECT_GT(c.communes, 1000);
  EXPECT_EQ(c.sites, 1);
  EXPECT_GT(c.workshops, 0);
  const SyncOverview o = sync_overview(*term.db);
  EXPECT_FALSE(o.state.cursor.empty());
  EXPECT_GT(o.state.last_success, 0);
  EXPECT_TRUE(o.state.last_error_code.empty());
  EXPECT_GT(o.next_attempt_at, std::time(nullptr));
  // The terminal's copy holds exactly what the server has.
  auto info = nlohmann::json::parse(server_cmd({"info", "--db", server_db}));
  EXPECT_EQ(info["records"]["job"].get<int64_t>(), c.jobs);
  EXPECT_EQ(info["records"]["commune"].get<int64_t>(), c.communes);
  EXPECT_EQ(info["cursor"].get<std::string>(), o.state.cursor);
}

TEST_F(CatalogSync, TheManagersIntervalSchedulesTheNextSync) {
  SyncConfig config = test_config();
  config.interval_s = 300;
  ASSERT_TRUE(sync_once(*term.db, config).status.ok);
  int64_t wait = sync_overview(*term.db).next_attempt_at - std::time(nullptr);
  EXPECT_GT(wait, 200);
  EXPECT_LE(wait, 300);
  // Set on the manager's screen (or by hand): counts from the next sync, no restart needed.
  ASSERT_TRUE(setting_set(*term.db, "sync_interval", "3600").ok);
  ASSERT_TRUE(sync_once(*term.db, config).status.ok);
  wait = sync_overview(*term.db).next_attempt_at - std::time(nullptr);
  EXPECT_GT(wait, 3000);
  EXPECT_LE(wait, 3600);
  // A value out of range is not obeyed.
  ASSERT_TRUE(setting_set(*term.db, "sync_interval", "2").ok);
  ASSERT_TRUE(sync_once(*term.db, config).status.ok);
  wait = sync_overview(*term.db).next_attempt_at - std::time(nullptr);
  EXPECT_GT(wait, 200);
}

TEST_F(CatalogSync, DeltaCarriesUpsertsAndDeletions) {
  ASSERT_TRUE(sync_once(*term.db, test_config()).status.ok);
  const std::string id = first_job_id(*term.db);
  Statement pick(*term.db, "SELECT id FROM jobs ORDER BY id DESC LIMIT 1");
  ASSERT_TRUE(pick.step());
  const std::string doomed = pick.col_text(0);
  const int64_t jobs_before = catalog_counts(*term.db).jobs;
  server_cmd({"edit", "--db", server_db, "upsert", "job",
              R"({"id":")" + id + R"j(","title":"Soudeur / Soudeuse (modifié)","trade_code":"H2913"})j"});
  server_cmd({"edit", "--db", server_db, "upsert", "job",
              R"({"id":"job-new-1","title":"Boulanger","trade_code":"D1102","commune":"13056","lat":43.4,"lon":5.05})"});
  server_cmd({"edit", "--db", server_db, "delete", "job", doomed});
  SyncResult r = sync_once(*term.db, test_config());
  ASSERT_TRUE(r.status.ok) << r.status.message_fr;
  EXPECT_FALSE(r.full);
  EXPECT_EQ(r.changes_applied, 3);
  EXPECT_EQ(r.pages, 1);
  EXPECT_EQ(job_title(*term.db, id), "Soudeur / Soudeuse (modifié)");
  EXPECT_EQ(job_title(*term.db, "job-new-1"), "Boulanger");
  EXPECT_EQ(job_title(*term.db, doomed), "<absent>");
  EXPECT_EQ(catalog_counts(*term.db).jobs, jobs_before);
}

TEST_F(CatalogSync, NothingChangedIsOneSmall304) {
  ASSERT_TRUE(sync_once(*term.db, test_config()).status.ok);
  SyncResult r = sync_once(*term.db, test_config());
  ASSERT_TRUE(r.status.ok) << r.status.message_fr;
  EXPECT_TRUE(r.not_modified);
  EXPECT_EQ(r.changes_applied, 0);
  EXPECT_LT(r.bytes_down + r.bytes_up, 1024) << "down " << r.bytes_down << " up " << r.bytes_up;
}

// Each fault must leave the catalog and cursor as they were, record a code and a French
// sentence, and schedule a retry; once the fault is gone the next sync succeeds.
struct FaultCase {
  const char* name;
  const char* fault;      // fault file line; "" for the cases set up otherwise
  const char* expected_code;
};
void PrintTo(const FaultCase& c, std::ostream* os) { *os << c.name; }

class CatalogFaults : public CatalogSync, public ::testing::WithParamInterface<FaultCase> {};

TEST_P(CatalogFaults, LeaveTheCatalogAsItWas) {
  const FaultCase& fc = GetParam();
  SyncConfig config = test_config();
  config.backoff_base_s = 60;
  config.backoff_max_s = 600;
  ASSERT_TRUE(sync_once(*term.db, config).status.ok);
  const std::string id = first_job_id(*term.db);
  const std::string title = job_title(*term.db, id);
  const std::string cursor = sync_overview(*term.db).state.cursor;
  const int64_t jobs = catalog_counts(*term.db).jobs;
  server_cmd({"edit", "--db", server_db, "upsert", "job", R"({"id":")" + id + R"(","title":"Changé"})"});
  server_cmd({"edit", "--db", server_db, "delete", "commune", "13056"});

  std::string name = fc.name;
  if (name == "server_down") {
    server->stop();
  } else if (name == "bad_token") {
    ASSERT_TRUE(setting_set(*term.db, kSettingToken, "0000").ok);
  } else {
    write_file(fault, fc.fault);
  }
  if (name == "slow") config.total_timeout_ms = 400;
  const int64_t before = std::time(nullptr);
  SyncResult r = sync_once(*term.db, config);
  EXPECT_FALSE(r.status.ok);
  EXPECT_EQ(r.status.code, fc.expected_code) << r.status.message_fr;
  EXPECT_EQ(job_title(*term.db, id), title);
  EXPECT_EQ(catalog_counts(*term.db).jobs, jobs);
  EXPECT_TRUE(commune_by_insee(*term.db, "13056").has_value());
  const SyncOverview o = sync_overview(*term.db);
  EXPECT_EQ(o.state.cursor, cursor);
  EXPECT_EQ(o.state.last_error_code, fc.expected_code);
  EXPECT_FALSE(o.state.last_error_message.empty());
  EXPECT_EQ(o.failures, 1);
  EXPECT_GE(o.next_attempt_at, before + 30);  // backoff 60 s with jitter in [0.5, 1]
  if (name == "rate_limited") {
    EXPECT_EQ(r.retry_after_s, 120);
    EXPECT_GE(o.next_attempt_at, before + 120);  // Retry-After honoured
  }
  if (name == "server_down") return;  // the port is gone for good
  if (name == "bad_token") return;    // a manager must enrol again: nothing to retry into

  write_file(fault, "");
  SyncResult again = sync_once(*term.db, config);
  ASSERT_TRUE(again.status.ok) << again.status.message_fr;
  EXPECT_EQ(job_title(*term.db, id), "Changé");
  EXPECT_FALSE(commune_by_insee(*term.db, "13056").has_value());
  EXPECT_EQ(sync_overview(*term.db).failures, 0);
  EXPECT_TRUE(sync_overview(*term.db).state.last_error_code.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Sync, CatalogFaults,
    ::testing::Values(FaultCase{"server_down", "", "server_unreachable"},
                      FaultCase{"slow", "delay 1500", "timeout"},
                      FaultCase{"http_500", "status 500", "server_error"},
                      FaultCase{"truncated", "truncate", "connection_cut"},
                      FaultCase{"malformed", "malformed", "malformed_response"},
                      FaultCase{"bad_token", "", "unauthorized"},
                      FaultCase{"rate_limited", "retry-after 120", "rate_limited"}),
    [](const ::testing::TestParamInfo<FaultCase>& info) { return std::string(info.param.name); });

TEST_F(CatalogSync, CompactedHistoryGivesAFullSnapshot) {
  ASSERT_TRUE(sync_once(*term.db, test_config()).status.ok);
  const std::string doomed = first_job_id(*term.db);
  server_cmd({"edit", "--db", server_db, "delete", "job", doomed});
  server_cmd({"compact", "--db", server_db});
  SyncResult r = sync_once(*term.db, test_config());
  ASSERT_TRUE(r.status.ok) << r.status.message_fr;
  EXPECT_TRUE(r.full);  // the tombstone is gone: only a snapshot can remove the job
  EXPECT_EQ(job_title(*term.db, doomed), "<absent>");
  EXPECT_EQ(catalog_counts(*term.db).jobs, 149);
}

// The newest changes are deletions, then compact: the snapshot that follows must end on the
// feed's end, so that the sync after it is a 304, not another whole catalog.
TEST_F(CatalogSync, AfterCompactingDeletionsTheNextSyncIsA304) {
  ASSERT_TRUE(sync_once(*term.db, test_config()).status.ok);
  const std::string doomed = first_job_id(*term.db);
  server_cmd({"edit", "--db", server_db, "delete", "job", doomed});
  server_cmd({"compact", "--db", server_db});
  SyncResult snapshot = sync_once(*term.db, test_config());
  ASSERT_TRUE(snapshot.status.ok) << snapshot.status.message_fr;
  EXPECT_TRUE(snapshot.full);
  for (int i = 0; i < 2; ++i) {
    SyncResult quiet = sync_once(*term.db, test_config());
    ASSERT_TRUE(quiet.status.ok) << quiet.status.message_fr;
    EXPECT_FALSE(quiet.full) << "sync " << i;
    EXPECT_TRUE(quiet.not_modified) << "sync " << i;
    EXPECT_EQ(quiet.changes_applied, 0);
  }
}

TEST_F(CatalogSync, BundleImportChecksItsHash) {
  const std::string bundle = tmp.file("catalog.bundle");
  server_cmd({"export-bundle", "--db", server_db, "--site", "eric-martigues", "--out", bundle});
  int64_t records = 0;
  Status s = import_bundle(*term.db, bundle, &records);
  ASSERT_TRUE(s.ok) << s.message_fr;
  EXPECT_EQ(catalog_counts(*term.db).jobs, 150);
  const std::string cursor = sync_overview(*term.db).state.cursor;
  EXPECT_FALSE(cursor.empty());
  // The bundle's cursor lets the next online sync be a cheap 304.
  EXPECT_TRUE(sync_once(*term.db, test_config()).not_modified);

  // One byte changed: refused before anything is written.
  server_cmd({"edit", "--db", server_db, "delete", "job", first_job_id(*term.db)});
  server_cmd({"export-bundle", "--db", server_db, "--site", "eric-martigues", "--out", bundle});
  std::string text;
  {
    std::ifstream in(bundle, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  text[text.size() / 2] = text[text.size() / 2] == 'a' ? 'b' : 'a';
  write_file(bundle, text);
  EXPECT_EQ(import_bundle(*term.db, bundle).code, "bundle_corrupt");
  EXPECT_EQ(catalog_counts(*term.db).jobs, 150);
}

}  // namespace
}  // namespace eric::test
