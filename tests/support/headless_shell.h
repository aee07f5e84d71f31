// Test fixture base: the real kiosk (shell and every registered screen) in an ImGui context
// without a window, driven by scripts; shared by the shell's and the screens' tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/script_runner.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/ui/probe.h"
#include "kiosk/ui/ui.h"
#include "screens/screens.h"

namespace eric::test {

class HeadlessShell : public ScriptTarget, public ::testing::Test {
 protected:
  // Creates a 1920 x 1080 ImGui context, loads the project's texts, fixes the clock at `now`
  // ("2026-11-23 10:00"), dates the catalog 20 minutes earlier and starts the app on
  // `services` (filled before by the fixture). Wrap it in ASSERT_NO_FATAL_FAILURE.
  void start_shell(const std::string& now);
  void TearDown() override;

  // ScriptTarget: frames as the kiosk's loop draws them (requests applied, screens collected).
  void run_frames(int n) override;
  const ui::UiProbe& probe() const override { return ui.probe; }
  void pointer(const ui::PointerEvent& e) override { app->pointer(e); }
  void advance_clock_ms(int64_t ms) override { clock.advance_ms(ms); }
  Status screenshot(const std::string&) override {
    return Status::error("no_screen", "Pas d'écran en test.");
  }
  const I18n* texts() const override { return &i18n; }
  std::string last_said() const override {
    return services.speaker ? services.speaker->last_said() : std::string();
  }
  bool presses_held() const override { return app && app->presses_held(); }
  std::string theme() const override { return std::string(app->theme_name()); }
  bool set_theme(const std::string& name) override { return app->set_site_theme(name); }
  std::string site_text_size() const override { return std::string(app->site_text_size()); }
  void run_reading_frame(float seconds) override {
    app->frame(seconds);
    app->apply_requests();
    app->nav().collect();
  }

  // Runs script text and expects every step to pass; returns the runner's output.
  std::string play(const std::string& text);
  // Runs script text and returns the number of failed steps (for steps meant to fail).
  int failures(const std::string& text);

  I18n i18n;
  Clock clock;
  Services services;
  ScreenRegistry registry;
  ui::Ui ui;
  std::unique_ptr<KioskApp> app;
};

}  // namespace eric::test
