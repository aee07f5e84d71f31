// eric-kioskctl run as root on a terminal: the kiosk's folder belongs to the eric-kiosk user,
// and a database file or log written by root there would lock the kiosk out of its own data.
// So root becomes the folder's owner before touching anything, or stops with a sentence.
#pragma once

#include <string>

#include "kiosk/core/storage/db.h"

namespace eric {

// When this process runs as root and `data_dir` exists and belongs to another user, switches
// to that user (its groups, then its gid, then its uid, for good). Does nothing otherwise.
// An error says why the switch could not happen; the caller must stop then.
[[nodiscard]] Status become_owner_of(const std::string& data_dir);

}  // namespace eric
