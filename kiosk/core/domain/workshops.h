// This site's workshops with their seats left, registrations (visitor and walk-in), and
// attendance; plus the immersion requests made on this terminal, for the animator's desk.
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

struct WorkshopCard {
  Workshop workshop;
  int pending_local = 0;  // registrations made here and not yet answered by the server
  int registered_here = 0;  // registrations made here, not refused by the server
  int seats_left = 0;     // capacity - taken (server) - pending_local, never below 0
  bool full() const { return seats_left <= 0; }
};

// The site's workshops starting after now (not cancelled), soonest first.
std::vector<WorkshopCard> upcoming_workshops(Database& db, std::string_view site_id,
                                             int64_t now_s, int limit = 50);
// The site's workshops from the start of today to the end of the sixth day after (the
// desk's "today and this week"), started ones included, not cancelled; soonest first.
std::vector<WorkshopCard> desk_workshops(Database& db, std::string_view site_id,
                                         int64_t now_s, int days = 7);
std::optional<WorkshopCard> workshop_card(Database& db, std::string_view workshop_id);

struct RegistrationRequest {
  std::string workshop_id;
  std::string first_name;
  std::string contact;  // optional: a phone number or an email address
  bool consent = false;  // the visitor agreed that the animator keeps name and contact
};

// The contact is checked by check_contact (contact_check.h), the rule the immersion form uses.

struct Registration {
  std::string id;
  std::string workshop_id;
  std::string first_name;
  std::string contact;
  std::string attendance;  // unknown, present, absent
  int64_t created_at = 0;
  bool walk_in = false;
  OutboxState delivery = OutboxState::pending;  // of its outbox item
  std::string delivery_reason;                  // why the server refused, in French
};

// Writes the registration and its outbox item "workshop_registration" in one transaction.
// Refused (code "workshop_full") when no seat is left, and when the workshop is unknown,
// cancelled or already started, the first name is missing, the contact is not usable or
// consent was not given; each with a French sentence.
Result<Registration> register_for_workshop(Database& db, const RegistrationRequest& request,
                                           int64_t now_s);

// Registrations of a workshop made on this terminal, oldest first (refused ones included,
// with their delivery state, so the animator can tell the person).
std::vector<Registration> workshop_registrations(Database& db, std::string_view workshop_id);

enum class Attendance { unknown, present, absent };
const char* attendance_name(Attendance a);
// Persists present/absent and logs the desk action.
Status set_attendance(Database& db, std::string_view registration_id, Attendance a,
                      std::string_view role, int64_t now_s);
// A person who came without a seat: registered as present by the animator (with an outbox
// item, so the region's count follows); refused when the workshop is full.
Result<Registration> add_walk_in(Database& db, std::string_view workshop_id,
                                 std::string_view first_name, std::string_view role,
                                 int64_t now_s);


}  // namespace eric
