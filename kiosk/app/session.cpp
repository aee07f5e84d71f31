// The visitor session's wipe (see session.h).
#include "kiosk/app/session.h"

#include <string.h>

namespace eric {

namespace {

// Zeroes the bytes the string holds (explicit_bzero is never optimized away), then empties it.
void zero(std::string& s) {
  if (!s.empty()) explicit_bzero(s.data(), s.size());
  s.clear();
}

}  // namespace

void Session::wipe() {
  for (std::string* s : {&place_commune, &place_label, &search_words, &trade_family, &trade_code,
                         &job_id, &training_id, &immersion_slot_id, &workshop_id, &first_name,
                         &phone, &email, &help_reason}) {
    zero(*s);
  }
  for (auto& [key, value] : values) zero(value);
  // Assigning a fresh session resets every field, including fields added after this line
  // was written.
  *this = Session{};
}

void Session::forget_personal() {
  for (std::string* s : {&first_name, &phone, &email}) zero(*s);
  consent = false;
  for (auto it = values.begin(); it != values.end();) {
    if (it->first.rfind(kFormPrefix, 0) == 0) {
      zero(it->second);
      it = values.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace eric
