// Field checks and plain words for the imports: one checker per kind of field, shared by every
// source (France Travail, LHEO, Immersion Facilitée, ROME). Data from outside is never trusted:
// each value is checked before it may reach a record of the feed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eric::server {

// Text as the terminals may show it: valid UTF-8 (each invalid byte becomes U+FFFD), no
// control character (tabs become spaces; "\r\n" and "\r" become "\n" when `keep_lines`,
// otherwise every line break becomes a space), spaces collapsed, trimmed.
struct CleanText {
  std::string text;
  bool had_bad_utf8 = false;
  bool had_controls = false;  // other than tabs and line breaks
};
CleanText clean_text(std::string_view raw, bool keep_lines = false);
// The bytes unchanged when they are valid UTF-8, else each invalid byte replaced by U+FFFD
// (a JSON parser refuses invalid UTF-8: a repaired line keeps its other fields).
std::string repair_utf8(std::string_view raw, bool& repaired);

// HTML (LHEO's text fields once XML-unescaped) as plain text: tags removed, entities decoded,
// paragraphs (p, div, headings, lists, br) kept as line breaks, "- " before list items, at most
// one empty line between paragraphs. The result still goes through clean_text.
std::string html_to_text(std::string_view html);

bool is_siret(std::string_view text);        // 14 digits
bool is_insee_code(std::string_view text);   // "13056", "2A004"
bool is_postal_code(std::string_view text);  // 5 digits
bool is_trade_code(std::string_view text);   // "M1607": a family letter A-N and 4 digits
// A source's record key: 1 to 64 letters, digits, '-', '_' or '.'.
bool is_record_key(std::string_view text);
// Metropolitan France, Corsica and the overseas départements.
bool is_in_france(double lat, double lon);
// "20150901" -> "2015-09-01"; nullopt when it is not a real date.
std::optional<std::string> date_from_yyyymmdd(std::string_view text);
// "2019-01-23T13:32:22+01:00" or "2019-01-23" -> "2019-01-23"; nullopt when not a real date.
std::optional<std::string> date_from_iso(std::string_view text);
// A decimal number written with '.' or ','; nullopt otherwise.
std::optional<double> parse_decimal(std::string_view text);
std::optional<int64_t> parse_whole(std::string_view text);
// An http(s) address without spaces, or "www.…" (then "https://" is put in front).
std::optional<std::string> web_address(std::string_view text);

// France Travail's codes and labels in the words the terminal shows.
struct ContractWords {
  std::string type;  // CDI, CDD, MIS, SAI, ALT, or plain words for the rare kinds
  int months = 0;
};
// typeContrat "CDD" + typeContratLibelle "Contrat à durée déterminée - 12 Mois" -> CDD, 12;
// work-study offers are their own kind (ALT) whatever their contract.
ContractWords contract_words_ft(std::string_view code, std::string_view label, bool work_study);
// "35H Horaires normaux" -> "35 h par semaine, horaires normaux"; "" when unreadable.
std::string work_time_words(std::string_view label, std::string_view converted);
// "Horaire de 10.03 Euros" -> "10,03 € de l'heure"; "Mensuel de 850.00 Euros à 1217.00 Euros
// sur 12 mois" -> "de 850 € à 1 217 € par mois"; "" when unreadable.
std::string salary_words(std::string_view label);
// 1217.5 -> "1 217,50"; 850 -> "850".
std::string euro_amount(double amount);

// 64-bit FNV-1a: the digest that says whether a record changed since the last import.
inline uint64_t fnv1a(std::string_view bytes, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace eric::server
