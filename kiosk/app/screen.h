// The Screen interface, what a screen may reach while it draws, and the registry of screens.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/session.h"

namespace eric {

class Clock;
class I18n;
class Navigator;
struct Services;
namespace ui {
struct Ui;
}

// Arguments a screen opens with ("trade" -> "M1607"). Text only: a screen reads what it
// needs from the store, so a screen can be reopened from its id and arguments alone.
using ScreenArgs = std::map<std::string, std::string>;

// What the shell does between two frames on a screen's request (fonts cannot change while
// a frame is being built, so the new text size waits for the end of the frame).
struct ShellState {
  Mode mode = Mode::Visitor;
  int text_size = 0;                      // 0 = A, 1 = A+, 2 = A++
  std::optional<int> requested_text_size; // set by a screen, applied after the frame
  // The visitor's theme (the footer's "Contraste"); the frame's first step applies it, since
  // ImGui's colours must not change while a frame is built.
  bool high_contrast = false;
  bool read_aloud_requested = false;      // "Écouter" (read aloud comes later)
  // Outside opening hours a touch lights the closed screen until then (clock ms).
  int64_t closed_lit_until_ms = 0;
};

// Everything a screen may reach while it draws. References only: the shell owns them.
struct ScreenContext {
  ui::Ui& ui;
  I18n& i18n;
  Clock& clock;
  Session& session;
  Navigator& nav;
  Services& services;
  ShellState& shell;
};

// One screen of the kiosk. It draws only its content: the shell draws around it the header
// band (home) or the title band with the back button (every other screen), the footer on
// home, toasts and the idle overlay.
class Screen {
 public:
  virtual ~Screen() = default;
  // Stable id ("home", "jobs.what"): the registry key, the probe and the usage counters.
  virtual std::string_view id() const = 0;
  // The title above the content, in the current language; empty for none.
  virtual std::string title(ScreenContext&) { return {}; }
  // A line under the title ("Près de Martigues · 20 km autour"); empty for none.
  virtual std::string subtitle(ScreenContext&) { return {}; }
  virtual void draw(ScreenContext& ctx) = 0;
  virtual bool show_back() const { return true; }
  // The screen shows words the glossary explains (contracts, immersion, funded training): its
  // title band offers the glossary's "i".
  virtual bool shows_hard_words() const { return false; }
  // True for a screen that shows or edits what the visitor typed about themselves (first
  // name, phone, e-mail, a message naming them). When the last such screen has left the
  // stack, by whatever way (Retour, home, the banner, the end of a path), the shell forgets
  // those fields: they live only as long as the form they were typed in.
  virtual bool holds_personal_data() const { return false; }
  // The title band's "Retour". A screen that moves through steps (a form, field by field)
  // goes back one step and returns true; false lets the shell leave the screen.
  virtual bool back_one_step(ScreenContext&) { return false; }
};

using ScreenFactory = std::function<std::unique_ptr<Screen>(const ScreenArgs&)>;

// Something drawn over whatever screen is open (the called-ticket banner). Registered beside
// the screens, so the shell never needs to know what it shows.
struct Overlay {
  std::function<void(ScreenContext&)> draw;
  // When what it shows now goes away (clock ms), 0 when it shows nothing: the loop wakes
  // then, so it leaves on time without a touch.
  std::function<int64_t(ScreenContext&)> deadline_ms;
  // The band it takes at the top of the screen while it shows (0: none): the shell draws the
  // page under it rather than let it cover the header and its "Retour".
  std::function<float(ScreenContext&)> top_band_height;
};

// id -> factory. screens/screens.cpp registers every screen in one place, one line each.
class ScreenRegistry {
 public:
  // Replaces an earlier factory with the same id (a real screen replaces a placeholder).
  void add(std::string id, ScreenFactory factory);
  bool has(std::string_view id) const;
  // nullptr when the id is unknown.
  std::unique_ptr<Screen> create(std::string_view id, const ScreenArgs& args = {}) const;
  std::vector<std::string> ids() const;

  // Overlays are drawn in the order they were added, after the screen, before the idle
  // overlay and the toasts.
  void add_overlay(Overlay overlay) { overlays_.push_back(std::move(overlay)); }
  const std::vector<Overlay>& overlays() const { return overlays_; }

 private:
  std::map<std::string, ScreenFactory, std::less<>> factories_;
  std::vector<Overlay> overlays_;
};

}  // namespace eric
