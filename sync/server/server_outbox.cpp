// The regional server's outbox intake (see server_outbox.h).
#include "sync/server/server_outbox.h"

#include <algorithm>
#include <cstdio>
#include <set>

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

Status add_count(Database& db, const std::string& site, const std::string& day, const char* type,
                 const std::string& key, int64_t n) {
  Statement st(db, "INSERT INTO counts(site, day, type, key, n) VALUES(?, ?, ?, ?, ?) "
                   "ON CONFLICT(site, day, type, key) DO UPDATE SET n = n + excluded.n");
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

// Decides the answer to a new item (inside its transaction).
Status decide(Database& db, const Terminal& t, const json& item, json& answer) {
  const std::string id = item["id"].get<std::string>();
  const std::string type = str_field(item, "type");
  const json payload = item.contains("payload") ? item["payload"] : json::object();
  if (!payload.is_object()) {
    answer = rejected(id, "bad_payload", "La demande envoyée par la borne est incomplète.");
    return Status::success();
  }
  std::string day = str_field(item, "created_at").substr(0, 10);
  if (day.size() != 10) day = utc_now().substr(0, 10);

  if (type == "immersion_request" || type == "workshop_registration") {
    const bool slot = type == "immersion_request";
    Booking b{slot ? "immersion_request" : "workshop_registration",
              slot ? "immersion_slot" : "workshop", slot ? "IMM" : "ATL",
              str_field(payload, slot ? "slot_id" : "workshop_id")};
    const bool has_contact = !str_field(payload, "phone").empty() ||
                             !str_field(payload, "email").empty();
    if (b.target.empty() || str_field(payload, "first_name").empty() || (slot && !has_contact)) {
      answer = rejected(id, "bad_payload", "La demande envoyée par la borne est incomplète.");
      return Status::success();
    }
    std::string site;
    bool cancelled = false;
    if (!record_exists(db, b.seat_type, b.target, &site, &cancelled) ||
        (!slot && site != t.site)) {
      answer = slot ? rejected(id, "unknown_slot", "Ce créneau d'immersion n'existe plus.")
                    : rejected(id, "unknown_workshop", "Cet atelier n'existe plus.");
      return Status::success();
    }
    if (!slot && cancelled) {
      answer = rejected(id, "workshop_cancelled", "Cet atelier a été annulé.");
      return Status::success();
    }
    return book(db, t, b, item, payload, answer);
  }
  Status s;
  if (type == "help_ticket") {
    std::string reason = str_field(payload, "reason");
    s = add_count(db, t.site, day, "help_ticket", reason.empty() ? "other" : reason, 1);
  } else if (type == "feedback") {
    auto rating = payload.find("rating");
    // Reasons are short chip codes ("too_hard"), never sentences: anything else is refused.
    // Absent means none (terminals older than the chips).
    auto reasons = payload.find("reasons");
    const json none = json::array();
    const json& codes = reasons == payload.end() ? none : *reasons;
    const bool codes_ok = codes.is_array() && codes.size() <= 16 &&
                          std::all_of(codes.begin(), codes.end(), [](const json& c) {
                            return c.is_string() && !c.get<std::string>().empty() &&
                                   c.get<std::string>().size() <= 40;
                          });
    if (rating == payload.end() || !rating->is_number_integer() || rating->get<int>() < 1 ||
        rating->get<int>() > 3 || !codes_ok) {
      answer = rejected(id, "bad_payload", "La demande envoyée par la borne est incomplète.");
      return Status::success();
    }
    s = add_count(db, t.site, day, "feedback", "rating:" + std::to_string(rating->get<int>()), 1);
    if (s) s = add_count(db, t.site, day, "feedback", "path:" + str_field(payload, "path"), 1);
    std::set<std::string> counted;  // a reason sent twice counts once
    for (const json& c : codes) {
      if (s && counted.insert(c.get<std::string>()).second)
        s = add_count(db, t.site, day, "feedback", "reason:" + c.get<std::string>(), 1);
    }
  } else if (type == "usage") {
    std::string usage_day = str_field(payload, "day");
    if (usage_day.size() == 10) day = usage_day;
    auto counters = payload.find("counters");
    if (counters == payload.end() || !counters->is_object()) {
      answer = rejected(id, "bad_payload", "La demande envoyée par la borne est incomplète.");
      return Status::success();
    }
    for (auto it = counters->begin(); s && it != counters->end(); ++it) {
      if (it->is_number_integer() && it->get<int64_t>() > 0) {
        s = add_count(db, t.site, day, "usage", it.key(), it->get<int64_t>());
      }
    }
  } else {
    answer = rejected(id, "unknown_type", "Le serveur ne connaît pas ce type de demande.");
    return Status::success();
  }
  if (!s) return s;
  answer = json{{"id", id}, {"status", "accepted"}, {"ref", nullptr}};
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
