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
  // A text about n things, in the form the language's plural rule picks for n: the texts are
  // written "key|one", "key|few", "key|other"... (see Plural); {n} is filled with n. Falls
  // back to "key|other", then to French, then shows "[key]" (i18n_plural.cpp).
  std::string tr_count(std::string_view key, long long n,
                       std::initializer_list<I18nArg> args = {}) const;

  bool has(std::string_view lang, std::string_view key) const;
  // key's text in lang whatever the current language ("shell.language_name" of each language
  // for the picker); falls back like tr.
  const std::string& text_in(std::string_view lang, std::string_view key) const;
  std::vector<std::string> keys(std::string_view lang) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> texts_;
  std::string lang_ = "fr";
  mutable std::string missing_;
};

// The plural forms of Unicode CLDR's cardinal rules, for whole numbers. French says "1 reçu,
// 2 reçus" (0 and 1 take One); Ukrainian has One (1, 21), Few (2-4, 22) and Many (5, 11);
// Arabic uses all six.
enum class Plural { Zero, One, Two, Few, Many, Other };
std::string_view plural_name(Plural p);  // "zero", "one", ... as written after "|" in keys
Plural plural_category(std::string_view lang, long long n);
// The forms a language's texts must give for each counted key (French and English: one,
// other). Unknown languages: one, other.
std::vector<Plural> plural_forms(std::string_view lang);

// Languages written right to left (Arabic): the UI shapes their text and aligns it right.
bool language_is_rtl(std::string_view lang);

// Replaces each "{name}" of text by its value.
std::string fill_placeholders(std::string_view text, std::initializer_list<I18nArg> args);

}  // namespace eric
