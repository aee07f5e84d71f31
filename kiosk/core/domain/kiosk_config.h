// The terminal's configuration file (/etc/eric-kiosk/kiosk.conf): "key = value" lines, '#'
// comments. Read by eric-kiosk and eric-kioskctl; command-line flags override it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/domain/opening_hours.h"
#include "kiosk/core/storage/db.h"

namespace eric {

// Where the package installs it; both programs read it when it exists.
inline constexpr const char* kDefaultKioskConfig = "/etc/eric-kiosk/kiosk.conf";

// The themes by the names the file ("theme = ..."), the --theme flag, the site manager's
// setting and the scripts use.
inline constexpr std::string_view kThemeStandard = "standard";
inline constexpr std::string_view kThemeHighContrast = "high-contrast";
// true for high-contrast, false for standard, nullopt for any other word.
std::optional<bool> high_contrast_from_theme_name(std::string_view name);
inline std::string_view theme_name(bool high_contrast) {
  return high_contrast ? kThemeHighContrast : kThemeStandard;
}

struct KioskConfig {
  std::string server_url;  // the regional server, for enrolment from the screen
  std::string site;        // the site id this terminal belongs to (until enrolment says)
  std::string data_dir;    // cache.db's folder (the package: /var/lib/eric-kiosk)
  std::optional<int> sync_interval_s;
  std::optional<int> idle_timeout_s;
  std::optional<std::string> language;  // "fr" or "en"
  std::optional<int> text_size;         // 0 = A, 1 = A+, 2 = A++
  std::optional<bool> high_contrast;    // theme = standard | high-contrast
  int rotation = 0;                     // 0, 90, 180 or 270 degrees clockwise
  // The screen's physical diagonal and the visitor's eye distance: text is sized from them
  // (kiosk/ui/screen_scale.h). Unset: what the display reports, else a guess from pixels.
  std::optional<float> screen_inches;
  std::optional<int> viewing_distance_cm;
  std::string touch_calibration;        // six numbers: libinput's calibration matrix
  WeekHours hours;                      // always_open unless some hours.* key is given
};

// Parses the text of a configuration file. An unknown key or a bad value is an error that
// names its line: a technician's typo must not be silently ignored.
[[nodiscard]] Result<KioskConfig> parse_kiosk_config(std::string_view text);

// Reads and parses `path`. A missing file gives code "not_found" (the caller decides whether
// that matters: it does when the path was given on the command line).
[[nodiscard]] Result<KioskConfig> load_kiosk_config(const std::string& path);

// The folder of the terminal's data: the flag, else the file's data_dir, else
// $XDG_DATA_HOME/eric-kiosk, else ~/.local/share/eric-kiosk.
std::string resolve_kiosk_data_dir(const std::string& flag, const KioskConfig& config);

}  // namespace eric
