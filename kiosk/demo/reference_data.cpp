// Reads the reference data files (CSV and PRF JSON) into plain records, tolerating bad rows.
#include "kiosk/demo/reference_data.h"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/core/base/clock.h"

namespace eric {

namespace {

namespace fs = std::filesystem;

Status read_file(const fs::path& path, std::string& text) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Status::error("reference_data", "Fichier de données introuvable : " + path.string() + ".");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::error("reference_data", "Impossible d'ouvrir le fichier de données " + path.string() + ".");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  // A UTF-8 byte order mark would otherwise stick to the first column name.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  return Status::success();
}

// Splits one CSV line on `sep`, honouring double quotes ("" is a quote inside quotes).
void split_csv_line(std::string_view line, char sep, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      fields.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(std::move(field));
}

// Calls row(fields) for each data line after checking the header. row returns false for a
// malformed line, which is counted.
template <typename RowFn>
Status parse_csv(const fs::path& path, char sep, const std::vector<std::string>& header,
               int& skipped, RowFn row) {
  std::string text;
  if (Status s = read_file(path, text); !s) return s;
  std::vector<std::string> fields;
  size_t pos = 0;
  bool header_seen = false;
  int good = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    split_csv_line(line, sep, fields);
    if (!header_seen) {
      if (fields != header) {
        std::string expected;
        for (const auto& h : header) expected += (expected.empty() ? "" : std::string(1, sep)) + h;
        return Status::error("reference_data", "Le fichier " + path.string() +
                   " n'a pas les colonnes attendues (" + expected + ").");
      }
      header_seen = true;
      continue;
    }
    if (fields.size() != header.size() || !row(fields)) {
      ++skipped;
    } else {
      ++good;
    }
  }
  if (good == 0) {
    return Status::error("reference_data", "Le fichier " + path.string() + " ne contient aucune ligne utilisable.");
  }
  return Status::success();
}

template <typename T>
bool parse_number(const std::string& s, T& value) {
  if (s.empty()) return false;
  const char* first = s.data();
  const char* last = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(first, last, value);
  return ec == std::errc() && ptr == last;
}

bool valid_trade_code(const std::string& code) {
  return code.size() == 5 && code[0] >= 'A' && code[0] <= 'N';
}

Status load_communes(const fs::path& path, ReferenceData& out) {
  return parse_csv(path, ',',
                   {"insee", "name", "postal_codes", "department", "region", "population",
                    "lat", "lon"},
                   out.skipped_lines, [&](std::vector<std::string>& f) {
                     Commune c;
                     if (f[0].size() != 5 || f[1].empty()) return false;
                     if (!parse_number(f[5], c.population) || !parse_number(f[6], c.lat) ||
                         !parse_number(f[7], c.lon))
                       return false;
                     if (c.lat < -90 || c.lat > 90 || c.lon < -180 || c.lon > 180) return false;
                     c.insee = std::move(f[0]);
                     c.name = std::move(f[1]);
                     std::istringstream codes(f[2]);
                     for (std::string code; codes >> code;) c.postal_codes.push_back(code);
                     c.department = std::move(f[3]);
                     c.region = std::move(f[4]);
                     out.communes.push_back(std::move(c));
                     return true;
                   });
}

Status load_trades(const fs::path& path, ReferenceData& out) {
  return parse_csv(path, ';', {"code_rome", "libelle_rome"}, out.skipped_lines,
                   [&](std::vector<std::string>& f) {
                     if (!valid_trade_code(f[0]) || f[1].empty()) return false;
                     Trade t;
                     t.code = std::move(f[0]);
                     t.label = std::move(f[1]);
                     out.trades.push_back(std::move(t));
                     return true;
                   });
}

Status load_job_titles(const fs::path& path, ReferenceData& out) {
  return parse_csv(path, ';',
                   {"ogr_appellation", "rome_code", "libelle_appellation_long",
                    "libelle_appellation_court"},
                   out.skipped_lines, [&](std::vector<std::string>& f) {
                     JobTitle j;
                     if (!parse_number(f[0], j.ogr) || !valid_trade_code(f[1])) return false;
                     // The short label is what people say; fall back on the long one.
                     std::string& label = f[3].empty() ? f[2] : f[3];
                     if (label.empty()) return false;
                     j.trade_code = std::move(f[1]);
                     j.label = std::move(label);
                     out.job_titles.push_back(std::move(j));
                     return true;
                   });
}

using nlohmann::json;

// Parses a JSON file that must hold an array; each element goes to item(), which returns
// false for a malformed element (counted).
template <typename ItemFn>
Status parse_json_array(const fs::path& path, int& skipped, ItemFn item) {
  std::string text;
  if (Status s = read_file(path, text); !s) return s;
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return Status::error("reference_data", "Le fichier " + path.string() + " n'est pas un JSON valide.");
  }
  if (!doc.is_array()) {
    return Status::error("reference_data", "Le fichier " + path.string() + " devrait contenir une liste.");
  }
  int good = 0;
  for (const json& element : doc) {
    if (element.is_object() && item(element)) {
      ++good;
    } else {
      ++skipped;
    }
  }
  if (good == 0) {
    return Status::error("reference_data", "Le fichier " + path.string() + " ne contient aucun élément utilisable.");
  }
  return Status::success();
}

bool get_int(const json& obj, const char* key, int64_t& value) {
  auto it = obj.find(key);
  if (it == obj.end()) return false;
  if (it->is_number_integer()) {
    value = it->get<int64_t>();
    return true;
  }
  return it->is_string() && parse_number(it->get_ref<const std::string&>(), value);
}

bool get_string(const json& obj, const char* key, std::string& value) {
  auto it = obj.find(key);
  if (it == obj.end()) return false;
  if (it->is_string()) {
    value = it->get<std::string>();
    return true;
  }
  if (it->is_number_integer()) {  // codeDiplome is a number in actions.json, text elsewhere
    value = std::to_string(it->get<int64_t>());
    return true;
  }
  return false;
}

Status load_prf(const fs::path& dir, ReferenceData& out) {
  Status s = parse_json_array(
      dir / "diplomes.json", out.skipped_lines, [&](const json& e) {
        PrfQualification q;
        if (!get_int(e, "numero", q.numero) || !get_string(e, "codeDiplome", q.code_diplome) ||
            !get_string(e, "intitule", q.title))
          return false;
        get_string(e, "niveauQualificationSortie", q.exit_level);
        auto it = e.find("metiers");
        if (it == e.end() || !it->is_array()) return false;
        for (const json& code : *it)
          if (code.is_string() && valid_trade_code(code.get<std::string>()))
            q.trade_codes.push_back(code.get<std::string>());
        if (q.trade_codes.empty()) return false;
        out.qualifications.push_back(std::move(q));
        return true;
      });
  if (!s) return s;
  s = parse_json_array(
      dir / "actions.json", out.skipped_lines, [&](const json& e) {
        PrfAction a;
        if (!get_int(e, "numero", a.numero) || !get_string(e, "codeDiplome", a.code_diplome))
          return false;
        get_string(e, "niveauQualificationSortie", a.exit_level);
        out.actions.push_back(std::move(a));
        return true;
      });
  if (!s) return s;
  return parse_json_array(dir / "sessions.json", out.skipped_lines,
                          [&](const json& e) {
                            PrfSession s;
                            if (!get_int(e, "actionNumero", s.action_numero) ||
                                !get_int(e, "numero", s.numero) ||
                                !get_string(e, "dateDebut", s.start) ||
                                !get_string(e, "dateFin", s.end) ||
                                !get_string(e, "communeCodeInsee", s.commune_insee))
                              return false;
                            if (s.start.size() != 10 || s.end.size() != 10 || !parse_civil_date(s.start) ||
                                !parse_civil_date(s.end) || s.end < s.start)
                              return false;
                            out.sessions.push_back(std::move(s));
                            return true;
                          });
}

}  // namespace

Status load_reference_data(const std::string& dir, ReferenceData& out) {
  out = ReferenceData{};
  const fs::path base(dir);
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(base, ec)) {
    return Status::error("reference_data", "Dossier des données de référence introuvable : " + dir + ".");
  }
  Status s = load_communes(base / "communes-fr.csv", out);
  if (s) s = load_trades(base / "rome-fiches.csv", out);
  if (s) s = load_job_titles(base / "rome-appellations.csv", out);
  if (s) s = load_prf(base / "prf-grand-est-2019", out);
  if (!s) out = ReferenceData{};
  return s;
}

std::string default_reference_dir(const char* argv0_or_null) {
#ifdef ERIC_DEFAULT_SHARED_DATA
  const std::string compiled = ERIC_DEFAULT_SHARED_DATA;
#else
  const std::string compiled = "../shared/data";
#endif
  if (const char* env = std::getenv("ERIC_DATA_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (fs::is_directory(compiled, ec)) return fs::path(compiled).lexically_normal().string();
  if (argv0_or_null != nullptr && *argv0_or_null != '\0') {
    const fs::path exe_dir = fs::absolute(fs::path(argv0_or_null), ec).parent_path();
    for (const fs::path& candidate :
         {exe_dir / "data", exe_dir / ".." / "share" / "eric-kiosk" / "data"}) {
      if (fs::is_directory(candidate, ec)) return candidate.lexically_normal().string();
    }
  }
  return compiled;
}

}  // namespace eric
