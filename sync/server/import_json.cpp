// The three shapes a JSON import file comes in (see for_each_json_record in import_context.h).
#include <fstream>
#include <sstream>

#include "sync/server/import_context.h"

namespace eric::server {
namespace {

std::string file_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Parses text that may hold invalid UTF-8 (repaired and reported first: the parser would
// refuse the whole text for one bad byte).
nlohmann::json parse_repaired(std::string_view text, const std::string& where, ImportReport& report) {
  bool repaired = false;
  std::string clean = repair_utf8(text, repaired);
  if (repaired) report.problem(where, "UTF-8 invalide : les octets fautifs sont remplacés.");
  return nlohmann::json::parse(clean, nullptr, /*allow_exceptions=*/false);
}

void each_item(const nlohmann::json& list, const std::string& name, const char* noun,
               const char* record_type, ImportContext& ctx, const JsonRecordFn& record) {
  std::size_t rank = 0;
  for (const auto& item : list) {
    const std::string where = name + ", " + noun + " n° " + std::to_string(++rank);
    if (!item.is_object()) {
      ctx.report.problem(where, "n'est pas un objet JSON : écarté.");
      ++ctx.report.by_type[record_type].rejected;
      continue;
    }
    record(item, where);
  }
}

bool json_lines(std::istream& in, std::string first_line, const std::string& name,
                const char* record_type, ImportContext& ctx, const JsonRecordFn& record) {
  std::string line = std::move(first_line);
  int64_t number = 1;
  do {
    const std::string where = name + ":" + std::to_string(number);
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      nlohmann::json item = parse_repaired(line, where, ctx.report);
      if (item.is_object()) {
        record(item, where);
      } else {
        ctx.report.problem(where, "ligne illisible (pas un objet JSON) : écartée.");
        ++ctx.report.by_type[record_type].rejected;
      }
    }
    ++number;
  } while (std::getline(in, line));
  return true;
}

}  // namespace

bool for_each_json_record(const std::string& path, const char* list_key, const char* noun,
                          const char* record_type, ImportContext& ctx, const JsonRecordFn& record) {
  const std::string name = file_name(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ctx.report.problem(name, "fichier introuvable ou illisible.");
    return false;
  }
  std::string first;
  std::getline(in, first);
  if (first.rfind("\xEF\xBB\xBF", 0) == 0) first.erase(0, 3);
  const auto start = first.find_first_not_of(" \t\r");
  if (start != std::string::npos && first[start] == '{') {
    nlohmann::json one = nlohmann::json::parse(first, nullptr, false);
    if (one.is_object() && !one.contains(list_key)) {
      return json_lines(in, std::move(first), name, record_type, ctx, record);
    }
  }
  // A whole document: a list, or an answer holding one.
  std::ostringstream rest;
  rest << in.rdbuf();
  nlohmann::json doc = parse_repaired(first + "\n" + rest.str(), name, ctx.report);
  if (doc.is_object() && doc.contains(list_key) && doc[list_key].is_array()) {
    each_item(doc[list_key], name, noun, record_type, ctx, record);
    return true;
  }
  if (doc.is_array()) {
    each_item(doc, name, noun, record_type, ctx, record);
    return true;
  }
  ctx.report.problem(name, std::string("ce fichier n'est ni une liste JSON, ni une réponse (« ") +
                               list_key + " »), ni des lignes JSON : rien n'est lu.");
  return false;
}

}  // namespace eric::server
