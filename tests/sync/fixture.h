// Sync test fixture: temp dirs, the real eric-regional-server as a child process on loopback,
// and helpers to run the server's admin commands and eric-kioskctl.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/storage/db.h"
#include "kiosk/core/storage/store.h"
#include "sync/client.h"
#include "tests/bench/child_process.h"
#include "tests/support/test_util.h"  // TempDir

namespace eric::test {

// A program's exit code and output (the benchmark's child process helpers, shared).
using CommandResult = ProgramResult;
// Runs a program (no shell) and waits for it; `input` goes to its standard input.
inline CommandResult run(const std::vector<std::string>& argv, const std::string& input = "") {
  return run_program(argv, input);
}

// Paths of the programs under test (compiled in by CMake).
std::string server_bin();
std::string kioskctl_bin();

// Runs `eric-regional-server ARGS...`, failing the test when it exits non-zero.
std::string server_cmd(const std::vector<std::string>& args);

// eric-regional-server serve on 127.0.0.1:0, started in the constructor (it waits for the
// "listening on" line; the test fails when it does not come) and stopped in the destructor.
class ServerProcess {
 public:
  struct Options {
    std::string db;
    std::string fault_file;
    std::string cert, key;
    int page_size = 0;  // 0: the server's default
  };
  explicit ServerProcess(Options options);
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  const std::string& url() const { return child_.url(); }  // "http://127.0.0.1:PORT"
  int port() const { return child_.port(); }
  pid_t pid() const { return child_.pid(); }
  void stop() { child_.stop(); }
  const std::string& log_path() const { return log_; }

 private:
  std::string log_;  // the server's standard error: <db>.log
  ServerChild child_;
};

// A server database with a small demo catalog (fixed date, so every run is the same).
void make_demo_server_db(const std::string& db, int jobs, int seed = 42);

// A terminal: its own data dir and cache.db, enrolled with the server.
struct Terminal {
  std::string dir;
  std::unique_ptr<Database> db;
  std::string terminal_id;
};
Terminal make_terminal(const TempDir& tmp, const std::string& name, const std::string& server_db,
                       const std::string& url, const std::string& ca_file = "");

// A config for tests: short time-outs, no backoff wait (retries are due at once).
SyncConfig test_config();

// Writes text to a file (the fault file, JSON change files).
void write_file(const std::string& path, const std::string& text);

// Count of rows of a SQL query's first column (an integer).
int64_t query_int(Database& db, const std::string& sql);

}  // namespace eric::test
