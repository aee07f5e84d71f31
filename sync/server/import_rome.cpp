// The ROME (trades and job titles) from France Travail's CSV lists, recognised by their
// header: `code_rome;libelle_rome` (trades) or `ogr_appellation;rome_code;...` (job titles).
#include <fstream>
#include <vector>

#include "sync/server/import_context.h"

namespace eric::server {
namespace {

// Splits one line on ';', honouring double quotes ("" is a quote inside quotes).
std::vector<std::string> split_row(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ';' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

enum class RomeList { unknown, trades, job_titles };

RomeList list_of_header(const std::vector<std::string>& header) {
  if (header.size() == 2 && header[0] == "code_rome" && header[1] == "libelle_rome") {
    return RomeList::trades;
  }
  if (header.size() == 4 && header[0] == "ogr_appellation" && header[1] == "rome_code") {
    return RomeList::job_titles;
  }
  return RomeList::unknown;
}

void import_row(RomeList list, const std::vector<std::string>& f, const std::string& where,
                ImportContext& ctx) {
  const char* type = list == RomeList::trades ? "trade" : "job_title";
  auto reject = [&](const std::string& sentence) {
    ctx.report.problem(where, sentence);
    ++ctx.report.by_type[type].rejected;
  };
  if (f.size() != (list == RomeList::trades ? 2u : 4u)) {
    return reject("nombre de colonnes inattendu : ligne écartée.");
  }
  if (list == RomeList::trades) {
    Trade t;
    t.code = clean_text(f[0]).text;
    t.label = clean_text(f[1]).text;
    if (!is_trade_code(t.code)) return reject("code ROME « " + t.code + " » invalide : ligne écartée.");
    if (t.label.empty()) return reject("métier sans libellé : ligne écartée.");
    if (!ctx.sink.put(Record(std::move(t))) && ctx.sink.status()) reject("code ROME en double : la première ligne est gardée.");
    return;
  }
  JobTitle j;
  const auto ogr = parse_whole(clean_text(f[0]).text);
  j.trade_code = clean_text(f[1]).text;
  j.label = clean_text(f[2]).text;
  if (j.label.empty()) j.label = clean_text(f[3]).text;
  if (!ogr || *ogr <= 0) return reject("code OGR « " + f[0] + " » invalide : ligne écartée.");
  if (!is_trade_code(j.trade_code)) return reject("code ROME « " + j.trade_code + " » invalide : ligne écartée.");
  if (j.label.empty()) return reject("appellation sans libellé : ligne écartée.");
  j.ogr = *ogr;
  if (!ctx.sink.put(Record(std::move(j))) && ctx.sink.status()) reject("code OGR en double : la première ligne est gardée.");
}

}  // namespace

bool import_rome(const std::string& path, ImportContext& ctx) {
  const auto slash = path.rfind('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ctx.report.problem(name, "fichier introuvable ou illisible.");
    return false;
  }
  std::string line;
  std::getline(in, line);
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const RomeList list = list_of_header(split_row(line));
  if (list == RomeList::unknown) {
    ctx.report.problem(name + ":1", "en-tête inconnu : ni la liste des métiers (code_rome;libelle_rome) "
                                    "ni celle des appellations (ogr_appellation;rome_code;...) : rien n'est lu.");
    return false;
  }
  int64_t number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    bool repaired = false;
    const std::string clean = repair_utf8(line, repaired);
    const std::string where = name + ":" + std::to_string(number);
    if (repaired) ctx.report.problem(where, "UTF-8 invalide : les octets fautifs sont remplacés.");
    import_row(list, split_row(clean), where, ctx);
  }
  return true;
}

}  // namespace eric::server
