// The event-driven main loop (see main_loop.h).
#include "kiosk/app/main_loop.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/ui/platform.h"
#include "kiosk/ui/probe.h"
#include "kiosk/ui/ui.h"

namespace eric {

namespace {

using SteadyClock = std::chrono::steady_clock;

// Longest sleep: the clock's minute is the usual deadline; this only guards against a
// system clock that jumps.
constexpr int kMaxSleepMs = 60000;
constexpr int kAnimationFrameMs = 16;

enum class EventOutcome { Nothing, Redraw, Quit };

EventOutcome handle_event(const SDL_Event& e, KioskApp& app, ui::Platform& platform,
                          ui::SdlPointerState& pointer_state) {
  if (platform.is_quit_request(e)) return EventOutcome::Quit;
  if (e.type == SDL_WINDOWEVENT) {
    if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
      platform.refresh_sizes();
      app.set_screen(platform.geometry());
      // Without the font packages the kiosk goes on with ImGui's own font.
      (void)app.build_fonts();
      platform.rebuild_font_texture();
    }
    return EventOutcome::Redraw;  // exposed, shown, focus: draw again
  }
  if (e.type == platform.wake_event_type()) return EventOutcome::Redraw;
  ui::PointerEvent pe;
  if (ui::pointer_from_sdl(e, platform.output_width(), platform.output_height(),
                           platform.scale_x(), platform.scale_y(), pointer_state, pe)) {
    app.pointer(app.from_screen(pe));
    return EventOutcome::Redraw;
  }
  // Keys are ignored on purpose: the kiosk has its own on-screen keyboard, and no shortcut
  // may leave or change anything.
  return EventOutcome::Nothing;
}

void draw_frame(KioskApp& app, ui::Platform& platform, float dt) {
  platform.new_frame();
  app.frame(dt);
  platform.render(ImGui::GetDrawData());
}

}  // namespace

LoopStats run_main_loop(KioskApp& app, ui::Platform& platform, const LoopOptions& options) {
  LoopStats stats;
  ui::SdlPointerState pointer_state;
  int frames_left = std::max(1, options.settle_frames);
  auto last_frame = SteadyClock::now();
  bool first = true;
  for (;;) {
    // How long to sleep: not at all while frames are owed, one animation frame while
    // something moves, else until the next deadline of the app's clock.
    int timeout_ms = 0;
    if (frames_left == 0) {
      if (app.wants_frames()) {
        timeout_ms = ui::ui_animating(app.ui()) ? kAnimationFrameMs : 0;
      } else {
        const int64_t wait = app.next_deadline_ms() - app.clock().now_ms();
        timeout_ms = static_cast<int>(std::clamp<int64_t>(wait, 1, kMaxSleepMs));
      }
      if (options.max_sleep_ms > 0 && timeout_ms > options.max_sleep_ms) {
        timeout_ms = options.max_sleep_ms;
      }
    }
    SDL_Event e;
    bool got = platform.wait_event(e, timeout_ms);
    if (timeout_ms > 0) ++stats.wakeups;
    bool quit = false;
    while (got) {
      const EventOutcome out = handle_event(e, app, platform, pointer_state);
      if (out == EventOutcome::Quit) quit = true;
      if (out == EventOutcome::Redraw) frames_left = std::max(1, options.settle_frames);
      got = platform.poll_event(e);
    }
    if (quit) break;
    if (app.next_deadline_ms() <= app.clock().now_ms()) {
      frames_left = std::max(frames_left, std::max(1, options.settle_frames));
    }
    if (frames_left == 0 && !app.wants_frames()) {
      if (options.on_turn) options.on_turn(false);
      continue;
    }

    const auto now = SteadyClock::now();
    const float dt = std::chrono::duration<float>(now - last_frame).count();
    last_frame = now;
    draw_frame(app, platform, dt);
    platform.present();
    ++stats.frames;
    if (options.on_turn) options.on_turn(true);
    if (frames_left > 0) --frames_left;
    if (app.apply_requests()) {
      platform.rebuild_font_texture();
      frames_left = std::max(1, options.settle_frames);
    }
    if (first) {
      first = false;
      stats.first_frame_ms =
          std::chrono::duration<double, std::milli>(SteadyClock::now() - options.started).count();
      if (options.print_startup_time) {
        std::printf("Premier écran affiché en %.0f ms\n", stats.first_frame_ms);
        std::fflush(stdout);
      }
    }
  }
  return stats;
}

void SdlScriptTarget::one_frame(bool present, float dt) {
  // Real input is drained and ignored while a script plays, except a request to quit.
  SDL_Event e;
  while (platform_.poll_event(e)) {
    if (platform_.is_quit_request(e)) quit_ = true;
  }
  platform_.new_frame();
  app_.frame(dt);  // a fixed step: the same script gives the same pictures
  if (present) {
    platform_.render(ImGui::GetDrawData());
    platform_.present();
  }
  if (!first_done_) {
    first_done_ = true;
    first_frame_at_ = SteadyClock::now();
  }
  if (app_.apply_requests()) platform_.rebuild_font_texture();
}

void SdlScriptTarget::run_frames(int n) {
  // Only the last frame is put on the screen: the ones before it (a drag's moves, a glide)
  // are computed in full (the probe, the draw data the layout check reads) but nobody sees
  // them, and rasterising a 4K or portrait frame in software is most of a script's time.
  for (int i = 0; i < n && !quit_; ++i) one_frame(i == n - 1);
}

void SdlScriptTarget::run_unseen_frame() {
  if (!quit_) one_frame(false);
}

const ui::UiProbe& SdlScriptTarget::probe() const { return app_.probe(); }

const I18n* SdlScriptTarget::texts() const { return &app_.i18n(); }

std::string SdlScriptTarget::last_said() const {
  const speech::Speaker* speaker = app_.services().speaker;
  return speaker ? speaker->last_said() : std::string();
}

void SdlScriptTarget::pointer(const ui::PointerEvent& e) { app_.pointer(e); }

bool SdlScriptTarget::presses_held() const { return app_.presses_held(); }

std::string SdlScriptTarget::theme() const { return std::string(app_.theme_name()); }

bool SdlScriptTarget::set_theme(const std::string& name) { return app_.set_site_theme(name); }

std::string SdlScriptTarget::site_text_size() const {
  return std::string(app_.site_text_size());
}

void SdlScriptTarget::run_reading_frame(float seconds) {
  if (!quit_) one_frame(true, seconds);
}

void SdlScriptTarget::advance_clock_ms(int64_t ms) { app_.clock().advance_ms(ms); }

Status SdlScriptTarget::screenshot(const std::string& path) {
  one_frame(false);
  platform_.render(ImGui::GetDrawData());
  ui::Image img;
  const Status read = platform_.read_pixels(img);
  platform_.present();
  if (!read) return read;
  return ui::write_png(path, img);
}

double SdlScriptTarget::first_frame_ms(SteadyClock::time_point started) {
  if (!first_done_) return 0;
  return std::chrono::duration<double, std::milli>(first_frame_at_ - started).count();
}

}  // namespace eric
