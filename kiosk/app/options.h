// The command line of eric-kiosk (CLI11): flags into a plain struct. Flags override the
// configuration file (kiosk/core/domain/kiosk_config.h), which the program reads after this.
#pragma once

#include <optional>
#include <string>

namespace eric {

struct KioskOptions {
  std::string config;           // empty: /etc/eric-kiosk/kiosk.conf when it exists
  std::string data_dir;         // empty: the file's data_dir, else $XDG_DATA_HOME/eric-kiosk
  bool demo = false;            // seed an empty data dir with the demo catalog and PINs
  bool windowed = false;
  int width = 1920, height = 1080;
  std::string script;           // run this script, then exit with its result
  std::string screenshots_dir;
  std::string reference_data;   // empty: ERIC_DATA_DIR, else ../shared/data
  std::string assets_dir;       // empty: ERIC_ASSETS_DIR env, else the installed or source assets
  std::string clock;            // "YYYY-MM-DD HH:MM": start the clock there
  std::string lang;             // "fr" or "en"; empty: the setting (fr)
  std::string theme;            // "standard" or "high-contrast"; empty: the setting (standard)
  std::optional<int> idle_timeout_s;
  std::optional<int> text_size;            // 0 = A, 1 = A+, 2 = A++: a new visitor's size
  std::optional<float> screen_inches;      // the screen's diagonal (sizes the text)
  std::optional<int> viewing_distance_cm;  // how far the visitor's eyes are
  bool print_startup_time = false;
  bool software_renderer = false;
  bool print_cage_options = false;  // prints cage's flags for the file's rotation, then exits
  bool print_touch_calibration = false;  // prints the file's touch_calibration, then exits
};

// Fills `out` from argv. nullopt: run the kiosk. A code: exit with it now (0 after --help or
// --version, printed on stdout; 2 after a bad flag, named on stderr).
[[nodiscard]] std::optional<int> parse_kiosk_options(int argc, const char* const* argv,
                                                     KioskOptions& out);
// The full --help text (also the man page's source).
std::string kiosk_usage();

}  // namespace eric
