// Where every importer puts its records: the server's change feed, written only when a record
// differs from what the same source wrote last time, so importing the same file twice makes
// no change and no new cursor. Each record keeps its source; with --full, the records of that
// source missing from the files are deleted (tombstones). One transaction for the whole import.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "kiosk/core/storage/db.h"
#include "sync/protocol.h"
#include "sync/server/import_employers.h"
#include "sync/server/import_report.h"
#include "sync/server/server_store.h"

namespace eric::server {

// The digest of every field of a record (the same field lists as the protocol).
uint64_t record_digest(const Record& record);

class ImportSink {
 public:
  ImportSink(Database& db, std::string source, ImportReport& report);
  ~ImportSink();
  ImportSink(const ImportSink&) = delete;
  ImportSink& operator=(const ImportSink&) = delete;

  // Creates the import state table when needed, takes the write lock and reads what this
  // source wrote before.
  [[nodiscard]] Status open();
  // Writes the record when it is new or changed. false when this import already gave a record
  // of that type and id (the first one stays) or after a write failure (see status()).
  bool put(Record record);
  bool has(RecordType type, const std::string& id) const;
  // Keeps what this source says of an employer; the id of the employer record the feed
  // carries for it, merged with what other sources say of the same company (empty after a
  // write failure).
  std::string put_employer(Employer said);
  std::optional<std::string> employer_seen(const std::string& siret) const { return employers_.seen(siret); }
  // Tombstones (when `full` and something was read), then commits; a dry run rolls back.
  [[nodiscard]] Status finish(bool full, bool dry_run);
  const Status& status() const { return status_; }

 private:
  struct Entry {
    uint64_t digest = 0;
    bool same_as_written = false;  // the feed still holds what this source wrote
    bool seen = false;             // given by this import
  };
  [[nodiscard]] Status load_state();
  [[nodiscard]] Status remember(RecordType type, const std::string& id, uint64_t digest);
  [[nodiscard]] Status tombstone_missing();

  Database& db_;
  std::string source_;
  ImportReport& report_;
  Status status_;
  std::unique_ptr<ServerCatalogWriter> writer_;
  std::unique_ptr<Statement> remember_;
  EmployerMerge employers_;
  ImportCounts& counts_of(RecordType type);
  // By type, then id: short ids stay within std::string's own buffer, so a look-up of the
  // 100,000 of an import touches no other memory (one map keyed "type id" was a twentieth of
  // an import's time).
  std::array<std::unordered_map<std::string, Entry>, kRecordTypeCount> state_;
  std::array<ImportCounts*, kRecordTypeCount> counts_{};
};

}  // namespace eric::server
