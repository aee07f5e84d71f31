// Start-up of the real program: the data folder, the store, the demo seed, the services.
#pragma once

#include <memory>
#include <string>

#include "kiosk/app/options.h"
#include "kiosk/app/services.h"
#include "kiosk/core/domain/kiosk_config.h"

namespace eric {

class Clock;
class Database;

// The configuration file: --config (which must exist), else /etc/eric-kiosk/kiosk.conf when
// it exists, else none (every setting at its default).
[[nodiscard]] Result<KioskConfig> load_config(const KioskOptions& options);

// The assets folder: the flag, else env ERIC_ASSETS_DIR, else the installed assets when this
// program is the installed one, else the source tree's.
std::string resolve_assets_dir(const KioskOptions& options);

// Seeds an empty store with the demo catalog (today from the clock) and the demo PINs
// (animator 2468, manager 1357). Does nothing to a store that already has a catalog.
// The value tells whether it wrote anything.
Result<bool> seed_demo(Database& db, const std::string& reference_dir, const Clock& clock);

// Reads this terminal's settings, site and catalog date into services. Each setting: the
// flag, else the manager's choice on screen (the store), else the file, else the default.
void load_services(Database& db, const KioskOptions& options, const KioskConfig& config,
                   Services& services);
// Re-reads what services keep from the catalog (this site, the catalog's date): after a sync
// or a bundle import replaced it.
void refresh_catalog_info(Database& db, Services& services);

}  // namespace eric
