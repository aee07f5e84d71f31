// One translation layer for every visible string (see i18n.h).
#include "kiosk/core/words/i18n.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace eric {

namespace fs = std::filesystem;

namespace {

// Reads one flat {"key": "text"} file into table.
Status load_file(const fs::path& path, std::map<std::string, std::string, std::less<>>& table) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::error("texts", "Impossible de lire le fichier de textes " + path.string() + ".");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::error("texts", "Le fichier de textes " + path.string() + " n'est pas un objet JSON valide.");
  }
  for (const auto& [key, value] : doc.items()) {
    if (!value.is_string()) {
      return Status::error("texts", "Dans " + path.string() + ", la clé « " + key + " » n'a pas de texte.");
    }
    if (table.count(key)) {
      return Status::error("texts", "La clé « " + key + " » est définie deux fois (" + path.string() + ").");
    }
    table[key] = value.get<std::string>();
  }
  return Status::success();
}

}  // namespace

Status I18n::load_dir(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::error("texts", "Le dossier des textes " + dir + " est introuvable.");
  }
  decltype(texts_) loaded;
  std::vector<fs::path> lang_dirs;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_directory()) lang_dirs.push_back(entry.path());
  for (const auto& lang_dir : lang_dirs) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(lang_dir, ec))
      if (entry.is_regular_file() && entry.path().extension() == ".json")
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // stable error messages
    auto& table = loaded[lang_dir.filename().string()];
    for (const auto& file : files)
      if (Status s = load_file(file, table); !s) return s;
  }
  if (!loaded.count("fr")) {
    return Status::error("texts", "Les textes en français sont introuvables dans " + dir + ".");
  }
  texts_ = std::move(loaded);
  return Status::success();
}

void I18n::set_language(std::string_view lang) {
  if (texts_.find(lang) != texts_.end()) lang_ = std::string(lang);
}

std::vector<std::string> I18n::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, table] : texts_) out.push_back(lang);
  return out;
}

const std::string& I18n::tr(std::string_view key) const {
  for (std::string_view lang : {std::string_view(lang_), std::string_view("fr")}) {
    auto table = texts_.find(lang);
    if (table == texts_.end()) continue;
    auto it = table->second.find(key);
    if (it != table->second.end()) return it->second;
  }
  missing_ = "[" + std::string(key) + "]";
  return missing_;
}

std::string I18n::tr(std::string_view key, std::initializer_list<I18nArg> args) const {
  return fill_placeholders(tr(key), args);
}

const std::string& I18n::text_in(std::string_view lang, std::string_view key) const {
  if (const auto table = texts_.find(lang); table != texts_.end())
    if (const auto it = table->second.find(key); it != table->second.end()) return it->second;
  return tr(key);
}

bool I18n::has(std::string_view lang, std::string_view key) const {
  auto table = texts_.find(lang);
  return table != texts_.end() && table->second.find(key) != table->second.end();
}

std::vector<std::string> I18n::keys(std::string_view lang) const {
  std::vector<std::string> out;
  auto table = texts_.find(lang);
  if (table == texts_.end()) return out;
  for (const auto& [key, text] : table->second) out.push_back(key);
  return out;
}

bool language_is_rtl(std::string_view lang) { return lang == "ar"; }

std::string fill_placeholders(std::string_view text, std::initializer_list<I18nArg> args) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        auto arg = std::find_if(args.begin(), args.end(),
                                [&](const I18nArg& a) { return a.name == name; });
        if (arg != args.end()) {
          out += arg->value;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace eric
