// Runs a parsed script (script.h) against the kiosk: synthetic touches through the touch
// adapter, the clock moved forward, checks on the UI probe, screenshots.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "kiosk/app/script.h"

namespace eric {

class I18n;

namespace ui {
class UiProbe;
struct PointerEvent;
}  // namespace ui

// What a script drives. The SDL program and the headless tests each provide one.
class ScriptTarget {
 public:
  virtual ~ScriptTarget() = default;
  // Draws n frames at once (a script never waits for real time); the last one is shown.
  virtual void run_frames(int n) = 0;
  // One frame of a gesture under way (a drag's move, a glide): computed in full (probe,
  // layout), shown or not as the target likes; the step's last frame is shown by run_frames.
  virtual void run_unseen_frame() { run_frames(1); }
  // The items of the last frame drawn.
  virtual const ui::UiProbe& probe() const = 0;
  // Into the touch adapter, exactly where SDL's touches go.
  virtual void pointer(const ui::PointerEvent& e) = 0;
  virtual void advance_clock_ms(int64_t ms) = 0;
  // Draws a frame and saves it.
  virtual Status screenshot(const std::string& path) = 0;
  // The text last given to the voice (empty when the kiosk has none).
  virtual std::string last_said() const { return {}; }
  // The kiosk's texts in the language it shows, for keyed steps (`expect @home.question`).
  // Null when the target has none (a keyed step then fails with the key named).
  virtual const I18n* texts() const { return nullptr; }
  // The theme drawn now, by its name ("standard", "high-contrast"); empty when the target
  // has no themes (an expect-theme step then fails).
  virtual std::string theme() const { return {}; }
  // The kiosk's theme from now on, as --theme gives it; false for an unknown name or a
  // target without themes.
  virtual bool set_theme(const std::string& name) {
    (void)name;  // a target without themes has nothing to switch
    return false;
  }
  // The label of the text size a new visitor finds ("A", "A+", "A++": the site's, as
  // --text-size or the settings give it); empty when the target has none (an
  // expect-site-text-size step then fails).
  virtual std::string site_text_size() const { return {}; }
  // True while the touch layer drops presses aimed at the screen a tap just replaced.
  virtual bool presses_held() const { return false; }
  // One frame after a pause of `seconds` (a person reading the screen): the UI's own time
  // moves by that much at once, so waiting out a hold costs one frame, not dozens.
  virtual void run_reading_frame(float seconds) {
    (void)seconds;  // a target without its own time just draws
    run_frames(1);
  }
};

struct ScriptRunOptions {
  std::string script_name = "script";  // printed before ":LINE: FAILED"
  std::string screenshot_dir;          // empty: screenshots fail with a clear reason
  int settle_frames = 4;               // press, release, pointer leaves, one more to settle
  int drag_steps = 8;                  // intermediate moves of a drag, one frame each
  // A tap by name ("tap TEXT", a key of "type") is a person who read the screen first: it
  // waits, at most this many reading frames of read_seconds, until presses are taken again.
  // "tap X Y" never waits: it is a finger, and two in a row are a double tap.
  int max_read_frames = 20;
  float read_seconds = 0.2f;
  // After each step, the screen it left is checked (ui/layout_faults.h): a word cut, a
  // widget off the screen or text blurred by stretching fails the step, once per fault.
  bool check_layout = true;
};

struct ScriptResult {
  int passed = 0;
  int failed = 0;
};

// Runs every step (a failed step does not stop the run), prints failures and the final
// "N passed, N failed" line to out. A script with parse errors is not run: each error counts
// as a failed step.
ScriptResult run_script(const Script& script, ScriptTarget& target,
                        const ScriptRunOptions& options, std::ostream& out);

}  // namespace eric
