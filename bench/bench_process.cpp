// eric-bench sync: child processes (see bench_process.h). fork/exec with files, never a shell.
#include "bench/bench_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace eric::bench {
namespace {

std::vector<char*> c_args(std::vector<std::string>& argv) {
  std::vector<char*> out;
  for (auto& a : argv) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

int open_log(const std::string& path) {
  if (path.empty()) return dup(2);
  return open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

}  // namespace

int run_program(const std::vector<std::string>& argv_in, std::string* out,
                const std::string& err_file) {
  std::vector<std::string> argv = argv_in;
  if (argv.empty()) return -1;
  // Output through a temporary file: a pipe could fill up and block the child.
  char out_name[] = "/tmp/eric-bench-out-XXXXXX";
  const int out_fd = mkstemp(out_name);
  const int err_fd = open_log(err_file);
  if (out_fd < 0 || err_fd < 0) {
    if (out_fd >= 0) close(out_fd);
    if (err_fd >= 0) close(err_fd);
    return -1;
  }
  unlink(out_name);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    auto args = c_args(argv);
    execv(args[0], args.data());
    _exit(127);
  }
  close(err_fd);
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) {
    close(out_fd);
    return -1;
  }
  if (out) {
    out->clear();
    lseek(out_fd, 0, SEEK_SET);
    char buf[8192];
    ssize_t n;
    while ((n = read(out_fd, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  }
  close(out_fd);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ServerChild::~ServerChild() { stop(); }

bool ServerChild::start(const std::string& server_bin, const std::vector<std::string>& serve_args,
                        const std::string& log_file, std::string& error) {
  std::vector<std::string> argv = {server_bin, "serve"};
  argv.insert(argv.end(), serve_args.begin(), serve_args.end());
  argv.insert(argv.end(), {"--listen", "127.0.0.1:0"});
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) {
    error = "pipe failed";
    return false;
  }
  const int log_fd = open_log(log_file);
  pid_ = fork();
  if (pid_ == 0) {
    dup2(pipe_fds[1], 1);
    if (log_fd >= 0) dup2(log_fd, 2);
    close(pipe_fds[0]);
    auto args = c_args(argv);
    execv(args[0], args.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  if (log_fd >= 0) close(log_fd);
  if (pid_ < 0) {
    close(pipe_fds[0]);
    error = "fork failed";
    return false;
  }
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{pipe_fds[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char c;
    if (read(pipe_fds[0], &c, 1) != 1) break;
    line.push_back(c);
  }
  close(pipe_fds[0]);
  const std::string prefix = "listening on ";
  if (line.rfind(prefix, 0) != 0) {
    error = "the server did not start (" + server_bin + "), see " + log_file;
    stop();
    return false;
  }
  url_ = line.substr(prefix.size());
  while (!url_.empty() && (url_.back() == '\n' || url_.back() == '\r')) url_.pop_back();
  return true;
}

void ServerChild::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
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

}  // namespace eric::bench
