// The importers' writer (see import_sink.h).
#include "sync/server/import_sink.h"

#include <cstring>

#include "sync/protocol_fields.h"
#include "sync/server/import_fields.h"

namespace eric::server {
namespace {

constexpr const char* kImportSchema = R"sql(
CREATE TABLE IF NOT EXISTS import_state(
  type TEXT NOT NULL, id TEXT NOT NULL, source TEXT NOT NULL, digest INTEGER NOT NULL,
  cursor INTEGER NOT NULL, PRIMARY KEY(type, id)) WITHOUT ROWID;
)sql";
// One B-tree per row written, no index on the source: an import reads its source's rows once,
// and a scan of the table costs less than keeping a second index through 100,000 inserts.

std::size_t type_index(RecordType type) { return static_cast<std::size_t>(type); }

// Eight bytes at a time (FNV's byte loop was the import's largest own cost on long texts).
uint64_t digest_bytes(std::string_view bytes, uint64_t h) {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  }
  uint64_t tail = 0;  // the last bytes, and the length: "ab" + "c" differs from "a" + "bc"
  if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h = (h ^ tail ^ (static_cast<uint64_t>(bytes.size()) << 56)) * kMultiplier;
  return h ^ (h >> 29);
}

template <class T> uint64_t digest_value(uint64_t h, const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return digest_bytes(v, h);
  } else if constexpr (std::is_arithmetic_v<T>) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    return digest_bytes(std::string_view(bytes, sizeof(T)), h);
  } else {
    for (const auto& e : v) h = digest_value(h, e);
    return digest_bytes(std::string_view("\1", 1), h);  // the end of the list
  }
}

}  // namespace

uint64_t record_digest(const Record& record) {
  uint64_t h = digest_bytes(record_type_name(record_type(record)), 0);
  std::visit(
      [&](const auto& r) {
        protocol_detail::visit_fields(
            r, [&](const char*, const auto& v, protocol_detail::FieldKind) { h = digest_value(h, v); });
      },
      record);
  return h;
}

ImportSink::ImportSink(Database& db, std::string source, ImportReport& report)
    : db_(db), source_(std::move(source)), report_(report), employers_(db, source_, report) {}

ImportSink::~ImportSink() {
  remember_.reset();  // finalised before the writer's transaction rolls back
  writer_.reset();
}

Status ImportSink::open() {
  status_ = db_.exec(kImportSchema);
  if (!status_) return status_;
  report_.cursor_before = current_cursor(db_);
  report_.cursor_after = report_.cursor_before;
  writer_ = std::make_unique<ServerCatalogWriter>(db_);
  status_ = writer_->status();
  if (!status_) return status_;
  status_ = load_state();
  if (status_) status_ = employers_.open();
  return status_;
}

// Whether the feed still holds what the source wrote is told by the cursor: every write to
// a record (an edit, a delete) gives it a new one. Comparing the rowids the two indexes give
// (cursor, and type + id) reads no record: joining the rows themselves read the whole feed,
// a few hundred MB, to re-import a file that changed nothing.
Status ImportSink::load_state() {
  Statement st(db_, "SELECT s.type, s.id, s.digest, "
                    "(SELECT rowid FROM records WHERE cursor = s.cursor) IS "
                    "(SELECT rowid FROM records WHERE type = s.type AND id = s.id) "
                    "FROM import_state s WHERE s.source = ?");
  st.bind(1, source_);
  Statement live(db_, "SELECT 1 FROM records WHERE type = ? AND id = ? AND deleted = 0");
  while (st.step()) {
    const auto type = parse_record_type(st.col_view(0));
    if (!type) continue;
    Entry e;
    e.digest = static_cast<uint64_t>(st.col_int(2));
    e.same_as_written = st.col_int(3) != 0;
    if (!e.same_as_written) {  // rewritten or deleted by other means since: rare
      live.bind(1, st.col_view(0)).bind(2, st.col_view(1));
      const bool is_live = live.step();
      if (!live.ok()) return live.status();
      live.reset();
      if (!is_live) continue;
    }
    state_[type_index(*type)].emplace(st.col_text(1), e);
  }
  // A file about the size of the last one: no rehash.
  for (auto& of_type : state_) of_type.reserve(of_type.size() * 2 + 1024);
  return st.status();
}

Status ImportSink::remember(RecordType type, const std::string& id, uint64_t digest) {
  if (!remember_) {
    remember_ = std::make_unique<Statement>(
        db_, "INSERT INTO import_state(type, id, source, digest, cursor) VALUES(?, ?, ?, ?, ?) "
             "ON CONFLICT(type, id) DO UPDATE SET source = excluded.source, "
             "digest = excluded.digest, cursor = excluded.cursor", /*persistent=*/true);
  }
  remember_->bind_ref(1, record_type_name(type)).bind_ref(2, id).bind_ref(3, source_)
      .bind(4, static_cast<int64_t>(digest)).bind(5, writer_->last_cursor());
  return remember_->run();
}

bool ImportSink::has(RecordType type, const std::string& id) const {
  const auto& of_type = state_[type_index(type)];
  auto it = of_type.find(id);
  return it != of_type.end() && it->second.seen;
}

std::string ImportSink::put_employer(Employer said) {
  if (!status_) return "";
  std::string id = employers_.put(std::move(said));
  status_ = employers_.status();
  return id;
}

ImportCounts& ImportSink::counts_of(RecordType type) {
  ImportCounts*& counts = counts_[type_index(type)];
  if (!counts) counts = &report_.by_type[std::string(record_type_name(type))];
  return *counts;
}

bool ImportSink::put(Record record) {
  if (!status_) return false;
  const RecordType type = record_type(record);
  const std::string id = record_id(record);
  const uint64_t digest = record_digest(record);
  ImportCounts& counts = counts_of(type);
  auto [it, added] = state_[type_index(type)].try_emplace(id);
  Entry& e = it->second;
  if (!added && e.seen) return false;
  ++counts.read;
  e.seen = true;
  if (!added && e.same_as_written && e.digest == digest) {
    ++counts.unchanged;
    return true;
  }
  status_ = writer_->upsert(std::move(record));
  if (status_) status_ = remember(type, id, digest);
  if (!status_) return false;
  e.digest = digest;
  e.same_as_written = true;
  ++(added ? counts.added : counts.updated);
  return true;
}

Status ImportSink::tombstone_missing() {
  Statement forget(db_, "DELETE FROM import_state WHERE type = ? AND id = ?");
  for (std::size_t t = 0; t < state_.size(); ++t) {
    const auto type = static_cast<RecordType>(t);
    // A type this import read nothing of is not part of it (a ROME update of the trades alone
    // leaves the job titles be). Employers' descriptions count under "employer": the employer
    // records that older imports wrote under the source's own ids go with them.
    const auto counts = report_.by_type.find(std::string(record_type_name(type)));
    if (counts == report_.by_type.end() || counts->second.read == 0) continue;
    for (const auto& [id, e] : state_[t]) {
      if (e.seen) continue;
      Status s = writer_->remove(type, id);
      if (!s) return s;
      forget.bind(1, record_type_name(type)).bind(2, id);
      s = forget.run();
      if (!s) return s;
      ++counts->second.deleted;
    }
  }
  return Status::success();
}

Status ImportSink::finish(bool full, bool dry_run) {
  if (!status_) return status_;
  report_.full = full;
  report_.dry_run = dry_run;
  if (full && report_.records_read() == 0) {
    report_.full_refused = true;  // an empty or unreadable file never empties a source
  } else if (full) {
    status_ = tombstone_missing();
    const auto employers = report_.by_type.find("employer");
    if (status_ && employers != report_.by_type.end() && employers->second.read > 0) {
      status_ = employers_.forget_missing();
    }
    if (!status_) return status_;
  }
  status_ = employers_.write_feed(*writer_);
  if (!status_) return status_;
  report_.cursor_after = report_.changes() > 0 ? writer_->last_cursor() : report_.cursor_before;
  if (dry_run) return Status::success();  // the writer's transaction rolls back
  remember_.reset();
  status_ = writer_->commit();
  return status_;
}

}  // namespace eric::server
