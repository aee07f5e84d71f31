// Child processes (see child_process.h): fork/exec with files and pipes, never a shell.
#include "tests/bench/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace eric {
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

// An unlinked temporary file, closed at the end: a child's standard stream.
class TempFd {
 public:
  TempFd() {
    char name[] = "/tmp/eric-child-XXXXXX";
    fd_ = mkstemp(name);
    if (fd_ >= 0) unlink(name);
  }
  ~TempFd() {
    if (fd_ >= 0) close(fd_);
  }
  TempFd(const TempFd&) = delete;
  TempFd& operator=(const TempFd&) = delete;
  int fd() const { return fd_; }
  std::string read_from_start() const {
    lseek(fd_, 0, SEEK_SET);
    return read_all(fd_);
  }

 private:
  int fd_ = -1;
};

}  // namespace

ProgramResult run_program(const std::vector<std::string>& argv_in, const std::string& input) {
  ProgramResult r;
  std::vector<std::string> argv = argv_in;
  if (argv.empty()) {
    r.err = "no program to run";
    return r;
  }
  // Output goes to files: no pipe can fill up and block the child.
  TempFd in, out, err;
  if (in.fd() < 0 || out.fd() < 0 || err.fd() < 0 ||
      write(in.fd(), input.data(), input.size()) != static_cast<ssize_t>(input.size())) {
    r.err = "no temporary file for " + argv[0];
    return r;
  }
  lseek(in.fd(), 0, SEEK_SET);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(in.fd(), 0);
    dup2(out.fd(), 1);
    dup2(err.fd(), 2);
    auto args = c_args(argv);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) {
    r.err = "could not run " + argv[0];
    return r;
  }
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = out.read_from_start();
  r.err = err.read_from_start();
  return r;
}

ServerChild::~ServerChild() { stop(); }

Status ServerChild::start(const std::string& server_bin, const std::vector<std::string>& serve_args,
                          const std::string& log_file) {
  std::vector<std::string> argv = {server_bin, "serve"};
  argv.insert(argv.end(), serve_args.begin(), serve_args.end());
  argv.insert(argv.end(), {"--listen", "127.0.0.1:0"});
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return Status::error("pipe", "pipe failed");
  const int log_fd = log_file.empty()
                         ? dup(2)
                         : open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
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
    return Status::error("fork", "fork failed");
  }
  // The first line says where it listens.
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
    stop();
    return Status::error("server_start", "the server did not start (" + server_bin + "): \"" +
                                             line + "\", see " + log_file);
  }
  url_ = line.substr(prefix.size());
  while (!url_.empty() && (url_.back() == '\n' || url_.back() == '\r')) url_.pop_back();
  port_ = std::atoi(url_.substr(url_.rfind(':') + 1).c_str());
  return Status::success();
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

}  // namespace eric
