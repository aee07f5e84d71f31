// The regional server's outbox intake: exactly-once answers, seats checked in one transaction,
// counts without personal data, and the feed of later status changes.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "kiosk/core/storage/db.h"
#include "sync/server/server_store.h"

namespace eric::server {

// The largest count a `usage` item may carry for one counter: one terminal's day never
// counts a billion of anything, so a larger number is a fault and the item is refused.
inline constexpr int64_t kMaxUsageCount = 1'000'000'000;

// Handles one item {id, type, created_at, payload} sent by `terminal` (id already checked to
// be a UUID) in its own BEGIN IMMEDIATE transaction, and returns its answer. A replayed id
// gets the stored first answer with "replay": true. Fails only when the database does.
Status process_outbox_item(Database& db, const Terminal& terminal, const nlohmann::json& item,
                           nlohmann::json& answer);

// Within the caller's transaction: marks the accepted registrations of a cancelled workshop
// and adds a status change for each.
Status cancel_workshop_registrations(Database& db, const std::string& workshop_id);

// An employer declined an accepted immersion request: frees the seat, adds a status change.
Status decline_request(Database& db, const std::string& request_id, const std::string& reason);

// The page of status changes of the site after `since` (a number; empty means 0).
Status read_status_page(Database& db, const std::string& site, const std::string& since,
                        int64_t limit, std::string& body, int64_t& count);

// Within the caller's transaction: writes the record's new `taken` as a new catalog change.
Status publish_seats(Database& db, const char* type, const std::string& id, int64_t taken);

}  // namespace eric::server
