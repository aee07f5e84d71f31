// PINs of the animator and the manager: Argon2id hashes, and a lock after repeated failures.
#pragma once

#include <cstdint>
#include <string_view>

#include "kiosk/core/storage/db.h"

namespace eric {

constexpr int kPinMaxAttempts = 5;          // wrong PINs in a row before the lock
constexpr int64_t kPinLockSeconds = 5 * 60;  // how long the lock lasts


// Stores the Argon2id hash (libsodium crypto_pwhash_str, interactive limits) of a PIN of
// 4 to 12 digits for a role ("animator", "manager"), and clears failures and lock.
Status set_pin(Database& db, std::string_view role, std::string_view pin);
bool has_pin(Database& db, std::string_view role);

struct PinCheck {
  bool ok = false;
  bool locked = false;         // refused because of the lock (even when the PIN is right)
  int64_t seconds_left = 0;    // of the lock
  int attempts_left = kPinMaxAttempts;
};
// now_s comes from the caller's clock, so tests can move time. Five wrong PINs lock the
// role for five minutes; a right PIN clears the failure count.
PinCheck check_pin(Database& db, std::string_view role, std::string_view pin, int64_t now_s);

}  // namespace eric
