// Test fixture of the job discovery screens: a small catalog around Martigues in a real
// SQLite file, and the real shell and screens driven headless by scripts.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "kiosk/app/screen.h"
#include "kiosk/core/storage/catalog.h"
#include "kiosk/core/storage/store.h"
#include "tests/support/headless_shell.h"
#include "tests/support/test_util.h"

namespace eric::jobs_test {

// The core tests' temporary directory.
using test::TempDir;

inline constexpr const char* kToday = "2026-11-23";
inline constexpr double kMartiguesLat = 43.4045, kMartiguesLon = 5.0477;
// Offers of the sample catalog: 45 masons around Martigues ("m00" nearest .. "m44"), cooks in
// Istres, and one concrete worker and one cook in Saint-Raphaël (140 km away).
inline constexpr int kMasonJobs = 45;

Catalog sample_catalog();
std::unique_ptr<Database> sample_store(const TempDir& dir);

// The real kiosk (shell and every registered screen) on the sample store, without a window.
class HeadlessJobs : public test::HeadlessShell {
 protected:
  void SetUp() override;
  // Starts the shell on this store, at the demo site, on 2026-11-23 10:00 (SetUp's last step).
  void start_on(std::unique_ptr<Database> store);

  bool visible(std::string_view text) const;
  bool active_chip(std::string_view text) const;
  std::string top_id() const;
  // Opens a screen directly, as another screen would.
  void open(std::string_view id, ScreenArgs args = {});

  TempDir dir;
  std::unique_ptr<Database> db;
};

}  // namespace eric::jobs_test
