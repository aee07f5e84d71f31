// Catalog writes (see store.h): one transaction, reused statements, indexes kept in step.
#include <array>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kiosk/core/base/text_fold.h"
#include "kiosk/core/storage/schema.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/storage/store_catalog_sql.h"

namespace eric {

using namespace store_detail;

namespace {

constexpr int64_t kMaxOgr = int64_t{1} << kSearchKindShift;

}  // namespace

// A row of search_fts to write or take out at commit.
struct SearchOp {
  int64_t rowid = 0;
  bool remove = false;
  std::string title, extra;  // folded
  const char* kind = "";
  std::string ref, trade_code, label;
};

struct CatalogWriter::Impl {
  // A big write touches more pages than the reading cache holds: give it room for the
  // transaction, then hand the memory back.
  explicit Impl(Database& d) : db(d), tx(d) {
    status = tx.status();
    // The cache size only changes the speed of the write, never what it writes.
    (void)db.exec("PRAGMA cache_size=-65536;");
  }
  ~Impl() { (void)db.exec("PRAGMA cache_size=-16000;"); }

  Database& db;
  Transaction tx;
  Status status;
  std::string updated_at;
  int64_t written = 0;
  int64_t skipped = 0;
  bool funding_dirty = false;
  // After clear_all: the tables start empty, offers are plain inserts, and search_fts,
  // jobs_geo and trade_stats are built in bulk from the tables at commit (sorted inserts, one
  // statement each) instead of row by row.
  bool fresh = false;
  std::unordered_map<std::string, std::string> employer_names;  // id -> name, for job search
  // A delta's search rows, written at commit. Until then FTS5 takes no part in the
  // transaction: once it does, every statement that opens a statement savepoint (an UPSERT,
  // a RETURNING) makes FTS5 flush its pending terms to disk as a tiny segment; interleaved
  // with the offers' upserts that cost ~150 us per change.
  std::vector<SearchOp> search_ops;
  std::unordered_map<std::string, int64_t> trade_counts;  // a delta's offers per trade, +/-
  std::array<std::unique_ptr<Statement>, kSlotCount> stmts;

  // Prepared once per writer, on first use: a delta touching two tables prepares two.
  Statement& get(Slot slot) {
    auto& p = stmts[static_cast<size_t>(slot)];
    if (!p) p = std::make_unique<Statement>(db, kSql[slot], true);
    return *p;
  }
  // Runs a write statement; a failure becomes the writer's sticky status.
  bool run(Statement& s) {
    Status r = s.run();
    if (!r.ok) status = r;
    return r.ok;
  }
  // Steps an INSERT ... RETURNING rowid and gives the rowid.
  bool run_returning(Statement& s, int64_t& rowid) {
    if (!s.step()) {
      status = s.ok() ? Status::error("sqlite_error", "Écriture du catalogue sans résultat.")
                      : s.status();
      s.reset();
      return false;
    }
    rowid = s.col_int(0);
    return run(s);
  }
  void put_search(SearchKind kind, int64_t rowid, std::string_view title, std::string_view extra,
                  std::string_view ref, std::string_view trade_code, std::string_view label) {
    if (fresh) return;  // built from the tables at commit
    search_ops.push_back(SearchOp{search_rowid(kind, rowid), false, fold_text(title),
                                  fold_text(extra), search_kind_name(kind), std::string(ref),
                                  std::string(trade_code), std::string(label)});
  }
  void remove_search(SearchKind kind, int64_t rowid) {
    if (fresh) return;
    SearchOp op;
    op.rowid = search_rowid(kind, rowid);
    op.remove = true;
    search_ops.push_back(std::move(op));
  }
  // The search rows of a delta, in the order they were asked for.
  bool write_search_ops() {
    for (const SearchOp& op : search_ops) {
      if (op.remove) {
        Statement& f = get(kFtsDelete);
        f.bind(1, op.rowid);
        if (!run(f)) return false;
        continue;
      }
      Statement& f = get(kFtsReplace);
      f.bind(1, op.rowid).bind_ref(2, op.title).bind_ref(3, op.extra).bind_ref(4, op.kind)
          .bind_ref(5, op.ref).bind_ref(6, op.trade_code).bind_ref(7, op.label);
      if (!run(f)) return false;
    }
    search_ops.clear();
    return true;
  }
  // trade_stats moved by a delta's offers, without recounting the whole catalog.
  bool write_trade_counts() {
    for (const auto& [code, n] : trade_counts) {
      if (n == 0) continue;
      Statement& s = get(kTradeStatsAdd);
      s.bind_ref(1, code).bind(2, n);
      if (!run(s)) return false;
    }
    if (!trade_counts.empty() && !run(get(kTradeStatsPrune))) return false;
    trade_counts.clear();
    return true;
  }
  Status done() {
    if (status.ok) ++written;
    return status;
  }
};

CatalogWriter::CatalogWriter(Database& db) : impl_(std::make_unique<Impl>(db)) {}
CatalogWriter::~CatalogWriter() = default;

bool CatalogWriter::ok() const { return impl_->status.ok; }
const Status& CatalogWriter::status() const { return impl_->status; }
void CatalogWriter::set_updated_at(std::string when) { impl_->updated_at = std::move(when); }
int64_t CatalogWriter::written() const { return impl_->written; }
int64_t CatalogWriter::skipped() const { return impl_->skipped; }

Status CatalogWriter::clear_all() {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  // Statements over the dropped virtual tables must not outlive them.
  m.stmts[kFtsReplace].reset();
  m.stmts[kFtsDelete].reset();
  m.stmts[kGeoReplace].reset();
  m.stmts[kGeoDelete].reset();
  Status s = m.db.exec(
      "DELETE FROM communes; DELETE FROM commune_postal_codes; DELETE FROM trades;"
      "DELETE FROM job_titles; DELETE FROM employers; DELETE FROM jobs; DELETE FROM trainings;"
      "DELETE FROM training_trades; DELETE FROM training_sessions; DELETE FROM immersion_offers;"
      "DELETE FROM immersion_slots; DELETE FROM sites; DELETE FROM workshops;"
      "DELETE FROM trade_funding;");
  if (s.ok) s = reset_search_and_geo(m.db);
  if (!s.ok) m.status = s;
  m.funding_dirty = true;
  m.fresh = true;
  m.employer_names.clear();
  m.search_ops.clear();
  m.trade_counts.clear();
  return m.status;
}

Status CatalogWriter::upsert(const Commune& r) {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  Statement& s = m.get(kCommuneUpsert);
  s.bind(1, r.insee).bind(2, r.name).bind(3, fold_commune_query(r.name)).bind(4, r.department)
      .bind(5, r.region).bind(6, r.population).bind(7, r.lat).bind(8, r.lon);
  if (!m.run(s)) return m.status;
  Statement& del = m.get(kCommuneCodesDelete);
  del.bind(1, r.insee);
  if (!m.run(del)) return m.status;
  Statement& ins = m.get(kCommuneCodeInsert);
  for (const std::string& code : r.postal_codes) {
    ins.bind(1, code).bind(2, r.insee);
    if (!m.run(ins)) return m.status;
  }
  return m.done();
}

Status CatalogWriter::upsert(const Trade& r) {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  Statement& s = m.get(kTradeUpsert);
  s.bind(1, r.code).bind(2, r.label).bind(3, fold_text(r.label)).bind(4, r.description);
  int64_t rowid = 0;
  if (!m.run_returning(s, rowid)) return m.status;
  m.put_search(SearchKind::trade, rowid, r.label, r.code, r.code, r.code, r.label);
  return m.done();
}

Status CatalogWriter::upsert(const JobTitle& r) {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  if (r.ogr <= 0 || r.ogr >= kMaxOgr) {
    ++m.skipped;
    return Status::success();
  }
  Statement& s = m.get(kJobTitleUpsert);
  s.bind(1, r.ogr).bind(2, r.trade_code).bind(3, r.label);
  if (!m.run(s)) return m.status;
  m.put_search(SearchKind::job_title, r.ogr, r.label, "", std::to_string(r.ogr), r.trade_code,
               r.label);
  return m.done();
}

Status CatalogWriter::upsert(const Employer& r) {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  Statement& s = m.get(kEmployerUpsert);
  s.bind(1, r.id).bind(2, r.name).bind(3, r.siret).bind(4, r.naf).bind(5, r.naf_label)
      .bind(6, r.commune).bind(7, r.address).bind(8, r.lat).bind(9, r.lon).bind(10, r.size_range)
      .bind(11, r.fit_for_disabled_workers);
  int64_t rowid = 0;
  if (!m.run_returning(s, rowid)) return m.status;
  if (!m.fresh) m.employer_names[r.id] = r.name;
  m.put_search(SearchKind::employer, rowid, r.name, r.naf_label, r.id, "", r.name);
  return m.done();
}

namespace {

// The record outlives the statement's run: its text is bound without copies.
void bind_job(Statement& s, const Job& r) {
  s.bind_ref(1, r.id).bind_ref(2, r.source).bind_ref(3, r.title).bind_ref(4, r.trade_code)
      .bind(5, r.job_title_ogr).bind_ref(6, r.employer_id).bind_ref(7, r.employer_name)
      .bind_ref(8, r.description).bind_ref(9, r.contract_type)
      .bind(10, r.contract_duration_months).bind_ref(11, r.work_time_label)
      .bind_ref(12, r.salary_label).bind_ref(13, r.experience_label)
      .bind_ref(14, r.qualification_label).bind(15, r.posts).bind_ref(16, r.commune)
      .bind(17, r.lat).bind(18, r.lon).bind_ref(19, r.place_label).bind_ref(20, r.origin_url)
      .bind_ref(21, r.contact).bind_ref(22, r.created_at).bind_ref(23, r.expires_at);
}

}  // namespace

Status CatalogWriter::upsert(const Job& r) {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  if (m.fresh) {
    // Every offer is new: a plain insert; jobs_geo and search_fts are built at commit. A
    // duplicate id in the catalog fails the insert and falls back to the upsert.
    Statement& ins = m.get(kJobInsert);
    bind_job(ins, r);
    const Status before = m.db.last_status();
    Status st = ins.run();
    if (st.ok) return m.done();
    if (st.code != "sqlite_constraint") return m.status = st;
    m.db.set_last_status(before);  // an expected duplicate
    Statement& s = m.get(kJobUpsert);
    bind_job(s, r);
    if (!m.run(s)) return m.status;
    return m.done();
  }
  // The offer may exist. Most changes of a delta (a salary, a description, the posts) leave
  // its place, filters and words as they were: then jobs_geo and search_fts are not touched,
  // which spares a commit two random pages per offer of the ~4 it writes.
  int64_t rowid = 0;
  Statement& old = m.get(kJobOld);
  old.bind(1, r.id);
  const bool existed = old.step();
  bool geo_same = false, words_same = false;
  if (existed) {
    rowid = old.col_int(0);
    const double old_lat = old.col_double(1), old_lon = old.col_double(2);
    geo_same = old_lat == r.lat && old_lon == r.lon && old.col_view(3) == r.trade_code &&
               old.col_view(4) == r.contract_type && old.col_view(5) == r.expires_at;
    words_same = old.col_view(6) == r.title && old.col_view(7) == r.employer_name &&
                 old.col_view(3) == r.trade_code;
    if (!geo_same) {
      --m.trade_counts[old.col_text(3)];
      Statement& del = m.get(kGeoDelete);
      del.bind(1, geo_band(old_lat)).bind(2, old_lon).bind(3, rowid);
      old.reset();
      if (!m.run(del)) return m.status;
    }
  }
  old.reset();
  // No RETURNING: the rowid is the old one, or the new row's (an upsert keeps the rowid).
  Statement& s = m.get(kJobUpsert);
  bind_job(s, r);
  if (!m.run(s)) return m.status;
  if (!existed) rowid = m.db.last_insert_rowid();
  if (!words_same) {
    // The employer's name is searchable with the offer; look it up when the offer lacks it.
    std::string employer_name = r.employer_name;
    if (employer_name.empty() && !r.employer_id.empty()) {
      auto known = m.employer_names.find(r.employer_id);
      if (known != m.employer_names.end()) {
        employer_name = known->second;
      } else {
        Statement& q = m.get(kEmployerName);
        q.bind(1, r.employer_id);
        if (q.step()) employer_name = q.col_text(0);
        q.reset();
      }
    }
    m.put_search(SearchKind::job, rowid, r.title, employer_name, r.id, r.trade_code, r.title);
  }
  if (!geo_same) {
    ++m.trade_counts[r.trade_code];
    Statement& g = m.get(kGeoReplace);
    g.bind(1, geo_band(r.lat)).bind(2, r.lon).bind(3, rowid).bind(4, r.lat)
        .bind_ref(5, r.trade_code).bind_ref(6, r.contract_type).bind_ref(7, r.expires_at);
    if (!m.run(g)) return m.status;
  }
  return m.done();
}

Status CatalogWriter::upsert(const Training& r) {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  Statement& s = m.get(kTrainingUpsert);
  s.bind(1, r.id).bind(2, r.title).bind(3, r.entry_level).bind(4, r.exit_level).bind(5, r.rncp)
      .bind(6, r.certifinfo).bind(7, r.organisation).bind(8, r.organisation_siret)
      .bind(9, r.region_funded).bind(10, r.hours_total).bind(11, r.description);
  int64_t rowid = 0;
  if (!m.run_returning(s, rowid)) return m.status;
  Statement& del = m.get(kTrainingTradesDelete);
  del.bind(1, r.id);
  if (!m.run(del)) return m.status;
  Statement& ins = m.get(kTrainingTradeInsert);
  int position = 0;
  for (const std::string& code : r.trade_codes) {
    ins.bind(1, r.id).bind(2, code).bind(3, position++);
    if (!m.run(ins)) return m.status;
  }
  const std::string first_trade = r.trade_codes.empty() ? std::string() : r.trade_codes.front();
  m.put_search(SearchKind::training, rowid, r.title, r.organisation, r.id, first_trade, r.title);
  m.funding_dirty = true;
  return m.done();
}

namespace {

// The columns of the records written as one row and nothing else, in the order of their
// upsert's parameters (store_catalog_sql.h).
void bind_record(Statement& s, const TrainingSession& r) {
  s.bind(1, r.id).bind(2, r.training_id).bind(3, r.start).bind(4, r.end).bind(5, r.commune)
      .bind(6, r.lat).bind(7, r.lon).bind(8, r.address).bind(9, r.registration_open)
      .bind(10, r.seats);
}

void bind_record(Statement& s, const ImmersionOffer& r) {
  s.bind(1, r.id).bind(2, r.employer_id).bind(3, r.trade_code).bind(4, r.job_title_ogr)
      .bind(5, r.what_you_will_do).bind(6, r.contact_mode).bind(7, r.welcome_address)
      .bind(8, r.fit_for_disabled_workers).bind(9, r.max_requests_per_month);
}

void bind_record(Statement& s, const ImmersionSlot& r) {
  s.bind(1, r.id).bind(2, r.offer_id).bind(3, r.start).bind(4, r.end).bind(5, r.days)
      .bind(6, r.schedule_label).bind(7, r.capacity).bind(8, r.taken);
}

void bind_record(Statement& s, const Site& r) {
  s.bind(1, r.id).bind(2, r.name).bind(3, r.commune).bind(4, r.address).bind(5, r.lat)
      .bind(6, r.lon).bind(7, r.opening_hours).bind(8, r.phone);
}

void bind_record(Statement& s, const Workshop& r) {
  s.bind(1, r.id).bind(2, r.site_id).bind(3, r.kind).bind(4, r.title).bind(5, r.plain_description)
      .bind(6, r.what_to_bring).bind(7, r.animator).bind(8, r.start).bind(9, r.end)
      .bind(10, r.capacity).bind(11, r.taken).bind(12, r.place).bind(13, r.cancelled);
}

}  // namespace

template <class Record>
Status CatalogWriter::upsert_row(int slot, const Record& r) {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  Statement& s = m.get(static_cast<Slot>(slot));
  bind_record(s, r);
  if (!m.run(s)) return m.status;
  return m.done();
}

Status CatalogWriter::upsert(const TrainingSession& r) {
  Status s = upsert_row(kSessionUpsert, r);
  if (s.ok) impl_->funding_dirty = true;
  return s;
}

Status CatalogWriter::upsert(const ImmersionOffer& r) { return upsert_row(kOfferUpsert, r); }
Status CatalogWriter::upsert(const ImmersionSlot& r) { return upsert_row(kSlotUpsert, r); }
Status CatalogWriter::upsert(const Site& r) { return upsert_row(kSiteUpsert, r); }
Status CatalogWriter::upsert(const Workshop& r) { return upsert_row(kWorkshopUpsert, r); }

Status CatalogWriter::remove(std::string_view type, std::string_view id) {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  const RemoveRule* rule = nullptr;
  for (const RemoveRule& r : kRemoveRules) {
    if (r.type == type) rule = &r;
  }
  if (!rule) {
    ++m.skipped;
    return Status::error("unknown_type",
                         "Type d'élément du catalogue inconnu : " + std::string(type) + ".");
  }
  // Removes are rare (deltas): a statement per call keeps the writer's table small.
  Statement del(m.db, rule->sql);
  del.bind(1, id);
  bool found = del.step();
  const int64_t rowid = found ? del.col_int(0) : 0;
  const double lat = found && rule->in_geo ? del.col_double(1) : 0;
  const double lon = found && rule->in_geo ? del.col_double(2) : 0;
  const std::string del_trade = found && rule->in_geo ? del.col_text(3) : std::string();
  if (!m.run(del)) return m.status;
  if (rule->cleanup_sql) {
    Statement clean(m.db, rule->cleanup_sql);
    clean.bind(1, id);
    if (!m.run(clean)) return m.status;
  }
  if (found && rule->in_search) m.remove_search(rule->kind, rowid);
  if (found && rule->in_geo && !m.fresh) {
    Statement& g = m.get(kGeoDelete);
    g.bind(1, geo_band(lat)).bind(2, lon).bind(3, rowid);
    if (!m.run(g)) return m.status;
    --m.trade_counts[del_trade];
  }
  if (rule->touches_funding) m.funding_dirty = true;
  return m.done();
}

Status CatalogWriter::commit() {
  Impl& m = *impl_;
  if (!m.status.ok) return m.status;
  if (m.fresh) {
    // The whole catalog was written: its indexes in bulk, from the tables.
    m.stmts[kFtsReplace].reset();
    m.stmts[kFtsDelete].reset();
    m.stmts[kGeoReplace].reset();
    m.stmts[kGeoDelete].reset();
    Status s = rebuild_search_and_geo(m.db);
    if (s.ok) s = recompute_trade_stats(m.db);
    if (!s.ok) return m.status = s;
  } else if (!m.write_search_ops() || !m.write_trade_counts()) {
    return m.status;
  }
  if (m.funding_dirty) {
    Status s = recompute_trade_funding(m.db);
    if (!s.ok) return m.status = s;
  }
  {
    Statement s(m.db,
                "INSERT INTO sync_state(key,value) VALUES('catalog_updated_at',"
                "coalesce(nullif(?1,''),strftime('%Y-%m-%d %H:%M','now','localtime'))) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    s.bind(1, m.updated_at);
    if (!m.run(s)) return m.status;
  }
  for (auto& p : m.stmts) p.reset();
  Status s = m.tx.commit();
  if (!s.ok) m.status = s;
  return s;
}

Status replace_catalog(Database& db, const Catalog& c, std::string_view updated_at) {
  CatalogWriter w(db);
  if (!w.ok()) return w.status();
  w.set_updated_at(std::string(updated_at));
  Status s = w.clear_all();
  // The first failure stops the write; the writer's transaction rolls everything back.
  auto upsert_all = [&](const auto& records) {
    for (const auto& r : records) {
      if (s.ok) s = w.upsert(r);
    }
  };
  upsert_all(c.communes);
  upsert_all(c.trades);
  upsert_all(c.job_titles);
  upsert_all(c.employers);
  upsert_all(c.jobs);
  upsert_all(c.trainings);
  upsert_all(c.training_sessions);
  upsert_all(c.immersion_offers);
  upsert_all(c.immersion_slots);
  upsert_all(c.sites);
  upsert_all(c.workshops);
  if (!s.ok) return s;
  return w.commit();
}

}  // namespace eric
