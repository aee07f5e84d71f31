// The terminal's store: catalog writes (one transaction per sync), the queries the screens
// need, and the local tables (settings, sync state, outbox). Over one Database connection.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/random.h"
#include "kiosk/core/storage/catalog.h"
#include "kiosk/core/storage/db.h"

namespace eric {

// The options of the kiosk's own connections, the UI's and the sync worker's: no checkpoint
// on commit, which would fall on whichever connection commits while the log is long (the
// UI's, right after a sync, for 40 ms to a second). The sync worker checkpoints after each
// sync and the daily housekeeping once a day (run_housekeeping).
inline OpenOptions kiosk_connection() {
  OpenOptions o;
  o.auto_checkpoint = false;
  return o;
}

// Creates the terminal's data folder (and parents) and restricts it to its user (0700): it
// holds the visitors' requests until they are delivered. Shared by the kiosk and eric-kioskctl.
Status prepare_data_dir(const std::string& dir);

// Opens the file with the kiosk's pragmas and migrates it to the latest schema.
std::unique_ptr<Database> open_store(const std::string& path, Status& status,
                                     const OpenOptions& options = {});

// ============================================================================================
// Catalog writes
// ============================================================================================

// One write transaction over the catalog: a full replace (clear_all + upserts) or a delta
// (upserts and removes). Keeps the search index, the offers by place and the funded-training
// flags in step (search_fts, jobs_geo, trade_funding). Nothing is visible to other connections
// before commit(); the destructor rolls back.
// The first database failure is sticky: later calls do nothing and commit() refuses, so a
// half-written catalog is never committed. Records that cannot be stored (an ogr outside
// 1..2^40) are skipped and counted, not fatal.
class CatalogWriter {
 public:
  explicit CatalogWriter(Database& db);
  ~CatalogWriter();
  CatalogWriter(const CatalogWriter&) = delete;
  CatalogWriter& operator=(const CatalogWriter&) = delete;

  bool ok() const;
  const Status& status() const;

  Status clear_all();  // empties every catalog table and index (local tables are kept)
  Status upsert(const Commune& r);
  Status upsert(const Trade& r);
  Status upsert(const JobTitle& r);
  Status upsert(const Employer& r);
  Status upsert(const Job& r);
  Status upsert(const Training& r);
  Status upsert(const TrainingSession& r);
  Status upsert(const ImmersionOffer& r);
  Status upsert(const ImmersionSlot& r);
  Status upsert(const Site& r);
  Status upsert(const Workshop& r);
  // type: commune, trade, job_title (id = ogr), employer, job, training, training_session,
  // immersion_offer, immersion_slot, workshop, site. Removing a missing id is not an error.
  Status remove(std::string_view type, std::string_view id);

  // The time stored as the catalog's last update ("YYYY-MM-DD HH:MM"); when not set, commit()
  // stores SQLite's local time.
  void set_updated_at(std::string when);
  int64_t written() const;  // records upserted or removed
  int64_t skipped() const;  // records refused as unusable
  Status commit();

 private:
  // The records written as one row and nothing else (slot: their upsert statement).
  template <class Record>
  Status upsert_row(int slot, const Record& r);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Replaces the whole catalog in one transaction.
Status replace_catalog(Database& db, const Catalog& catalog, std::string_view updated_at = {});

// ============================================================================================
// Catalog reads. They return plain values; on a database failure they return an empty answer
// and leave the reason in db.last_status().
// ============================================================================================

struct CommuneHit {
  std::string insee;
  std::string name;
  std::string postal_code;  // the matching one; for a name match the main one (see below)
  std::string department;
  int64_t population = 0;
  double lat = 0, lon = 0;
};
// By postal code prefix when the query is digits ("13500" -> Martigues), else by folded name
// (accents, case, hyphens, "St"/"Saint" forgiven), names starting with the query first, then
// names with a word starting with it; biggest population first within each. A name match
// carries the commune's main postal code: the smallest ending in "00", else the first.
std::vector<CommuneHit> find_communes(Database& db, std::string_view query, int limit);
std::optional<Commune> commune_by_insee(Database& db, std::string_view insee);
std::optional<Site> site_by_id(Database& db, std::string_view id);
std::vector<Site> all_sites(Database& db);  // by name

// Search as you type over job titles, trades, trainings, employers and job offers: every
// typed word must match, the last one as a prefix. Duplicate labels are shown once.
// Order: job titles, trades, trainings, employers, jobs; within a kind, labels starting with
// the typed text first, then shorter labels.
struct Suggestion {
  std::string kind;        // job_title, trade, training, employer, job
  std::string label;       // as stored ("Maçon / Maçonne")
  std::string trade_code;  // empty for employers
  std::string id;          // ogr, trade code, training id, employer id or job id
};
std::vector<Suggestion> suggest(Database& db, std::string_view typed_text, int limit);

struct JobQuery {
  double lat = 0, lon = 0;
  double radius_km = 30;
  std::vector<std::string> trade_codes;     // empty: any trade
  char family = 0;                          // 'A'..'N', 0: any
  std::string words;                        // searched in titles and employer names
  std::vector<std::string> contract_types;  // empty: any (CDI, CDD, MIS, SAI, ALT)
  bool only_with_funded_training = false;
  std::string today;                        // "YYYY-MM-DD": expired offers are hidden
  int offset = 0;
  int limit = 20;
};

struct JobCard {
  std::string id;
  std::string title;
  std::string trade_code;
  std::string employer_name;  // may be empty (anonymous offer)
  std::string commune_name;   // falls back to the offer's place label
  double distance_km = 0;
  std::string contract_type;
  int contract_duration_months = 0;
  std::string work_time_label;
  bool has_funded_training = false;
};

// The offers of one query (offset and limit aside) within radius_km, nearest first (equal
// distances in catalog order), for a list read a page at a time. Opening counts them: per
// latitude band, the longitudes surely inside the circle are counted by the index without
// reading their rows; only the circle's rim is read and measured (exact haversine). The order
// is built from the centre outwards as pages are asked for: a disc holding a few pages is
// read and sorted, a wider one when the list goes past it; cards are then read by rowid.
// Keep one per visit of a results screen and open another when the query changes. A catalog
// written meanwhile is seen by later pages (offers gone are skipped), not by the total.
class JobResults {
 public:
  JobResults() = default;  // no query: no offers
  int64_t total() const { return total_; }
  // Cards [offset, offset + limit) in order; fewer past the end.
  std::vector<JobCard> cards(Database& db, int offset, int limit);
  // What has been read so far: every match within covered_km() of the centre (-1: none yet).
  int64_t read() const { return static_cast<int64_t>(hits_.size()); }
  double covered_km() const { return covered_km_; }

 private:
  friend JobResults open_jobs(Database& db, const JobQuery& q);
  struct Hit {
    double distance_km;
    int64_t rowid;  // of the offer in jobs
  };
  bool read_disc(Database& db, double rho);
  bool order_up_to(Database& db, size_t n);

  JobQuery query_;
  std::string words_expr_;  // the FTS expression of query_.words
  bool valid_ = false;      // false: nothing can match (or the query was nonsense)
  int64_t total_ = 0;
  double covered_km_ = -1;  // every match within this distance is in hits_
  std::vector<Hit> hits_;   // the first sorted_ in their final order, the rest unsorted
  size_t sorted_ = 0;
  bool funded_loaded_ = false;
  std::vector<std::string> funded_;  // sorted: trades with a funded training (the badge)
};
JobResults open_jobs(Database& db, const JobQuery& q);

// One-shot forms of the same: the page q.offset/q.limit, with or without the total.
std::vector<JobCard> jobs_near(Database& db, const JobQuery& q);
int64_t count_jobs_near(Database& db, const JobQuery& q);
struct JobPage {
  std::vector<JobCard> cards;
  int64_t total = 0;
};
JobPage jobs_page(Database& db, const JobQuery& q);

// A trade "has a funded training" when a region-funded training leading to it has a session
// starting on or after `today` (the Trait d'Union rule).
bool trade_has_funded_training(Database& db, std::string_view trade_code, std::string_view today);

struct JobDetail {
  Job job;
  std::optional<Employer> employer;
  std::string commune_name;
  std::string trade_label;
  bool has_funded_training = false;  // computed only when `today` is given
};
std::optional<JobDetail> job_detail(Database& db, std::string_view id, std::string_view today = {});

struct SessionCard {
  TrainingSession session;
  std::string training_title;
  std::string organisation;
  std::string commune_name;
  int hours_total = 0;
  double distance_km = 0;
};
// Future sessions (start >= today) of region-funded trainings leading to the trade,
// nearest first.
std::vector<SessionCard> funded_sessions_for_trade(Database& db, std::string_view trade_code,
                                                   double lat, double lon, std::string_view today,
                                                   int offset, int limit);

struct TrainingDetail {
  Training training;          // with its trade_codes
  std::vector<Trade> trades;  // labels of those trades (known ones)
};
std::optional<TrainingDetail> training_detail(Database& db, std::string_view id);
// Future sessions of one training, nearest first.
std::vector<SessionCard> sessions_of_training(Database& db, std::string_view training_id,
                                              double lat, double lon, std::string_view today);

// The 14 ROME families with short French labels, A to N.
std::vector<TradeFamily> trade_families();
struct TradeItem {
  Trade trade;
  int64_t job_count = 0;  // offers of that trade in the catalog (all places)
};
// Trades of a family, by label (accents ignored).
std::vector<TradeItem> trades_of_family(Database& db, char letter);
std::optional<Trade> trade_by_code(Database& db, std::string_view code);

struct CatalogCounts {
  int64_t communes = 0, trades = 0, job_titles = 0, employers = 0, jobs = 0, trainings = 0,
          training_sessions = 0, immersion_offers = 0, immersion_slots = 0, sites = 0,
          workshops = 0;
  std::string updated_at;  // "" when no catalog was ever written
};
CatalogCounts catalog_counts(Database& db);

// ============================================================================================
// Local tables
// ============================================================================================

std::optional<std::string> setting_get(Database& db, std::string_view key);
std::string setting_get_or(Database& db, std::string_view key, std::string_view fallback);
Status setting_set(Database& db, std::string_view key, std::string_view value);
// A whole number setting; the fallback when it is missing, not a number, or outside lo..hi.
int setting_int_or(Database& db, std::string_view key, int fallback, int lo, int hi);
// How long personal data (a first name, a contact) is kept: the setting "retention_days"
// (30 by default, 1 to 3650), in seconds.
int64_t personal_data_retention_seconds(Database& db);

// Sync state: key/value underneath; these are the keys the sync worker keeps.
struct SyncState {
  std::string cursor;
  int64_t last_attempt = 0;  // epoch seconds, 0 = never
  int64_t last_success = 0;
  std::string last_error_code;
  std::string last_error_message;  // French sentence
  int64_t last_changes = 0;        // changes applied by the last successful sync
};
SyncState load_sync_state(Database& db);
Status save_sync_state(Database& db, const SyncState& state);
std::optional<std::string> sync_value_get(Database& db, std::string_view key);
Status sync_value_set(Database& db, std::string_view key, std::string_view value);

enum class OutboxState { pending, sending, accepted, rejected };
const char* outbox_state_name(OutboxState s);
bool parse_outbox_state(std::string_view text, OutboxState& out);

struct OutboxItem {
  std::string id;  // UUID v4: the idempotency key
  std::string type;
  std::string payload_json;
  int64_t created_at = 0;  // epoch seconds (all outbox times)
  OutboxState state = OutboxState::pending;
  int attempts = 0;
  int64_t next_attempt_at = 0;
  std::string last_error;
  std::string server_ref;
  std::string reason;
  int64_t purge_after = 0;  // 0: nothing personal, never purged
  bool purged = false;
};

// Adds a pending item; refuses a payload that is not valid JSON. Returns its id.
Result<std::string> outbox_add(Database& db, std::string_view type, std::string_view payload_json,
                               int64_t created_at, int64_t purge_after);
// Pending items due at `now`, oldest first.
std::vector<OutboxItem> outbox_pending(Database& db, int64_t now, int limit);
std::optional<OutboxItem> outbox_get(Database& db, std::string_view id);
std::vector<OutboxItem> outbox_recent(Database& db, int limit);  // newest first
// Sets the state and fields; marking `sending` counts one more attempt.
Status outbox_mark(Database& db, std::string_view id, OutboxState state,
                   std::string_view server_ref, std::string_view reason,
                   std::string_view last_error, int64_t next_attempt_at);
// At start-up: items left `sending` by a crash go back to `pending` (the server deduplicates).
Status outbox_requeue_sending(Database& db);
struct OutboxCounts {
  int64_t pending = 0, sending = 0, accepted = 0, rejected = 0;
};
OutboxCounts outbox_counts_by_state(Database& db);
// Removes the personal data of items whose purge_after has passed: the payload becomes "{}"
// and linked workshop registrations lose their name and contact. An item purged before it was
// delivered becomes rejected with reason "purged_undelivered". Returns the number purged.
Result<int64_t> outbox_purge(Database& db, int64_t now);

}  // namespace eric
