// HTTP/1.1 by hand over a loopback socket, for the tests that must send what no well-behaved
// client sends: any Content-Type, a body nested 100,000 deep, a request a byte at a time, a
// chosen source address (127.0.0.2 is loopback too, but another client address).
#pragma once

#include <string>

namespace eric::test {

// A TCP connection to 127.0.0.1:port from `source` (any address of 127/8); closed on
// destruction. fd() is -1 when the connection failed.
class RawConnection {
 public:
  RawConnection(int port, const std::string& source = "127.0.0.1");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  int fd() const { return fd_; }
  bool send_text(const std::string& text);
  // Reads until the peer closes or `timeout_ms` passes without a byte.
  std::string read_all(int timeout_ms);

 private:
  int fd_ = -1;
};

// Sends `request` (its headers should say "Connection: close") and returns the whole answer,
// or "" when nothing came within timeout_ms.
std::string http_exchange(int port, const std::string& request, int timeout_ms = 10000,
                          const std::string& source = "127.0.0.1");
// A request's text: method, target, headers (each "Name: value\r\n"), then the body with its
// Content-Length, and "Connection: close".
std::string http_request(const std::string& method, const std::string& target,
                         const std::string& headers, const std::string& body = "");
// The status code of an answer ("HTTP/1.1 400 Bad Request" gives 400), 0 when none.
int http_status(const std::string& answer);
// The body of an answer (after the blank line).
std::string http_body(const std::string& answer);

}  // namespace eric::test
