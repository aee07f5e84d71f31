// Catalog records set aside: what the regional feed or a bundle sent that the terminal could
// not read or would not keep (a mistyped field, a date in 2999). Kept with the reason so the
// site manager sees how many and why; a later readable version of the record removes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/storage/db.h"

namespace eric {

struct RejectedRecord {
  std::string type;    // "job", or what the change said its type was
  std::string id;      // the change's id as sent (may be empty)
  std::string reason;  // French: "champ « posts » hors limites (-5)"
  int64_t at = 0;      // epoch seconds: when it was set aside
};

// Longer type, id or reason texts are cut to these sizes before storing (outside data).
inline constexpr std::size_t kRejectedTypeBytes = 40;
inline constexpr std::size_t kRejectedIdBytes = 200;
inline constexpr std::size_t kRejectedReasonBytes = 300;

int64_t rejected_record_count(Database& db);
// The most recent first, at most `limit`.
std::vector<RejectedRecord> rejected_records_recent(Database& db, int limit);
// Every record set aside (type, id and reason; the set is small: it is what failed).
std::vector<RejectedRecord> rejected_records_all(Database& db);

// Sets a record aside (or updates its reason and time). Inside the caller's transaction.
Status rejected_record_put(Database& db, const RejectedRecord& record);
// A readable version, or a deletion, of the record came: it leaves the quarantine.
Status rejected_record_drop(Database& db, const std::string& type, const std::string& id);
// A full snapshot replaces everything: the quarantine starts again with it.
Status rejected_records_clear(Database& db);

}  // namespace eric
