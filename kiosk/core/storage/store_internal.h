// Helpers shared by the store's .cpp files (not part of the public API).
#pragma once

#include <string>
#include <string_view>

#include "kiosk/core/storage/catalog.h"
#include "kiosk/core/storage/db.h"

namespace eric::store_detail {

// One read transaction around a read that runs many small statements (lookups by rowid).
// In WAL mode a statement outside a transaction takes and drops a read lock on its own (system
// calls), which costs more than the lookup itself. Does nothing inside a transaction.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db) : db_(db) {
    own_ = !db_.in_transaction() && db_.exec("BEGIN").ok;
  }
  ~ReadTransaction() {
    // It wrote nothing: a failed COMMIT loses nothing, and SQLite ends it with the connection.
    if (own_) (void)db_.exec("COMMIT");
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& db_;
  bool own_ = false;
};

// An FTS5 MATCH expression for typed text: every folded word must match, the last one as a
// prefix, within the given columns ("title" or "title extra"). Empty when nothing searchable
// was typed.
std::string fts_match_expression(std::string_view typed, std::string_view columns);

// Readers of whole records; the column lists they expect are given next to each.
inline constexpr const char* kJobColumns =
    "j.id,j.source,j.title,j.trade_code,j.job_title_ogr,j.employer_id,j.employer_name,"
    "j.description,j.contract_type,j.contract_duration_months,j.work_time_label,j.salary_label,"
    "j.experience_label,j.qualification_label,j.posts,j.commune,j.lat,j.lon,j.place_label,"
    "j.origin_url,j.contact,j.created_at,j.expires_at";
Job read_job(const Statement& s, int first_col);

inline constexpr const char* kEmployerColumns =
    "e.id,e.name,e.siret,e.naf,e.naf_label,e.commune,e.address,e.lat,e.lon,e.size_range,"
    "e.fit_for_disabled_workers";
Employer read_employer(const Statement& s, int first_col);

inline constexpr const char* kSessionColumns =
    "s.id,s.training_id,s.start,s.\"end\",s.commune,s.lat,s.lon,s.address,s.registration_open,"
    "s.seats";
TrainingSession read_session(const Statement& s, int first_col);

inline constexpr const char* kSiteColumns =
    "id,name,commune,address,lat,lon,opening_hours,phone";
Site read_site(const Statement& s, int first_col);

}  // namespace eric::store_detail
