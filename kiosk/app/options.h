// The command line of eric-kiosk: flags into a plain struct, and the help text.
#pragma once

#include <optional>
#include <string>

namespace eric {

struct KioskOptions {
  std::string data_dir;         // empty: $XDG_DATA_HOME/eric-kiosk (or ~/.local/share/...)
  bool demo = false;            // seed an empty data dir with the demo catalog and PINs
  bool windowed = false;
  int width = 1920, height = 1080;
  std::string script;           // run this script, then exit with its result
  std::string screenshots_dir;
  std::string reference_data;   // empty: ERIC_DATA_DIR, else ../shared/data
  std::string assets_dir;       // empty: ERIC_ASSETS_DIR env, else the source tree's assets/
  std::string clock;            // "YYYY-MM-DD HH:MM": start the clock there
  std::string lang;             // "fr" or "en"; empty: the setting (fr)
  std::optional<int> idle_timeout_s;
  bool print_startup_time = false;
  bool software_renderer = false;
  bool help = false;
  bool version = false;
};

// Fills out from argv. On a bad flag returns false with a sentence naming it in error.
bool parse_kiosk_options(int argc, const char* const* argv, KioskOptions& out, std::string& error);
std::string kiosk_usage();

}  // namespace eric
