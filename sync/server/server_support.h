// The regional server's plumbing: structured logs, per-terminal rate limits and the
// test-only fault file (see PROTOCOL.md, "Test-only fault injection").
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace eric::server {

// One JSON object per line on stderr: time, level, event and fields. Callers never pass
// personal data (no names, contacts, tokens), only ids, counts and codes.
class Logger {
 public:
  void log(std::string_view level, std::string_view event,
           const nlohmann::json& fields = nlohmann::json::object());

 private:
  std::mutex mutex_;
};

// At most N requests per terminal per minute; beyond, 429 with Retry-After.
class RateLimiter {
 public:
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  // True when allowed; otherwise retry_after_s says how long to wait.
  bool allow(const std::string& terminal, int& retry_after_s);

 private:
  int per_minute_;
  std::mutex mutex_;
  std::map<std::string, std::pair<int64_t, int>> windows_;  // terminal -> (minute, count)
};

// Bounds the requests of one client address in progress at once, so one address cannot take
// every worker. A Pass is held for the request's whole handling. The loopback address
// 127.0.0.1 (::1) is not bounded: in production it is nginx, in front of every terminal,
// which bounds each real address itself (limit_conn, see README).
class AddressGate {
 public:
  explicit AddressGate(int per_address) : per_address_(per_address) {}
  class Pass {
   public:
    // `gate` is where to give the place back (null: nothing was counted).
    Pass(AddressGate* gate, std::string address, bool admitted)
        : gate_(gate), address_(std::move(address)), admitted_(admitted) {}
    ~Pass() { if (gate_) gate_->leave(address_); }
    Pass(Pass&& other) noexcept
        : gate_(other.gate_), address_(std::move(other.address_)), admitted_(other.admitted_) {
      other.gate_ = nullptr;
    }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    Pass& operator=(Pass&&) = delete;
    bool admitted() const { return admitted_; }

   private:
    AddressGate* gate_;
    std::string address_;
    bool admitted_;
  };
  // A pass that is not admitted() when the address already has its bound of requests.
  Pass enter(const std::string& address);

 private:
  void leave(const std::string& address);
  int per_address_;
  std::mutex mutex_;
  std::map<std::string, int> in_progress_;
};

// A fault for the tests, read from the fault file before each request.
struct Fault {
  enum Kind { none, delay, status, retry_after, truncate, malformed } kind = none;
  int64_t arg = 0;
};
// Reads the file's first line ("delay 3000", "status 500 /v1/catalog", "truncate - /v1/outbox")
// and returns the fault when it applies to `path`. A missing or empty file is no fault.
Fault read_fault(const std::string& fault_file, const std::string& path);

}  // namespace eric::server
