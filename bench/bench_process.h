// eric-bench sync: child processes (the real eric-regional-server and its admin commands).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace eric::bench {

// Runs a program (no shell) and waits for it. Returns its exit status (-1 when it could not
// run or was killed); its standard output goes to `out`, its standard error to `err_file`
// (appended; empty: the bench's own standard error).
int run_program(const std::vector<std::string>& argv, std::string* out = nullptr,
                const std::string& err_file = "");

// `eric-regional-server serve` on 127.0.0.1, a free port; stopped (SIGTERM) by the destructor.
class ServerChild {
 public:
  ServerChild() = default;
  ~ServerChild();
  ServerChild(const ServerChild&) = delete;
  ServerChild& operator=(const ServerChild&) = delete;

  // Starts the server and waits (at most 20 s) for its "listening on URL" line. Its logs go
  // to `log_file`. False with `error` set when it did not come up.
  bool start(const std::string& server_bin, const std::vector<std::string>& serve_args,
             const std::string& log_file, std::string& error);
  void stop();
  const std::string& url() const { return url_; }

 private:
  pid_t pid_ = -1;
  std::string url_;
};

}  // namespace eric::bench
