// The requests a terminal sends to the region through its outbox (sync protocol v1,
// POST /v1/outbox, see sync/PROTOCOL.md): one plain struct per item type. The terminal writes
// each payload from its struct and the regional server reads it back into the same struct,
// both through the one field list of request_fields.h, so the two ends cannot drift apart.
// Only the shape is checked here (names, JSON types, lengths); what a value means (a known
// slot, a rating of 1 to 3) is the business of whoever acts on it.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/storage/db.h"

namespace eric {

// The outbox item types.
inline constexpr std::string_view kImmersionRequestType = "immersion_request";
inline constexpr std::string_view kWorkshopRegistrationType = "workshop_registration";
inline constexpr std::string_view kHelpTicketType = "help_ticket";
inline constexpr std::string_view kFeedbackType = "feedback";
inline constexpr std::string_view kUsageType = "usage";

// What the visitor agreed to, as shown on the form.
struct ConsentRecord {
  std::string text;
  std::string text_version;
  std::string at;  // "YYYY-MM-DD HH:MM:SS", local time of the region
};

struct ImmersionRequestPayload {
  std::string form_token;  // one per filled form: the terminal's guard against double taps
  std::string code;        // the short code the visitor keeps ("IM-7K2P")
  std::string slot_id;
  std::string offer_id;
  std::string employer_id;
  std::string objective;   // immersion_objective_name()
  std::string first_name;
  std::string phone;       // normalised French number, or empty
  std::string email;       // or empty; at least one of the two
  std::string message;
  ConsentRecord consent;
  std::string site_id;
  std::string terminal;
};

struct WorkshopRegistrationPayload {
  std::string workshop_id;
  std::string first_name;
  std::string contact;   // optional: left out of the payload when empty
  bool walk_in = false;  // registered at the desk by an animator; left out when false
};

// Nothing personal: the region counts tickets per site, day and reason.
struct HelpTicketPayload {
  std::string site_id;
  std::string day;
  std::string number;
  std::string reason;
  bool urgent_today = false;
};

struct FeedbackPayload {
  int64_t rating = 0;                // 1..3
  std::vector<std::string> reasons;  // chip codes; absent means none
  std::string path;                  // "jobs", "immersion", "help", "workshop"
};

// A finished day's counters: "name|key" (or "name") -> count.
struct UsagePayload {
  std::string day;
  std::map<std::string, int64_t> counters;
};

// The payload's JSON text. A byte that is not UTF-8 (typed text) is replaced, never thrown on.
std::string request_payload_json(const ImmersionRequestPayload& p);
std::string request_payload_json(const WorkshopRegistrationPayload& p);
std::string request_payload_json(const HelpTicketPayload& p);
std::string request_payload_json(const FeedbackPayload& p);
std::string request_payload_json(const UsagePayload& p);

// Reads a payload into its struct, field by field: a required field missing, a field of the
// wrong JSON type, a text longer than kMaxRequestText or a list longer than
// kMaxRequestListItems gives code "bad_payload" and a sentence naming the field. Fields this
// version does not know are ignored; optional fields absent keep their defaults.
inline constexpr std::size_t kMaxRequestText = 4000;
inline constexpr std::size_t kMaxRequestListItems = 200;
Status read_request_payload(const nlohmann::json& payload, ImmersionRequestPayload& out);
Status read_request_payload(const nlohmann::json& payload, WorkshopRegistrationPayload& out);
Status read_request_payload(const nlohmann::json& payload, HelpTicketPayload& out);
Status read_request_payload(const nlohmann::json& payload, FeedbackPayload& out);
Status read_request_payload(const nlohmann::json& payload, UsagePayload& out);

}  // namespace eric
