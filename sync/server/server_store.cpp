// The regional server's store (see server_store.h): schema, catalog feed, enrolment, bundles.
#include "sync/server/server_store.h"

#include <openssl/rand.h>

#include <charconv>
#include <ctime>

#include "sync/server/record_json.h"
#include "sync/server/server_outbox.h"
#include "sync/server/server_schema.h"

namespace eric::server {
namespace {

int64_t meta_value(Database& db, const char* key) {
  Statement st(db, "SELECT value FROM meta WHERE key = ?");
  st.bind(1, key);
  return st.step() ? st.col_int(0) : 0;
}

Status set_meta(Database& db, const char* key, int64_t value) {
  Statement st(db, "INSERT INTO meta(key, value) VALUES(?, ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  st.bind(1, key).bind(2, value);
  return st.run();
}

// The seat count of a slot or workshop, so the edit keeps the server's `taken`.
template <class R> Status keep_seats(Database& db, const char* type, R& r) {
  Statement get(db, "SELECT taken FROM seats WHERE type = ? AND id = ?");
  get.bind(1, type).bind(2, r.id);
  if (get.step()) r.taken = static_cast<int>(get.col_int(0));
  if (!get.ok()) return get.status();
  Statement put(db, "INSERT INTO seats(type, id, capacity, taken) VALUES(?, ?, ?, ?) "
                    "ON CONFLICT(type, id) DO UPDATE SET capacity = excluded.capacity");
  put.bind(1, type).bind(2, r.id).bind(3, r.capacity).bind(4, r.taken);
  return put.run();
}

constexpr char kCodeAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

// Codes are typed by people: case, spaces and hyphens do not matter.
std::string normalize_code(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out.push_back(static_cast<char>((c >= 'a' && c <= 'z') ? c - 32 : c));
  }
  return out;
}

}  // namespace

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::unique_ptr<Database> open_server_db(const std::string& path, Status& status) {
  OpenOptions options;
  options.busy_timeout_ms = 10000;  // bookings queue behind each other rather than fail
  auto db = Database::open(path, status, options);
  if (!db) return nullptr;
  status = migrate_server_db(*db);
  if (!status) return nullptr;
  return db;
}

ConnectionPool::Lease ConnectionPool::acquire(Status& status) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!free_.empty()) {
      auto db = std::move(free_.back());
      free_.pop_back();
      status = Status::success();
      return Lease(*this, std::move(db));
    }
  }
  OpenOptions options;
  options.busy_timeout_ms = 10000;
  options.create = false;
  return Lease(*this, Database::open(path_, status, options));
}

void ConnectionPool::give_back(std::unique_ptr<Database> db) {
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(std::move(db));
}

ServerCatalogWriter::ServerCatalogWriter(Database& db) : db_(db), tx_(db), status_(tx_.status()) {}

int64_t ServerCatalogWriter::next_cursor() {
  if (next_ == 0) next_ = meta_value(db_, "cursor") + 1;
  return next_++;
}

Status ServerCatalogWriter::upsert(Record record) {
  if (!status_) return status_;
  std::string site;
  if (auto* slot = std::get_if<ImmersionSlot>(&record)) {
    status_ = keep_seats(db_, "immersion_slot", *slot);
  } else if (auto* w = std::get_if<Workshop>(&record)) {
    site = w->site_id;
    status_ = keep_seats(db_, "workshop", *w);
    if (status_ && w->cancelled) status_ = cancel_workshop_registrations(db_, w->id);
  }
  if (!status_) return status_;
  const int64_t cursor = next_cursor();
  if (!upsert_) {
    upsert_ = std::make_unique<Statement>(
        db_, "INSERT INTO records(type, id, site, data, cursor, deleted) "
             "VALUES(?, ?, ?, ?, ?, 0) ON CONFLICT(type, id) DO UPDATE SET "
             "site = excluded.site, data = excluded.data, cursor = excluded.cursor, "
             "deleted = 0", /*persistent=*/true);
  }
  // Bound without a copy (they live until run() returns): SQLite's copies of the texts were
  // 2 % of an import's instructions.
  const std::string id = record_id(record), data = record_json_text(record);
  Statement& st = *upsert_;
  st.bind_ref(1, record_type_name(record_type(record))).bind_ref(2, id);
  if (site.empty()) st.bind_null(3); else st.bind_ref(3, site);
  st.bind_ref(4, data).bind(5, cursor);
  status_ = st.run();
  if (status_) ++written_;
  return status_;
}

Status ServerCatalogWriter::remove(RecordType type, const std::string& id) {
  if (!status_) return status_;
  const int64_t cursor = next_cursor();
  const std::string_view name = record_type_name(type);
  Statement st(db_, "UPDATE records SET data = NULL, deleted = 1, cursor = ? "
                    "WHERE type = ? AND id = ? AND deleted = 0");
  st.bind(1, cursor).bind(2, name).bind(3, id);
  status_ = st.run();
  if (status_ && db_.changes() > 0) ++written_;
  if (status_) {
    Statement seats(db_, "DELETE FROM seats WHERE type = ? AND id = ?");
    seats.bind(1, name).bind(2, id);
    status_ = seats.run();
  }
  return status_;
}

Status ServerCatalogWriter::apply(const CatalogChange& change) {
  return change.deleted ? remove(change.type, change.id) : upsert(change.record);
}

Status ServerCatalogWriter::commit() {
  if (!status_) return status_;
  if (next_ > 0) status_ = set_meta(db_, "cursor", next_ - 1);
  if (status_) status_ = tx_.commit();
  return status_;
}

int64_t current_cursor(Database& db) { return meta_value(db, "cursor"); }
int64_t history_floor(Database& db) { return meta_value(db, "history_floor"); }

bool parse_cursor(const std::string& text, int64_t& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && out >= 0;
}

bool has_changes_after(Database& db, const std::string& site, int64_t since) {
  Statement st(db, "SELECT 1 FROM records WHERE cursor > ? AND (site IS NULL OR site = ?) LIMIT 1");
  st.bind(1, since).bind(2, site);
  return st.step();
}

Status read_catalog_page(Database& db, const std::string& site, const std::string& since,
                         int64_t limit, CatalogPageAnswer& out) {
  // One read transaction, so the floor, the feed's end and the page agree.
  ReadTransaction read(db);
  if (!read.ok()) return read.status();
  const int64_t floor = history_floor(db);
  const int64_t end = current_cursor(db);
  // "X" is a delta position; "X.F" continues a snapshot that began while the history floor
  // was F. A snapshot may only continue while no compaction has happened since it began
  // (a tombstone it needed could be gone); otherwise it starts over.
  int64_t from = 0;
  bool snapshot = false;
  const auto dot = since.find('.');
  if (dot != std::string::npos) {
    int64_t snapshot_floor = 0;
    snapshot = parse_cursor(since.substr(0, dot), from) &&
               parse_cursor(since.substr(dot + 1), snapshot_floor) && snapshot_floor == floor &&
               from <= end;
    if (!snapshot) from = 0;
    out.full = !snapshot;
  } else {
    out.full = !parse_cursor(since, from) || from == 0 || from < floor || from > end;
  }
  if (out.full) from = 0;
  const bool live_only = out.full || snapshot;
  Statement st(db, "SELECT type, id, data, deleted, cursor FROM records "
                   "WHERE cursor > ?1 AND (site IS NULL OR site = ?2) AND (?3 = 0 OR deleted = 0) "
                   "ORDER BY cursor LIMIT ?4");
  st.bind(1, from).bind(2, site).bind(3, live_only ? 1 : 0).bind(4, limit + 1);
  std::string changes;
  int64_t last = from, count = 0;
  out.has_more = false;
  while (st.step()) {
    if (count == limit) {
      out.has_more = true;
      break;
    }
    if (count > 0) changes += ',';
    changes += "{\"type\":\"";
    changes += st.col_view(0);
    changes += "\",\"id\":";
    changes += nlohmann::json(st.col_text(1)).dump();
    if (st.col_int(3) != 0) {
      changes += ",\"op\":\"delete\"}";
    } else {
      changes += ",\"op\":\"upsert\",\"data\":";
      changes += st.col_view(2);
      changes += '}';
    }
    last = st.col_int(4);
    ++count;
  }
  if (!st.ok()) return st.status();
  // The last page of a snapshot ends on the feed's end, not on its newest live record: the
  // newest changes may be tombstones, and compact may have raised the floor above that
  // record, which would make the next request start a snapshot again. (The page was read in
  // the same transaction as `end`, so nothing between is missed.)
  if (live_only && !out.has_more) last = end;
  out.cursor = std::to_string(last);
  if (live_only && out.has_more) out.cursor += "." + std::to_string(floor);
  out.count = count;
  out.body = "{\"cursor\":\"" + out.cursor + "\",\"full\":" + (out.full ? "true" : "false") +
             ",\"has_more\":" + (out.has_more ? "true" : "false") + ",\"changes\":[" + changes +
             "]}";
  return Status::success();
}

Status compact_history(Database& db, int64_t up_to, int64_t& removed) {
  Transaction tx(db);
  if (!tx.ok()) return tx.status();
  const int64_t end = current_cursor(db);
  if (up_to < 0 || up_to > end) up_to = end;
  Statement st(db, "DELETE FROM records WHERE deleted = 1 AND cursor <= ?");
  st.bind(1, up_to);
  Status s = st.run();
  if (!s) return s;
  removed = db.changes();
  if (up_to > history_floor(db)) s = set_meta(db, "history_floor", up_to);
  if (!s) return s;
  return tx.commit();
}

Status create_enroll_code(Database& db, const std::string& site, std::string& code) {
  unsigned char raw[12];
  if (RAND_bytes(raw, sizeof raw) != 1) {
    return Status::error("random", "Le générateur aléatoire du système ne répond pas.");
  }
  std::string plain;
  for (unsigned char c : raw) plain.push_back(kCodeAlphabet[c % 32]);
  code = plain.substr(0, 4) + "-" + plain.substr(4, 4) + "-" + plain.substr(8, 4);
  Statement st(db, "INSERT INTO enroll_codes(code_hash, site, created_at, expires_at) "
                   "VALUES(?, ?, ?, ?)");
  st.bind(1, sha256_hex(plain)).bind(2, site).bind(3, utc_now())
      .bind(4, static_cast<int64_t>(std::time(nullptr)) + 7 * 24 * 3600);
  return st.run();
}

Status enroll_terminal(Database& db, const std::string& code, const std::string& site_or_empty,
                       const std::string& name, Enrollment& out) {
  const Status refused = Status::error(
      "enrollment_refused", "Ce code d'inscription est inconnu, déjà utilisé ou expiré.");
  Transaction tx(db);
  if (!tx.ok()) return tx.status();
  const std::string hash = sha256_hex(normalize_code(code));
  Statement find(db, "SELECT site FROM enroll_codes WHERE code_hash = ? AND used_by IS NULL "
                     "AND expires_at > ?");
  find.bind(1, hash).bind(2, static_cast<int64_t>(std::time(nullptr)));
  if (!find.step()) return find.ok() ? refused : find.status();
  out.site_id = find.col_text(0);
  if (!site_or_empty.empty() && site_or_empty != out.site_id) {
    return Status::error("enrollment_refused", "Ce code d'inscription est prévu pour un autre site.");
  }
  out.terminal_id = "t-" + random_hex(8);
  out.token = random_hex(32);
  if (out.token.empty()) return Status::error("random", "Le générateur aléatoire du système ne répond pas.");
  Statement add(db, "INSERT INTO terminals(id, site, name, token_hash, created_at) VALUES(?, ?, ?, ?, ?)");
  add.bind(1, out.terminal_id).bind(2, out.site_id).bind(3, name).bind(4, sha256_hex(out.token))
      .bind(5, utc_now());
  Status s = add.run();
  if (!s) return s;
  Statement use(db, "UPDATE enroll_codes SET used_by = ? WHERE code_hash = ?");
  use.bind(1, out.terminal_id).bind(2, hash);
  s = use.run();
  if (!s) return s;
  return tx.commit();
}

std::optional<Terminal> find_terminal(Database& db, const std::string& token) {
  if (token.empty()) return std::nullopt;
  Statement st(db, "SELECT id, site FROM terminals WHERE token_hash = ?");
  st.bind(1, sha256_hex(token));
  if (!st.step()) return std::nullopt;
  return Terminal{st.col_text(0), st.col_text(1)};
}

Status export_bundle(Database& db, const std::string& site, std::string& file) {
  ReadTransaction read(db);
  if (!read.ok()) return read.status();
  BundleHeader header;
  header.site_id = site;
  header.cursor = std::to_string(current_cursor(db));
  header.created_at = utc_now();
  Statement st(db, "SELECT type, id, data FROM records WHERE deleted = 0 AND "
                   "(site IS NULL OR site = ?) ORDER BY cursor");
  st.bind(1, site);
  std::string body = "{\"changes\":[";
  while (st.step()) {
    if (header.records > 0) body += ',';
    body += "{\"type\":\"";
    body += st.col_view(0);
    body += "\",\"op\":\"upsert\",\"id\":";
    body += nlohmann::json(st.col_text(1)).dump();
    body += ",\"data\":";
    body += st.col_view(2);
    body += '}';
    ++header.records;
  }
  if (!st.ok()) return st.status();
  body += "]}";
  file = make_bundle(header, body);
  return Status::success();
}

}  // namespace eric::server
