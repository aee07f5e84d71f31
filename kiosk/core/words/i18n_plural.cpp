// Plural forms by language (see i18n.h): CLDR's cardinal rules for whole numbers, for the
// kiosk's languages.
#include <cstdlib>
#include <string>

#include "kiosk/core/words/i18n.h"

namespace eric {

std::string_view plural_name(Plural p) {
  switch (p) {
    case Plural::Zero: return "zero";
    case Plural::One: return "one";
    case Plural::Two: return "two";
    case Plural::Few: return "few";
    case Plural::Many: return "many";
    case Plural::Other: return "other";
  }
  return "other";
}

Plural plural_category(std::string_view lang, long long n) {
  const long long a = std::llabs(n);
  const long long mod10 = a % 10, mod100 = a % 100;
  if (lang == "fr") return a <= 1 ? Plural::One : Plural::Other;
  if (lang == "uk") {
    if (mod10 == 1 && mod100 != 11) return Plural::One;
    if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return Plural::Few;
    return Plural::Many;
  }
  if (lang == "ar") {
    if (a == 0) return Plural::Zero;
    if (a == 1) return Plural::One;
    if (a == 2) return Plural::Two;
    if (mod100 >= 3 && mod100 <= 10) return Plural::Few;
    if (mod100 >= 11) return Plural::Many;
    return Plural::Other;  // 100-102, 200-202...
  }
  return a == 1 ? Plural::One : Plural::Other;  // en, es and the like
}

std::vector<Plural> plural_forms(std::string_view lang) {
  if (lang == "uk") return {Plural::One, Plural::Few, Plural::Many};
  if (lang == "ar")
    return {Plural::Zero, Plural::One, Plural::Two, Plural::Few, Plural::Many, Plural::Other};
  return {Plural::One, Plural::Other};
}

std::string I18n::tr_count(std::string_view key, long long n,
                           std::initializer_list<I18nArg> args) const {
  const std::string number = std::to_string(n);
  for (std::string_view lang : {std::string_view(lang_), std::string_view("fr")}) {
    const auto table = texts_.find(lang);
    if (table == texts_.end()) continue;
    const std::string base = std::string(key) + "|";
    for (const Plural form : {plural_category(lang, n), Plural::Other, Plural::Many}) {
      const auto it = table->second.find(base + std::string(plural_name(form)));
      if (it == table->second.end()) continue;
      // The caller's own {n} (a number written with spaces) wins over the plain digits.
      return fill_placeholders(fill_placeholders(it->second, args), {{"n", number}});
    }
  }
  return "[" + std::string(key) + "]";
}

}  // namespace eric
