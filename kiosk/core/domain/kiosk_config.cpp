// The terminal's configuration file (see kiosk_config.h).
#include "kiosk/core/domain/kiosk_config.h"
#include "kiosk/core/base/field_rules.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace eric {

namespace {

bool to_int(std::string_view s, int lo, int hi, int& out) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < lo || v > hi) return false;
  out = v;
  return true;
}

bool to_decimal(std::string_view s, float lo, float hi, float& out) {
  float v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !(v >= lo && v <= hi)) return false;
  out = v;
  return true;
}

bool six_numbers(std::string_view s) {
  std::istringstream in{std::string(s)};
  int count = 0;
  double v = 0;
  while (in >> v) ++count;
  return count == 6 && in.eof();
}

// One "key = value" into the config; an error sentence without the line number.
std::string apply_key(std::string_view key, std::string_view value, KioskConfig& c) {
  auto int_key = [&](std::optional<int>& dst, int lo, int hi) -> std::string {
    int v = 0;
    if (!to_int(value, lo, hi, v)) {
      return std::string(key) + " attend un nombre entre " + std::to_string(lo) + " et " +
             std::to_string(hi);
    }
    dst = v;
    return {};
  };
  if (key == "server_url") c.server_url = value;
  else if (key == "site") c.site = value;
  else if (key == "data_dir") c.data_dir = value;
  else if (key == "sync_interval") return int_key(c.sync_interval_s, 30, 86400);
  else if (key == "idle_timeout") return int_key(c.idle_timeout_s, 5, 86400);
  else if (key == "text_size") return int_key(c.text_size, 0, 2);
  else if (key == "theme") {
    c.high_contrast = high_contrast_from_theme_name(value);
    if (!c.high_contrast) return "theme attend standard ou high-contrast";
  } else if (key == "language") {
    if (value != "fr" && value != "en") return "language attend fr ou en";
    c.language = std::string(value);
  } else if (key == "rotation") {
    int r = 0;
    if (!to_int(value, 0, 270, r) || r % 90 != 0) return "rotation attend 0, 90, 180 ou 270";
    c.rotation = r;
  } else if (key == "screen_inches") {
    float inches = 0;
    if (value.empty()) return {};  // the display's own figure
    if (!to_decimal(value, 7, 110, inches)) return "screen_inches attend un nombre entre 7 et 110";
    c.screen_inches = inches;
  } else if (key == "viewing_distance") {
    return int_key(c.viewing_distance_cm, 30, 300);
  } else if (key == "touch_calibration") {
    if (!value.empty() && !six_numbers(value)) return "touch_calibration attend six nombres";
    c.touch_calibration = value;
  } else if (key.rfind("hours.", 0) == 0) {
    const std::optional<int> day = weekday_from_key(key.substr(6));
    if (!day) return std::string(key) + " : jour inconnu (mon, tue, wed, thu, fri, sat, sun)";
    Status s = parse_day_hours(value, c.hours.days[static_cast<size_t>(*day)]);
    if (!s) return s.message_fr;
    c.hours.always_open = false;
  } else {
    return "clé inconnue « " + std::string(key) + " »";
  }
  return {};
}

}  // namespace

std::optional<bool> high_contrast_from_theme_name(std::string_view name) {
  if (name == kThemeStandard) return false;
  if (name == kThemeHighContrast) return true;
  return std::nullopt;
}

Result<KioskConfig> parse_kiosk_config(std::string_view text) {
  Result<KioskConfig> r;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = trim_blanks(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const size_t eq = line.find('=');
    std::string why;
    if (eq == std::string_view::npos) {
      why = "attendu « clé = valeur »";
    } else {
      why = apply_key(trim_blanks(line.substr(0, eq)), trim_blanks(line.substr(eq + 1)), r.value);
    }
    if (!why.empty()) {
      r.status = Status::error("bad_config", "ligne " + std::to_string(line_no) + " : " + why);
      return r;
    }
  }
  return r;
}

Result<KioskConfig> load_kiosk_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Result<KioskConfig> r;
    r.status = Status::error("not_found", "Impossible de lire " + path);
    return r;
  }
  std::ostringstream text;
  text << in.rdbuf();
  Result<KioskConfig> r = parse_kiosk_config(text.str());
  if (!r.ok()) r.status.message_fr = path + ", " + r.status.message_fr;
  return r;
}

std::string resolve_kiosk_data_dir(const std::string& flag, const KioskConfig& config) {
  if (!flag.empty()) return flag;
  if (!config.data_dir.empty()) return config.data_dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/eric-kiosk";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.local/share/eric-kiosk";
  }
  return "eric-kiosk-data";
}

}  // namespace eric
