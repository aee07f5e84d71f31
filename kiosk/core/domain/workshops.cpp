// Workshops, their registrations and attendance (see workshops.h).
#include "kiosk/core/domain/workshops.h"

#include <algorithm>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/base/json_bounded.h"
#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/requests.h"
#include "kiosk/core/domain/usage.h"

namespace eric {

namespace {

// A registration holds a seat until the server answers; once accepted, the server's `taken`
// counts it (after the next catalog change), once refused it holds nothing.
constexpr const char* kCardSelect =
    "SELECT w.id, w.site_id, w.kind, w.title, w.plain_description, w.what_to_bring, w.animator, "
    "w.start, w.\"end\", w.capacity, w.taken, w.place, w.cancelled, "
    "(SELECT count(*) FROM workshop_registrations r JOIN outbox o ON o.id = r.outbox_id "
    " WHERE r.workshop_id = w.id AND o.state IN ('pending','sending')), "
    "(SELECT count(*) FROM workshop_registrations r LEFT JOIN outbox o ON o.id = r.outbox_id "
    " WHERE r.workshop_id = w.id AND coalesce(o.state, 'pending') <> 'rejected') "
    "FROM workshops w ";

WorkshopCard read_card(const Statement& s) {
  WorkshopCard c;
  Workshop& w = c.workshop;
  w.id = s.col_text(0);
  w.site_id = s.col_text(1);
  w.kind = s.col_text(2);
  w.title = s.col_text(3);
  w.plain_description = s.col_text(4);
  w.what_to_bring = s.col_text(5);
  w.animator = s.col_text(6);
  w.start = s.col_text(7);
  w.end = s.col_text(8);
  w.capacity = static_cast<int>(s.col_int(9));
  w.taken = static_cast<int>(s.col_int(10));
  w.place = s.col_text(11);
  w.cancelled = s.col_int(12) != 0;
  c.pending_local = static_cast<int>(s.col_int(13));
  c.registered_here = static_cast<int>(s.col_int(14));
  c.seats_left = std::max(0, w.capacity - w.taken - c.pending_local);
  return c;
}

std::string local_minute(int64_t now_s) {
  return Clock::format_datetime(Clock::to_local(now_s * 1000));
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

constexpr const char* kRegistrationSelect =
    "SELECT r.id, r.workshop_id, r.first_name, r.contact, r.attendance, r.created_at, "
    "coalesce(json_extract(o.payload, '$.walk_in'), 0), coalesce(o.state, 'pending'), "
    "coalesce(o.reason, '') "
    "FROM workshop_registrations r LEFT JOIN outbox o ON o.id = r.outbox_id ";

Registration read_registration(const Statement& s) {
  Registration r;
  r.id = s.col_text(0);
  r.workshop_id = s.col_text(1);
  r.first_name = s.col_text(2);
  r.contact = s.col_text(3);
  r.attendance = s.col_text(4);
  r.created_at = s.col_int(5);
  r.walk_in = s.col_int(6) != 0;
  parse_outbox_state(s.col_view(7), r.delivery);
  r.delivery_reason = s.col_text(8);
  return r;
}

// Shared by the visitor's registration and the animator's walk-in: checks the seat and
// writes the row and its outbox item in one transaction.
Result<Registration> write_registration(Database& db, const std::string& workshop_id,
                                        const std::string& first_name, const std::string& contact,
                                        bool walk_in, std::string_view role, int64_t now_s) {
  Result<Registration> r;
  Transaction tx(db);
  if (!tx.ok()) {
    r.status = tx.status();
    return r;
  }
  // Read inside the write transaction, so two registrations never take the same last seat.
  auto card = workshop_card(db, workshop_id);
  if (!card) {
    r.status = Status::error("not_found", "Cet atelier n'existe plus.");
    return r;
  }
  if (card->workshop.cancelled) {
    r.status = Status::error("workshop_cancelled", "Cet atelier est annulé.");
    return r;
  }
  if (!walk_in && card->workshop.start <= local_minute(now_s)) {
    r.status = Status::error("workshop_started", "Cet atelier a déjà commencé.");
    return r;
  }
  if (card->full()) {
    r.status = Status::error("workshop_full",
                             "Cet atelier est complet : il ne reste plus de place.");
    return r;
  }
  WorkshopRegistrationPayload payload;
  payload.workshop_id = workshop_id;
  payload.first_name = first_name;
  payload.contact = contact;
  payload.walk_in = walk_in;
  auto item = outbox_add(db, kWorkshopRegistrationType, request_payload_json(payload), now_s,
                         now_s + personal_data_retention_seconds(db));
  if (!item.ok()) {
    r.status = item.status;
    return r;
  }
  Registration& reg = r.value;
  reg.id = new_uuid_v4();
  reg.workshop_id = workshop_id;
  reg.first_name = first_name;
  reg.contact = contact;
  reg.attendance = walk_in ? "present" : "unknown";
  reg.created_at = now_s;
  reg.walk_in = walk_in;
  Statement ins(db,
                "INSERT INTO workshop_registrations(id, workshop_id, first_name, contact, "
                "attendance, created_at, outbox_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  ins.bind(1, reg.id).bind(2, workshop_id).bind(3, first_name).bind(4, contact)
      .bind(5, reg.attendance).bind(6, now_s).bind(7, item.value);
  r.status = ins.run();
  if (!r.ok()) return r;
  r.status = walk_in ? log_desk_action(db, role, "walk_in", workshop_id, now_s)
                     : usage_add(db, civil_day(now_s), "workshop.registration", card->workshop.kind);
  if (!r.ok()) return r;
  r.status = tx.commit();
  return r;
}

}  // namespace

std::vector<WorkshopCard> upcoming_workshops(Database& db, std::string_view site_id,
                                             int64_t now_s, int limit) {
  std::vector<WorkshopCard> out;
  Statement s(db, std::string(kCardSelect) +
                      "WHERE w.site_id = ?1 AND w.cancelled = 0 AND w.start > ?2 "
                      "ORDER BY w.start, w.id LIMIT ?3");
  s.bind(1, site_id).bind(2, local_minute(now_s)).bind(3, limit);
  while (s.step()) out.push_back(read_card(s));
  return out;
}

std::vector<WorkshopCard> desk_workshops(Database& db, std::string_view site_id, int64_t now_s,
                                         int days) {
  std::vector<WorkshopCard> out;
  const std::string today = civil_day(now_s);
  const std::string after = add_days(today, std::max(1, days));
  Statement s(db, std::string(kCardSelect) +
                      "WHERE w.site_id = ?1 AND w.cancelled = 0 AND w.start >= ?2 "
                      "AND w.start < ?3 ORDER BY w.start, w.id");
  s.bind(1, site_id).bind(2, today).bind(3, after);
  while (s.step()) out.push_back(read_card(s));
  return out;
}

std::optional<WorkshopCard> workshop_card(Database& db, std::string_view workshop_id) {
  Statement s(db, std::string(kCardSelect) + "WHERE w.id = ?1");
  s.bind(1, workshop_id);
  if (!s.step()) return std::nullopt;
  return read_card(s);
}

Result<Registration> register_for_workshop(Database& db, const RegistrationRequest& request,
                                           int64_t now_s) {
  const std::string first_name = trimmed(request.first_name);
  const std::string contact = trimmed(request.contact);
  Result<Registration> r;
  if (check_first_name(first_name) != FieldCheck::ok) {
    r.status = Status::error("bad_first_name", "Écrivez votre prénom.");
    return r;
  }
  r.status = check_contact(contact);
  if (!r.ok()) return r;
  if (!request.consent) {
    r.status = Status::error("no_consent", "Il faut votre accord pour vous inscrire.");
    return r;
  }
  return write_registration(db, request.workshop_id, first_name, contact, false, "", now_s);
}

std::vector<Registration> workshop_registrations(Database& db, std::string_view workshop_id) {
  std::vector<Registration> out;
  Statement s(db, std::string(kRegistrationSelect) +
                      "WHERE r.workshop_id = ?1 ORDER BY r.created_at, r.rowid");
  s.bind(1, workshop_id);
  while (s.step()) out.push_back(read_registration(s));
  return out;
}

const char* attendance_name(Attendance a) {
  switch (a) {
    case Attendance::present: return "present";
    case Attendance::absent: return "absent";
    case Attendance::unknown: break;
  }
  return "unknown";
}

Status set_attendance(Database& db, std::string_view registration_id, Attendance a,
                      std::string_view role, int64_t now_s) {
  Transaction tx(db);
  if (!tx.ok()) return tx.status();
  Statement u(db, "UPDATE workshop_registrations SET attendance = ?2 WHERE id = ?1");
  u.bind(1, registration_id).bind(2, attendance_name(a));
  Status st = u.run();
  if (!st) return st;
  if (db.changes() == 0) return Status::error("not_found", "Cette inscription n'existe plus.");
  std::string workshop_id;
  {
    Statement s(db, "SELECT workshop_id FROM workshop_registrations WHERE id = ?1");
    s.bind(1, registration_id);
    if (s.step()) workshop_id = s.col_text(0);
  }
  st = log_desk_action(db, role, std::string("attendance_") + attendance_name(a), workshop_id,
                       now_s);
  if (!st) return st;
  return tx.commit();
}

Result<Registration> add_walk_in(Database& db, std::string_view workshop_id,
                                 std::string_view first_name, std::string_view role,
                                 int64_t now_s) {
  Result<Registration> r;
  const std::string name = trimmed(first_name);
  if (name.empty() || name.size() > 60) {
    r.status = Status::error("bad_first_name", "Écrivez le prénom de la personne.");
    return r;
  }
  return write_registration(db, std::string(workshop_id), name, "", true, role, now_s);
}

}  // namespace eric
