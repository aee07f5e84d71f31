// France Travail's contract codes, working hours and salaries in the words the terminal shows
// (see import_fields.h): a visitor reads "CDD de 12 mois", never "Contrat à durée déterminée -
// 12 Mois", and "10,03 € de l'heure", never "Horaire de 10.03 Euros".
#include <cctype>
#include <string>
#include <vector>

#include "sync/server/import_fields.h"

namespace eric::server {
namespace {

std::string lower_first_ascii(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '-' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// The whole number written just before "Mois" in a contract label; 0 when there is none.
int months_in_label(std::string_view label) {
  std::string lower;
  for (char c : label) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::size_t at = lower.find("mois");
  if (at == std::string::npos) return 0;
  std::size_t end = at;
  while (end > 0 && lower[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > 0 && std::isdigit(static_cast<unsigned char>(lower[start - 1]))) --start;
  if (start == end || end - start > 3) return 0;
  return std::stoi(lower.substr(start, end - start));
}

// The numbers of a salary label before its "sur 12 mois" (the months paid, not an amount).
std::vector<double> amounts_in_label(std::string_view label) {
  const std::size_t sur = label.find(" sur ");
  if (sur != std::string_view::npos) label = label.substr(0, sur);
  std::vector<double> found;
  std::size_t i = 0;
  while (i < label.size()) {
    if (!std::isdigit(static_cast<unsigned char>(label[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < label.size() &&
           (std::isdigit(static_cast<unsigned char>(label[end])) || label[end] == '.' || label[end] == ',')) {
      ++end;
    }
    if (auto v = parse_decimal(label.substr(i, end - i)); v && *v >= 0) found.push_back(*v);
    i = end;
  }
  return found;
}

}  // namespace

ContractWords contract_words_ft(std::string_view code, std::string_view label, bool work_study) {
  ContractWords w;
  w.months = months_in_label(label);
  if (work_study) {
    w.type = "ALT";
    return w;
  }
  // The rare kinds have no filter on the terminal: they travel as plain words, which the
  // terminal shows as they are.
  struct Kind {
    std::string_view code, type;
  };
  static constexpr Kind kKinds[] = {
      {"CDI", "CDI"}, {"CDD", "CDD"}, {"MIS", "MIS"}, {"SAI", "SAI"}, {"DDI", "CDD"},
      {"DIN", "CDI"}, {"TTI", "MIS"}, {"CCE", "Profession commerciale"},
      {"FRA", "Franchise"}, {"LIB", "Profession libérale"}, {"REP", "Reprise d'entreprise"}};
  for (const Kind& k : kKinds) {
    if (code == k.code) w.type = std::string(k.type);
  }
  if (w.type != "CDD" && w.type != "MIS" && w.type != "SAI") w.months = 0;
  return w;
}

std::string work_time_words(std::string_view label, std::string_view converted) {
  std::size_t i = 0;
  while (i < label.size() && std::isdigit(static_cast<unsigned char>(label[i]))) ++i;
  std::string hours;
  if (i > 0 && i <= 2 && i < label.size() && (label[i] == 'H' || label[i] == 'h')) {
    hours = std::string(label.substr(0, i)) + " h";
    std::size_t m = i + 1;
    while (m < label.size() && std::isdigit(static_cast<unsigned char>(label[m]))) ++m;
    if (m - (i + 1) == 2 && label.substr(i + 1, 2) != "00") {
      hours += " " + std::string(label.substr(i + 1, 2));
    }
    hours += " par semaine";
    label = label.substr(m);
  }
  std::string rest = lower_first_ascii(trimmed(label));
  if (hours.empty() && rest.empty()) return lower_first_ascii(trimmed(converted));
  if (hours.empty()) return rest;
  return rest.empty() ? hours : hours + ", " + rest;
}

std::string salary_words(std::string_view label) {
  std::string unit;
  if (label.rfind("Horaire", 0) == 0) unit = "de l'heure";
  else if (label.rfind("Mensuel", 0) == 0) unit = "par mois";
  else if (label.rfind("Annuel", 0) == 0) unit = "par an";
  else if (label.rfind("Journalier", 0) == 0) unit = "par jour";
  else return "";
  const std::vector<double> amounts = amounts_in_label(label);
  if (amounts.size() == 1) return euro_amount(amounts[0]) + " € " + unit;
  if (amounts.size() == 2) {
    return "de " + euro_amount(amounts[0]) + " € à " + euro_amount(amounts[1]) + " € " + unit;
  }
  return "";
}

}  // namespace eric::server
