// The regional server's outbox intake (see server_outbox.h).
#include "sync/server/server_outbox.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

#include "kiosk/core/domain/requests.h"

namespace eric::server {
namespace {

using nlohmann::json;

json rejected(const std::string& id, const char* reason, const char* message) {
  return json{{"id", id}, {"status", "rejected"}, {"reason", reason}, {"message", message}};
}

std::string ref_for(const char* prefix, int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%06lld", prefix, static_cast<long long>(n));
  return buf;
}

std::string str_field(const json& payload, const char* name) {
  auto it = payload.find(name);
  return (it != payload.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

// Adds n to a count. SQLite would turn a sum past the largest integer into a float; the sum
// stops at that integer instead (counts are whole numbers, compared and summed by readers).
Status add_count(Database& db, const std::string& site, const std::string& day, const char* type,
                 const std::string& key, int64_t n) {
  Statement st(db, "INSERT INTO counts(site, day, type, key, n) VALUES(?, ?, ?, ?, ?) "
                   "ON CONFLICT(site, day, type, key) DO UPDATE SET n = "
                   "CASE WHEN n > 9223372036854775807 - excluded.n THEN 9223372036854775807 "
                   "ELSE n + excluded.n END");
  st.bind(1, site).bind(2, day).bind(3, type).bind(4, key).bind(5, n);
  return st.run();
}

// Takes one seat if one is left: the check and the increment are one statement inside the
// item's write transaction, so two terminals can never both get the last seat.
Status take_seat(Database& db, const char* type, const std::string& id, bool& taken_ok,
                 int64_t& taken) {
  Statement st(db, "UPDATE seats SET taken = taken + 1 WHERE type = ? AND id = ? AND taken < capacity "
                   "RETURNING taken");
  st.bind(1, type).bind(2, id);
  taken_ok = st.step();
  if (taken_ok) taken = st.col_int(0);
  while (st.step()) {
  }
  return st.status();
}

struct Booking {
  const char* type;      // outbox type
  const char* seat_type; // record type
  const char* prefix;    // ref prefix
  std::string target;
};

Status store_request(Database& db, const Terminal& t, const Booking& b, const json& item,
                     const json& payload, std::string& ref) {
  Statement st(db, "INSERT INTO requests(id, terminal, site, type, target, status, ref, payload, "
                   "created_at, received_at) VALUES(?, ?, ?, ?, ?, 'accepted', '', ?, ?, ?)");
  st.bind(1, item["id"].get<std::string>()).bind(2, t.id).bind(3, t.site).bind(4, b.type)
      .bind(5, b.target).bind(6, payload.dump()).bind(7, str_field(item, "created_at"))
      .bind(8, utc_now());
  Status s = st.run();
  if (!s) return s;
  ref = ref_for(b.prefix, db.last_insert_rowid());
  Statement set_ref(db, "UPDATE requests SET ref = ? WHERE n = ?");
  set_ref.bind(1, ref).bind(2, db.last_insert_rowid());
  return set_ref.run();
}

Status book(Database& db, const Terminal& t, const Booking& b, const json& item,
            const json& payload, json& answer) {
  const std::string id = item["id"].get<std::string>();
  bool ok = false;
  int64_t taken = 0;
  Status s = take_seat(db, b.seat_type, b.target, ok, taken);
  if (!s) return s;
  if (!ok) {
    const bool slot = std::string_view(b.type) == "immersion_request";
    answer = slot ? rejected(id, "slot_full", "Ce créneau d'immersion est complet.")
                  : rejected(id, "workshop_full", "Cet atelier est complet.");
    return Status::success();
  }
  s = publish_seats(db, b.seat_type, b.target, taken);
  if (!s) return s;
  std::string ref;
  s = store_request(db, t, b, item, payload, ref);
  if (!s) return s;
  answer = json{{"id", id}, {"status", "accepted"}, {"ref", ref}};
  return Status::success();
}

bool record_exists(Database& db, const char* type, const std::string& id, std::string* site,
                   bool* cancelled) {
  Statement st(db, "SELECT site, coalesce(json_extract(data, '$.cancelled'), 0) FROM records "
                   "WHERE type = ? AND id = ? AND deleted = 0");
  st.bind(1, type).bind(2, id);
  if (!st.step()) return false;
  if (site) *site = st.col_text(0);
  if (cancelled) *cancelled = st.col_int(1) != 0;
  return true;
}

// What a handler needs to answer one new item, inside the item's transaction.
struct NewItem {
  Database& db;
  const Terminal& terminal;
  const std::string& id;
  std::string day;  // the civil day the item was made (counts are per day)
  json& answer;
};

json accepted(const std::string& id) {
  return json{{"id", id}, {"status", "accepted"}, {"ref", nullptr}};
}

// The payload could not be read into its struct: the answer names the field.
Status refuse_payload(NewItem& item, const Status& why) {
  item.answer = rejected(item.id, "bad_payload", why.message_fr.c_str());
  return Status::success();
}

Status refuse_incomplete(NewItem& item) {
  item.answer = rejected(item.id, "bad_payload", "La demande envoyée par la borne est incomplète.");
  return Status::success();
}

// "YYYY-MM-DD" naming a real day.
bool is_civil_day(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{std::stoi(text.substr(0, 4))},
                                        std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                        std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  return ymd.ok();
}

Status handle_immersion_request(NewItem& item, const json& payload, const json& whole) {
  ImmersionRequestPayload p;
  if (Status s = read_request_payload(payload, p); !s) return refuse_payload(item, s);
  if (p.slot_id.empty() || p.first_name.empty() || (p.phone.empty() && p.email.empty())) {
    return refuse_incomplete(item);
  }
  if (!record_exists(item.db, "immersion_slot", p.slot_id, nullptr, nullptr)) {
    item.answer = rejected(item.id, "unknown_slot", "Ce créneau d'immersion n'existe plus.");
    return Status::success();
  }
  const Booking b{"immersion_request", "immersion_slot", "IMM", p.slot_id};
  return book(item.db, item.terminal, b, whole, payload, item.answer);
}

Status handle_workshop_registration(NewItem& item, const json& payload, const json& whole) {
  WorkshopRegistrationPayload p;
  if (Status s = read_request_payload(payload, p); !s) return refuse_payload(item, s);
  if (p.workshop_id.empty() || p.first_name.empty()) return refuse_incomplete(item);
  std::string site;
  bool cancelled = false;
  if (!record_exists(item.db, "workshop", p.workshop_id, &site, &cancelled) ||
      site != item.terminal.site) {
    item.answer = rejected(item.id, "unknown_workshop", "Cet atelier n'existe plus.");
    return Status::success();
  }
  if (cancelled) {
    item.answer = rejected(item.id, "workshop_cancelled", "Cet atelier a été annulé.");
    return Status::success();
  }
  const Booking b{"workshop_registration", "workshop", "ATL", p.workshop_id};
  return book(item.db, item.terminal, b, whole, payload, item.answer);
}

Status handle_help_ticket(NewItem& item, const json& payload, const json&) {
  HelpTicketPayload p;
  if (Status s = read_request_payload(payload, p); !s) return refuse_payload(item, s);
  Status s = add_count(item.db, item.terminal.site, item.day, "help_ticket",
                       p.reason.empty() ? "other" : p.reason, 1);
  if (s) item.answer = accepted(item.id);
  return s;
}

// Reasons are short chip codes ("too_hard"), never sentences: anything else is refused.
bool is_reason_code(const std::string& code) { return !code.empty() && code.size() <= 40; }

Status handle_feedback(NewItem& item, const json& payload, const json&) {
  FeedbackPayload p;
  if (Status s = read_request_payload(payload, p); !s) return refuse_payload(item, s);
  if (p.rating < 1 || p.rating > 3 || p.reasons.size() > 16 ||
      !std::all_of(p.reasons.begin(), p.reasons.end(), is_reason_code)) {
    return refuse_incomplete(item);
  }
  const std::string& site = item.terminal.site;
  Status s = add_count(item.db, site, item.day, "feedback", "rating:" + std::to_string(p.rating), 1);
  if (s) s = add_count(item.db, site, item.day, "feedback", "path:" + p.path, 1);
  std::set<std::string> counted;  // a reason sent twice counts once
  for (const std::string& code : p.reasons) {
    if (s && counted.insert(code).second) {
      s = add_count(item.db, site, item.day, "feedback", "reason:" + code, 1);
    }
  }
  if (s) item.answer = accepted(item.id);
  return s;
}

Status handle_usage(NewItem& item, const json& payload, const json&) {
  UsagePayload p;
  if (Status s = read_request_payload(payload, p); !s) return refuse_payload(item, s);
  // One terminal's day never counts a billion of anything: a larger count is a fault, refused
  // whole rather than added (the sums saturate anyway, see add_count).
  for (const auto& [name, n] : p.counters) {
    if (n < 0 || n > kMaxUsageCount) {
      item.answer = rejected(item.id, "bad_payload",
                             "La borne a envoyé un compteur d'usage hors limites.");
      return Status::success();
    }
  }
  const std::string day = is_civil_day(p.day) ? p.day : item.day;
  Status s;
  for (const auto& [name, n] : p.counters) {
    if (s && n > 0) s = add_count(item.db, item.terminal.site, day, "usage", name, n);
  }
  if (s) item.answer = accepted(item.id);
  return s;
}

// One handler per item type; `whole` is the item, for the booking's stored request.
using ItemHandler = Status (*)(NewItem&, const json& payload, const json& whole);
struct TypeHandler {
  std::string_view type;
  ItemHandler handle;
};
constexpr TypeHandler kHandlers[] = {
    {kImmersionRequestType, handle_immersion_request},
    {kWorkshopRegistrationType, handle_workshop_registration},
    {kHelpTicketType, handle_help_ticket},
    {kFeedbackType, handle_feedback},
    {kUsageType, handle_usage},
};

// Decides the answer to a new item (inside its transaction).
Status decide(Database& db, const Terminal& t, const json& item, json& answer) {
  const std::string id = item["id"].get<std::string>();
  std::string day = str_field(item, "created_at").substr(0, 10);
  if (!is_civil_day(day)) day = utc_now().substr(0, 10);
  NewItem ctx{db, t, id, day, answer};
  const json payload = item.contains("payload") ? item["payload"] : json::object();
  const std::string type = str_field(item, "type");
  for (const TypeHandler& h : kHandlers) {
    if (h.type == type) return h.handle(ctx, payload, item);
  }
  answer = rejected(id, "unknown_type", "Le serveur ne connaît pas ce type de demande.");
  return Status::success();
}

}  // namespace

Status publish_seats(Database& db, const char* type, const std::string& id, int64_t taken) {
  Statement cur(db, "SELECT value FROM meta WHERE key = 'cursor'");
  const int64_t cursor = (cur.step() ? cur.col_int(0) : 0) + 1;
  Statement meta(db, "INSERT INTO meta(key, value) VALUES('cursor', ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  meta.bind(1, cursor);
  Status s = meta.run();
  if (!s) return s;
  Statement st(db, "UPDATE records SET data = json_set(data, '$.taken', ?), cursor = ? "
                   "WHERE type = ? AND id = ? AND deleted = 0");
  st.bind(1, taken).bind(2, cursor).bind(3, type).bind(4, id);
  return st.run();
}

Status process_outbox_item(Database& db, const Terminal& terminal, const json& item, json& answer) {
  const std::string id = item["id"].get<std::string>();
  const std::string hash =
      sha256_hex(str_field(item, "type") + "\n" +
                 (item.contains("payload") ? item["payload"].dump() : std::string("{}")));
  Transaction tx(db);
  if (!tx.ok()) return tx.status();
  Statement find(db, "SELECT terminal, item_hash, answer FROM outbox_results WHERE id = ?");
  find.bind(1, id);
  if (find.step()) {
    if (find.col_text(0) != terminal.id || find.col_text(1) != hash) {
      answer = rejected(id, "id_conflict",
                        "Cette demande porte le même identifiant qu'une autre demande.");
      return Status::success();
    }
    answer = json::parse(find.col_text(2), nullptr, false);
    if (answer.is_discarded()) return Status::error("internal", "Réponse enregistrée illisible.");
    answer["replay"] = true;
    return Status::success();
  }
  if (!find.ok()) return find.status();
  Status s = decide(db, terminal, item, answer);
  if (!s) return s;
  Statement keep(db, "INSERT INTO outbox_results(id, terminal, item_hash, answer, at) "
                     "VALUES(?, ?, ?, ?, ?)");
  keep.bind(1, id).bind(2, terminal.id).bind(3, hash).bind(4, answer.dump()).bind(5, utc_now());
  s = keep.run();
  if (!s) return s;
  return tx.commit();
}

Status cancel_workshop_registrations(Database& db, const std::string& workshop_id) {
  Statement st(db, "UPDATE requests SET status = 'cancelled' WHERE type = 'workshop_registration' "
                   "AND target = ? AND status = 'accepted' RETURNING id, site");
  st.bind(1, workshop_id);
  std::vector<std::pair<std::string, std::string>> cancelled;
  while (st.step()) cancelled.emplace_back(st.col_text(0), st.col_text(1));
  if (!st.ok()) return st.status();
  for (const auto& [id, site] : cancelled) {
    Statement add(db, "INSERT INTO status_changes(site, item_id, status, reason, message, at) "
                      "VALUES(?, ?, 'cancelled', 'workshop_cancelled', ?, ?)");
    add.bind(1, site).bind(2, id).bind(3, "L'atelier a été annulé.").bind(4, utc_now());
    Status s = add.run();
    if (!s) return s;
  }
  return Status::success();
}

Status decline_request(Database& db, const std::string& request_id, const std::string& reason) {
  Transaction tx(db);
  if (!tx.ok()) return tx.status();
  Statement st(db, "UPDATE requests SET status = 'declined' WHERE id = ? AND "
                   "type = 'immersion_request' AND status = 'accepted' RETURNING site, target");
  st.bind(1, request_id);
  if (!st.step()) {
    return st.ok() ? Status::error("not_found", "Aucune demande d'immersion acceptée ne porte cet identifiant.")
                   : st.status();
  }
  const std::string site = st.col_text(0), slot = st.col_text(1);
  while (st.step()) {
  }
  Statement free_seat(db, "UPDATE seats SET taken = taken - 1 WHERE type = 'immersion_slot' "
                          "AND id = ? AND taken > 0 RETURNING taken");
  free_seat.bind(1, slot);
  if (free_seat.step()) {
    const int64_t taken = free_seat.col_int(0);
    while (free_seat.step()) {
    }
    Status s = publish_seats(db, "immersion_slot", slot, taken);
    if (!s) return s;
  }
  std::string message = "L'entreprise ne peut pas accueillir cette immersion.";
  if (!reason.empty()) message += " Motif : " + reason;
  Statement add(db, "INSERT INTO status_changes(site, item_id, status, reason, message, at) "
                    "VALUES(?, ?, 'declined', 'employer_declined', ?, ?)");
  add.bind(1, site).bind(2, request_id).bind(3, message).bind(4, utc_now());
  Status s = add.run();
  if (!s) return s;
  return tx.commit();
}

Status read_status_page(Database& db, const std::string& site, const std::string& since,
                        int64_t limit, std::string& body, int64_t& count) {
  int64_t from = 0;
  if (!since.empty() && !parse_cursor(since, from)) {
    return Status::error("bad_request", "Le paramètre since n'est pas un nombre.");
  }
  Statement st(db, "SELECT seq, item_id, status, reason, message, at FROM status_changes "
                   "WHERE site = ? AND seq > ? ORDER BY seq LIMIT ?");
  st.bind(1, site).bind(2, from).bind(3, limit + 1);
  json changes = json::array();
  bool has_more = false;
  int64_t last = from;
  while (st.step()) {
    if (static_cast<int64_t>(changes.size()) == limit) {
      has_more = true;
      break;
    }
    last = st.col_int(0);
    changes.push_back({{"id", st.col_text(1)}, {"status", st.col_text(2)},
                       {"reason", st.col_text(3)}, {"message", st.col_text(4)},
                       {"at", st.col_text(5)}});
  }
  if (!st.ok()) return st.status();
  count = static_cast<int64_t>(changes.size());
  body = json{{"cursor", std::to_string(last)}, {"has_more", has_more}, {"changes", changes}}.dump();
  return Status::success();
}

}  // namespace eric::server
