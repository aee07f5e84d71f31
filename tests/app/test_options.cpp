// eric-kiosk's command line: every flag, and clear refusals of bad ones.
#include <gtest/gtest.h>

#include <vector>

#include "kiosk/app/options.h"

namespace eric {
namespace {

std::optional<int> parse(std::vector<const char*> args, KioskOptions& out) {
  args.insert(args.begin(), "eric-kiosk");
  return parse_kiosk_options(static_cast<int>(args.size()), args.data(), out);
}

TEST(Options, EveryFlag) {
  KioskOptions o;
  const auto code = parse({"--config", "/etc/k.conf", "--data-dir", "/tmp/d", "--demo",
                           "--windowed", "1280x720", "--script", "a.kiosk", "--screenshots=/tmp/s",
                           "--reference-data", "/ref", "--assets", "/as", "--clock",
                           "2026-11-23 10:00", "--lang", "en", "--idle-timeout", "90",
                           "--print-startup-time", "--software", "--print-cage-options",
                           "--print-touch-calibration"},
                          o);
  ASSERT_FALSE(code.has_value());
  EXPECT_EQ(o.config, "/etc/k.conf");
  EXPECT_EQ(o.data_dir, "/tmp/d");
  EXPECT_TRUE(o.demo);
  EXPECT_TRUE(o.windowed);
  EXPECT_EQ(o.width, 1280);
  EXPECT_EQ(o.height, 720);
  EXPECT_EQ(o.script, "a.kiosk");
  EXPECT_EQ(o.screenshots_dir, "/tmp/s");
  EXPECT_EQ(o.reference_data, "/ref");
  EXPECT_EQ(o.assets_dir, "/as");
  EXPECT_EQ(o.clock, "2026-11-23 10:00");
  EXPECT_EQ(o.lang, "en");
  ASSERT_TRUE(o.idle_timeout_s.has_value());
  EXPECT_EQ(*o.idle_timeout_s, 90);
  EXPECT_TRUE(o.print_startup_time);
  EXPECT_TRUE(o.software_renderer);
  EXPECT_TRUE(o.print_cage_options);
  EXPECT_TRUE(o.print_touch_calibration);
}

TEST(Options, DefaultsAreFullScreenWithoutDemo) {
  KioskOptions o;
  ASSERT_FALSE(parse({}, o).has_value());
  EXPECT_FALSE(o.windowed);
  EXPECT_FALSE(o.demo);
  EXPECT_FALSE(o.idle_timeout_s.has_value());
  EXPECT_TRUE(o.config.empty());
}

TEST(Options, BadFlagsStopWithStatus2) {
  const std::vector<std::vector<const char*>> bad = {
      {"--nope"},           {"--windowed", "big"},   {"--windowed", "10x10"},
      {"--data-dir"},       {"--lang", "de"},        {"--idle-timeout", "soon"},
      {"--idle-timeout", "1"}, {"--demo=yes"},       {"--script="},
      {"positional"},
  };
  for (const auto& args : bad) {
    KioskOptions o;
    const auto code = parse(args, o);
    ASSERT_TRUE(code.has_value()) << args[0];
    EXPECT_EQ(*code, 2) << args[0];
  }
}

TEST(Options, HelpAndVersionStopWithStatus0) {
  for (const char* flag : {"--help", "--version"}) {
    KioskOptions o;
    const auto code = parse({flag}, o);
    ASSERT_TRUE(code.has_value()) << flag;
    EXPECT_EQ(*code, 0) << flag;
  }
  EXPECT_NE(kiosk_usage().find("--data-dir"), std::string::npos);
  EXPECT_NE(kiosk_usage().find("--config"), std::string::npos);
}

}  // namespace
}  // namespace eric
