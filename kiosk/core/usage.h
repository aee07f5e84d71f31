// Anonymous usage counters per day (paths started, searches, searches that found nothing).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/db.h"

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

}  // namespace eric
