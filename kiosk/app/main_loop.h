// The event-driven loop of the real program, and the script target that drives it under SDL.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "kiosk/app/script_runner.h"

namespace eric {

class KioskApp;
namespace ui {
class Platform;
}

struct LoopOptions {
  // When main() started: the cold start to first frame time is measured from here.
  std::chrono::steady_clock::time_point started;
  bool print_startup_time = false;
  int settle_frames = 3;  // frames drawn after any event before sleeping (imgui#3220)
  // Called after every turn of the loop (true when a frame reached the screen): the service
  // notifier's READY and WATCHDOG. Empty: nothing.
  std::function<void(bool presented)> on_turn;
  // The longest sleep between two turns (ms), so on_turn runs often enough; 0: no limit.
  int max_sleep_ms = 0;
};

// Counters of a run, for the startup figure and the idle CPU check.
struct LoopStats {
  double first_frame_ms = 0;  // from LoopOptions::started to the first present
  int64_t frames = 0;
  int64_t wakeups = 0;
};

// Draws, then sleeps in SDL_WaitEventTimeout until an event or the app's next deadline.
// Returns when the window is closed (windowed mode) or a signal asks to quit.
LoopStats run_main_loop(KioskApp& app, ui::Platform& platform, const LoopOptions& options);

// Runs the script against the real window, without sleeping between steps.
class SdlScriptTarget : public ScriptTarget {
 public:
  SdlScriptTarget(KioskApp& app, ui::Platform& platform) : app_(app), platform_(platform) {}
  void run_frames(int n) override;
  void run_unseen_frame() override;
  const ui::UiProbe& probe() const override;
  void pointer(const ui::PointerEvent& e) override;
  void advance_clock_ms(int64_t ms) override;
  Status screenshot(const std::string& path) override;
  std::string last_said() const override;
  const I18n* texts() const override;
  bool presses_held() const override;
  std::string theme() const override;
  bool set_theme(const std::string& name) override;
  std::string site_text_size() const override;
  void run_reading_frame(float seconds) override;
  bool quit_requested() const { return quit_; }
  double first_frame_ms(std::chrono::steady_clock::time_point started);

 private:
  void one_frame(bool present, float dt = 1.0f / 60.0f);
  KioskApp& app_;
  ui::Platform& platform_;
  bool quit_ = false;
  bool first_done_ = false;
  std::chrono::steady_clock::time_point first_frame_at_;
};

}  // namespace eric
