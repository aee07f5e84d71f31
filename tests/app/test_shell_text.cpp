// The shell's own texts: the site name under the badge, the catalog's age in words.
#include <gtest/gtest.h>

#include "kiosk/app/shell_text.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/i18n.h"
#include "tests/support/status_assert.h"

namespace eric {
namespace {

struct ShellText : ::testing::Test {
  void SetUp() override {
    ASSERT_TRUE(test::ok(i18n.load_dir(std::string(ERIC_SOURCE_DIR) + "/assets/i18n")));
  }
  static int64_t at(const char* local) {
    int64_t ms = 0;
    EXPECT_TRUE(Clock::parse_local(local, ms));
    return ms;
  }
  I18n i18n;
};

TEST_F(ShellText, SiteNameWithoutTheBadgeWord) {
  EXPECT_EQ(site_display_name("ERIC Cyber-base de Martigues"), "Cyber-base de Martigues");
  EXPECT_EQ(site_display_name("Mission locale"), "Mission locale");
  EXPECT_EQ(site_display_name("ERIC"), "ERIC");
}

TEST_F(ShellText, FreshnessInWords) {
  const int64_t now = at("2026-11-23 14:05");
  EXPECT_EQ(freshness_words(at("2026-11-23 13:40"), now, i18n),
            "Offres à jour : aujourd'hui à 13 h 40");
  EXPECT_EQ(freshness_words(at("2026-11-22 18:00"), now, i18n), "Offres à jour : hier à 18 h");
  EXPECT_EQ(freshness_words(at("2026-11-20 09:00"), now, i18n), "Offres du 20 novembre");
  EXPECT_EQ(freshness_words(0, now, i18n), "Pas encore d'offres sur cette borne");
  i18n.set_language("en");
  EXPECT_EQ(freshness_words(at("2026-11-23 13:40"), now, i18n),
            "Offers up to date: today at 13:40");
}

TEST_F(ShellText, FreshMeansLessThanTwoDays) {
  const int64_t now = at("2026-11-23 14:05");
  EXPECT_TRUE(catalog_is_fresh(at("2026-11-22 14:06"), now));
  EXPECT_FALSE(catalog_is_fresh(at("2026-11-21 14:04"), now));
  EXPECT_FALSE(catalog_is_fresh(0, now));
}

TEST_F(ShellText, EveryShellKeyHasFrenchAndEnglish) {
  for (const std::string& key : i18n.keys("fr")) {
    if (key.rfind("shell.", 0) != 0 && key.rfind("home.", 0) != 0) {
      continue;
    }
    EXPECT_TRUE(i18n.has("en", key)) << key;
  }
  for (const std::string& key : i18n.keys("en")) {
    EXPECT_TRUE(i18n.has("fr", key)) << key;
  }
}

}  // namespace
}  // namespace eric
