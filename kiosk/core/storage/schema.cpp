// The terminal's database schema and its forward-only migrations (see schema.h).
#include "kiosk/core/storage/schema.h"

#include <cmath>
#include <iterator>
#include <string>

namespace eric {

namespace {

// Catalog tables mirror catalog.h; *_folded columns hold fold_text() of a label so that
// ordering and prefix lookups ignore case and accents. No foreign keys between catalog
// tables: the catalog's consistency is the server's job, and readers use LEFT JOINs.
constexpr const char* kV1 = R"sql(
CREATE TABLE communes(
  insee TEXT PRIMARY KEY, name TEXT NOT NULL, name_folded TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',
  population INTEGER NOT NULL DEFAULT 0, lat REAL NOT NULL DEFAULT 0, lon REAL NOT NULL DEFAULT 0);
CREATE INDEX communes_name ON communes(name_folded);
CREATE TABLE commune_postal_codes(
  postal_code TEXT NOT NULL, insee TEXT NOT NULL, PRIMARY KEY(postal_code, insee)) WITHOUT ROWID;
CREATE INDEX commune_postal_codes_insee ON commune_postal_codes(insee);
CREATE TABLE trades(
  code TEXT PRIMARY KEY, label TEXT NOT NULL, label_folded TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '');
CREATE TABLE job_titles(ogr INTEGER PRIMARY KEY, trade_code TEXT NOT NULL, label TEXT NOT NULL);
CREATE INDEX job_titles_trade ON job_titles(trade_code);
CREATE TABLE employers(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, siret TEXT NOT NULL DEFAULT '', naf TEXT NOT NULL DEFAULT '',
  naf_label TEXT NOT NULL DEFAULT '', commune TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
  lat REAL NOT NULL DEFAULT 0, lon REAL NOT NULL DEFAULT 0, size_range TEXT NOT NULL DEFAULT '',
  fit_for_disabled_workers INTEGER NOT NULL DEFAULT 0);
CREATE TABLE jobs(
  id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT NOT NULL, trade_code TEXT NOT NULL,
  job_title_ogr INTEGER NOT NULL DEFAULT 0, employer_id TEXT NOT NULL DEFAULT '',
  employer_name TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
  contract_type TEXT NOT NULL DEFAULT '', contract_duration_months INTEGER NOT NULL DEFAULT 0,
  work_time_label TEXT NOT NULL DEFAULT '', salary_label TEXT NOT NULL DEFAULT '',
  experience_label TEXT NOT NULL DEFAULT '', qualification_label TEXT NOT NULL DEFAULT '',
  posts INTEGER NOT NULL DEFAULT 1, commune TEXT NOT NULL DEFAULT '', lat REAL NOT NULL DEFAULT 0,
  lon REAL NOT NULL DEFAULT 0, place_label TEXT NOT NULL DEFAULT '', origin_url TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '', expires_at TEXT NOT NULL DEFAULT '');
CREATE TABLE trainings(
  id TEXT PRIMARY KEY, title TEXT NOT NULL, entry_level TEXT NOT NULL DEFAULT '',
  exit_level TEXT NOT NULL DEFAULT '', rncp TEXT NOT NULL DEFAULT '', certifinfo TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '', organisation_siret TEXT NOT NULL DEFAULT '',
  region_funded INTEGER NOT NULL DEFAULT 1, hours_total INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL DEFAULT '');
CREATE TABLE training_trades(
  training_id TEXT NOT NULL, trade_code TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(training_id, trade_code)) WITHOUT ROWID;
CREATE INDEX training_trades_trade ON training_trades(trade_code, training_id);
CREATE TABLE training_sessions(
  id TEXT PRIMARY KEY, training_id TEXT NOT NULL, start TEXT NOT NULL DEFAULT '',
  "end" TEXT NOT NULL DEFAULT '', commune TEXT NOT NULL DEFAULT '', lat REAL NOT NULL DEFAULT 0,
  lon REAL NOT NULL DEFAULT 0, address TEXT NOT NULL DEFAULT '',
  registration_open INTEGER NOT NULL DEFAULT 1, seats INTEGER NOT NULL DEFAULT 0);
CREATE INDEX training_sessions_training ON training_sessions(training_id, start);
CREATE TABLE immersion_offers(
  id TEXT PRIMARY KEY, employer_id TEXT NOT NULL DEFAULT '', trade_code TEXT NOT NULL DEFAULT '',
  job_title_ogr INTEGER NOT NULL DEFAULT 0, what_you_will_do TEXT NOT NULL DEFAULT '',
  contact_mode TEXT NOT NULL DEFAULT '', welcome_address TEXT NOT NULL DEFAULT '',
  fit_for_disabled_workers INTEGER NOT NULL DEFAULT 0, max_requests_per_month INTEGER NOT NULL DEFAULT 0);
CREATE INDEX immersion_offers_trade ON immersion_offers(trade_code);
CREATE INDEX immersion_offers_employer ON immersion_offers(employer_id);
CREATE TABLE immersion_slots(
  id TEXT PRIMARY KEY, offer_id TEXT NOT NULL, start TEXT NOT NULL DEFAULT '',
  "end" TEXT NOT NULL DEFAULT '', days INTEGER NOT NULL DEFAULT 0,
  schedule_label TEXT NOT NULL DEFAULT '', capacity INTEGER NOT NULL DEFAULT 0,
  taken INTEGER NOT NULL DEFAULT 0);
CREATE INDEX immersion_slots_offer ON immersion_slots(offer_id, start);
CREATE TABLE sites(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, commune TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '', lat REAL NOT NULL DEFAULT 0, lon REAL NOT NULL DEFAULT 0,
  opening_hours TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '');
CREATE TABLE workshops(
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'other',
  title TEXT NOT NULL, plain_description TEXT NOT NULL DEFAULT '', what_to_bring TEXT NOT NULL DEFAULT '',
  animator TEXT NOT NULL DEFAULT '', start TEXT NOT NULL DEFAULT '', "end" TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL DEFAULT 0, taken INTEGER NOT NULL DEFAULT 0, place TEXT NOT NULL DEFAULT '',
  cancelled INTEGER NOT NULL DEFAULT 0);
CREATE INDEX workshops_site ON workshops(site_id, start);

CREATE TABLE outbox(
  id TEXT PRIMARY KEY, type TEXT NOT NULL, payload TEXT NOT NULL, created_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending','sending','accepted','rejected')),
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '', server_ref TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '', purge_after INTEGER NOT NULL DEFAULT 0,
  purged INTEGER NOT NULL DEFAULT 0);
CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE pins(
  role TEXT PRIMARY KEY, hash TEXT NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE sync_state(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
)sql";

// detail=column: the search only needs "which column holds the word", never phrases, and the
// index is smaller and faster to write. columnsize=0: no bm25 ranking is used. Prefix indexes
// for 1 to 3 letters: without one, a prefix makes FTS5 merge the lists of all its terms, and
// 3-letter prefixes ("cha", "ser") were the slowest keystrokes over 100,000 offers (0.5 ms
// merge); the third index costs ~15 % more FTS writing. Longer prefixes match few terms.
// jobs_geo: offers by latitude band (1/20 degree, about 5.5 km) then longitude, carrying what
// the filters need, so "offers near me" is a few range scans of one covering B-tree. Measured
// against an R*Tree on 100,000 offers: 6x cheaper to write (1.3 vs 7.5 us per offer) and as
// fast to read; an R*Tree with auxiliary columns was 10x slower to read.
constexpr const char* kSearchAndGeo = R"sql(
CREATE VIRTUAL TABLE search_fts USING fts5(
  title, extra, kind UNINDEXED, ref UNINDEXED, trade_code UNINDEXED, label UNINDEXED,
  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3', detail=column, columnsize=0);
CREATE TABLE jobs_geo(
  band INTEGER NOT NULL, lon REAL NOT NULL, job_rowid INTEGER NOT NULL, lat REAL NOT NULL,
  trade_code TEXT NOT NULL, contract_type TEXT NOT NULL, expires_at TEXT NOT NULL,
  PRIMARY KEY(band, lon, job_rowid)) WITHOUT ROWID;
)sql";

// trade_stats: offers per trade, recomputed when a write changed offers (cheaper than an
// index on jobs.trade_code kept up to date row by row).
constexpr const char* kV2 = R"sql(
CREATE TABLE trade_funding(trade_code TEXT PRIMARY KEY, last_start TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE trade_stats(trade_code TEXT PRIMARY KEY, job_count INTEGER NOT NULL) WITHOUT ROWID;
)sql";

constexpr const char* kV3 = R"sql(
CREATE TABLE help_tickets(
  id INTEGER PRIMARY KEY, site_id TEXT NOT NULL DEFAULT '', day TEXT NOT NULL, number TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT 'other', urgent_today INTEGER NOT NULL DEFAULT 0,
  first_name TEXT NOT NULL DEFAULT '', context TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL, called_at INTEGER NOT NULL DEFAULT 0,
  served_at INTEGER NOT NULL DEFAULT 0, outcome TEXT NOT NULL DEFAULT '',
  outbox_id TEXT NOT NULL DEFAULT '', UNIQUE(site_id, day, number));
CREATE TABLE workshop_registrations(
  id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL, first_name TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  attendance TEXT NOT NULL DEFAULT 'unknown' CHECK(attendance IN ('unknown','present','absent')),
  created_at INTEGER NOT NULL, outbox_id TEXT NOT NULL DEFAULT '');
CREATE INDEX workshop_registrations_workshop ON workshop_registrations(workshop_id);
CREATE TABLE desk_actions(
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, role TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');
CREATE TABLE usage_counters(
  day TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL DEFAULT '', count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(day, name, key)) WITHOUT ROWID;
)sql";

Status apply_v1(Database& db) { return db.exec(kV1); }

Status apply_v2(Database& db) {
  Status s = db.exec(kSearchAndGeo);
  if (!s.ok) return s;
  s = db.exec(kV2);
  if (!s.ok) return s;
  s = rebuild_search_and_geo(db);
  if (!s.ok) return s;
  s = recompute_trade_stats(db);
  if (!s.ok) return s;
  return recompute_trade_funding(db);
}

Status apply_v3(Database& db) { return db.exec(kV3); }

// Version 4: search_fts gets its 3-letter prefix index (kSearchAndGeo), rebuilt from the tables.
Status apply_v4(Database& db) {
  Status s = reset_search_and_geo(db);
  if (!s.ok) return s;
  return rebuild_search_and_geo(db);
}

// Version 5: catalog records set aside by a sync or an import (rejected_records.h). The type,
// id and reason are outside text, cleaned and cut before they are written.
constexpr const char* kV5 = R"sql(
CREATE TABLE rejected_records(
  type TEXT NOT NULL, id TEXT NOT NULL, reason TEXT NOT NULL, rejected_at INTEGER NOT NULL,
  PRIMARY KEY(type, id)) WITHOUT ROWID;
)sql";

Status apply_v5(Database& db) { return db.exec(kV5); }

struct Migration {
  int version;
  Status (*apply)(Database&);
};

constexpr Migration kMigrations[] = {
    {1, apply_v1},
    {2, apply_v2},
    {3, apply_v3},
    {4, apply_v4},
    {5, apply_v5},
};

}  // namespace

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

int schema_version(Database& db) {
  Statement st(db, "PRAGMA user_version;");
  if (!st.step()) return -1;
  return static_cast<int>(st.col_int(0));
}

Status migrate(Database& db, int target) {
  const int latest = latest_schema_version();
  if (target < 0 || target > latest) target = latest;
  const int current = schema_version(db);
  if (current < 0) return db.last_status();
  if (current > latest) {
    return Status::error("schema_too_new",
                         "La base de données vient d'une version plus récente du logiciel de la "
                         "borne : mettez le logiciel à jour.");
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= current) continue;
    if (m.version > target) break;
    Transaction tx(db);
    if (!tx.ok()) return tx.status();
    if (schema_version(db) >= m.version) continue;  // another connection got there first
    Status s = m.apply(db);
    if (!s.ok) return s;
    s = db.exec("PRAGMA user_version = " + std::to_string(m.version) + ";");
    if (!s.ok) return s;
    s = tx.commit();
    if (!s.ok) return s;
  }
  return Status::success();
}

int64_t geo_band(double lat) {
  // Outside data may carry any number (or NaN): clamp before converting to an integer.
  if (!(lat >= -90.0)) lat = -90.0;
  if (!(lat <= 90.0)) lat = 90.0;
  return static_cast<int64_t>(std::floor(lat * kGeoBandsPerDegree));
}

const char* search_kind_name(SearchKind kind) {
  switch (kind) {
    case SearchKind::job_title: return "job_title";
    case SearchKind::trade: return "trade";
    case SearchKind::training: return "training";
    case SearchKind::employer: return "employer";
    case SearchKind::job: return "job";
  }
  return "";
}

Status reset_search_and_geo(Database& db) {
  Status s = db.exec("DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS jobs_geo;");
  if (!s.ok) return s;
  return db.exec(kSearchAndGeo);
}

Status rebuild_search_and_geo(Database& db) {
  return db.exec(R"sql(
DELETE FROM search_fts;
DELETE FROM jobs_geo;
INSERT INTO search_fts(rowid, title, extra, kind, ref, trade_code, label)
  SELECT (1 << 40) + ogr, eric_fold(label), '', 'job_title', CAST(ogr AS TEXT), trade_code, label
  FROM job_titles WHERE ogr > 0 AND ogr < (1 << 40);
INSERT INTO search_fts(rowid, title, extra, kind, ref, trade_code, label)
  SELECT (2 << 40) + rowid, eric_fold(label), eric_fold(code), 'trade', code, code, label FROM trades;
INSERT INTO search_fts(rowid, title, extra, kind, ref, trade_code, label)
  SELECT (3 << 40) + t.rowid, eric_fold(t.title), eric_fold(t.organisation), 'training', t.id,
         coalesce((SELECT trade_code FROM training_trades tt WHERE tt.training_id = t.id
                   ORDER BY position LIMIT 1), ''), t.title
  FROM trainings t;
INSERT INTO search_fts(rowid, title, extra, kind, ref, trade_code, label)
  SELECT (4 << 40) + rowid, eric_fold(name), eric_fold(naf_label), 'employer', id, '', name FROM employers;
INSERT INTO search_fts(rowid, title, extra, kind, ref, trade_code, label)
  SELECT (5 << 40) + j.rowid, eric_fold(j.title),
         eric_fold(coalesce(nullif(j.employer_name, ''),
                            (SELECT e.name FROM employers e WHERE e.id = j.employer_id), '')),
         'job', j.id, j.trade_code, j.title
  FROM jobs j;
INSERT OR REPLACE INTO jobs_geo(band, lon, job_rowid, lat, trade_code, contract_type, expires_at)
  SELECT CAST(floor(min(max(lat, -90.0), 90.0) * 20) AS INTEGER), lon, rowid, lat, trade_code,
         contract_type, expires_at
  FROM jobs ORDER BY 1, 2, 3;
)sql");
}

Status recompute_trade_stats(Database& db) {
  return db.exec(R"sql(
DELETE FROM trade_stats;
INSERT INTO trade_stats(trade_code, job_count)
  SELECT trade_code, count(*) FROM jobs_geo GROUP BY trade_code;
)sql");
}

Status recompute_trade_funding(Database& db) {
  return db.exec(R"sql(
DELETE FROM trade_funding;
INSERT INTO trade_funding(trade_code, last_start)
  SELECT tt.trade_code, max(s.start)
  FROM training_trades tt
  JOIN trainings t ON t.id = tt.training_id AND t.region_funded = 1
  JOIN training_sessions s ON s.training_id = t.id
  GROUP BY tt.trade_code;
)sql");
}

}  // namespace eric
