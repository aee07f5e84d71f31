// The rules of the fields a visitor types about themselves (see contact_check.h).
#include "kiosk/core/domain/contact_check.h"
#include "kiosk/core/base/field_rules.h"

namespace eric {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  int labels = 0;
  std::string_view last;
  while (true) {
    const size_t dot = domain.find('.');
    const std::string_view label = domain.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
      return false;
    for (char c : label)
      if (!is_alnum(c) && c != '-') return false;
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  if (labels < 2 || last.size() < 2) return false;
  for (char c : last)
    if (!is_alpha(c)) return false;
  return true;
}

bool valid_local_part(std::string_view local) {
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.')
    return false;
  constexpr std::string_view kSpecials = ".!#$%&'*+/=?^_`{|}~-";
  char previous = 0;
  for (char c : local) {
    if (!is_alnum(c) && kSpecials.find(c) == std::string_view::npos) return false;
    if (c == '.' && previous == '.') return false;
    previous = c;
  }
  return true;
}

// Characters, not bytes: "Éléonore" is 8.
size_t utf8_chars(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

FieldCheck check_first_name(std::string_view typed) {
  const std::string_view name = trim_blanks(typed);
  if (name.empty()) return FieldCheck::missing;
  if (utf8_chars(name) > kFirstNameMaxChars) return FieldCheck::invalid;
  for (char c : name)
    if (is_digit(c) || c == '@') return FieldCheck::invalid;
  return FieldCheck::ok;
}

bool normalize_french_phone(std::string_view typed, std::string& national) {
  std::string compact;
  typed = trim_blanks(typed);
  bool plus = false;
  for (size_t i = 0; i < typed.size(); ++i) {
    const char c = typed[i];
    if (is_digit(c)) {
      compact.push_back(c);
    } else if (c == '+' && i == 0) {
      plus = true;
    } else if (c == ' ' || c == '.' || c == '-') {
      // A separator only between two digits (or after "+33"): "06  12" or "06-.12" is a typo.
      if (compact.empty() || i + 1 >= typed.size() || !is_digit(typed[i + 1])) return false;
    } else {
      return false;
    }
  }
  std::string_view subscriber;  // the 9 digits after the 0 or the country code
  const std::string_view digits = compact;
  if (plus) {
    if (digits.substr(0, 2) != "33") return false;
    subscriber = digits.substr(2);
  } else if (digits.substr(0, 4) == "0033") {
    subscriber = digits.substr(4);
  } else if (digits.substr(0, 1) == "0") {
    subscriber = digits.substr(1);
  } else {
    return false;
  }
  if (subscriber.size() != 9 || subscriber[0] == '0') return false;
  // Built char by char: GCC 12 warns falsely (-Wrestrict) on assigning a literal here.
  std::string out;
  out.reserve(14);
  out.push_back('0');
  for (size_t i = 0; i < 9; ++i) {
    if (i % 2 == 1) out.push_back(' ');
    out.push_back(subscriber[i]);
  }
  national.swap(out);
  return true;
}

bool plausible_email(std::string_view typed) {
  const std::string_view s = trim_blanks(typed);
  if (s.size() < 6 || s.size() > 254) return false;
  const size_t at = s.find('@');
  if (at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  return valid_local_part(s.substr(0, at)) && valid_domain(s.substr(at + 1));
}

FieldCheck check_phone(std::string_view typed) {
  if (trim_blanks(typed).empty()) return FieldCheck::missing;
  std::string national;
  return normalize_french_phone(typed, national) ? FieldCheck::ok : FieldCheck::invalid;
}

FieldCheck check_email(std::string_view typed) {
  if (trim_blanks(typed).empty()) return FieldCheck::missing;
  return plausible_email(typed) ? FieldCheck::ok : FieldCheck::invalid;
}

Status check_contact(std::string_view typed) {
  const std::string_view contact = trim_blanks(typed);
  if (contact.empty()) return Status::success();
  if (contact.find('@') != std::string_view::npos) {
    if (plausible_email(contact)) return Status::success();
    return Status::error("bad_email", "Cette adresse e-mail n'est pas complète.");
  }
  if (check_phone(contact) == FieldCheck::ok) return Status::success();
  return Status::error("bad_phone", "Un numéro de téléphone a 10 chiffres, comme 06 12 34 56 78.");
}

}  // namespace eric
