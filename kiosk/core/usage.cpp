// Anonymous usage counters over the usage_counters table (see usage.h).
#include "kiosk/core/usage.h"

namespace eric {

namespace {

constexpr size_t kMaxKeyBytes = 80;

// Cuts at a character boundary, so a key never ends in half a UTF-8 sequence.
std::string_view cut_key(std::string_view key) {
  if (key.size() <= kMaxKeyBytes) return key;
  size_t end = kMaxKeyBytes;
  while (end > 0 && (static_cast<unsigned char>(key[end]) & 0xC0) == 0x80) --end;
  return key.substr(0, end);
}

}  // namespace

Status usage_add(Database& db, std::string_view day, std::string_view name, std::string_view key,
                 int64_t n) {
  if (day.size() != 10 || name.empty()) {
    return Status::error("bad_input", "Ce compteur d'usage n'a pas de jour ou de nom.");
  }
  Statement st(db,
               "INSERT INTO usage_counters(day, name, key, count) VALUES(?1, ?2, ?3, ?4)"
               " ON CONFLICT(day, name, key) DO UPDATE SET count = count + excluded.count");
  st.bind(1, day).bind(2, name).bind(3, cut_key(key)).bind(4, n);
  return st.run();
}

std::vector<UsageCounter> usage_of_day(Database& db, std::string_view day) {
  std::vector<UsageCounter> out;
  Statement st(db,
               "SELECT day, name, key, count FROM usage_counters WHERE day = ?1"
               " ORDER BY name, key");
  st.bind(1, day);
  while (st.step()) {
    out.push_back(UsageCounter{st.col_text(0), st.col_text(1), st.col_text(2), st.col_int(3)});
  }
  return out;
}

int64_t usage_get(Database& db, std::string_view day, std::string_view name,
                  std::string_view key) {
  Statement st(db, "SELECT count FROM usage_counters WHERE day = ?1 AND name = ?2 AND key = ?3");
  st.bind(1, day).bind(2, name).bind(3, cut_key(key));
  return st.step() ? st.col_int(0) : 0;
}

}  // namespace eric
