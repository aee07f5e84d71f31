// Records set aside by a sync or a bundle import (see RejectedWriter in client_internal.h).
#include <cstdio>

#include "kiosk/core/base/field_rules.h"
#include "sync/client_internal.h"

namespace eric {

Status RejectedWriter::begin(bool full) {
  for (RejectedRecord& r : rejected_records_all(db_)) {
    Key key{std::move(r.type), std::move(r.id)};
    in_table_[key] = true;
    before_[std::move(key)] = std::move(r.reason);
  }
  if (!db_.last_status().ok) return db_.last_status();
  if (!full) return Status::success();
  in_table_.clear();
  return rejected_records_clear(db_);
}

Status RejectedWriter::put(const RejectedChange& change) {
  RejectedRecord record{change.type, change.id, change.reason, now_s_};
  Status s = rejected_record_put(db_, record);
  if (!s) return s;
  ++put_count_;
  Key key{change.type, change.id};
  auto it = before_.find(key);
  if (it == before_.end() || it->second != change.reason) newly_.push_back(std::move(record));
  in_table_[std::move(key)] = true;
  return Status::success();
}

Status RejectedWriter::on_applied(const CatalogChange& change) {
  if (in_table_.empty()) return Status::success();  // the usual case: nothing set aside
  auto it = in_table_.find(Key{std::string(record_type_name(change.type)), change.id});
  if (it == in_table_.end()) return Status::success();
  in_table_.erase(it);
  return rejected_record_drop(db_, std::string(record_type_name(change.type)), change.id);
}

Status apply_in_order(CatalogWriter& writer, RejectedWriter& rejects,
                      const std::vector<CatalogChange>& staged,
                      const std::vector<RejectedChange>& rejected,
                      const std::function<void(int64_t)>& progress) {
  std::size_t next_reject = 0;
  auto put_rejects_before = [&](std::size_t position) {
    for (; next_reject < rejected.size() && rejected[next_reject].position <= position; ++next_reject) {
      Status s = rejects.put(rejected[next_reject]);
      if (!s) return s;
    }
    return Status::success();
  };
  int64_t done = 0;
  for (std::size_t i = 0; i < staged.size(); ++i) {
    Status s = put_rejects_before(i);
    if (s) s = apply_change(writer, staged[i]);
    if (s) s = rejects.on_applied(staged[i]);
    if (!s) return s;
    if (!writer.ok()) return writer.status();
    if (++done % 2000 == 0 && progress) progress(done);
  }
  Status s = put_rejects_before(staged.size());
  if (s && progress) progress(done);
  return s;
}

void log_rejected(const std::vector<RejectedRecord>& newly) {
  for (const RejectedRecord& r : newly) {
    // The texts were cleaned when stored; here they come from the change as sent, so only
    // the first bytes are printed and control characters cannot reach the log.
    std::fprintf(stderr, "eric-sync: fiche mise de côté : %s « %s » : %s\n",
                 clean_text(r.type, TextShape::line, kRejectedTypeBytes).c_str(),
                 clean_text(r.id, TextShape::line, kRejectedIdBytes).c_str(),
                 clean_text(r.reason, TextShape::line, kRejectedReasonBytes).c_str());
  }
}

}  // namespace eric
