// Sync test fixture (see fixture.h).
#include "tests/sync/fixture.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace eric::test {

std::string server_bin() { return ERIC_SERVER_BIN; }
std::string kioskctl_bin() { return ERIC_KIOSKCTL_BIN; }

std::string server_cmd(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {server_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  CommandResult r = run(argv);
  EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
  return r.out;
}

ServerProcess::ServerProcess(Options options) : log_(options.db + ".log") {
  std::vector<std::string> args = {"--db", options.db};
  if (!options.fault_file.empty()) args.insert(args.end(), {"--fault-file", options.fault_file});
  if (!options.cert.empty()) {
    args.insert(args.end(), {"--cert", options.cert, "--key", options.key});
  }
  if (options.page_size > 0) {
    args.insert(args.end(), {"--page-size", std::to_string(options.page_size)});
  }
  if (const Status started = child_.start(server_bin(), args, log_); !started)
    ADD_FAILURE() << started.message_fr;
}

void make_demo_server_db(const std::string& db, int jobs, int seed) {
  server_cmd({"generate-demo", "--db", db, "--jobs", std::to_string(jobs), "--seed",
              std::to_string(seed), "--today", "2027-11-22"});
}

Terminal make_terminal(const TempDir& tmp, const std::string& name, const std::string& server_db,
                       const std::string& url, const std::string& ca_file) {
  Terminal t;
  t.dir = tmp.file(name);
  std::filesystem::create_directories(t.dir);
  Status s;
  t.db = open_store(t.dir + "/cache.db", s);
  EXPECT_TRUE(t.db) << s.message_fr;
  std::string code = server_cmd({"enroll-code", "--db", server_db, "--site", "eric-martigues"});
  while (!code.empty() && code.back() == '\n') code.pop_back();
  EnrollResult r;
  s = enroll_terminal(*t.db, url, code, name, ca_file, &r);
  EXPECT_TRUE(s.ok) << s.code << " " << s.message_fr;
  t.terminal_id = r.terminal_id;
  return t;
}

SyncConfig test_config() {
  SyncConfig c;
  c.connect_timeout_ms = 2000;
  c.total_timeout_ms = 10000;
  c.backoff_base_s = 0;
  c.backoff_max_s = 0;
  return c;
}

void write_file(const std::string& path, const std::string& text) {
  // Written beside then renamed: the server never reads half a fault line.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
  }
  std::filesystem::rename(tmp, path);
}

int64_t query_int(Database& db, const std::string& sql) {
  Statement st(db, sql);
  return st.step() ? st.col_int(0) : -1;
}

}  // namespace eric::test
