// Local tables of the terminal: settings, sync state and the outbox of visitors' requests.
#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include "kiosk/core/base/random.h"
#include "kiosk/core/storage/store.h"

namespace eric {

namespace {

std::optional<std::string> kv_get(Database& db, const char* sql, std::string_view key) {
  Statement s(db, sql);
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.col_text(0);
}

int64_t to_int(const std::optional<std::string>& v) {
  int64_t n = 0;
  if (!v) return 0;
  // A hand-edited or damaged value reads as 0 rather than stopping the terminal.
  std::from_chars(v->data(), v->data() + v->size(), n);
  return n;
}

constexpr const char* kOutboxColumns =
    "id, type, payload, created_at, state, attempts, next_attempt_at, last_error, server_ref, "
    "reason, purge_after, purged";

OutboxItem read_item(const Statement& s) {
  OutboxItem it;
  it.id = s.col_text(0);
  it.type = s.col_text(1);
  it.payload_json = s.col_text(2);
  it.created_at = s.col_int(3);
  parse_outbox_state(s.col_view(4), it.state);
  it.attempts = static_cast<int>(s.col_int(5));
  it.next_attempt_at = s.col_int(6);
  it.last_error = s.col_text(7);
  it.server_ref = s.col_text(8);
  it.reason = s.col_text(9);
  it.purge_after = s.col_int(10);
  it.purged = s.col_int(11) != 0;
  return it;
}

}  // namespace

std::optional<std::string> setting_get(Database& db, std::string_view key) {
  return kv_get(db, "SELECT value FROM settings WHERE key = ?1", key);
}

std::string setting_get_or(Database& db, std::string_view key, std::string_view fallback) {
  auto v = setting_get(db, key);
  return v ? *v : std::string(fallback);
}

Status setting_set(Database& db, std::string_view key, std::string_view value) {
  Statement s(db,
              "INSERT INTO settings(key, value) VALUES(?1, ?2) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.bind(1, key).bind(2, value);
  return s.run();
}

int setting_int_or(Database& db, std::string_view key, int fallback, int lo, int hi) {
  const std::string v = setting_get_or(db, key, "");
  int n = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || n < lo || n > hi) {
    return fallback;
  }
  return n;
}

int64_t personal_data_retention_seconds(Database& db) {
  // A damaged or absurd setting falls back to the documented default rather than keeping
  // personal data for ever or dropping it before delivery.
  return int64_t{setting_int_or(db, "retention_days", 30, 1, 3650)} * 86400;
}

std::optional<std::string> sync_value_get(Database& db, std::string_view key) {
  return kv_get(db, "SELECT value FROM sync_state WHERE key = ?1", key);
}

Status sync_value_set(Database& db, std::string_view key, std::string_view value) {
  Statement s(db,
              "INSERT INTO sync_state(key, value) VALUES(?1, ?2) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.bind(1, key).bind(2, value);
  return s.run();
}

SyncState load_sync_state(Database& db) {
  SyncState st;
  st.cursor = sync_value_get(db, "cursor").value_or("");
  st.last_attempt = to_int(sync_value_get(db, "last_attempt"));
  st.last_success = to_int(sync_value_get(db, "last_success"));
  st.last_error_code = sync_value_get(db, "last_error_code").value_or("");
  st.last_error_message = sync_value_get(db, "last_error_message").value_or("");
  st.last_changes = to_int(sync_value_get(db, "last_changes"));
  return st;
}

Status save_sync_state(Database& db, const SyncState& st) {
  // One transaction unless the caller already holds one (the sync writes its cursor together
  // with the catalog it describes).
  const bool own = !db.in_transaction();
  std::unique_ptr<Transaction> tx;
  if (own) {
    tx = std::make_unique<Transaction>(db);
    if (!tx->ok()) return tx->status();
  }
  const std::pair<const char*, std::string> values[] = {
      {"cursor", st.cursor},
      {"last_attempt", std::to_string(st.last_attempt)},
      {"last_success", std::to_string(st.last_success)},
      {"last_error_code", st.last_error_code},
      {"last_error_message", st.last_error_message},
      {"last_changes", std::to_string(st.last_changes)},
  };
  for (const auto& [key, value] : values) {
    Status s = sync_value_set(db, key, value);
    if (!s.ok) return s;
  }
  return own ? tx->commit() : Status::success();
}

const char* outbox_state_name(OutboxState s) {
  switch (s) {
    case OutboxState::pending: return "pending";
    case OutboxState::sending: return "sending";
    case OutboxState::accepted: return "accepted";
    case OutboxState::rejected: return "rejected";
  }
  return "pending";
}

bool parse_outbox_state(std::string_view text, OutboxState& out) {
  for (OutboxState s : {OutboxState::pending, OutboxState::sending, OutboxState::accepted,
                        OutboxState::rejected}) {
    if (text == outbox_state_name(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

Result<std::string> outbox_add(Database& db, std::string_view type, std::string_view payload_json,
                               int64_t created_at, int64_t purge_after) {
  Result<std::string> r;
  if (type.empty()) {
    r.status = Status::error("bad_input", "Type de demande manquant.");
    return r;
  }
  if (!nlohmann::json::accept(payload_json)) {
    r.status = Status::error("bad_input", "Le contenu de la demande n'est pas du JSON valide.");
    return r;
  }
  const std::string id = new_uuid_v4();
  Statement s(db, "INSERT INTO outbox(id, type, payload, created_at, next_attempt_at, purge_after)"
                  " VALUES(?1, ?2, ?3, ?4, ?4, ?5)");
  s.bind(1, id).bind(2, type).bind(3, payload_json).bind(4, created_at).bind(5, purge_after);
  r.status = s.run();
  if (r.ok()) r.value = id;
  return r;
}

std::vector<OutboxItem> outbox_pending(Database& db, int64_t now, int limit) {
  std::vector<OutboxItem> out;
  Statement s(db, std::string("SELECT ") + kOutboxColumns +
                      " FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?1 "
                      "ORDER BY created_at, rowid LIMIT ?2");
  s.bind(1, now).bind(2, limit);
  while (s.step()) out.push_back(read_item(s));
  return out;
}

std::optional<OutboxItem> outbox_get(Database& db, std::string_view id) {
  Statement s(db, std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_item(s);
}

std::vector<OutboxItem> outbox_recent(Database& db, int limit) {
  std::vector<OutboxItem> out;
  Statement s(db, std::string("SELECT ") + kOutboxColumns +
                      " FROM outbox ORDER BY created_at DESC, rowid DESC LIMIT ?1");
  s.bind(1, limit);
  while (s.step()) out.push_back(read_item(s));
  return out;
}

Status outbox_mark(Database& db, std::string_view id, OutboxState state,
                   std::string_view server_ref, std::string_view reason,
                   std::string_view last_error, int64_t next_attempt_at) {
  Statement s(db,
              "UPDATE outbox SET state = ?2, server_ref = ?3, reason = ?4, last_error = ?5, "
              "next_attempt_at = ?6, attempts = attempts + (?2 = 'sending') WHERE id = ?1");
  s.bind(1, id).bind(2, outbox_state_name(state)).bind(3, server_ref).bind(4, reason)
      .bind(5, last_error).bind(6, next_attempt_at);
  Status st = s.run();
  if (st.ok && db.changes() == 0) {
    return Status::error("not_found", "Demande introuvable dans la file d'envoi.");
  }
  return st;
}

Status outbox_requeue_sending(Database& db) {
  return db.exec("UPDATE outbox SET state = 'pending' WHERE state = 'sending';");
}

OutboxCounts outbox_counts_by_state(Database& db) {
  OutboxCounts c;
  Statement s(db, "SELECT state, count(*) FROM outbox GROUP BY state");
  while (s.step()) {
    OutboxState st;
    if (!parse_outbox_state(s.col_view(0), st)) continue;
    const int64_t n = s.col_int(1);
    switch (st) {
      case OutboxState::pending: c.pending = n; break;
      case OutboxState::sending: c.sending = n; break;
      case OutboxState::accepted: c.accepted = n; break;
      case OutboxState::rejected: c.rejected = n; break;
    }
  }
  return c;
}

Result<int64_t> outbox_purge(Database& db, int64_t now) {
  Result<int64_t> r;
  Transaction tx(db);
  if (!tx.ok()) {
    r.status = tx.status();
    return r;
  }
  constexpr const char* kDue = "purged = 0 AND purge_after > 0 AND purge_after <= ?1";
  Statement regs(db, std::string("UPDATE workshop_registrations SET first_name = '', contact = '' "
                                 "WHERE outbox_id IN (SELECT id FROM outbox WHERE ") +
                         kDue + ")");
  regs.bind(1, now);
  r.status = regs.run();
  if (!r.ok()) return r;
  Statement items(db, std::string("UPDATE outbox SET payload = '{}', purged = 1, "
                                  "reason = CASE WHEN state IN ('pending','sending') "
                                  "THEN 'purged_undelivered' ELSE reason END, "
                                  "state = CASE WHEN state IN ('pending','sending') "
                                  "THEN 'rejected' ELSE state END WHERE ") +
                          kDue);
  items.bind(1, now);
  r.status = items.run();
  if (!r.ok()) return r;
  r.value = db.changes();
  r.status = tx.commit();
  return r;
}

}  // namespace eric
