// The immersion path's texts: the French and English files hold the same keys, every text is
// filled, and both sides use the same {placeholders}.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <string>

namespace eric {
namespace {

nlohmann::json load(const std::string& lang) {
  std::ifstream in(std::string(ERIC_TEST_ASSETS) + "/i18n/" + lang + "/immersion.json");
  EXPECT_TRUE(in.good()) << lang;
  return nlohmann::json::parse(in, nullptr, false);
}

// The names written "{name}" in a text (plain scan: std::regex makes GCC 12 warn under ASan).
std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  size_t open = text.find('{');
  while (open != std::string::npos) {
    const size_t close = text.find('}', open + 1);
    if (close == std::string::npos) break;
    out.insert(text.substr(open + 1, close - open - 1));
    open = text.find('{', close + 1);
  }
  return out;
}

TEST(ImmersionTexts, FrenchAndEnglishMatch) {
  const auto fr = load("fr");
  const auto en = load("en");
  ASSERT_TRUE(fr.is_object());
  ASSERT_TRUE(en.is_object());
  EXPECT_GT(fr.size(), 40u);
  for (const auto& [key, value] : fr.items()) {
    EXPECT_EQ(key.rfind("immersion.", 0), 0u) << key;
    ASSERT_TRUE(value.is_string()) << key;
    EXPECT_FALSE(value.get<std::string>().empty()) << key;
    ASSERT_TRUE(en.contains(key)) << "missing in English: " << key;
    ASSERT_TRUE(en[key].is_string()) << key;
    EXPECT_FALSE(en[key].get<std::string>().empty()) << key;
    EXPECT_EQ(placeholders(value.get<std::string>()), placeholders(en[key].get<std::string>()))
        << key;
  }
  for (const auto& [key, value] : en.items())
    EXPECT_TRUE(fr.contains(key)) << "missing in French: " << key;
}

}  // namespace
}  // namespace eric
