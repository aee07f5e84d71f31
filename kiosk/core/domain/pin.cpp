// PIN hashing and lock-out (see pin.h).
#include "kiosk/core/domain/pin.h"

#include <sodium.h>

#include <algorithm>
#include <string>

#include "kiosk/core/base/random.h"

namespace eric {

Status set_pin(Database& db, std::string_view role, std::string_view pin) {
  if (pin.size() < 4 || pin.size() > 12 ||
      !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Status::error("bad_pin", "Le code doit compter de 4 à 12 chiffres.");
  }
  if (!crypto_ready()) {
    return Status::error("crypto_unavailable", "La bibliothèque de chiffrement est indisponible.");
  }
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::error("hash_failed", "Mémoire insuffisante pour protéger le code.");
  }
  Statement s(db,
              "INSERT INTO pins(role, hash, failed_attempts, locked_until) VALUES(?1, ?2, 0, 0) "
              "ON CONFLICT(role) DO UPDATE SET hash = excluded.hash, failed_attempts = 0, "
              "locked_until = 0");
  s.bind(1, role).bind(2, std::string_view(hash));
  return s.run();
}

bool has_pin(Database& db, std::string_view role) {
  Statement s(db, "SELECT 1 FROM pins WHERE role = ?1");
  s.bind(1, role);
  return s.step();
}

PinCheck check_pin(Database& db, std::string_view role, std::string_view pin, int64_t now_s) {
  PinCheck r;
  std::string hash;
  int failed = 0;
  int64_t locked_until = 0;
  {
    Statement s(db, "SELECT hash, failed_attempts, locked_until FROM pins WHERE role = ?1");
    s.bind(1, role);
    if (!s.step()) return r;  // no PIN set: nothing can match
    hash = s.col_text(0);
    failed = static_cast<int>(s.col_int(1));
    locked_until = s.col_int(2);
  }
  if (locked_until > now_s) {
    // The PIN is not even checked: a lock must not tell a right guess from a wrong one.
    r.locked = true;
    r.seconds_left = locked_until - now_s;
    r.attempts_left = 0;
    return r;
  }
  if (locked_until != 0) failed = 0;  // a lock that has run out starts a fresh count
  const bool right = crypto_ready() && pin.size() <= 64 &&
                     crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
  Statement u(db, "UPDATE pins SET failed_attempts = ?2, locked_until = ?3 WHERE role = ?1");
  if (right) {
    u.bind(1, role).bind(2, 0).bind(3, int64_t{0});
    // A count left behind after a right PIN only shortens the next person's five tries.
    (void)u.run();
    r.ok = true;
    return r;
  }
  ++failed;
  if (failed >= kPinMaxAttempts) {
    u.bind(1, role).bind(2, 0).bind(3, now_s + kPinLockSeconds);
    // Locked in this answer even if the lock could not be written: the fifth wrong PIN never
    // opens the way to a sixth at once.
    (void)u.run();
    r.locked = true;
    r.seconds_left = kPinLockSeconds;
    r.attempts_left = 0;
    return r;
  }
  u.bind(1, role).bind(2, failed).bind(3, int64_t{0});
  if (!u.run()) {
    // A wrong PIN that could not be counted would let a guesser try for ever: the pad answers
    // as locked instead (fail closed), and the next try reads the count again.
    r.locked = true;
    r.seconds_left = kPinLockSeconds;
    r.attempts_left = 0;
    return r;
  }
  r.attempts_left = kPinMaxAttempts - failed;
  return r;
}

}  // namespace eric
