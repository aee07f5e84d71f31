// One employer for one company, whichever sources name it. France Travail's offers and
// Immersion Facilitée's establishments both describe employers; each source's description is
// kept apart in the store (employer_facts: which source said what), and the feed carries one
// employer record per company, merged from them:
// - the same SIRET is the same company ("e-" + SIRET);
// - a description without SIRET joins a company of the same name (accents and case ignored)
//   and commune that has one, else stands alone ("e-n" + a hash of name and commune).
// Jobs and immersion offers refer to the merged record. When a company with a SIRET arrives
// after a description without one was written, the older description and the records that
// referred to it move to the company's record.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "kiosk/core/storage/catalog.h"
#include "kiosk/core/storage/db.h"
#include "sync/server/import_report.h"
#include "sync/server/server_store.h"

namespace eric::server {

class EmployerMerge {
 public:
  EmployerMerge(Database& db, std::string source, ImportReport& report)
      : db_(db), source_(std::move(source)), report_(report) {}

  // Reads what this source said before.
  [[nodiscard]] Status open();
  // Keeps what the source says of an employer (its id is ignored); the merged employer's id,
  // for the records that refer to it. The first description of a company in an import stays.
  std::string put(Employer said);
  // The merged id of a company this import already described, by its SIRET (so the other
  // offers of an employer cost no more than a look-up); nullopt otherwise.
  std::optional<std::string> seen(const std::string& siret) const;
  // --full: forgets this source's descriptions that the import did not give.
  [[nodiscard]] Status forget_missing();
  // Writes the merged records of the companies whose descriptions changed (or tombstones
  // them when none is left) and moves the records that referred to a moved description.
  [[nodiscard]] Status write_feed(ServerCatalogWriter& writer);
  const Status& status() const { return status_; }

 private:
  struct Fact {
    uint64_t digest = 0;
    std::string employer_id;
    bool seen = false;
  };
  std::string employer_id_for(const Employer& said, const std::string& match_key,
                              const Fact* before);
  [[nodiscard]] Status store(const std::string& fact_id, const Employer& said,
                             const std::string& match_key, uint64_t digest,
                             const std::string& employer_id);
  [[nodiscard]] Status adopt_partners(const std::string& match_key, const std::string& employer_id);
  void note_described(const std::string& employer_id, const std::string& fact_id);
  void note_shared(const std::string& employer_id);
  [[nodiscard]] Status write_merged(ServerCatalogWriter& writer, const std::string& employer_id);
  [[nodiscard]] Status repoint_references(ServerCatalogWriter& writer);

  Database& db_;
  std::string source_;
  ImportReport& report_;
  Status status_;
  std::unordered_map<std::string, Fact> facts_;         // this source's, by fact id
  std::set<std::string> touched_;                       // merged employers to write again
  std::unordered_map<std::string, Employer> said_now_;  // written by this import, by fact id
  std::unordered_map<std::string, std::string> moved_;  // old merged id -> new one
  // The merged ids that stored descriptions named when the import began (any source): a live
  // employer record always has one, so an id not among them has no record to compare with.
  std::unordered_set<std::string> known_ids_;
  // A merged id new to this import -> the one description that names it, its record written
  // without reading anything back (most employers of a first import); empty once a second
  // description joins it or one leaves it.
  std::unordered_map<std::string, std::string> sole_fact_;
  // The match keys of the descriptions without SIRET (any source): a company with a SIRET
  // looks for partners only under these (most have none, and the query cost 10,000
  // instructions each).
  std::unordered_set<std::string> keys_without_siret_;
  Statement& prepared(std::unique_ptr<Statement>& st, const char* sql);
  // Prepared once: an import describes thousands of employers.
  std::unique_ptr<Statement> store_, partner_, partners_, facts_of_, current_;
};

}  // namespace eric::server
