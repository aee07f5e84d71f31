// The regional server's schema and migrations (see server_schema.h).
#include "sync/server/server_schema.h"

#include <iterator>
#include <string>

namespace eric::server {
namespace {

// Version 1 as the first servers wrote it ("IF NOT EXISTS": those files carry user_version 1
// already and never run it again; a new file runs it once).
constexpr const char* kV1 = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records(
  type TEXT NOT NULL, id TEXT NOT NULL, site TEXT, data TEXT,
  cursor INTEGER NOT NULL UNIQUE, deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(type, id));
CREATE TABLE IF NOT EXISTS seats(
  type TEXT NOT NULL, id TEXT NOT NULL, capacity INTEGER NOT NULL, taken INTEGER NOT NULL,
  PRIMARY KEY(type, id));
CREATE TABLE IF NOT EXISTS terminals(
  id TEXT PRIMARY KEY, site TEXT NOT NULL, name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS enroll_codes(
  code_hash TEXT PRIMARY KEY, site TEXT NOT NULL, created_at TEXT NOT NULL,
  expires_at INTEGER NOT NULL, used_by TEXT);
CREATE TABLE IF NOT EXISTS requests(
  n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, terminal TEXT NOT NULL, site TEXT NOT NULL,
  type TEXT NOT NULL, target TEXT NOT NULL, status TEXT NOT NULL, ref TEXT NOT NULL,
  payload TEXT, created_at TEXT, received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS requests_target ON requests(type, target, status);
CREATE TABLE IF NOT EXISTS outbox_results(
  id TEXT PRIMARY KEY, terminal TEXT NOT NULL, item_hash TEXT NOT NULL, answer TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS status_changes(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, site TEXT NOT NULL, item_id TEXT NOT NULL,
  status TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS status_changes_site ON status_changes(site, seq);
CREATE TABLE IF NOT EXISTS counts(
  site TEXT NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL, key TEXT NOT NULL,
  n INTEGER NOT NULL, PRIMARY KEY(site, day, type, key));
)sql";

// Servers of version 1 added counts with a plain "n + excluded.n": SQLite turns a sum past
// the largest integer into a float (9.22e18). Counts now stop at that integer (add_count);
// the floats already written become it.
constexpr const char* kV2 = R"sql(
UPDATE counts SET n = 9223372036854775807 WHERE typeof(n) = 'real';
)sql";

// What each source says of an employer, kept apart; the feed's employer record is merged
// from them (see import_employers.h).
constexpr const char* kV3 = R"sql(
CREATE TABLE employer_facts(
  source TEXT NOT NULL, fact_id TEXT NOT NULL, employer_id TEXT NOT NULL,
  siret TEXT NOT NULL, match_key TEXT NOT NULL, digest INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY(source, fact_id)) WITHOUT ROWID;
CREATE INDEX employer_facts_employer ON employer_facts(employer_id);
CREATE INDEX employer_facts_match ON employer_facts(match_key);
)sql";

struct Migration {
  int version;
  const char* sql;
};
constexpr Migration kMigrations[] = {{1, kV1}, {2, kV2}, {3, kV3}};

}  // namespace

int latest_server_schema_version() { return std::end(kMigrations)[-1].version; }

int server_schema_version(Database& db) {
  Statement st(db, "PRAGMA user_version");
  return st.step() ? static_cast<int>(st.col_int(0)) : 0;
}

Status migrate_server_db(Database& db) {
  if (server_schema_version(db) > latest_server_schema_version()) {
    return Status::error("schema_too_new",
                         "La base du serveur régional vient d'une version plus récente du "
                         "serveur : mettez-le à jour.");
  }
  for (const Migration& m : kMigrations) {
    if (server_schema_version(db) >= m.version) continue;  // the usual case: no write lock
    Transaction tx(db);
    if (!tx.ok()) return tx.status();
    // Read under the write lock: another process may have migrated meanwhile.
    if (server_schema_version(db) >= m.version) continue;
    Status s = db.exec(m.sql);
    if (s) s = db.exec("PRAGMA user_version = " + std::to_string(m.version));
    if (s) s = tx.commit();
    if (!s) return s;
  }
  return Status::success();
}

ReadTransaction::ReadTransaction(Database& db) : db_(db), status_(db.exec("BEGIN")) {}

ReadTransaction::~ReadTransaction() {
  if (!status_.ok) return;
  // Nothing was written: ending the transaction cannot lose anything, and a destructor has
  // no one to report to.
  (void)db_.exec("COMMIT");
}

}  // namespace eric::server
