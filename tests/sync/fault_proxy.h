// An HTTP proxy on 127.0.0.1 between a terminal and the regional server, which breaks one
// exchange when asked: the faults of a real network (a connection cut in the middle of an
// answer, an answer that comes after the client gave up, a 500 from something in between, a
// body cut short), which the server's own --fault-file cannot give from outside the server.
// The terminal is given the proxy's URL, so the server behind it can be killed and started
// again on another port without the terminal knowing.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

namespace eric::test {

class FaultProxy {
 public:
  enum class Fault {
    none,
    cut_mid_body,    // the server answered; the client gets the headers and half the body
    stall,           // the server answered; the client gets nothing until it gives up
    server_error,    // answered 500 by the proxy; the server never sees the request
    truncated_json,  // a complete 200 whose body is half the server's JSON (uncompressed)
  };

  FaultProxy();  // listens on a free port of 127.0.0.1 and serves on its own thread
  ~FaultProxy();
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  bool listening() const { return port_ > 0; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Where requests go; 0: nowhere (each connection is closed as soon as its request is read).
  void set_upstream(int port) { upstream_ = port; }
  // The next request whose path starts with `path_prefix` gets `fault`, once.
  void arm(Fault fault, const std::string& path_prefix);
  bool armed() const;
  int faults_injected() const { return injected_; }
  int requests_forwarded() const { return forwarded_; }

 private:
  void serve();
  void handle(int client);
  Fault take_fault(const std::string& path);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<int> upstream_{0};
  std::atomic<int> injected_{0}, forwarded_{0};
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  Fault armed_ = Fault::none;
  std::string armed_path_;
  std::thread thread_;
};

}  // namespace eric::test
