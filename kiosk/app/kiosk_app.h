// The kiosk shell: one frame of the UI (chrome, screen, idle overlay, toasts) over the stack.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/app/idle.h"
#include "kiosk/app/navigator.h"
#include "kiosk/app/screen.h"
#include "kiosk/app/services.h"
#include "kiosk/app/session.h"
#include "kiosk/ui/screen_scale.h"
#include "kiosk/ui/touch_input.h"
#include "kiosk/ui/widgets.h"

struct ImGuiIO;

namespace eric {

namespace ui {
class UiProbe;
}

// Sets what a kiosk's ImGui must never do: write imgui.ini or a log next to the program.
void configure_imgui_io(ImGuiIO& io);

// Owns the navigation, the session, the idle watch and the touch adapter; borrows the UI kit,
// the texts, the clock and the services. The same object runs under SDL (main loop, scripts)
// and headless (tests): it never touches SDL, it only builds ImGui frames.
class KioskApp {
 public:
  KioskApp(ui::Ui& ui, I18n& i18n, Clock& clock, Services& services,
           const ScreenRegistry& registry);

  // Opens the home screen ("home" must be registered) and takes the idle settings.
  Status start();

  // The screen drawn on: its pixels and, when known, its physical diagonal. The site's
  // settings (file, flags) give the diagonal and viewing distance when they are set.
  // Call build_fonts() after.
  void set_screen(const ui::ScreenGeometry& screen);
  // Builds the fonts for the screen and the text size in use (a visitor's choice; the
  // staff's spaces keep A); falls back to ImGui's own font when no font file exists
  // (headless tests on a bare machine).
  Status build_fonts();

  // A pointer event (SDL or a script): into the touch adapter; any press counts as presence.
  void pointer(const ui::PointerEvent& e);
  // A touch from the screen, in the layout's coordinates (a right-to-left frame is drawn
  // mirrored, ui/mirror.h). Scripts tap in layout coordinates and skip it.
  ui::PointerEvent from_screen(ui::PointerEvent e) const;

  // One ImGui frame from NewFrame to Render. io.DisplaySize must be set; dt in seconds.
  void frame(float dt);

  // Applies what screens asked for during the frame (text size, a staff space entered or
  // left, a script's new language). True when the font atlas was rebuilt: the renderer
  // must upload the new texture.
  bool apply_requests();

  // Presses are dropped now: a tap just changed the screen (see kTapHoldMs).
  bool presses_held() const { return touch_.holding(static_cast<int64_t>(ui_time_ms_)); }

  // More frames are needed now: a touch is still being delivered, or a list moves.
  bool wants_frames() const;
  // Clock time (ms) of the next change with nothing touched: the clock's next minute, the
  // idle deadline or countdown second, a toast's end.
  int64_t next_deadline_ms();

  // Going home with nothing left behind: the session, language, text size, theme, mode.
  void reset_for_next_visitor();
  // Writes the held usage counters, and does the day's housekeeping, when it costs a
  // visitor nothing (see kiosk_app.cpp).
  void write_between_visitors();

  // The theme drawn now, by its name ("standard", "high-contrast"): what scripts check.
  std::string_view theme_name() const;
  // The theme of this visitor and the next ones, as --theme gives it at start (a script's
  // "theme" step). False for a name that is no theme.
  bool set_site_theme(std::string_view name);
  // The text size a new visitor finds, by its footer label ("A", "A+", "A++"): what a
  // script's expect-site-text-size compares with the one chosen.
  std::string_view site_text_size() const;

  // Outside the opening hours, for a visitor: the closed screen is all that is drawn.
  bool showing_closed();

  Navigator& nav() { return nav_; }
  Session& session() { return session_; }
  ShellState& shell() { return shell_; }
  IdleWatch& idle() { return idle_; }
  ui::TouchInput& touch() { return touch_; }
  ui::Ui& ui() { return ui_; }
  Clock& clock() { return clock_; }
  Services& services() { return services_; }
  const I18n& i18n() const { return i18n_; }
  const ui::UiProbe& probe() const;
  ScreenContext context();

 private:
  bool worth_asking() const;
  // The text size drawn now: the visitor's; A in the animator's and manager's spaces, which
  // are laid out for it (their tables and tiles must not follow a visitor's A++).
  int drawn_text_size() const;
  // A new visitor's language, text size and theme: the site's.
  void back_to_site_defaults();
  // The theme the visitor chose into the UI kit; only between frames.
  void apply_theme_choice();
  void after_screen_changes(unsigned generation_before);
  void hold_taps_after_change(unsigned generation_before);
  void draw_chrome_and_screen(ScreenContext& ctx);
  void draw_idle_overlay();
  // The footer as it is now (its strings live in the caller), and its taps.
  ui::FooterSpec footer_spec_now(const std::string& freshness, const std::string& language) const;
  void handle_footer(ScreenContext& ctx, const ui::FooterSpec& spec);
  void draw_closed(ScreenContext& ctx);
  void mirror_if_rtl();
  // After a frame: what reading aloud says about it (kiosk_app_reading.cpp).
  void read_aloud_after_frame(unsigned drawn_generation);
  void toggle_reading();
  void draw_language_picker();  // kiosk_app_language.cpp
  void say(const std::string& text);

  ui::Ui& ui_;
  I18n& i18n_;
  Clock& clock_;
  Services& services_;
  const ScreenRegistry& registry_;  // the screens and the overlays drawn over them
  Navigator nav_;
  Session session_;
  ShellState shell_;
  IdleWatch idle_;
  ui::TouchInput touch_;
  ui::ScreenGeometry screen_;
  int fonts_text_size_ = 0;  // the text size the atlas was built for
  std::string housekeeping_day_;  // the day run_housekeeping last succeeded ("YYYY-MM-DD")
  int64_t next_housekeeping_look_ms_ = 0;  // clock time of the next look at the day
  std::unique_ptr<Screen> closed_screen_;  // null when "closed" is not registered
  bool was_closed_ = false;                // the site was closed at the last frame
  // Reading aloud: the content area of the last frame, the screen read last, the banner line
  // read last (each is read once when it appears).
  float content_top_ = 0, content_bottom_ = 0;
  std::string drawn_title_;
  unsigned read_generation_ = 0;
  std::string banner_read_;
  bool language_picker_open_ = false;
  bool fonts_rtl_ = false;  // the atlas holds the shaped Arabic forms
  // The UI's own time (sum of frame steps, ms): what the touch hold is measured in, so a
  // script's frames and a real finger's milliseconds count alike.
  double ui_time_ms_ = 0;
  int frames_since_tap_ = 1000;
  float tap_x_ = 0, tap_y_ = 0;  // where the last tap ended
  std::string under_tap_;        // what it touched there (see tappable_at)
  bool was_at_home_ = true;
  bool held_personal_data_ = false;
};

// How long after a tap changed the screen a new press is taken for the old screen's
// second tap (a double tap or a bouncing finger) and dropped.
inline constexpr int64_t kTapHoldMs = 400;

}  // namespace eric
