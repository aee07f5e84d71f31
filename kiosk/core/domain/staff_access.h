// The staff PIN pad's rule: one pad for both roles, the PIN says which; the pad locks as a whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/core/storage/db.h"

namespace eric {

enum class StaffRole { none, animator, manager };
const char* staff_role_name(StaffRole role);  // "", "animator", "manager"

struct StaffLogin {
  StaffRole role = StaffRole::none;  // none: refused
  bool locked = false;               // the pad is locked (the PIN was not even checked)
  int64_t seconds_left = 0;          // of the lock
  int attempts_left = 0;             // before the lock, when refused and not locked
  bool no_pin = false;               // no PIN is set on this terminal at all
};

// The pad's lock: the longest lock of any role (pin.h locks a role after 5 wrong PINs).
// Reads only; 0 when the pad is free.
int64_t staff_pad_lock_seconds(Database& db, int64_t now_s);

// Tries the PIN as the animator's, then as the manager's (pin.h's check_pin, Argon2id). Both
// roles see every wrong PIN, so five wrong PINs in a row lock the whole pad for five minutes,
// and while it is locked even a right PIN is refused. A right PIN clears the count of both
// roles (a manager's entry is not a failed animator entry). The entry is logged as a desk
// action ("login" or "login_refused").
StaffLogin staff_login(Database& db, std::string_view pin, int64_t now_s);

}  // namespace eric
