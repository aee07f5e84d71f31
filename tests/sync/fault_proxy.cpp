// The faulty proxy (see fault_proxy.h). One connection at a time: the terminal's sync asks
// one thing at a time, and every exchange is made to end with "Connection: close".
#include "tests/sync/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <utility>

#include "tests/sync/raw_http.h"

namespace eric::test {
namespace {

constexpr int kReadTimeoutMs = 5000;
// A stalled answer is held until the client hangs up, never longer than this.
constexpr auto kLongestStall = std::chrono::seconds(30);

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The value of a header in `head` (request or status line, then header lines), -1 if absent.
long header_number(const std::string& head, const std::string& name) {
  const std::string l = lower(head);
  const auto at = l.find("\r\n" + lower(name) + ":");
  if (at == std::string::npos) return -1;
  return std::strtol(head.c_str() + at + name.size() + 3, nullptr, 10);
}

// `head` without the header lines named in `names` (lower case).
std::string without_headers(const std::string& head, std::initializer_list<const char*> names) {
  std::string out;
  std::size_t start = 0;
  while (start < head.size()) {
    auto end = head.find("\r\n", start);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(start, end - start);
    const std::string l = lower(line);
    const bool dropped = std::any_of(names.begin(), names.end(), [&](const char* n) {
      return l.rfind(std::string(n) + ":", 0) == 0;
    });
    if (!dropped) out += line + "\r\n";
    start = end + 2;
  }
  return out;
}

bool send_all(int fd, const std::string& text) {
  std::size_t sent = 0;
  while (sent < text.size()) {
    const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// One request: its head (up to the blank line, which is not included) and its body.
bool read_request(int fd, std::string& head, std::string& body) {
  std::string in;
  char buf[16384];
  std::size_t head_end = std::string::npos;
  long length = 0;
  for (;;) {
    if (head_end == std::string::npos && (head_end = in.find("\r\n\r\n")) != std::string::npos) {
      head = in.substr(0, head_end);
      length = std::max(0L, header_number(head, "Content-Length"));
    }
    if (head_end != std::string::npos && in.size() >= head_end + 4 + length) {
      body = in.substr(head_end + 4, static_cast<std::size_t>(length));
      return true;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, kReadTimeoutMs) <= 0) return false;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return false;
    in.append(buf, static_cast<std::size_t>(n));
  }
}

// Waits until the peer of `fd` hangs up (its time-out), or `stopping` is set.
void wait_for_hang_up(int fd, const std::atomic<bool>& stopping) {
  const auto until = std::chrono::steady_clock::now() + kLongestStall;
  char buf[4096];
  while (!stopping && std::chrono::steady_clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) > 0 && ::recv(fd, buf, sizeof buf, 0) <= 0) return;
  }
}

std::string server_error_answer() {
  const std::string body =
      R"({"error":{"code":"internal","message":"Erreur du relais (test)."}})";
  return "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
         "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// The server's answer with its body cut in half and a Content-Length that says so.
std::string truncated(const std::string& answer) {
  const auto end = answer.find("\r\n\r\n");
  if (end == std::string::npos) return answer;
  const std::string body = answer.substr(end + 4, (answer.size() - end - 4) / 2);
  return without_headers(answer.substr(0, end), {"content-length"}) +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

FaultProxy::FaultProxy() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) return;
  const int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  socklen_t len = sizeof addr;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 64) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(listen_fd_);
    listen_fd_ = -1;
    return;
  }
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

FaultProxy::~FaultProxy() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

void FaultProxy::arm(Fault fault, const std::string& path_prefix) {
  std::lock_guard<std::mutex> lock(mutex_);
  armed_ = fault;
  armed_path_ = path_prefix;
}

bool FaultProxy::armed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return armed_ != Fault::none;
}

FaultProxy::Fault FaultProxy::take_fault(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (armed_ == Fault::none || path.rfind(armed_path_, 0) != 0) return Fault::none;
  ++injected_;
  return std::exchange(armed_, Fault::none);
}

void FaultProxy::serve() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const int client = ::accept(listen_fd_, nullptr, nullptr);
    if (client < 0) continue;
    handle(client);
    ::close(client);
  }
}

void FaultProxy::handle(int client) {
  std::string head, body;
  if (!read_request(client, head, body)) return;
  const auto path_start = head.find(' ') + 1;
  const std::string path = head.substr(path_start, head.find(' ', path_start) - path_start);
  const Fault fault = take_fault(path);
  if (fault == Fault::server_error) {
    (void)send_all(client, server_error_answer());
    return;
  }
  const int upstream = upstream_;
  if (upstream <= 0) return;
  // The server closes after its answer, so the answer is everything it sends. A body to cut
  // as JSON must come uncompressed.
  std::string forwarded = fault == Fault::truncated_json
                              ? without_headers(head, {"connection", "accept-encoding"})
                              : without_headers(head, {"connection"});
  forwarded += "Connection: close\r\n\r\n" + body;
  RawConnection server(upstream);
  if (server.fd() < 0 || !server.send_text(forwarded)) return;
  const std::string answer = server.read_all(kReadTimeoutMs);
  if (answer.empty()) return;
  ++forwarded_;
  switch (fault) {
    case Fault::cut_mid_body: {
      const auto end = answer.find("\r\n\r\n");
      const std::size_t keep = end == std::string::npos ? answer.size() / 2
                                                        : end + 4 + (answer.size() - end - 4) / 2;
      (void)send_all(client, answer.substr(0, keep));
      return;
    }
    case Fault::stall: wait_for_hang_up(client, stopping_); return;
    case Fault::truncated_json: (void)send_all(client, truncated(answer)); return;
    default: (void)send_all(client, answer); return;
  }
}

}  // namespace eric::test
