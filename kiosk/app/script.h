// The kiosk's script language: parsing a script file into steps (running them: script_runner.h).
//
// A script is one step a line; blank lines and lines starting with `#` are ignored.
//   tap "TEXT"               the first visible tappable item (reading order) whose label
//                            contains TEXT, ignoring case (É and é are the same, e and é not);
//                            a label equal to TEXT is preferred (so "A" finds the button A)
//   tap X Y                  a touch at pixel X, Y
//   double-tap "TEXT"        two quick touches on the item tap "TEXT" finds, a few frames
//                            apart, without reading in between (a tap acts once)
//   tap-disabled "TEXT"      a touch on the greyed button whose label contains TEXT (found
//                            as tap "TEXT" finds one); fails when there is no such button or
//                            when it is not greyed (a touch would act). The steps after it
//                            check that nothing happened
//   drag X1 Y1 X2 Y2         press at X1 Y1, move over several frames to X2 Y2, release
//   type "TEXT"              taps the keys of the open on-screen keyboard or pad, one per
//                            character; capitals through the "shift" key; fails when a key
//                            is missing
//   advance SECONDS          moves the kiosk's clock forward (decimals allowed), then draws
//   frames N                 draws N frames
//   expect "TEXT"            some visible text contains TEXT, ignoring case
//   expect-not "TEXT"        no visible text contains TEXT
//   expect-said "TEXT"       the text last given to the voice contains TEXT, ignoring case
//   expect-chosen "TEXT"     the item labelled TEXT exactly is the one chosen of its group
//                            (the text size "A", "A+" or "A++" in use)
//   theme NAME               the theme from now on, for this visitor and the next ones, as
//                            --theme NAME gives it at start: standard or high-contrast
//   expect-theme NAME        the theme drawn now is NAME
//   expect-site-text-size    the text size chosen now is the site's own, whatever it is (what
//                            a new visitor finds: --text-size, kiosk.conf or the manager's
//                            setting), so a script checks "back to the site's size" on every
//                            terminal (ERIC_TEXT_SIZE)
//   wait "TEXT" SECONDS      draws frames until some visible text contains TEXT, for at most
//                            SECONDS of real time (what comes from outside the kiosk: a sync);
//                            every 3 s it looks over the page as a tap or expect does (the
//                            text may come below the fold of a small screen)
//   screenshot NAME.png      saves the screen into the --screenshots folder
// A text may be a translation key instead of words: `tap "@home.jobs.title"`, `expect
// "@home.question"`; the runner takes the kiosk's text for it in the language it shows, so one
// script runs in every language (ERIC_LANGUAGE, run_e2e.sh). Placeholders take the values
// given after the key, `expect "@desk.ticket.called(time=10 h)"`, and n picks the plural form
// too, `expect "@immersion.places(n=1)"`; a placeholder given no value matches any words.
// A tap or expect whose text is not in view swipes the page up, then down, as a person
// would, before it fails (a small screen at A++ shows less at once): each part of the screen
// that scrolls in turn (two columns that scroll apart, the page above an open keyboard).
// Quoted text may hold \" and \\. After each step the runner draws a few frames so the UI
// settles. A failed step prints `FILE:LINE: FAILED: why`; the run ends with
// `N passed, N failed` and succeeds only when none failed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/base/status.h"

namespace eric {

enum class StepKind {
  Tap, TapAt, DoubleTap, TapDisabled, Drag, Type, Advance, Frames, Expect, ExpectNot, ExpectChosen, ExpectSaid,
  Wait, Screenshot, Theme, ExpectTheme, ExpectSiteTextSize
};

struct ScriptStep {
  StepKind kind = StepKind::Frames;
  int line = 0;                       // 1-based line in the file
  std::string text;                   // tap/type/expect text, screenshot file name
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // tap X Y uses x1, y1
  double seconds = 0;                 // advance, wait
  int frames = 0;                     // frames
};

struct ScriptError {
  int line = 0;
  std::string message;  // why the line was not understood
};

struct Script {
  std::vector<ScriptStep> steps;
  std::vector<ScriptError> errors;  // a script with errors is not run
};

Script parse_script(std::string_view text);
// Reads and parses a file; false (with error) when it cannot be read.
Status load_script(const std::string& path, Script& out);

// Lower case for comparison: ASCII, Latin-1 and Latin Extended-A capitals (É -> é, Œ -> œ).
// Accents are kept: "etre" does not match "Être".
std::string fold_case(std::string_view utf8);
// fold_case(haystack) contains fold_case(needle).
bool contains_ignoring_case(std::string_view haystack, std::string_view needle);

}  // namespace eric
