// Sync test fixture (see fixture.h).
#include "tests/sync/fixture.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace eric::test {
namespace {

std::vector<char*> c_args(std::vector<std::string>& argv) {
  std::vector<char*> out;
  for (auto& a : argv) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

std::string read_all(int fd) {
  std::string out;
  char buf[8192];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "eric-sync-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  if (!made) std::abort();
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

CommandResult run(const std::vector<std::string>& argv_in, const std::string& input) {
  std::vector<std::string> argv = argv_in;
  // Output goes to files: no pipe can fill up and block the child.
  char out_name[] = "/tmp/eric-run-out-XXXXXX";
  char err_name[] = "/tmp/eric-run-err-XXXXXX";
  char in_name[] = "/tmp/eric-run-in-XXXXXX";
  const int out_fd = mkstemp(out_name), err_fd = mkstemp(err_name), in_fd = mkstemp(in_name);
  if (write(in_fd, input.data(), input.size()) != static_cast<ssize_t>(input.size())) std::abort();
  lseek(in_fd, 0, SEEK_SET);
  CommandResult r;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    auto args = c_args(argv);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  lseek(out_fd, 0, SEEK_SET);
  lseek(err_fd, 0, SEEK_SET);
  r.out = read_all(out_fd);
  r.err = read_all(err_fd);
  for (int fd : {out_fd, err_fd, in_fd}) close(fd);
  unlink(out_name);
  unlink(err_name);
  unlink(in_name);
  return r;
}

std::string server_bin() { return ERIC_SERVER_BIN; }
std::string kioskctl_bin() { return ERIC_KIOSKCTL_BIN; }

std::string server_cmd(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {server_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  CommandResult r = run(argv);
  EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
  return r.out;
}

ServerProcess::ServerProcess(Options options) : options_(std::move(options)) {
  log_ = options_.db + ".log";
  std::vector<std::string> argv = {server_bin(), "serve", "--db", options_.db, "--listen",
                                   "127.0.0.1:0"};
  if (!options_.fault_file.empty()) {
    argv.insert(argv.end(), {"--fault-file", options_.fault_file});
  }
  if (!options_.cert.empty()) argv.insert(argv.end(), {"--cert", options_.cert, "--key", options_.key});
  if (options_.page_size > 0) argv.insert(argv.end(), {"--page-size", std::to_string(options_.page_size)});
  int out[2];
  if (pipe(out) != 0) std::abort();
  const int log_fd = open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], 1);
    dup2(log_fd, 2);
    close(out[0]);
    auto args = c_args(argv);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  close(log_fd);
  // The first line says where it listens; wait for it (at most 10 s).
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char c;
    if (read(out[0], &c, 1) != 1) break;
    line.push_back(c);
  }
  close(out[0]);
  const std::string prefix = "listening on ";
  if (line.rfind(prefix, 0) != 0) {
    ADD_FAILURE() << "server did not start: " << line;
    return;
  }
  url_ = line.substr(prefix.size());
  while (!url_.empty() && url_.back() == '\n') url_.pop_back();
  port_ = std::atoi(url_.substr(url_.rfind(':') + 1).c_str());
}

void ServerProcess::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 50; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

ServerProcess::~ServerProcess() { stop(); }

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
