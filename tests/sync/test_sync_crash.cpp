// eric-kioskctl killed in the middle of an apply, TLS with a local CA made at test time, and
// the manager's command line (exit codes, status --json, PIN from stdin, import, export).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

#include "kiosk/core/domain/pin.h"
#include "tests/sync/fixture.h"

namespace eric::test {
namespace {

struct Snapshot {
  std::string cursor;
  int64_t jobs = 0;
};

// Cursor and job count read in one read transaction: what a kiosk screen would see.
Snapshot snapshot(const std::string& db_path) {
  Status s;
  auto db = open_store(db_path, s);
  EXPECT_TRUE(db) << s.message_fr;
  Snapshot snap;
  EXPECT_TRUE(db->exec("BEGIN").ok);
  snap.cursor = sync_value_get(*db, "cursor").value_or("");
  snap.jobs = query_int(*db, "SELECT count(*) FROM jobs");
  EXPECT_TRUE(db->exec("COMMIT").ok);
  Statement check(*db, "PRAGMA integrity_check");
  EXPECT_TRUE(check.step());
  EXPECT_EQ(check.col_text(0), "ok");
  return snap;
}

int64_t file_size(const std::string& path) {
  struct stat st{};
  return stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : 0;
}

TEST(SyncCrash, KilledMidApplyKeepsOldOrNewCatalogAndTheOutbox) {
  TempDir tmp;
  const std::string server_db = tmp.file("server.db");
  make_demo_server_db(server_db, 100, 1);
  ServerProcess server({server_db, "", "", "", 0});
  Terminal t = make_terminal(tmp, "t1", server_db, server.url());
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  const Snapshot old_state{sync_value_get(*t.db, "cursor").value_or(""),
                           catalog_counts(*t.db).jobs};
  std::set<std::string> outbox_ids;
  for (int i = 0; i < 5; ++i) {
    auto r = outbox_add(*t.db, "help_ticket", R"({"reason":"cv","urgent_today":false})",
                        std::time(nullptr), 0);
    ASSERT_TRUE(r.ok());
    outbox_ids.insert(r.value);
  }
  // A much bigger catalog arrives on the server.
  server_cmd({"generate-demo", "--db", server_db, "--jobs", "12000", "--seed", "2", "--today",
              "2027-11-22"});
  const auto info = nlohmann::json::parse(server_cmd({"info", "--db", server_db}));
  const Snapshot new_state{info["cursor"].get<std::string>(), info["records"]["job"].get<int64_t>()};
  ASSERT_GT(new_state.jobs, old_state.jobs);

  const std::string db_path = t.dir + "/cache.db";
  const std::string wal = db_path + "-wal";
  int killed_alive = 0;
  // Kill when the apply has written 1 MB, then 4 MB, of its transaction to the WAL (the
  // download only writes a temp table), then at the step where every write is done and the
  // commit is next (the ERIC_TEST_KILL_AT hook: the process kills itself there).
  for (int64_t threshold : {int64_t{1} << 20, int64_t{4} << 20, int64_t{-1}}) {
    Statement cp(*t.db, "PRAGMA wal_checkpoint(TRUNCATE)");
    while (cp.step()) {
    }
    const pid_t pid = fork();
    if (pid == 0) {
      if (threshold < 0) setenv("ERIC_TEST_KILL_AT", "sync.apply_written", 1);
      execl(kioskctl_bin().c_str(), kioskctl_bin().c_str(), "--data-dir", t.dir.c_str(), "sync",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    const auto start = std::chrono::steady_clock::now();
    int status = 0;
    bool exited = false;
    while (!exited) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      if (threshold > 0 && file_size(wal) > threshold) break;
      if (std::chrono::steady_clock::now() - start > std::chrono::seconds(60)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!exited) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++killed_alive;
    if (threshold < 0) {
      EXPECT_TRUE(WIFSIGNALED(status)) << "the hook's step was not reached";
    }
    const Snapshot now = snapshot(db_path);
    const bool is_old = now.cursor == old_state.cursor && now.jobs == old_state.jobs;
    const bool is_new = now.cursor == new_state.cursor && now.jobs == new_state.jobs;
    EXPECT_TRUE(is_old || is_new) << "cursor " << now.cursor << " jobs " << now.jobs;
    std::printf("kill at %s: process %s, wal %lld bytes, catalog %s\n",
                threshold > 0 ? (std::to_string(threshold >> 20) + " MB of WAL").c_str()
                              : "step sync.apply_written",
                WIFSIGNALED(status) ? "killed" : "had finished", static_cast<long long>(file_size(wal)),
                is_new ? "new" : "old");
    std::set<std::string> ids;
    for (const auto& item : outbox_recent(*t.db, 100)) {
      ids.insert(item.id);
      EXPECT_EQ(item.payload_json, R"({"reason":"cv","urgent_today":false})");
    }
    EXPECT_EQ(ids, outbox_ids);
    if (is_new) break;
  }
  EXPECT_GE(killed_alive, 1);
  // Restarted, the sync completes: the new catalog, every outbox item delivered once.
  CommandResult r = run({kioskctl_bin(), "--data-dir", t.dir, "sync"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Snapshot final_state = snapshot(db_path);
  EXPECT_EQ(final_state.cursor, new_state.cursor);
  EXPECT_EQ(final_state.jobs, new_state.jobs);
  EXPECT_EQ(outbox_counts_by_state(*t.db).accepted, 5);
  EXPECT_EQ(nlohmann::json::parse(server_cmd({"info", "--db", server_db}))["outbox_results"], 5);
}

// A CA and a certificate for 127.0.0.1, made with the openssl command at test time.
bool make_certificates(const TempDir& tmp, const std::string& prefix) {
  const std::string ext = tmp.file(prefix + "ext.cnf");
  write_file(ext, "subjectAltName=IP:127.0.0.1\n");
  const std::vector<std::vector<std::string>> steps = {
      {"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
       "-nodes", "-keyout", tmp.file(prefix + "ca.key"), "-out", tmp.file(prefix + "ca.pem"),
       "-days", "2", "-subj", "/CN=ERIC test CA " + prefix},
      {"/usr/bin/openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
       "-nodes", "-keyout", tmp.file(prefix + "srv.key"), "-out", tmp.file(prefix + "srv.csr"),
       "-subj", "/CN=127.0.0.1"},
      {"/usr/bin/openssl", "x509", "-req", "-in", tmp.file(prefix + "srv.csr"), "-CA",
       tmp.file(prefix + "ca.pem"), "-CAkey", tmp.file(prefix + "ca.key"), "-CAcreateserial",
       "-out", tmp.file(prefix + "srv.pem"), "-days", "2", "-extfile", ext},
  };
  for (const auto& step : steps) {
    CommandResult r = run(step);
    if (r.exit_code != 0) {
      ADD_FAILURE() << r.err;
      return false;
    }
  }
  return true;
}

TEST(SyncTls, VerifiesTheServerWithTheLocalCa) {
  TempDir tmp;
  ASSERT_TRUE(make_certificates(tmp, ""));
  ASSERT_TRUE(make_certificates(tmp, "other-"));
  const std::string server_db = tmp.file("server.db");
  make_demo_server_db(server_db, 20);
  ServerProcess server({server_db, "", tmp.file("srv.pem"), tmp.file("srv.key"), 0});
  ASSERT_EQ(server.url().rfind("https://127.0.0.1:", 0), 0u) << server.url();

  Terminal t = make_terminal(tmp, "t1", server_db, server.url(), tmp.file("ca.pem"));
  SyncResult r = sync_once(*t.db, test_config());
  ASSERT_TRUE(r.status.ok) << r.status.message_fr;
  EXPECT_EQ(catalog_counts(*t.db).jobs, 20);

  // The system CAs or another CA: refused, never "verify off".
  for (const std::string& ca : {std::string(), tmp.file("other-ca.pem")}) {
    ASSERT_TRUE(setting_set(*t.db, kSettingCaFile, ca).ok);
    SyncResult bad = sync_once(*t.db, test_config());
    EXPECT_EQ(bad.status.code, "tls_error") << bad.status.message_fr;
  }
}

TEST(SyncCtl, ManagerCommandLine) {
  TempDir tmp;
  const std::string server_db = tmp.file("server.db");
  make_demo_server_db(server_db, 30);
  auto server = std::make_unique<ServerProcess>(ServerProcess::Options{server_db, "", "", "", 0});
  const std::string dir = tmp.file("kiosk");
  const std::string ctl = kioskctl_bin();
  EXPECT_EQ(run({ctl}).exit_code, 2);
  EXPECT_EQ(run({ctl, "--data-dir", dir, "fly"}).exit_code, 2);
  EXPECT_EQ(run({ctl, "--data-dir", dir, "set-pin", "--role", "pilot"}, "1357\n").exit_code, 2);
  EXPECT_EQ(run({ctl, "--data-dir", dir, "export", "--from", "hier"}).exit_code, 2);

  // Reading a terminal that is not there says so and leaves nothing behind.
  CommandResult missing = run({ctl, "--data-dir", dir, "status"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("n'existe pas"), std::string::npos) << missing.err;
  struct stat info {};
  EXPECT_NE(stat(dir.c_str(), &info), 0);

  std::string code = server_cmd({"enroll-code", "--db", server_db, "--site", "eric-martigues"});
  code.pop_back();
  CommandResult e = run({ctl, "--data-dir", dir, "enroll", "--server", server->url(), "--code", code});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  // Enrolment made the folder, private to its user as the kiosk makes it.
  ASSERT_EQ(stat(dir.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  // A used code is refused with a sentence.
  CommandResult again = run({ctl, "--data-dir", dir, "enroll", "--server", server->url(), "--code", code});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("code"), std::string::npos) << again.err;

  CommandResult s = run({ctl, "--data-dir", dir, "sync"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_TRUE(s.err.empty());  // quiet when not on a terminal
  auto status = nlohmann::json::parse(run({ctl, "--data-dir", dir, "status", "--json"}).out);
  EXPECT_EQ(status["counts"]["jobs"], 30);
  EXPECT_FALSE(status["cursor"].get<std::string>().empty());
  EXPECT_TRUE(status["last_success"].is_string());
  EXPECT_TRUE(status["last_error"].is_null());
  EXPECT_EQ(status["outbox"]["pending"], 0);

  // PIN from standard input, never from the command line.
  ASSERT_EQ(run({ctl, "--data-dir", dir, "set-pin", "--role", "manager"}, "2468\n").exit_code, 0);
  {
    Status st;
    auto db = open_store(dir + "/cache.db", st);
    ASSERT_TRUE(db);
    EXPECT_TRUE(check_pin(*db, "manager", "2468", std::time(nullptr)).ok);
  }

  // Offline import of a bundle.
  const std::string bundle = tmp.file("b.bundle");
  server_cmd({"edit", "--db", server_db, "delete", "job", "nonexistent"});
  server_cmd({"export-bundle", "--db", server_db, "--site", "eric-martigues", "--out", bundle});
  CommandResult imp = run({ctl, "--data-dir", dir, "import", bundle});
  EXPECT_EQ(imp.exit_code, 0) << imp.err;

  CommandResult csv = run({ctl, "--data-dir", dir, "export", "--from", "2027-11-01", "--to", "2027-11-30"});
  EXPECT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("type,day,key,label,count,present,absent\n", 0), 0u);

  // Server gone: non-zero exit, the French sentence on stderr, the last error in status.
  server.reset();
  CommandResult down = run({ctl, "--data-dir", dir, "sync"});
  EXPECT_EQ(down.exit_code, 1);
  EXPECT_NE(down.err.find("Le serveur ne répond pas"), std::string::npos) << down.err;
  status = nlohmann::json::parse(run({ctl, "--data-dir", dir, "status", "--json"}).out);
  EXPECT_EQ(status["last_error"]["code"], "server_unreachable");
  EXPECT_EQ(status["counts"]["jobs"], 30);
}

}  // namespace
}  // namespace eric::test
