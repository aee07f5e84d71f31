// One bad record never blocks a sync, against the real eric-regional-server: every field of
// every record type mistyped, missing or out of range in the feed at once; set aside, counted
// in `status --json`, logged once, replaced by a later good version; and a sync killed at each
// of its steps (the ERIC_TEST_KILL_AT hook) shows as interrupted and leaves a consistent
// catalog and outbox.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <thread>

#include "sync/client_internal.h"
#include "sync/worker.h"
#include "tests/sync/field_faults.h"
#include "tests/sync/fixture.h"

namespace eric::test {
namespace {

// Writes upserts straight into the server's feed, as a faulty importer would: the server
// serves the stored text as it is.
void inject_into_feed(const std::string& server_db, const std::vector<FieldFault>& faults) {
  Status s;
  auto db = Database::open(server_db, s);
  ASSERT_TRUE(db) << s.message_fr;
  Transaction tx(*db);
  ASSERT_TRUE(tx.ok());
  int64_t cursor = query_int(*db, "SELECT value FROM meta WHERE key = 'cursor'");
  Statement st(*db,
               "INSERT INTO records(type, id, site, data, cursor, deleted) "
               "VALUES(?1, ?2, NULL, ?3, ?4, 0) ON CONFLICT(type, id) DO UPDATE SET "
               "data = excluded.data, cursor = excluded.cursor, deleted = 0");
  for (const FieldFault& f : faults) {
    st.bind(1, record_type_name(f.type)).bind(2, f.id).bind(3, f.data.dump()).bind(4, ++cursor);
    ASSERT_TRUE(st.run().ok) << db->last_error();
    st.reset();
  }
  Statement meta(*db, "UPDATE meta SET value = ?1 WHERE key = 'cursor'");
  meta.bind(1, cursor);
  ASSERT_TRUE(meta.run().ok);
  ASSERT_TRUE(tx.commit().ok);
}

std::string server_cursor(const std::string& server_db) {
  return nlohmann::json::parse(server_cmd({"info", "--db", server_db}))["cursor"].get<std::string>();
}

nlohmann::json kioskctl_status(const Terminal& t) {
  CommandResult r = run({kioskctl_bin(), "--data-dir", t.dir, "status", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

// Which of the faults the terminal's reader sets aside (the page reader's own verdict, which
// test_record_rules.cpp checks field by field).
std::set<std::string> ids_set_aside_by_reader(const std::vector<FieldFault>& faults) {
  nlohmann::json changes = nlohmann::json::array();
  for (const FieldFault& f : faults) changes.push_back(upsert_json(f.type, f.id, f.data));
  CatalogPage page;
  EXPECT_TRUE(parse_catalog_page(nlohmann::json{{"cursor", "1"}, {"changes", changes}}.dump(), page).ok);
  std::set<std::string> ids;
  for (const RejectedChange& r : page.rejected) ids.insert(r.type + "/" + r.id);
  return ids;
}

std::set<std::string> quarantined(Database& db) {
  std::set<std::string> ids;
  for (const RejectedRecord& r : rejected_records_all(db)) ids.insert(r.type + "/" + r.id);
  return ids;
}

TEST(SyncRejected, EveryFaultyFieldIsSetAsideAndTheRestOfTheSyncApplies) {
  TempDir tmp;
  const std::string server_db = tmp.file("server.db");
  make_demo_server_db(server_db, 60, 3);
  ServerProcess server({server_db, "", "", "", 200});  // small pages: faults span several
  Terminal t = make_terminal(tmp, "t1", server_db, server.url());
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  const int64_t jobs_before = catalog_counts(*t.db).jobs;

  const std::vector<FieldFault> faults = all_field_faults();
  inject_into_feed(server_db, faults);
  // A good change after all of them: it must arrive too.
  const nlohmann::json good_job = {{"id", "good-after"}, {"title", "Boulanger (H/F)"},
                                   {"trade_code", "D1102"}, {"commune", "13056"},
                                   {"lat", 43.4}, {"lon", 5.05}, {"posts", 2}};
  server_cmd({"edit", "--db", server_db, "upsert", "job", good_job.dump()});

  const std::set<std::string> expected = ids_set_aside_by_reader(faults);
  ASSERT_GT(expected.size(), faults.size() / 2);
  // Every mistyped field is among them.
  for (const FieldFault& f : faults) {
    if (f.fault == Fault::mistyped) {
      EXPECT_TRUE(expected.count(std::string(record_type_name(f.type)) + "/" + f.id)) << f.id;
    }
  }

  SyncResult r = sync_once(*t.db, test_config());
  ASSERT_TRUE(r.status.ok) << r.status.message_fr;
  std::printf("%zu faulty records in the feed: %zu set aside, %zu kept cleaned or defaulted; "
              "sync ok in %lld ms\n", faults.size(), expected.size(),
              faults.size() - expected.size(), static_cast<long long>(r.duration_ms));
  EXPECT_EQ(r.rejected, static_cast<int64_t>(expected.size()));
  EXPECT_EQ(r.newly_rejected.size(), expected.size());
  EXPECT_EQ(quarantined(*t.db), expected);
  EXPECT_EQ(sync_value_get(*t.db, "cursor").value_or(""), server_cursor(server_db));
  EXPECT_EQ(query_int(*t.db, "SELECT count(*) FROM jobs WHERE id = 'good-after'"), 1);
  EXPECT_GE(catalog_counts(*t.db).jobs, jobs_before + 1);
  // What was kept was cleaned before it was stored: no control character reaches a card.
  EXPECT_EQ(query_int(*t.db, "SELECT count(*) FROM jobs WHERE instr(title, char(8238)) > 0 "
                             "OR instr(description, char(0)) > 0 OR length(description) > 8000"),
            0);

  const nlohmann::json status = kioskctl_status(t);
  EXPECT_EQ(status["rejected_records"], static_cast<int64_t>(expected.size()));
  EXPECT_TRUE(status["last_error"].is_null()) << status.dump();

  // Nothing new: nothing logged again.
  SyncResult again = sync_once(*t.db, test_config());
  ASSERT_TRUE(again.status.ok);
  EXPECT_TRUE(again.newly_rejected.empty());
  EXPECT_EQ(rejected_record_count(*t.db), static_cast<int64_t>(expected.size()));

  // A good version of one of them replaces it and takes it out of the quarantine.
  const FieldFault* posts = nullptr;
  for (const FieldFault& f : faults) {
    if (f.type == RecordType::job && f.field == "posts" && f.fault == Fault::mistyped) posts = &f;
  }
  ASSERT_TRUE(posts);
  nlohmann::json fixed = posts->data;
  fixed["posts"] = 3;
  server_cmd({"edit", "--db", server_db, "upsert", "job", fixed.dump()});
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  EXPECT_EQ(rejected_record_count(*t.db), static_cast<int64_t>(expected.size()) - 1);
  EXPECT_EQ(query_int(*t.db, "SELECT posts FROM jobs WHERE id = '" + posts->id + "'"), 3);

  // A new terminal gets the same from a full snapshot.
  Terminal fresh = make_terminal(tmp, "t2", server_db, server.url());
  SyncResult full = sync_once(*fresh.db, test_config());
  ASSERT_TRUE(full.status.ok) << full.status.message_fr;
  EXPECT_TRUE(full.full);
  EXPECT_EQ(rejected_record_count(*fresh.db), static_cast<int64_t>(expected.size()) - 1);

  // And a terminal without network, from a bundle of the same feed (eric-kioskctl import).
  const std::string bundle = tmp.file("catalogue.bundle");
  server_cmd({"export-bundle", "--db", server_db, "--site", "eric-martigues", "--out", bundle});
  auto offline = fresh_store(tmp, "offline.db");
  ASSERT_TRUE(offline);
  int64_t records = 0;
  Status imported = import_bundle(*offline, bundle, &records);
  ASSERT_TRUE(imported.ok) << imported.message_fr;
  EXPECT_EQ(rejected_record_count(*offline), static_cast<int64_t>(expected.size()) - 1);
  EXPECT_EQ(query_int(*offline, "SELECT count(*) FROM jobs WHERE id = 'good-after'"), 1);
}

// Runs eric-kioskctl with the kill hook set to `step`.
CommandResult run_killed_at(const std::string& step, const std::vector<std::string>& argv) {
  setenv("ERIC_TEST_KILL_AT", step.c_str(), 1);
  CommandResult r = run(argv);
  unsetenv("ERIC_TEST_KILL_AT");
  return r;
}

struct CatalogState {
  std::string cursor;
  int64_t jobs = 0;
  bool operator==(const CatalogState& o) const { return cursor == o.cursor && jobs == o.jobs; }
};

CatalogState catalog_state(const std::string& db_path) {
  Status s;
  auto db = open_store(db_path, s);
  EXPECT_TRUE(db) << s.message_fr;
  CatalogState st;
  if (!db) return st;
  Transaction read(*db);  // one snapshot: cursor and rows as one reader sees them
  st.cursor = sync_value_get(*db, "cursor").value_or("");
  st.jobs = query_int(*db, "SELECT count(*) FROM jobs");
  Statement check(*db, "PRAGMA integrity_check");
  EXPECT_TRUE(check.step());
  EXPECT_EQ(check.col_text(0), "ok");
  return st;
}

// The sync killed at each of its steps: the catalog is the old one until the commit and the
// new one after, each request stays one outbox item, the status says the sync was
// interrupted, and the next sync delivers every request exactly once.
TEST(SyncRejected, KilledAtEachStepOfASync) {
  TempDir tmp;
  const std::string server_db = tmp.file("server.db");
  make_demo_server_db(server_db, 100, 1);
  ServerProcess server({server_db, "", "", "", 500});
  Terminal t = make_terminal(tmp, "t1", server_db, server.url());
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  const std::string db_path = t.dir + "/cache.db";
  const CatalogState old_state = catalog_state(db_path);
  server_cmd({"generate-demo", "--db", server_db, "--jobs", "3000", "--seed", "2", "--today",
              "2027-11-22"});
  const auto info = nlohmann::json::parse(server_cmd({"info", "--db", server_db}));
  const CatalogState new_state{info["cursor"].get<std::string>(), info["records"]["job"].get<int64_t>()};

  std::set<std::string> requests;
  const std::vector<std::string> sync = {kioskctl_bin(), "--data-dir", t.dir, "sync"};
  struct StepCase {
    const char* step;
    bool committed;  // the new catalog is in when the process dies
  };
  const StepCase steps[] = {
      {"sync.page_staged#1", false}, {"sync.page_staged#3", false},
      {"sync.apply_written", false}, {"sync.apply_committed", true},
      {"delivery.started", true},    {"delivery.sent", true},
      {"delivery.answer_recorded", true},
  };
  for (const StepCase& c : steps) {
    SCOPED_TRACE(c.step);
    // A new request before each kill, so each delivery step has something to deliver.
    auto added = outbox_add(*t.db, "help_ticket", R"({"reason":"cv","urgent_today":false})",
                            std::time(nullptr), 0);
    ASSERT_TRUE(added.ok());
    requests.insert(added.value);
    ASSERT_TRUE(t.db->exec("UPDATE outbox SET next_attempt_at = 0").ok);

    CommandResult r = run_killed_at(c.step, sync);
    EXPECT_EQ(r.signal, SIGKILL) << "the step was not reached: " << r.err;
    EXPECT_NE(r.err.find("reached " + std::string(c.step).substr(0, std::string(c.step).find('#'))),
              std::string::npos) << r.err;
    const CatalogState now = catalog_state(db_path);
    EXPECT_EQ(now, c.committed ? new_state : old_state) << now.cursor << " " << now.jobs;
    std::set<std::string> ids;
    for (const OutboxItem& item : outbox_recent(*t.db, 100)) ids.insert(item.id);
    EXPECT_EQ(ids, requests);

    const nlohmann::json status = kioskctl_status(t);
    ASSERT_TRUE(status["last_error"].is_object()) << status.dump();
    EXPECT_EQ(status["last_error"]["code"], "interrupted");
    EXPECT_EQ(status["sync_running"], false);
  }
  // Restarted, the sync completes: every request delivered once, the status clear.
  CommandResult r = run(sync);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(catalog_state(db_path), new_state);
  EXPECT_EQ(outbox_counts_by_state(*t.db).accepted, static_cast<int64_t>(requests.size()));
  EXPECT_EQ(nlohmann::json::parse(server_cmd({"info", "--db", server_db}))["outbox_results"],
            requests.size());
  EXPECT_TRUE(kioskctl_status(t)["last_error"].is_null());
}

// The kiosk's sync worker killed at its last step, the checkpoint that copies the log into the
// database file after the sync: the new catalog and the delivered request are there, the
// database is sound, and the sync is not reported as interrupted (it had ended).
TEST(SyncRejected, KioskWorkerKilledAtItsCheckpoint) {
  TempDir tmp;
  const std::string server_db = tmp.file("server.db");
  make_demo_server_db(server_db, 1500, 4);
  ServerProcess server({server_db, "", "", "", 500});
  Terminal t = make_terminal(tmp, "t1", server_db, server.url());
  auto added = outbox_add(*t.db, "help_ticket", R"({"reason":"cv","urgent_today":false})",
                          std::time(nullptr), 0);
  ASSERT_TRUE(added.ok());
  const std::string db_path = t.dir + "/cache.db";
  setenv("ERIC_TEST_KILL_AT", "sync.checkpointed", 1);
  const pid_t pid = fork();
  if (pid == 0) {  // the kiosk's side: the worker thread syncs at once, as at start-up
    SyncWorker worker(db_path, test_config(), {});
    worker.start();
    std::this_thread::sleep_for(std::chrono::seconds(60));
    _exit(3);  // the hook did not fire
  }
  unsetenv("ERIC_TEST_KILL_AT");
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
  const CatalogState now = catalog_state(db_path);
  EXPECT_EQ(now.cursor, server_cursor(server_db));
  EXPECT_EQ(now.jobs, 1500);
  EXPECT_EQ(outbox_counts_by_state(*t.db).accepted, 1);
  EXPECT_TRUE(kioskctl_status(t)["last_error"].is_null());
}

}  // namespace
}  // namespace eric::test
