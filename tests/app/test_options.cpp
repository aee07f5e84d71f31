// eric-kiosk's command line: every flag, and clear refusals of bad ones.
#include <gtest/gtest.h>

#include <vector>

#include "kiosk/app/options.h"

namespace eric {
namespace {

bool parse(std::vector<const char*> args, KioskOptions& out, std::string& error) {
  args.insert(args.begin(), "eric-kiosk");
  return parse_kiosk_options(static_cast<int>(args.size()), args.data(), out, error);
}

TEST(Options, EveryFlag) {
  KioskOptions o;
  std::string error;
  ASSERT_TRUE(parse({"--data-dir", "/tmp/d", "--demo", "--windowed", "1280x720", "--script",
                     "a.kiosk", "--screenshots=/tmp/s", "--reference-data", "/ref", "--assets",
                     "/as", "--clock", "2026-11-23 10:00", "--lang", "en", "--idle-timeout",
                     "90", "--print-startup-time", "--software"},
                    o, error))
      << error;
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
}

TEST(Options, DefaultsAreFullScreenWithoutDemo) {
  KioskOptions o;
  std::string error;
  ASSERT_TRUE(parse({}, o, error));
  EXPECT_FALSE(o.windowed);
  EXPECT_FALSE(o.demo);
  EXPECT_FALSE(o.idle_timeout_s.has_value());
}

TEST(Options, BadFlagsAreRefusedWithASentence) {
  const std::vector<std::vector<const char*>> bad = {
      {"--nope"},           {"--windowed", "big"},   {"--windowed", "10x10"},
      {"--data-dir"},       {"--lang", "de"},        {"--idle-timeout", "soon"},
      {"--idle-timeout", "1"}, {"--demo=yes"},       {"--script="},
      {"positional"},
  };
  for (const auto& args : bad) {
    KioskOptions o;
    std::string error;
    EXPECT_FALSE(parse(args, o, error)) << args[0];
    EXPECT_FALSE(error.empty()) << args[0];
  }
}

TEST(Options, HelpAndVersion) {
  KioskOptions o;
  std::string error;
  ASSERT_TRUE(parse({"--help", "--version"}, o, error));
  EXPECT_TRUE(o.help);
  EXPECT_TRUE(o.version);
  EXPECT_NE(kiosk_usage().find("--data-dir"), std::string::npos);
}

}  // namespace
}  // namespace eric
