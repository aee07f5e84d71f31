// Test fixture of the job discovery screens: a small catalog around Martigues in a real
// SQLite file, and the real shell and screens driven headless by scripts.
#pragma once

#include <gtest/gtest.h>
#include <imgui.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/script_runner.h"
#include "kiosk/core/catalog.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/i18n.h"
#include "kiosk/core/store.h"
#include "kiosk/ui/probe.h"
#include "kiosk/ui/ui.h"
#include "screens/screens.h"

namespace eric::jobs_test {

// A directory under the system temp dir, removed with everything in it at the end.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline constexpr const char* kToday = "2026-11-23";
inline constexpr double kMartiguesLat = 43.4045, kMartiguesLon = 5.0477;
// Offers of the sample catalog: 45 masons around Martigues ("m00" nearest .. "m44"), cooks in
// Istres, and one concrete worker and one cook in Saint-Raphaël (140 km away).
inline constexpr int kMasonJobs = 45;

Catalog sample_catalog();
std::unique_ptr<Database> sample_store(const TempDir& dir);

// The real kiosk (shell and every registered screen) on the sample store, without a window.
class HeadlessJobs : public ScriptTarget, public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  void run_frames(int n) override;
  const ui::UiProbe& probe() const override { return ui.probe; }
  void pointer(const ui::PointerEvent& e) override { app->pointer(e); }
  void advance_clock_ms(int64_t ms) override { clock.advance_ms(ms); }
  bool screenshot(const std::string&, std::string& error) override {
    error = "pas d'écran en test";
    return false;
  }

  // Runs script text and expects every step to pass.
  void play(const std::string& text);
  // Runs script text and returns the number of failed steps (for steps meant to fail).
  int failures(const std::string& text);
  bool visible(std::string_view text) const;
  bool active_chip(std::string_view text) const;
  std::string top_id() const;
  // Opens a screen directly, as another screen would.
  void open(std::string_view id, ScreenArgs args = {});

  TempDir dir;
  std::unique_ptr<Database> db;
  I18n i18n;
  Clock clock;
  Services services;
  ScreenRegistry registry;
  ui::Ui ui;
  std::unique_ptr<KioskApp> app;
};

}  // namespace eric::jobs_test
