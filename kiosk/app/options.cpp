// eric-kiosk's command line (see options.h).
#include "kiosk/app/options.h"

#include <algorithm>
#include <cstdio>

#include "kiosk/cli/cli.h"
#include "kiosk/core/domain/kiosk_config.h"

namespace eric {

namespace {

// "1920x1080" within sane bounds; an error sentence for CLI11 otherwise.
std::string parse_size(const std::string& s, int& w, int& h) {
  int a = 0, b = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%dx%d%c", &a, &b, &tail) != 2 || a < 320 || b < 240 ||
      a > 16384 || b > 16384) {
    return "a size WIDTHxHEIGHT such as 1920x1080, at least 320x240";
  }
  w = a;
  h = b;
  return {};
}

// "A", "A+", "A++" -> 0, 1, 2 (the validator lets only those through).
int text_size_index(const std::string& size) {
  return static_cast<int>(std::count(size.begin(), size.end(), '+'));
}

void describe(CLI::App& app, KioskOptions& out) {
  eric::cli::setup(app, "eric-kiosk",
                   "The ERIC touch terminal: full screen, no keyboard. Settings come from the "
                   "configuration file; these flags override it.");
  const auto path = eric::cli::non_empty();
  app.add_option("--config", out.config,
                 "configuration file (default /etc/eric-kiosk/kiosk.conf when it exists)")
      ->check(path);
  app.add_option("--data-dir", out.data_dir, "the terminal's folder (cache.db), made 0700")
      ->check(path);
  app.add_flag("--demo", out.demo,
               "fill an empty folder with the demo catalog (animator PIN 2468, manager 1357)");
  app.add_option_function<std::string>(
         "--windowed",
         [&out](const std::string& size) { out.windowed = true; (void)parse_size(size, out.width, out.height); },
         "a window of this size (WIDTHxHEIGHT) instead of full screen")
      ->check(CLI::Validator(
          [](std::string& s) { int w = 0, h = 0; return parse_size(s, w, h); }, "WxH"));
  app.add_option("--script", out.script, "play a script (tap, type, expect...) then exit")
      ->check(path);
  app.add_option("--screenshots", out.screenshots_dir, "folder for the scripts' screenshots")
      ->check(path);
  app.add_option("--reference-data", out.reference_data,
                 "reference data (default: ERIC_DATA_DIR, else /usr/share/eric-kiosk/data)")
      ->check(path);
  app.add_option("--assets", out.assets_dir,
                 "texts and resources (default: ERIC_ASSETS_DIR, else the installed assets)")
      ->check(path);
  app.add_option("--clock", out.clock, "start the clock at \"YYYY-MM-DD HH:MM\" (scripts)")
      ->check(path);
  app.add_option("--lang", out.lang, "language at start")->check(CLI::IsMember({"fr", "en"}));
  app.add_option("--theme", out.theme,
                 "theme a new visitor starts with: standard or high-contrast (black on white, "
                 "yellow on black)")
      ->check(CLI::IsMember({std::string(kThemeStandard), std::string(kThemeHighContrast)}));
  app.add_option("--idle-timeout", out.idle_timeout_s,
                 "seconds without a touch before \"Are you still there?\" (default 60)")
      ->check(CLI::Range(5, 86400));
  app.add_option_function<std::string>(
         "--text-size",
         [&out](const std::string& size) { out.text_size = text_size_index(size); },
         "the text size a new visitor starts with: A, A+ or A++")
      ->check(CLI::IsMember({"A", "A+", "A++"}));
  app.add_option("--screen-inches", out.screen_inches,
                 "the screen's diagonal in inches, when it reports none or a wrong one")
      ->check(CLI::Range(7.0f, 110.0f));
  app.add_option("--viewing-distance", out.viewing_distance_cm,
                 "centimetres between the visitor's eyes and the screen (default 60)")
      ->check(CLI::Range(30, 300));
  app.add_flag("--software", out.software_renderer,
               "software rendering (the same picture run after run)");
  app.add_flag("--print-startup-time", out.print_startup_time,
               "print the time to the first frame and the peak memory");
  app.add_flag("--print-cage-options", out.print_cage_options,
               "print cage's flags for the file's screen rotation and exit (the session uses it)");
  app.add_flag("--print-touch-calibration", out.print_touch_calibration,
               "print the file's touch calibration matrix and exit (the unit's udev step uses it)");
  app.footer(
      "Files: /etc/eric-kiosk/kiosk.conf (settings, opening hours, rotation), "
      "/var/lib/eric-kiosk (the terminal's data, 0700).\n"
      "On a terminal it runs as eric-kiosk.service: cage on tty1, restarted on a crash and by "
      "systemd's watchdog when it freezes; its log: journalctl -u eric-kiosk.");
  // A flag takes no value: "--demo=yes" is a mistake, not a wish.
  for (CLI::Option* opt : app.get_options()) {
    if (opt->get_expected_min() == 0) opt->disable_flag_override();
  }
}

}  // namespace

std::optional<int> parse_kiosk_options(int argc, const char* const* argv, KioskOptions& out) {
  CLI::App app;
  describe(app, out);
  return eric::cli::parse(app, argc, argv);
}

std::string kiosk_usage() {
  KioskOptions ignored;
  CLI::App app;
  describe(app, ignored);
  return app.help();
}

}  // namespace eric
