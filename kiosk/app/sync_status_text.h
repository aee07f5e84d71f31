// The sync status in plain words for the site manager ("Catalogue à jour : aujourd'hui à 14 h 05").
#pragma once

#include <cstdint>
#include <string>

namespace eric {

class I18n;

// What the words are made from: the sync state as stored, plus what the worker does now.
// Times are epoch seconds (0 = never).
struct SyncStatusFacts {
  bool enrolled = false;
  bool running = false;             // a sync is under way
  int64_t last_success_s = 0;
  int64_t last_attempt_s = 0;
  std::string last_error_code;      // empty: the last attempt succeeded
  std::string last_error_message;   // the client's French sentence ("Le serveur ne répond pas.")
  int64_t next_attempt_s = 0;       // 0: as soon as possible
  int64_t catalog_updated_ms = 0;   // the catalog's date (a local catalog when not enrolled)
  int64_t rejected_records = 0;     // records of the feed set aside as unreadable
};

// Two lines at most (and `rejected`): `main` always says how old the catalog is; `problem` says what went
// wrong last and when the next try comes (empty when all is well). `ok` is false when the
// manager should look (a failure, or never synchronised).
struct SyncStatusText {
  std::string main;
  std::string problem;
  bool ok = true;
  bool failed = false;  // `problem` tells of a failed attempt (shown as an error)
  std::string rejected; // how many records were set aside (empty when none)
};

// Pure: the same facts and the same `now_s` give the same words.
SyncStatusText sync_status_text(const SyncStatusFacts& facts, int64_t now_s, const I18n& i18n);

// "aujourd'hui à 14 h 05", "hier à 18 h", "22 novembre à 14 h 05" (the year when it is not
// this year's).
std::string moment_words(int64_t when_s, int64_t now_s, const I18n& i18n);

// The failure's cause in words, lower case, without a final full stop ("le serveur ne répond
// pas"): a known error code has its own text; otherwise the client's sentence is used.
std::string sync_error_words(const std::string& code, const std::string& message_fr,
                             const I18n& i18n);

}  // namespace eric
