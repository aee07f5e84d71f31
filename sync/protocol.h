// Sync protocol v1 (sync/PROTOCOL.md): catalog records and changes to and from JSON, pages,
// bundles and the small helpers both ends share (hashes, UUIDs, error bodies).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/storage/catalog.h"
#include "kiosk/core/storage/db.h"

namespace eric {

inline constexpr int kProtocolVersion = 1;

// The order matches the alternatives of Record, so a Record's index() is its type.
enum class RecordType {
  commune, trade, job_title, employer, job, training, training_session,
  immersion_offer, immersion_slot, site, workshop
};
inline constexpr int kRecordTypeCount = 11;

using Record = std::variant<Commune, Trade, JobTitle, Employer, Job, Training, TrainingSession,
                            ImmersionOffer, ImmersionSlot, Site, Workshop>;

std::string_view record_type_name(RecordType type);  // "training_session"
std::optional<RecordType> parse_record_type(std::string_view name);
RecordType record_type(const Record& record);
// The record's key as sent in a change's "id" (insee for a commune, code for a trade, the ogr
// in decimal for a job title, the id field otherwise).
std::string record_id(const Record& record);

nlohmann::json record_to_json(const Record& record);
// Missing fields take their defaults; a missing or empty key, or a mistyped field, is an error.
Status record_from_json(RecordType type, const nlohmann::json& data, Record& out);

// One entry of the catalog feed: an upsert carries the record; a delete only type and id.
struct CatalogChange {
  RecordType type = RecordType::job;
  bool deleted = false;
  std::string id;
  Record record;  // meaningful when !deleted
};

nlohmann::json change_to_json(const CatalogChange& change);
Status change_from_json(const nlohmann::json& j, CatalogChange& out);

// Calls `fn` once per record of the catalog, communes first and workshops last.
void for_each_record(const Catalog& catalog, const std::function<void(Record&&)>& fn);
std::size_t catalog_record_count(const Catalog& catalog);

// A change of a page the terminal could not read (a mistyped field, a missing key, an unknown
// type): set aside with the reason, never applied, never stopping the rest of the page.
struct RejectedChange {
  std::string type;    // the record type as sent ("job"), or what stood there
  std::string id;      // the change's id as sent (may be empty)
  std::string reason;  // French, for the site manager: "champ « posts » d'un type inattendu"
  std::size_t position = 0;  // how many readable changes of the page came before it
};

// A page of GET /v1/catalog.
struct CatalogPage {
  std::string cursor;
  bool full = false;
  bool has_more = false;
  std::vector<CatalogChange> changes;
  std::vector<RejectedChange> rejected;
};
// Reads a page in one pass, straight into records (no JSON tree; protocol_page.cpp), with the
// rules of change_from_json for each change; a change those rules refuse goes to `rejected`
// and the rest of the page is read. A page that is not one (not JSON, no cursor, changes not
// a list) is an error, and then `out.changes` and `out.rejected` are empty.
Status parse_catalog_page(std::string_view body, CatalogPage& out);
// The same for a bundle body {"changes": [...]}: no cursor needed.
Status parse_catalog_changes(std::string_view body, CatalogPage& out);
// Reads only cursor/full/has_more (a tree of the whole page: for tools, not for syncing).
Status parse_catalog_page_header(std::string_view body, CatalogPage& out);

// One later change of a request (GET /v1/outbox/status).
struct OutboxStatusChange {
  std::string id;       // the outbox item's UUID
  std::string status;   // declined | cancelled
  std::string reason;
  std::string message;  // French
  std::string at;
};
struct OutboxStatusPage {
  std::string cursor;
  bool has_more = false;
  std::vector<OutboxStatusChange> changes;
};
Status parse_outbox_status_page(std::string_view body, OutboxStatusPage& out);

// One answer of POST /v1/outbox.
struct OutboxAnswer {
  std::string id;
  std::string status;   // accepted | rejected
  std::string ref;
  std::string reason;
  std::string message;  // French
  bool replay = false;
};
Status parse_outbox_answers(std::string_view body, std::vector<OutboxAnswer>& out);

// An error body {"error": {"code", "message"}}; false when the body is not one.
bool parse_error_body(std::string_view body, std::string& code, std::string& message);
std::string error_body(std::string_view code, std::string_view message_fr);

// Bundles (export-bundle / import): a one-line JSON header, a newline, then the body.
struct BundleHeader {
  std::string site_id;
  std::string cursor;
  std::string created_at;
  int64_t records = 0;
  std::string sha256;
};
std::string make_bundle(const BundleHeader& header_without_hash, const std::string& body);
// Checks the format and the body's hash; `body` then views the part after the header.
Status split_bundle(std::string_view file, BundleHeader& header, std::string_view& body);

std::string sha256_hex(std::string_view data);
bool is_uuid(std::string_view text);
// Random bytes as lowercase hex (tokens), from the operating system's generator.
std::string random_hex(std::size_t bytes);

}  // namespace eric
