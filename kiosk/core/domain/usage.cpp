// Anonymous usage counters over the usage_counters table (see usage.h).
#include "kiosk/core/domain/usage.h"

#include "kiosk/core/domain/requests.h"
#include "kiosk/core/storage/store.h"
#include <nlohmann/json.hpp>

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

void UsageTally::add(std::string_view day, std::string_view name, std::string_view key,
                     int64_t n) {
  auto id = std::make_tuple(std::string(day), std::string(name), std::string(cut_key(key)));
  auto it = held_.find(id);
  if (it != held_.end()) {
    it->second += n;
    return;
  }
  if (held_.size() >= kMaxHeld) id = std::make_tuple(std::string(day), "usage.overflow", "");
  held_[std::move(id)] += n;
}

int64_t UsageTally::held(std::string_view day, std::string_view name,
                         std::string_view key) const {
  auto it = held_.find(std::make_tuple(std::string(day), std::string(name),
                                       std::string(cut_key(key))));
  return it == held_.end() ? 0 : it->second;
}

Status UsageTally::flush(Database& db) {
  if (held_.empty()) return Status::success();
  Transaction tx(db, LockWait::No);
  if (!tx.ok()) return tx.status();
  for (const auto& [id, n] : held_) {
    const auto& [day, name, key] = id;
    Status s = usage_add(db, day, name, key, n);
    // A counter the table refuses (no day) would block every later flush: drop it.
    if (!s && s.code != "bad_input") return s;
  }
  Status s = tx.commit();
  if (s) held_.clear();
  return s;
}

Result<int> usage_report_finished_days(Database& db, std::string_view today, int64_t now_s) {
  Result<int> r;
  Transaction tx(db);
  if (!tx.ok()) {
    r.status = tx.status();
    return r;
  }
  const std::string reported = setting_get_or(db, "usage_reported_through", "");
  Statement days(db,
                 "SELECT day, name, key, count FROM usage_counters WHERE day > ?1 AND day < ?2"
                 " ORDER BY day, name, key");
  days.bind(1, reported).bind(2, today);
  std::string last_day;
  UsagePayload payload;
  auto send = [&]() -> Status {
    if (last_day.empty()) return Status::success();
    payload.day = last_day;
    // Keys come from what visitors typed: the writer replaces a byte that is not UTF-8.
    // Nothing personal: never purged (purge_after 0).
    auto item = outbox_add(db, kUsageType, request_payload_json(payload), now_s, 0);
    if (!item.ok()) return item.status;
    ++r.value;
    payload.counters.clear();
    return Status::success();
  };
  while (days.step()) {
    std::string day = days.col_text(0);
    if (day != last_day) {
      r.status = send();
      if (!r.ok()) return r;
      last_day = std::move(day);
    }
    std::string name = days.col_text(1);
    const std::string key = days.col_text(2);
    if (!key.empty()) name += "|" + key;
    payload.counters[name] = days.col_int(3);
  }
  if (!days.ok()) {
    r.status = days.status();
    return r;
  }
  r.status = send();
  if (r.ok() && !last_day.empty()) r.status = setting_set(db, "usage_reported_through", last_day);
  if (r.ok()) r.status = tx.commit();
  return r;
}

}  // namespace eric
