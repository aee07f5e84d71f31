// Running a script against the kiosk (see script_runner.h).
#include "kiosk/app/script_runner.h"

#include <chrono>
#include <cmath>
#include <ostream>
#include <sstream>
#include <thread>

#include "kiosk/core/base/utf8.h"
#include "kiosk/ui/probe.h"
#include "kiosk/ui/touch_input.h"

namespace eric {

namespace {

using ui::ProbeItem;
using ui::ProbeKind;

// What a tap can name an item by: its label, and for a text field also the label above it
// (the probe records a field's value as its text, which is empty before typing).
bool named(const ProbeItem& item, std::string_view text, bool exactly) {
  auto match = [&](const std::string& label) {
    return exactly ? fold_case(label) == fold_case(text) : contains_ignoring_case(label, text);
  };
  return match(item.text) || (item.kind == ProbeKind::Input && match(item.key));
}

// A label equal to TEXT wins over labels that merely contain it, so that short labels
// ("A" of the text sizes) can be tapped; then the first in reading order.
const ProbeItem* find_tappable(const ui::UiProbe& probe, std::string_view text) {
  for (bool exactly : {true, false})
    for (const ProbeItem& item : probe.items())
      if (item.tappable && named(item, text, exactly)) return &item;
  return nullptr;
}

const ProbeItem* find_key(const ui::UiProbe& probe, std::string_view key) {
  for (const ProbeItem& item : probe.items()) {
    if (item.kind == ProbeKind::Key && item.tappable && item.key == key) return &item;
  }
  return nullptr;
}

bool any_text(const ui::UiProbe& probe, std::string_view text) {
  for (const ProbeItem& item : probe.items()) {
    if (contains_ignoring_case(item.text, text)) return true;
  }
  return false;
}

// The visible texts, to help whoever reads a failure see what was on screen.
std::string visible_texts(const ui::UiProbe& probe) {
  std::ostringstream s;
  int n = 0;
  for (const ProbeItem& item : probe.items()) {
    if (item.text.empty() || item.kind == ProbeKind::Key) continue;
    if (n == 60) {
      s << "\n    ...";
      break;
    }
    s << "\n    " << (item.tappable ? "[à toucher] " : "") << "« " << item.text
      << " »";
    ++n;
  }
  if (n == 0) s << "\n    (aucun texte)";
  return s.str();
}

// Splits UTF-8 text into its characters (each a short string), for `type`.
std::vector<std::string> utf8_chars(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    (void)utf8::next(s, i);  // a stray byte is a "character" of its own: no key will match it
    out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

Status step_failed(std::string why) { return Status::error("script_step", std::move(why)); }

// A keyed text ("@home.question") becomes the kiosk's text for that key in the language it
// shows, so one script checks every language. A text with placeholders is matched by what
// comes before its first one ("Ticket {number}, ..." -> "Ticket").
Status resolve_keyed_text(ScriptStep& s, const ScriptTarget& target) {
  if (s.text.size() < 2 || s.text[0] != '@' || s.kind == StepKind::Type ||
      s.kind == StepKind::Screenshot)
    return Status::success();
  const std::string key = s.text.substr(1);
  std::string text = target.text_for_key(key);
  if (text.empty() || text == "[" + key + "]")
    return step_failed("la clé « " + key + " » n'a pas de texte");
  text = text.substr(0, text.find('{'));
  while (!text.empty() && text.back() == ' ') text.pop_back();
  s.text = text;
  return Status::success();
}

class Runner {
 public:
  Runner(ScriptTarget& t, const ScriptRunOptions& o) : t_(t), o_(o) {}

  Status step(const ScriptStep& s) {
    switch (s.kind) {
      case StepKind::Tap:
      case StepKind::DoubleTap:
        return tap_by_name(s.text, s.kind == StepKind::DoubleTap);
      case StepKind::TapAt:
        tap_at(s.x1, s.y1);
        return Status::success();
      case StepKind::Drag:
        drag(s);
        return Status::success();
      case StepKind::Type:
        return type(s.text);
      case StepKind::Advance:
        t_.advance_clock_ms(static_cast<int64_t>(std::llround(s.seconds * 1000.0)));
        t_.run_frames(o_.settle_frames);
        return Status::success();
      case StepKind::Frames:
        t_.run_frames(s.frames);
        return Status::success();
      case StepKind::Expect:
      case StepKind::ExpectNot:
      case StepKind::ExpectSaid:
      case StepKind::ExpectChosen:
        return check(s);
      case StepKind::Wait:
        return wait_for(s.text, s.seconds);
      case StepKind::Screenshot:
        if (o_.screenshot_dir.empty())
          return step_failed("pas de dossier pour les captures (option --screenshots)");
        return t_.screenshot(o_.screenshot_dir + "/" + s.text);
    }
    return step_failed("étape inconnue");
  }

 private:
  Status tap_by_name(const std::string& text, bool twice) {
    read_first();
    const ProbeItem* item = find_tappable(t_.probe(), text);
    if (!item)
      return step_failed("rien à toucher qui dise « " + text + " » ; textes visibles :" +
                         visible_texts(t_.probe()));
    const float x = item->x + item->w / 2, y = item->y + item->h / 2;
    tap_at(x, y);
    if (twice) tap_at(x, y);  // the same finger, ~70 ms later
    return Status::success();
  }

  // What the screen shows (or said) now, against an expect step.
  Status check(const ScriptStep& s) const {
    const ui::UiProbe& probe = t_.probe();
    switch (s.kind) {
      case StepKind::Expect:
        if (any_text(probe, s.text)) return Status::success();
        return step_failed("« " + s.text + " » n'est pas à l'écran ; textes visibles :" +
                           visible_texts(probe));
      case StepKind::ExpectNot:
        if (!any_text(probe, s.text)) return Status::success();
        return step_failed("« " + s.text + " » est à l'écran alors qu'il ne devrait pas");
      case StepKind::ExpectSaid: {
        const std::string said = t_.last_said();
        if (contains_ignoring_case(said, s.text)) return Status::success();
        return step_failed("« " + s.text +
                           " » n'a pas été lu à voix haute ; dernière lecture : « " + said + " »");
      }
      default:  // StepKind::ExpectChosen, the only other check step() sends here
        for (const ProbeItem& item : probe.items())
          if (item.key == "active" && fold_case(item.text) == fold_case(s.text))
            return Status::success();
        return step_failed("« " + s.text + " » n'est pas le choix en cours");
    }
  }

  Status wait_for(const std::string& text, double seconds) {
    // Real time on purpose: what is awaited (a sync with a real server) runs on another
    // thread and does not follow the kiosk's clock.
    const auto until = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(std::llround(seconds * 1000.0));
    while (!any_text(t_.probe(), text)) {
      if (std::chrono::steady_clock::now() >= until)
        return step_failed("« " + text + " » n'est pas venu à l'écran en " +
                           std::to_string(seconds) + " s ; textes visibles :" +
                           visible_texts(t_.probe()));
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      t_.run_frames(1);
    }
    return Status::success();
  }

  void tap_at(float x, float y) {
    t_.pointer({ui::PointerAction::Down, x, y});
    t_.pointer({ui::PointerAction::Up, x, y});
    t_.run_frames(o_.settle_frames);
  }

  void drag(const ScriptStep& s) {
    t_.pointer({ui::PointerAction::Down, s.x1, s.y1});
    t_.run_frames(1);
    const int steps = o_.drag_steps > 0 ? o_.drag_steps : 1;
    for (int i = 1; i <= steps; ++i) {
      const float f = static_cast<float>(i) / static_cast<float>(steps);
      t_.pointer({ui::PointerAction::Move, s.x1 + (s.x2 - s.x1) * f, s.y1 + (s.y2 - s.y1) * f});
      t_.run_frames(1);
    }
    t_.pointer({ui::PointerAction::Up, s.x2, s.y2});
    t_.run_frames(o_.settle_frames);
  }

  // Draws frames while presses are held (a screen that just changed).
  void read_first() {
    for (int n = 0; t_.presses_held() && n < o_.max_read_frames; ++n)
      t_.run_reading_frame(o_.read_seconds);
  }

  void tap_key(const ProbeItem& key) { tap_at(key.x + key.w / 2, key.y + key.h / 2); }

  Status type(const std::string& text) {
    read_first();
    for (const std::string& c : utf8_chars(text)) {
      if (const ProbeItem* key = find_key(t_.probe(), c)) {
        tap_key(*key);
        continue;
      }
      const std::string lower = fold_case(c);
      if (lower != c) {  // a capital: shift, then the letter
        const ProbeItem* shift = find_key(t_.probe(), "shift");
        if (shift && find_key(t_.probe(), lower)) {
          tap_key(*shift);
          const ProbeItem* key = find_key(t_.probe(), c);
          if (!key) key = find_key(t_.probe(), lower);
          if (key) {
            tap_key(*key);
            continue;
          }
        }
      }
      bool any_key = false;
      for (const ProbeItem& item : t_.probe().items()) any_key |= item.kind == ProbeKind::Key;
      return step_failed(any_key ? "la touche « " + c + " » n'est pas sur le clavier ouvert"
                                 : "aucun clavier n'est ouvert pour taper « " + text + " »");
    }
    return Status::success();
  }

  ScriptTarget& t_;
  const ScriptRunOptions& o_;
};

}  // namespace

ScriptResult run_script(const Script& script, ScriptTarget& target,
                        const ScriptRunOptions& options, std::ostream& out) {
  ScriptResult result;
  if (!script.errors.empty()) {
    for (const ScriptError& e : script.errors) {
      out << options.script_name << ":" << e.line << ": FAILED: " << e.message << "\n";
      ++result.failed;
    }
    out << result.passed << " passed, " << result.failed << " failed\n";
    return result;
  }
  Runner runner(target, options);
  target.run_frames(options.settle_frames);  // the first screen, settled
  for (const ScriptStep& written : script.steps) {
    ScriptStep s = written;
    Status verdict = resolve_keyed_text(s, target);
    if (verdict.ok) verdict = runner.step(s);
    if (verdict.ok) {
      ++result.passed;
    } else {
      ++result.failed;
      out << options.script_name << ":" << s.line << ": FAILED: " << verdict.message_fr << "\n";
    }
  }
  out << result.passed << " passed, " << result.failed << " failed\n";
  out.flush();
  return result;
}

}  // namespace eric
