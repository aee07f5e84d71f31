// Immersion requests: checking the visitor's fields, the request code, and the one outbox item
// per form (see immersion.h). Nothing here logs: the payload holds personal data.
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/base/json_bounded.h"
#include "kiosk/core/base/random.h"
#include "kiosk/core/base/test_hook.h"
#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/base/field_rules.h"
#include "kiosk/core/domain/requests.h"
#include "kiosk/core/domain/usage.h"

namespace eric {

namespace {

constexpr std::string_view kRequestType = "immersion_request";

std::string local_datetime_seconds(int64_t epoch_s) {
  const CivilTime t = Clock::to_local(epoch_s * 1000);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return out;
}

bool code_in_use(Database& db, const std::string& code) {
  Statement s(db,
              "SELECT 1 FROM outbox WHERE type = 'immersion_request' AND json_valid(payload) "
              "AND json_extract(payload, '$.code') = ?1 LIMIT 1");
  s.bind(1, code);
  return s.step();
}

template <class T>
Result<T> failure(std::string code, std::string message_fr) {
  Result<T> r;
  r.status = Status::error(std::move(code), std::move(message_fr));
  return r;
}

}  // namespace

const char* immersion_objective_name(ImmersionObjective o) {
  switch (o) {
    case ImmersionObjective::discover: return "discover";
    case ImmersionObjective::confirm: return "confirm";
    case ImmersionObjective::recruit: return "recruit";
    case ImmersionObjective::none: return "";
  }
  return "";
}

bool parse_immersion_objective(std::string_view text, ImmersionObjective& out) {
  for (ImmersionObjective o : {ImmersionObjective::discover, ImmersionObjective::confirm,
                               ImmersionObjective::recruit}) {
    if (text == immersion_objective_name(o)) {
      out = o;
      return true;
    }
  }
  return false;
}

ImmersionFormCheck check_immersion_form(const ImmersionRequestInput& in) {
  ImmersionFormCheck c;
  c.first_name = check_first_name(in.first_name);
  const FieldCheck phone = check_phone(in.phone);
  const FieldCheck email = check_email(in.email);
  if (phone == FieldCheck::invalid) c.phone = FieldCheck::invalid;
  if (email == FieldCheck::invalid) c.email = FieldCheck::invalid;
  c.contact_missing = phone == FieldCheck::missing && email == FieldCheck::missing;
  c.objective_missing = in.objective == ImmersionObjective::none;
  c.consent_missing = !in.consent;
  return c;
}

std::string make_request_code() {
  crypto_ready();
  std::string code = "IMM-";
  for (int i = 0; i < 4; ++i) {
    const uint32_t n = randombytes_uniform(static_cast<uint32_t>(kRequestCodeAlphabet.size()));
    code.push_back(kRequestCodeAlphabet[n]);
  }
  return code;
}

bool is_request_code(std::string_view code) {
  if (code.size() != 8 || code.substr(0, 4) != "IMM-") return false;
  for (char c : code.substr(4))
    if (kRequestCodeAlphabet.find(c) == std::string_view::npos) return false;
  return true;
}

std::optional<ImmersionReceipt> immersion_receipt(Database& db, std::string_view outbox_id) {
  auto item = outbox_get(db, outbox_id);
  if (!item || item->type != kRequestType) return std::nullopt;
  ImmersionReceipt r;
  r.outbox_id = item->id;
  r.state = item->state;
  r.server_ref = item->server_ref;
  r.reason = item->reason;
  r.created_at = item->created_at;
  // Read through the protocol's field list; a purged item's payload is "{}" and leaves the
  // receipt's fields empty.
  ImmersionRequestPayload payload;
  if (read_request_payload(parse_bounded_json(item->payload_json), payload).ok) {
    r.code = payload.code;
    r.slot_id = payload.slot_id;
    r.offer_id = payload.offer_id;
  }
  return r;
}

std::optional<ImmersionReceipt> immersion_receipt_for_token(Database& db,
                                                            std::string_view form_token) {
  if (form_token.empty()) return std::nullopt;
  Statement s(db,
              "SELECT id FROM outbox WHERE type = 'immersion_request' AND json_valid(payload) "
              "AND json_extract(payload, '$.form_token') = ?1 ORDER BY created_at, rowid LIMIT 1");
  s.bind(1, form_token);
  if (!s.step()) return std::nullopt;
  const std::string id = s.col_text(0);
  return immersion_receipt(db, id);
}

Result<ImmersionReceipt> submit_immersion_request(Database& db, const ImmersionRequestInput& in,
                                                  int64_t now_s) {
  reached_step(step::kRequestFormSent);
  if (!check_immersion_form(in).ok())
    return failure<ImmersionReceipt>("bad_input", "La demande d'immersion n'est pas complète.");
  Transaction tx(db);
  if (!tx.ok()) return failure<ImmersionReceipt>(tx.status().code, tx.status().message_fr);

  // The same form sent again (a double tap, back then send): the first item, nothing new.
  if (auto first = immersion_receipt_for_token(db, in.form_token)) {
    first->replay = true;
    Result<ImmersionReceipt> r;
    r.value = *first;
    r.status = tx.commit();
    return r;
  }

  auto slot = immersion_slot_info(db, in.slot_id);
  if (!slot) return failure<ImmersionReceipt>("unknown_slot", "Ce créneau d'immersion n'existe plus.");
  if (slot->seats_left <= 0)
    return failure<ImmersionReceipt>("slot_full", "Ce créneau d'immersion est complet.");
  std::string employer_id, trade_code;
  {
    Statement s(db, "SELECT employer_id, trade_code FROM immersion_offers WHERE id = ?1");
    s.bind(1, slot->slot.offer_id);
    if (s.step()) {
      employer_id = s.col_text(0);
      trade_code = s.col_text(1);
    }
  }

  std::string code = make_request_code();
  for (int tries = 0; tries < 20 && code_in_use(db, code); ++tries) code = make_request_code();

  std::string phone;
  if (!trim_blanks(in.phone).empty()) normalize_french_phone(in.phone, phone);
  const int64_t consent_at = in.consent_at > 0 ? in.consent_at : now_s;
  ImmersionRequestPayload payload;
  payload.form_token = in.form_token;
  payload.code = code;
  payload.slot_id = slot->slot.id;
  payload.offer_id = slot->slot.offer_id;
  payload.employer_id = employer_id;
  payload.objective = immersion_objective_name(in.objective);
  payload.first_name = std::string(trim_blanks(in.first_name));
  payload.phone = phone;
  payload.email = std::string(trim_blanks(in.email));
  payload.message = in.message;
  payload.consent = {in.consent_text, in.consent_version, local_datetime_seconds(consent_at)};
  payload.site_id = in.site_id;
  payload.terminal = setting_get_or(db, "terminal_id", "");
  // The writer replaces rather than throws on a broken byte: typed text never stops the kiosk.
  const std::string text = request_payload_json(payload);
  auto added = outbox_add(db, kRequestType, text, now_s,
                          now_s + personal_data_retention_seconds(db));
  if (!added.ok()) return failure<ImmersionReceipt>(added.status.code, added.status.message_fr);
  // Counted for the region with the trade only: nothing that names the visitor.
  const std::string day = Clock::format_date(Clock::to_local(now_s * 1000));
  Status counted = usage_add(db, day, "immersion.request", trade_code);
  if (!counted.ok) return failure<ImmersionReceipt>(counted.code, counted.message_fr);
  Status committed = tx.commit();
  if (!committed.ok) return failure<ImmersionReceipt>(committed.code, committed.message_fr);
  reached_step(step::kOutboxWritten);

  Result<ImmersionReceipt> r;
  r.value.outbox_id = added.value;
  r.value.code = code;
  r.value.slot_id = slot->slot.id;
  r.value.offer_id = slot->slot.offer_id;
  r.value.created_at = now_s;
  return r;
}

}  // namespace eric
