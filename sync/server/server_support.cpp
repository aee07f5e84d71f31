// The regional server's plumbing (see server_support.h).
#include "sync/server/server_support.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

namespace eric::server {

void Logger::log(std::string_view level, std::string_view event, const nlohmann::json& fields) {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t t = system_clock::to_time_t(now);
  const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char stamp[40];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
  char full[48];
  std::snprintf(full, sizeof full, "%s.%03dZ", stamp, static_cast<int>(ms));
  nlohmann::json line = {{"time", full}, {"level", level}, {"event", event}};
  if (fields.is_object()) {
    for (auto it = fields.begin(); it != fields.end(); ++it) line[it.key()] = it.value();
  }
  // Invalid UTF-8 from outside (a path) must not throw: replace it.
  const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard<std::mutex> lock(mutex_);
  std::fprintf(stderr, "%s\n", text.c_str());
  std::fflush(stderr);
}

bool RateLimiter::allow(const std::string& terminal, int& retry_after_s) {
  if (per_minute_ <= 0) return true;
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  const int64_t minute = now / 60;
  std::lock_guard<std::mutex> lock(mutex_);
  auto& [window, count] = windows_[terminal];
  if (window != minute) {
    window = minute;
    count = 0;
  }
  if (++count <= per_minute_) return true;
  retry_after_s = static_cast<int>(60 - now % 60);
  return false;
}

AddressGate::Pass AddressGate::enter(const std::string& address) {
  if (address == "127.0.0.1" || address == "::1" || address == "::ffff:127.0.0.1") {
    return Pass(nullptr, {}, /*admitted=*/true);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  int& n = in_progress_[address];
  if (per_address_ > 0 && n >= per_address_) {
    if (n == 0) in_progress_.erase(address);
    return Pass(nullptr, address, /*admitted=*/false);
  }
  ++n;
  return Pass(this, address, /*admitted=*/true);
}

void AddressGate::leave(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = in_progress_.find(address);
  if (it != in_progress_.end() && --it->second <= 0) in_progress_.erase(it);  // the map stays small
}

Fault read_fault(const std::string& fault_file, const std::string& path) {
  Fault fault;
  if (fault_file.empty()) return fault;
  std::ifstream in(fault_file);
  std::string line;
  if (!in || !std::getline(in, line)) return fault;
  std::istringstream words(line);
  std::string kind, arg, prefix;
  words >> kind >> arg >> prefix;
  if (!prefix.empty() && path.rfind(prefix, 0) != 0) return fault;
  if (kind == "delay") fault.kind = Fault::delay;
  else if (kind == "status") fault.kind = Fault::status;
  else if (kind == "retry-after") fault.kind = Fault::retry_after;
  else if (kind == "truncate") fault.kind = Fault::truncate;
  else if (kind == "malformed") fault.kind = Fault::malformed;
  else return fault;
  if (!arg.empty() && arg != "-") {
    try {
      fault.arg = std::stoll(arg);
    } catch (const std::exception&) {
      fault.arg = 0;
    }
  }
  return fault;
}

}  // namespace eric::server
