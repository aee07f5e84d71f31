// The systemd side of the notify protocol, for the session test: binds a Unix datagram socket
// at PATH (what NOTIFY_SOCKET names), and prints each message it receives, one line per
// assignment, after the milliseconds since start ("1234 WATCHDOG=1"), for SECONDS at most.
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

// The socket and its file, closed and removed however the program ends.
class DatagramSocket {
 public:
  explicit DatagramSocket(const std::string& path) : path_(path) {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (fd_ < 0 || path.size() >= sizeof addr.sun_path) return;
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    unlink(path.c_str());
    if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(fd_);
      fd_ = -1;
      return;
    }
    // The kiosk runs as another user than the test when the test is root (cage refuses root).
    chmod(path.c_str(), 0666);
  }
  ~DatagramSocket() {
    if (fd_ >= 0) close(fd_);
    unlink(path_.c_str());
  }
  DatagramSocket(const DatagramSocket&) = delete;
  DatagramSocket& operator=(const DatagramSocket&) = delete;
  int fd() const { return fd_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: notify_listener PATH SECONDS\n");
    return 2;
  }
  DatagramSocket sock(argv[1]);
  if (sock.fd() < 0) {
    std::perror("notify_listener: bind");
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + std::chrono::seconds(std::atoi(argv[2]));
  std::printf("0 LISTENING\n");
  std::fflush(stdout);
  char buffer[4096];
  while (std::chrono::steady_clock::now() < end) {
    pollfd p{sock.fd(), POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    const ssize_t n = recv(sock.fd(), buffer, sizeof buffer - 1, 0);
    if (n <= 0) continue;
    buffer[n] = '\0';
    const long long ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - start)
                             .count();
    // One message may carry several assignments, one a line.
    for (char* line = std::strtok(buffer, "\n"); line; line = std::strtok(nullptr, "\n")) {
      std::printf("%lld %s\n", ms, line);
    }
    std::fflush(stdout);
  }
  return 0;
}
