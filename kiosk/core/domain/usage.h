// Anonymous usage counters per day (paths started, searches, searches that found nothing).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

#include "kiosk/core/storage/db.h"

namespace eric {

// One counter of one day: name is what happened ("jobs.search_no_result"), key says of what
// (folded words, a trade code, a family letter); never anything that names a person.
struct UsageCounter {
  std::string day;  // "YYYY-MM-DD"
  std::string name;
  std::string key;
  int64_t count = 0;
};

// Adds n to the counter (day, name, key), creating it at n. Keys are cut to 80 bytes so a
// visitor cannot fill the table with one long text.
Status usage_add(Database& db, std::string_view day, std::string_view name, std::string_view key,
                 int64_t n = 1);

// The counters of one day, by name then key.
std::vector<UsageCounter> usage_of_day(Database& db, std::string_view day);

// The value of one counter (0 when absent).
int64_t usage_get(Database& db, std::string_view day, std::string_view name,
                  std::string_view key);

// Counters the UI gathers while visitors move, held in memory and written by flush(), which
// never waits for the write lock: the sync worker holds that lock for the whole apply of a
// catalog (seconds for a full one), and a frame must not wait for a counter.
class UsageTally {
 public:
  // Adds n to the held counter. Past kMaxHeld distinct counters (a file busy for a very long
  // time), further new ones are only counted as "usage.overflow" so memory stays bounded.
  void add(std::string_view day, std::string_view name, std::string_view key, int64_t n = 1);
  // Writes every held counter in one transaction and forgets them; when another connection
  // holds the write lock, returns code "sqlite_busy" at once and keeps them for the next call.
  Status flush(Database& db);
  bool empty() const { return held_.empty(); }
  // What is held, not yet written, for this counter.
  int64_t held(std::string_view day, std::string_view name, std::string_view key) const;
  size_t size() const { return held_.size(); }

  static constexpr size_t kMaxHeld = 4096;

 private:
  std::map<std::tuple<std::string, std::string, std::string>, int64_t> held_;
};

// The counters of every finished day (before `today`) not reported yet go to the outbox, one
// "usage" item per day: {"day": "2026-11-20", "counters": {"jobs.search|trade:F1703": 4}}
// ("name|key", or "name" alone when the key is empty). Written in one transaction with the
// last day reported (setting "usage_reported_through"), so a day is never sent twice.
// Returns the number of items added.
Result<int> usage_report_finished_days(Database& db, std::string_view today, int64_t now_s);

}  // namespace eric
