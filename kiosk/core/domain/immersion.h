// Immersion booking (PMSMP): employers offering an immersion near a point, an offer's slots
// with the seats left, checking a visitor's request and writing it to the outbox exactly once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/domain/contact_check.h"
#include "kiosk/core/storage/catalog.h"
#include "kiosk/core/storage/db.h"
#include "kiosk/core/storage/store.h"

namespace eric {

// ============================================================================================
// Queries
// ============================================================================================

struct ImmersionQuery {
  double lat = 0, lon = 0;
  double radius_km = 30;
  std::vector<std::string> trade_codes;  // empty: any trade (then `family` may narrow)
  char family = 0;                       // 'A'..'N', 0: any
  std::string today;                     // "YYYY-MM-DD": slots starting before are ignored
  int limit = 50;
};

// One employer's offer in a list of results.
struct ImmersionCard {
  std::string offer_id;
  std::string employer_id;
  std::string employer_name;
  std::string commune_name;
  std::string trade_code;
  std::string trade_label;
  double distance_km = 0;
  // The first future slot with a seat left; when every slot is full, the first future slot.
  std::string next_slot_start;  // "YYYY-MM-DD"
  std::string next_slot_id;     // that slot, for a request straight from the list
  int seats_left = 0;           // of that slot
  bool fit_for_disabled_workers = false;
};

// Offers whose employer is within radius_km, nearest first (ties by offer id). Offers
// without any future slot are left out: there is nothing to book.
std::vector<ImmersionCard> immersion_offers_near(Database& db, const ImmersionQuery& q);

struct ImmersionSlotInfo {
  ImmersionSlot slot;
  int pending = 0;     // this terminal's requests for it that the server has not answered
  int seats_left = 0;  // capacity - taken - pending, never below 0
};

struct ImmersionOfferDetail {
  ImmersionOffer offer;
  std::string employer_name;
  std::string commune_name;
  std::string trade_label;
  double lat = 0, lon = 0;
  double distance_km = 0;                // from the point given
  std::vector<ImmersionSlotInfo> slots;  // future slots (start >= today), by start date
};

std::optional<ImmersionOfferDetail> immersion_offer_detail(Database& db, std::string_view offer_id,
                                                           std::string_view today, double lat,
                                                           double lon);
std::optional<ImmersionSlotInfo> immersion_slot_info(Database& db, std::string_view slot_id);

// This terminal's unanswered requests (pending or sending) for one slot.
int immersion_pending_for_slot(Database& db, std::string_view slot_id);

// ============================================================================================
// Checking what the visitor typed
// ============================================================================================

enum class ImmersionObjective { none, discover, confirm, recruit };
const char* immersion_objective_name(ImmersionObjective o);  // "discover", ...; "" for none
bool parse_immersion_objective(std::string_view text, ImmersionObjective& out);


struct ImmersionRequestInput {
  std::string form_token;  // made when the form opens: a second submit returns the first item
  std::string slot_id;
  ImmersionObjective objective = ImmersionObjective::none;
  std::string first_name;
  std::string phone;  // as typed; one of phone or email at least
  std::string email;
  std::string message;       // to the employer, optional
  std::string consent_text;  // the consent sentence the visitor ticked
  std::string consent_version = "immersion-consent-1";
  bool consent = false;
  int64_t consent_at = 0;  // epoch seconds; 0: the submit time
  std::string site_id;
};

struct ImmersionFormCheck {
  FieldCheck first_name = FieldCheck::ok;
  FieldCheck phone = FieldCheck::ok;  // missing only when email is missing too
  FieldCheck email = FieldCheck::ok;
  bool contact_missing = false;       // neither a phone nor an email
  bool objective_missing = false;
  bool consent_missing = false;
  bool ok() const {
    return first_name == FieldCheck::ok && phone == FieldCheck::ok && email == FieldCheck::ok &&
           !contact_missing && !objective_missing && !consent_missing;
  }
};
ImmersionFormCheck check_immersion_form(const ImmersionRequestInput& in);

// ============================================================================================
// The request in the outbox
// ============================================================================================

// "IMM-" and four characters of an alphabet without 0/O, 1/I/L: read aloud or copied by hand
// without doubt.
inline constexpr std::string_view kRequestCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
std::string make_request_code();
bool is_request_code(std::string_view code);

struct ImmersionReceipt {
  std::string outbox_id;  // the UUID: the idempotency key towards the server
  std::string code;       // "IMM-7K3Q"
  std::string slot_id;
  std::string offer_id;
  OutboxState state = OutboxState::pending;
  std::string server_ref;
  std::string reason;
  int64_t created_at = 0;
  bool replay = false;  // the form token had already made this item
};

// Checks the input, then in one transaction: returns the item this form token already made,
// or refuses a slot that is unknown or has no seat left on this terminal's count, or writes
// ONE outbox item "immersion_request" whose payload holds the request and its code, with
// purge_after = now + the retention (setting "retention_days", 30 by default).
// Status codes: bad_input (the form is not valid), unknown_slot, slot_full, or a database code.
Result<ImmersionReceipt> submit_immersion_request(Database& db, const ImmersionRequestInput& in,
                                                  int64_t now_s);
std::optional<ImmersionReceipt> immersion_receipt(Database& db, std::string_view outbox_id);
std::optional<ImmersionReceipt> immersion_receipt_for_token(Database& db,
                                                            std::string_view form_token);

// An immersion request made on this terminal, for the desk.
struct ImmersionRequestRow {
  std::string id;
  int64_t created_at = 0;
  OutboxState state = OutboxState::pending;
  std::string reason;      // why it was refused (a French sentence or a code)
  std::string server_ref;  // "IMM-000017" once accepted
  std::string code;        // the code the visitor was given ("IMM-7K3P9Q"), empty once purged
  bool purged = false;     // personal data removed after the retention
  std::string first_name;  // empty once purged
  std::string contact;     // phone and/or email, empty once purged
  std::string slot_id;
  std::string employer_name;  // from the catalog when the slot is still known
  std::string trade_label;
  std::string slot_start;     // "YYYY-MM-DD"
};
// Newest first.
std::vector<ImmersionRequestRow> immersion_requests_here(Database& db, int limit = 50);

}  // namespace eric
