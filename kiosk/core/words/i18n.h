// One translation layer for every visible string: keys, one folder of JSON files per language.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/status.h"

namespace eric {

struct I18nArg {
  std::string_view name;  // placeholder name, written "{name}" in the text
  std::string value;
};

// Texts live in <dir>/<lang>/*.json, each file a flat object {"key": "text"}; French ("fr")
// is the reference language and the fallback. A key without any text shows as "[key]", so a
// forgotten string is visible on screen and fails the tests.
class I18n {
 public:
  Status load_dir(const std::string& dir);
  void set_language(std::string_view lang);  // unknown languages keep the current one
  const std::string& language() const { return lang_; }
  std::vector<std::string> languages() const;

  const std::string& tr(std::string_view key) const;
  std::string tr(std::string_view key, std::initializer_list<I18nArg> args) const;

  bool has(std::string_view lang, std::string_view key) const;
  std::vector<std::string> keys(std::string_view lang) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> texts_;
  std::string lang_ = "fr";
  mutable std::string missing_;
};

// Replaces each "{name}" of text by its value.
std::string fill_placeholders(std::string_view text, std::initializer_list<I18nArg> args);

}  // namespace eric
