// Child processes for the benchmarks and the sync tests: run a program and capture what it
// wrote, or keep the real eric-regional-server running on loopback (fork/exec, never a shell).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "kiosk/core/base/status.h"

namespace eric {

// What a finished program left behind.
struct ProgramResult {
  int exit_code = -1;  // -1 when it could not run or was killed by a signal
  int signal = 0;      // the signal that killed it, 0 if none
  std::string out;     // its standard output
  std::string err;     // its standard error (or why it could not run)
};

// Runs a program (argv[0] is its path; no shell) and waits for it; `input` goes to its
// standard input.
ProgramResult run_program(const std::vector<std::string>& argv, const std::string& input = "");

// `eric-regional-server serve ... --listen 127.0.0.1:0` as a child process; stopped
// (SIGTERM, then SIGKILL after 2 s) by stop() or the destructor.
class ServerChild {
 public:
  ServerChild() = default;
  ~ServerChild();
  ServerChild(const ServerChild&) = delete;
  ServerChild& operator=(const ServerChild&) = delete;

  // Starts `server_bin serve SERVE_ARGS... --listen 127.0.0.1:0` and waits (at most 20 s) for
  // its first line, "listening on URL". Its standard error is appended to `log_file` (empty:
  // this process's). An error when it did not come up.
  Status start(const std::string& server_bin, const std::vector<std::string>& serve_args,
               const std::string& log_file);
  void stop();
  const std::string& url() const { return url_; }  // "http://127.0.0.1:PORT"
  int port() const { return port_; }
  pid_t pid() const { return pid_; }  // -1 when not running

 private:
  pid_t pid_ = -1;
  std::string url_;
  int port_ = 0;
};

}  // namespace eric
