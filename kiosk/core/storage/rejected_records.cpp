// Catalog records set aside (see rejected_records.h).
#include "kiosk/core/storage/rejected_records.h"

#include "kiosk/core/base/field_rules.h"

namespace eric {
namespace {

RejectedRecord read_row(Statement& st) {
  return RejectedRecord{st.col_text(0), st.col_text(1), st.col_text(2), st.col_int(3)};
}

std::vector<RejectedRecord> read_rows(Database& db, std::string_view sql, int limit) {
  std::vector<RejectedRecord> out;
  Statement st(db, sql);
  st.bind(1, limit);
  while (st.step()) out.push_back(read_row(st));
  if (!st.ok()) db.set_last_status(st.status());
  return out;
}

}  // namespace

int64_t rejected_record_count(Database& db) {
  Statement st(db, "SELECT count(*) FROM rejected_records");
  return st.step() ? st.col_int(0) : 0;
}

std::vector<RejectedRecord> rejected_records_recent(Database& db, int limit) {
  return read_rows(db,
                   "SELECT type, id, reason, rejected_at FROM rejected_records "
                   "ORDER BY rejected_at DESC, type, id LIMIT ?1",
                   limit);
}

std::vector<RejectedRecord> rejected_records_all(Database& db) {
  return read_rows(db, "SELECT type, id, reason, rejected_at FROM rejected_records LIMIT ?1", -1);
}

Status rejected_record_put(Database& db, const RejectedRecord& r) {
  // What came from outside is cleaned and cut like any text before it is stored or shown.
  Statement st(db,
               "INSERT INTO rejected_records(type, id, reason, rejected_at) VALUES(?1, ?2, ?3, ?4) "
               "ON CONFLICT(type, id) DO UPDATE SET reason = excluded.reason, "
               "rejected_at = excluded.rejected_at");
  st.bind(1, clean_text(r.type, TextShape::line, kRejectedTypeBytes))
      .bind(2, clean_text(r.id, TextShape::line, kRejectedIdBytes))
      .bind(3, clean_text(r.reason, TextShape::line, kRejectedReasonBytes))
      .bind(4, r.at);
  return st.run();
}

Status rejected_record_drop(Database& db, const std::string& type, const std::string& id) {
  Statement st(db, "DELETE FROM rejected_records WHERE type = ?1 AND id = ?2");
  st.bind(1, type).bind(2, id);
  return st.run();
}

Status rejected_records_clear(Database& db) { return db.exec("DELETE FROM rejected_records"); }

}  // namespace eric
