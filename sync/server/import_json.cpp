// The three shapes a JSON import file comes in (see for_each_json_record in import_context.h).
// One simdjson parser serves the whole file: its buffers are reused from line to line.
#include <fstream>
#include <sstream>

#include "sync/server/import_context.h"

namespace eric::server {
namespace {

std::string file_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Parses text that may hold invalid UTF-8: repaired and reported, then parsed again (the
// parser refuses the whole text for one bad byte). The parser keeps its own copy.
bool parse_repaired(simdjson::dom::parser& parser, const std::string& text, const std::string& where,
                    ImportReport& report, JsonValue& out) {
  auto error = parser.parse(text).get(out);
  if (error == simdjson::UTF8_ERROR) {
    bool repaired = false;
    const std::string clean = repair_utf8(text, repaired);
    report.problem(where, "UTF-8 invalide : les octets fautifs sont remplacés.");
    error = parser.parse(clean).get(out);
  }
  return error == simdjson::SUCCESS;
}

bool has_list(JsonValue doc, const char* list_key, simdjson::dom::array& list) {
  return doc.is_object() && doc.get_object().at_key(list_key).get(list) == simdjson::SUCCESS;
}

void each_item(simdjson::dom::array list, const std::string& name, const char* noun,
               const char* record_type, ImportContext& ctx, const JsonRecordFn& record) {
  std::size_t rank = 0;
  for (JsonValue item : list) {
    const std::string where = name + ", " + noun + " n° " + std::to_string(++rank);
    if (!item.is_object()) {
      ctx.report.problem(where, "n'est pas un objet JSON : écarté.");
      ++ctx.report.by_type[record_type].rejected;
      continue;
    }
    record(item, where);
  }
}

bool json_lines(simdjson::dom::parser& parser, std::istream& in, std::string line,
                const std::string& name, const char* record_type, ImportContext& ctx,
                const JsonRecordFn& record) {
  int64_t number = 1;
  do {
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      const std::string where = name + ":" + std::to_string(number);
      JsonValue item;
      if (parse_repaired(parser, line, where, ctx.report, item) && item.is_object()) {
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
  simdjson::dom::parser parser;
  std::string first;
  std::getline(in, first);
  if (first.rfind("\xEF\xBB\xBF", 0) == 0) first.erase(0, 3);
  const auto start = first.find_first_not_of(" \t\r");
  simdjson::dom::array list;
  if (start != std::string::npos && first[start] == '{') {
    JsonValue one;
    if (parser.parse(first).get(one) == simdjson::SUCCESS && one.is_object() &&
        !has_list(one, list_key, list)) {
      return json_lines(parser, in, std::move(first), name, record_type, ctx, record);
    }
  }
  // A whole document: a list, or an answer holding one.
  std::ostringstream rest;
  rest << in.rdbuf();
  JsonValue doc;
  if (parse_repaired(parser, first + "\n" + rest.str(), name, ctx.report, doc)) {
    if (has_list(doc, list_key, list)) {
      each_item(list, name, noun, record_type, ctx, record);
      return true;
    }
    if (doc.get(list) == simdjson::SUCCESS) {
      each_item(list, name, noun, record_type, ctx, record);
      return true;
    }
  }
  ctx.report.problem(name, std::string("ce fichier n'est ni une liste JSON, ni une réponse (« ") +
                               list_key + " »), ni des lignes JSON : rien n'est lu.");
  return false;
}

}  // namespace eric::server
