// The staff PIN pad's rule over pin.h (see staff_access.h).
#include "kiosk/core/domain/staff_access.h"

#include <algorithm>

#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/pin.h"

namespace eric {

namespace {

// The desk log is the site's account of who came in; a pad that cannot write it (the file
// busy with a sync) still lets the right person in and still refuses the wrong one.
void note_entry(Database& db, std::string_view role, std::string_view action, int64_t now_s) {
  (void)log_desk_action(db, role, action, "", now_s);
}

}  // namespace

const char* staff_role_name(StaffRole role) {
  switch (role) {
    case StaffRole::animator: return "animator";
    case StaffRole::manager: return "manager";
    case StaffRole::none: break;
  }
  return "";
}

int64_t staff_pad_lock_seconds(Database& db, int64_t now_s) {
  Statement s(db, "SELECT coalesce(max(locked_until), 0) FROM pins");
  if (!s.step()) return 0;
  return std::max<int64_t>(0, s.col_int(0) - now_s);
}

StaffLogin staff_login(Database& db, std::string_view pin, int64_t now_s) {
  StaffLogin r;
  const bool animator = has_pin(db, "animator");
  const bool manager = has_pin(db, "manager");
  if (!animator && !manager) {
    r.no_pin = true;
    return r;
  }
  if (const int64_t left = staff_pad_lock_seconds(db, now_s); left > 0) {
    r.locked = true;
    r.seconds_left = left;
    note_entry(db, "", "login_locked", now_s);
    return r;
  }
  r.attempts_left = kPinMaxAttempts;
  for (StaffRole role : {StaffRole::animator, StaffRole::manager}) {
    if (!(role == StaffRole::animator ? animator : manager)) continue;
    const PinCheck c = check_pin(db, staff_role_name(role), pin, now_s);
    if (c.ok) {
      r.role = role;
      break;
    }
    r.attempts_left = std::min(r.attempts_left, c.attempts_left);
    if (c.locked) {
      r.locked = true;
      r.seconds_left = std::max(r.seconds_left, c.seconds_left);
    }
  }
  if (r.role != StaffRole::none) {
    // The other role saw this PIN as a wrong one: a right PIN clears the pad's count.
    Statement clear(db, "UPDATE pins SET failed_attempts = 0 WHERE locked_until <= ?1");
    clear.bind(1, now_s);
    // Best effort: a count left behind only shortens the other role's next five tries.
    (void)clear.run();
    r.locked = false;
    r.seconds_left = 0;
    r.attempts_left = kPinMaxAttempts;
    note_entry(db, staff_role_name(r.role), "login", now_s);
    return r;
  }
  note_entry(db, "", r.locked ? "login_locked" : "login_refused", now_s);
  return r;
}

}  // namespace eric
