// One rule per kind of field a visitor types about themselves (first name, phone, e-mail),
// shared by every form that asks for them: the workshop and immersion forms and the checks
// made again before anything is written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/core/base/status.h"

namespace eric {

enum class FieldCheck { ok, missing, invalid };

// What the keyboards stop at, in characters (a counter shows it): a first name of 40 covers
// compound names ("Marie-Françoise Éléonore"); a phone typed with spaces or "+33 " fits 20.
inline constexpr size_t kFirstNameMaxChars = 40;
inline constexpr size_t kPhoneMaxChars = 20;
inline constexpr size_t kEmailMaxChars = 80;

// Blank: missing. Too long, or holding a digit or an @ (a contact typed in the wrong field):
// invalid.
FieldCheck check_first_name(std::string_view typed);

// French numbers, mobile or landline, with or without +33 (or 0033) and with spaces, dots or
// hyphens between digits: "06 12 34 56 78", "+33 6 12 34 56 78", "01.23.45.67.89".
// On success writes the national form "06 12 34 56 78".
bool normalize_french_phone(std::string_view typed, std::string& national);
// A plausible address: one @, a local part, a domain with a dot and a final label of at least
// two letters, no spaces. Not proof that it exists.
bool plausible_email(std::string_view typed);

// Blank: missing; otherwise the rules above.
FieldCheck check_phone(std::string_view typed);
FieldCheck check_email(std::string_view typed);

// One box for "a phone or an e-mail" (the workshop form): an @ makes it an e-mail. Empty is
// accepted (the contact is optional there). Errors: "bad_phone", "bad_email", with a sentence.
Status check_contact(std::string_view typed);

}  // namespace eric
