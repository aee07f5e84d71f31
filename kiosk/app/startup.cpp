// Start-up of the real program (see startup.h).
#include "kiosk/app/startup.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/pin.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/demo/demo_catalog.h"
#include "kiosk/demo/reference_data.h"

namespace eric {

namespace {

constexpr const char* kDemoSiteId = "eric-martigues";

}  // namespace

Result<KioskConfig> load_config(const KioskOptions& options) {
  if (!options.config.empty()) return load_kiosk_config(options.config);
  Result<KioskConfig> r = load_kiosk_config(kDefaultKioskConfig);
  // No file at the default place: a developer's machine, every setting at its default.
  if (!r.ok() && r.status.code == "not_found") return Result<KioskConfig>{};
  return r;
}

std::string resolve_assets_dir(const KioskOptions& options) {
  if (!options.assets_dir.empty()) return options.assets_dir;
  if (const char* env = std::getenv("ERIC_ASSETS_DIR"); env && *env) return env;
  // The packaged program reads the packaged assets beside it (/usr/bin -> /usr/share), even on
  // the machine that built it; a program in a build folder has none there.
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed =
        self.parent_path().parent_path() / "share" / "eric-kiosk" / "assets";
    if (std::filesystem::is_directory(installed / "i18n", ec)) return installed.string();
  }
#ifdef ERIC_ASSETS_DIR
  return ERIC_ASSETS_DIR;
#else
  return "assets";
#endif
}

Result<bool> seed_demo(Database& db, const std::string& reference_dir, const Clock& clock) {
  Result<bool> seeded;  // value: whether anything was written
  const auto demo_pins = {std::pair{"animator", "2468"}, std::pair{"manager", "1357"}};
  const CatalogCounts counts = catalog_counts(db);
  if (!counts.updated_at.empty() || counts.jobs > 0) {
    if (!setting_get(db, "site_id")) seeded.status = setting_set(db, "site_id", kDemoSiteId);
    // A catalog synced from a server before the first demo run (the quickstart) still gets
    // the demo PINs the start-up line announces; a PIN already set is never replaced.
    for (auto [role, pin] : demo_pins) {
      if (seeded.ok() && !has_pin(db, role)) seeded.status = set_pin(db, role, pin);
    }
    return seeded;  // already has a catalog: never overwrite it
  }
  ReferenceData ref;
  seeded.status = load_reference_data(reference_dir, ref);
  if (!seeded.ok()) return seeded;
  DemoOptions opts;
  opts.today = clock.today();
  opts.site_id = kDemoSiteId;
  const Catalog catalog = generate_demo_catalog(ref, opts);
  seeded.status = replace_catalog(db, catalog, Clock::format_datetime(clock.local()));
  for (auto [role, pin] : demo_pins) {
    if (seeded.ok()) seeded.status = set_pin(db, role, pin);
  }
  if (seeded.ok()) seeded.status = setting_set(db, "site_id", kDemoSiteId);
  seeded.value = seeded.ok();
  return seeded;
}

void load_services(Database& db, const KioskOptions& options, const KioskConfig& config,
                   Services& services) {
  services.db = &db;
  KioskSettings& s = services.settings;
  // The file gives the defaults the manager's settings screen may change.
  s.idle_timeout_s = config.idle_timeout_s.value_or(s.idle_timeout_s);
  s.default_text_size = config.text_size.value_or(s.default_text_size);
  s.default_high_contrast = config.high_contrast.value_or(s.default_high_contrast);
  s.default_language = config.language.value_or(s.default_language);
  s.sync_interval_s = config.sync_interval_s.value_or(s.sync_interval_s);
  s.screen_inches = options.screen_inches.value_or(config.screen_inches.value_or(0.0f));
  s.viewing_distance_cm = options.viewing_distance_cm.value_or(config.viewing_distance_cm.value_or(0));
  services.hours = config.hours;
  services.config_server_url = config.server_url;
  if (!config.site.empty() && !setting_get(db, "site_id")) {
    (void)setting_set(db, "site_id", config.site);
  }
  s.idle_timeout_s = setting_int_or(db, "idle_timeout", s.idle_timeout_s, 5, 86400);
  s.staff_idle_timeout_s = setting_int_or(db, "staff_idle_timeout", s.staff_idle_timeout_s, 5, 86400);
  s.default_text_size = setting_int_or(db, "text_size", s.default_text_size, 0, 2);
  s.default_high_contrast =
      high_contrast_from_theme_name(setting_get_or(db, "theme", ""))
          .value_or(s.default_high_contrast);
  s.default_language = setting_get_or(db, "language", s.default_language);
  s.sync_interval_s = setting_int_or(db, "sync_interval", s.sync_interval_s, 30, 86400);
  if (options.idle_timeout_s) s.idle_timeout_s = *options.idle_timeout_s;
  if (!options.lang.empty()) s.default_language = options.lang;
  if (options.text_size) s.default_text_size = *options.text_size;
  if (const auto hc = high_contrast_from_theme_name(options.theme)) s.default_high_contrast = *hc;
  refresh_catalog_info(db, services);
  services.demo = options.demo;
}

void refresh_catalog_info(Database& db, Services& services) {
  const std::string site_id = setting_get_or(db, "site_id", "");
  if (!site_id.empty()) {
    if (auto site = site_by_id(db, site_id)) services.site = *site;
  }
  if (services.site.name.empty()) services.site.name = "ERIC";
  const std::string updated = catalog_counts(db).updated_at;
  int64_t ms = 0;
  if (!updated.empty() && Clock::parse_local(updated, ms)) services.catalog_updated_ms = ms;
}

}  // namespace eric
