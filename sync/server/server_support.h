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

// A fault for the tests, read from the fault file before each request.
struct Fault {
  enum Kind { none, delay, status, retry_after, truncate, malformed } kind = none;
  int64_t arg = 0;
};
// Reads the file's first line ("delay 3000", "status 500 /v1/catalog", "truncate - /v1/outbox")
// and returns the fault when it applies to `path`. A missing or empty file is no fault.
Fault read_fault(const std::string& fault_file, const std::string& path);

}  // namespace eric::server
