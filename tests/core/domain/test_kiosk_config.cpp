// The terminal's configuration file: every key, refusals that name the line, the default file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "kiosk/core/domain/kiosk_config.h"

namespace eric {
namespace {

TEST(KioskConfig, EveryKey) {
  const auto r = parse_kiosk_config(
      "# a comment\n"
      "server_url = https://eric.example.org\n"
      "site = eric-martigues\n"
      "  data_dir=/var/lib/eric-kiosk  \r\n"
      "sync_interval = 600\n"
      "idle_timeout = 90\n"
      "language = en\n"
      "text_size = 2\n"
      "theme = high-contrast\n"
      "rotation = 270\n"
      "screen_inches = 21.5\n"
      "viewing_distance = 75\n"
      "touch_calibration = 0 1 0 -1 0 1\n"
      "\n"
      "hours.mon = 09:00-12:00\n"
      "hours.sun = closed\n");
  ASSERT_TRUE(r.ok()) << r.status.message_fr;
  const KioskConfig& c = r.value;
  EXPECT_EQ(c.server_url, "https://eric.example.org");
  EXPECT_EQ(c.site, "eric-martigues");
  EXPECT_EQ(c.data_dir, "/var/lib/eric-kiosk");
  EXPECT_EQ(c.sync_interval_s, 600);
  EXPECT_EQ(c.idle_timeout_s, 90);
  EXPECT_EQ(c.language, "en");
  EXPECT_EQ(c.text_size, 2);
  EXPECT_EQ(c.high_contrast, true);
  EXPECT_EQ(c.rotation, 270);
  EXPECT_FLOAT_EQ(c.screen_inches.value_or(0), 21.5f);
  EXPECT_EQ(c.viewing_distance_cm, 75);
  EXPECT_EQ(c.touch_calibration, "0 1 0 -1 0 1");
  EXPECT_FALSE(c.hours.always_open);
  ASSERT_EQ(c.hours.days[1].size(), 1u);
  EXPECT_EQ(c.hours.days[1][0].close_min, 12 * 60);
  EXPECT_TRUE(c.hours.days[0].empty());
  EXPECT_TRUE(c.hours.days[2].empty());  // a day not given is closed once any day is given
}

TEST(KioskConfig, EmptyFileKeepsDefaults) {
  const auto r = parse_kiosk_config("# nothing set\n\n");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value.hours.always_open);
  EXPECT_FALSE(r.value.idle_timeout_s.has_value());
  EXPECT_FALSE(r.value.high_contrast.has_value());
  EXPECT_EQ(r.value.rotation, 0);
  EXPECT_FALSE(r.value.screen_inches.has_value());  // the display's own figure
}

TEST(KioskConfig, MistakesNameTheirLine) {
  const struct {
    const char* text;
    const char* line;
  } cases[] = {
      {"idle_timeout = 2\n", "ligne 1"},
      {"# ok\nrotation = 45\n", "ligne 2"},
      {"\n\nlanguage = de\n", "ligne 3"},
      {"theme = dark\n", "high-contrast"},
      {"colour = blue\n", "colour"},
      {"just words\n", "ligne 1"},
      {"hours.funday = 09:00-10:00\n", "funday"},
      {"hours.mon = 9h-12h\n", "9h-12h"},
      {"sync_interval = 10s\n", "sync_interval"},
      {"touch_calibration = 1 0 0 0 1\n", "touch_calibration"},
      {"screen_inches = 21,5\n", "screen_inches"},
      {"screen_inches = 4\n", "screen_inches"},
      {"viewing_distance = 10\n", "viewing_distance"},
  };
  for (const auto& c : cases) {
    const auto r = parse_kiosk_config(c.text);
    EXPECT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.status.message_fr.find(c.line), std::string::npos) << r.status.message_fr;
  }
}

TEST(KioskConfig, MissingFileIsNotFoundAndTheShippedFileParses) {
  const auto missing = load_kiosk_config("/nonexistent/kiosk.conf");
  EXPECT_EQ(missing.status.code, "not_found");
  const auto shipped = load_kiosk_config(std::string(ERIC_SOURCE_DIR) + "/packaging/kiosk.conf");
  ASSERT_TRUE(shipped.ok()) << shipped.status.message_fr;
  EXPECT_EQ(shipped.value.data_dir, "/var/lib/eric-kiosk");
  EXPECT_FALSE(shipped.value.hours.always_open);
  EXPECT_EQ(shipped.value.high_contrast, false);
}

TEST(KioskConfig, DataDirFlagThenFileThenXdg) {
  KioskConfig c;
  c.data_dir = "/from/file";
  EXPECT_EQ(resolve_kiosk_data_dir("/from/flag", c), "/from/flag");
  EXPECT_EQ(resolve_kiosk_data_dir("", c), "/from/file");
  setenv("XDG_DATA_HOME", "/xdg", 1);
  EXPECT_EQ(resolve_kiosk_data_dir("", KioskConfig{}), "/xdg/eric-kiosk");
  unsetenv("XDG_DATA_HOME");
}

}  // namespace
}  // namespace eric
