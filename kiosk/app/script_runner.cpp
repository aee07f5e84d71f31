// Running a script against the kiosk (see script_runner.h).
#include "kiosk/app/script_runner.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cmath>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include <imgui.h>

#include "kiosk/core/base/utf8.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/layout_faults.h"
#include "kiosk/ui/probe.h"
#include "kiosk/ui/touch_input.h"
#include "kiosk/ui/widgets.h"

namespace eric {

namespace {

using ui::ProbeItem;
using ui::ProbeKind;

// What a step looks for: words written in the script, or a keyed text whose placeholders
// still unfilled stand for any words ("{n} offres trouvées" finds "12 offres trouvées"); a
// counted key given no n, any of its plural forms. The pieces between placeholders are looked
// for in order, ignoring case.
struct TextPattern {
  std::vector<std::vector<std::string>> forms;  // one form of one piece for plain words

  bool found_in(std::string_view label) const {
    const std::string folded = fold_case(label);
    for (const auto& pieces : forms) {
      size_t at = 0;
      bool all = true;
      for (const std::string& piece : pieces) {
        const size_t where = folded.find(fold_case(piece), at);
        if (where == std::string::npos) {
          all = false;
          break;
        }
        at = where + piece.size();
      }
      if (all) return true;
    }
    return false;
  }
  bool equals(std::string_view label) const {
    for (const auto& pieces : forms)
      if (pieces.size() == 1 && fold_case(label) == fold_case(pieces[0])) return true;
    return false;
  }
};

TextPattern plain_pattern(const std::string& text) { return TextPattern{{{text}}}; }

// "A", "A+" or "A++": the footer's text sizes.
bool is_text_size_label(std::string_view label) {
  for (int size = 0; size < 3; ++size)
    if (label == ui::text_size_label(size)) return true;
  return false;
}

// What a tap can name an item by: its label, and for a text field also the label above it
// (the probe records a field's value as its text, which is empty before typing).
bool named(const ProbeItem& item, const TextPattern& text, bool exactly) {
  auto match = [&](const std::string& label) {
    return exactly ? text.equals(label) : text.found_in(label);
  };
  return match(item.text) || (item.kind == ProbeKind::Input && match(item.key));
}

// A label equal to TEXT wins over labels that merely contain it, so that short labels
// ("A" of the text sizes) can be tapped; then the first in reading order.
const ProbeItem* find_tappable(const ui::UiProbe& probe, const TextPattern& text) {
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

// A button named TEXT, greyed or not (a tap-disabled step fails on one that acts); an
// equal label first, as find_tappable.
const ProbeItem* find_button(const ui::UiProbe& probe, const TextPattern& text) {
  for (bool exactly : {true, false})
    for (const ProbeItem& item : probe.items())
      if ((item.tappable || item.disabled) && named(item, text, exactly)) return &item;
  return nullptr;
}

bool any_text(const ui::UiProbe& probe, const TextPattern& text) {
  for (const ProbeItem& item : probe.items()) {
    if (text.found_in(item.text)) return true;
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

// "@key(name=value, n=2)": the key, then the values given for its placeholders.
struct KeyedText {
  std::string key;
  std::vector<std::pair<std::string, std::string>> args;
  const std::string* count = nullptr;  // the value of n, which picks a plural form
};

Status step_failed(std::string why) { return Status::error("script_step", std::move(why)); }

Status parse_keyed(const std::string& written, KeyedText& out) {
  const size_t open = written.find('(');
  out.key = written.substr(1, open == std::string::npos ? std::string::npos : open - 1);
  if (open == std::string::npos) return Status::success();
  if (written.back() != ')')
    return step_failed("« " + written + " » : les valeurs s'écrivent @clé(nom=valeur, ...)");
  std::stringstream list(written.substr(open + 1, written.size() - open - 2));
  for (std::string arg; std::getline(list, arg, ',');) {
    const size_t eq = arg.find('=');
    auto trim = [](std::string t) {
      t.erase(0, t.find_first_not_of(' '));
      t.erase(t.find_last_not_of(' ') + 1);
      return t;
    };
    if (eq == std::string::npos)
      return step_failed("« " + arg + " » : une valeur s'écrit nom=valeur");
    out.args.emplace_back(trim(arg.substr(0, eq)), trim(arg.substr(eq + 1)));
  }
  for (const auto& [name, value] : out.args)
    if (name == "n") out.count = &value;
  return Status::success();
}

// A keyed text ("@home.question", "@jobs.results.count(n=3)") becomes the kiosk's text for
// that key in the language it shows, so one script checks every language: the values given
// fill their placeholders (n also picks the plural form; a counted key without n matches any
// of its forms), the others match any words. Plain words are looked for as written.
Status resolve_text(ScriptStep& s, const ScriptTarget& target, TextPattern& out) {
  if (s.text.size() < 2 || s.text[0] != '@' || s.kind == StepKind::Type ||
      s.kind == StepKind::Screenshot) {
    out = plain_pattern(s.text);
    return Status::success();
  }
  KeyedText keyed;
  if (Status parsed = parse_keyed(s.text, keyed); !parsed) return parsed;
  const I18n* texts = target.texts();
  const bool counted = texts && texts->has("fr", keyed.key + "|other");
  if (!texts || (!counted && !texts->has("fr", keyed.key)))
    return step_failed("la clé « " + keyed.key + " » n'a pas de texte");
  std::vector<std::string> candidates;
  if (!counted)
    candidates.push_back(texts->tr(keyed.key));
  else if (keyed.count)
    candidates.push_back(texts->tr_count(keyed.key, std::atoll(keyed.count->c_str())));
  else
    for (Plural form : plural_forms(texts->language()))
      candidates.push_back(texts->tr(keyed.key + "|" + std::string(plural_name(form))));
  out.forms.clear();
  s.text.clear();
  for (std::string& text : candidates) {
    for (const auto& [name, value] : keyed.args) {
      const std::string placeholder = "{" + name + "}";
      for (size_t at; (at = text.find(placeholder)) != std::string::npos;)
        text.replace(at, placeholder.size(), value);
    }
    std::vector<std::string> pieces;
    std::string shown;
    for (size_t at = 0; at <= text.size();) {
      const size_t open = text.find('{', at);
      const size_t close = open == std::string::npos ? open : text.find('}', open);
      std::string piece =
          text.substr(at, close == std::string::npos ? std::string::npos : open - at);
      if (!piece.empty()) pieces.push_back(piece);
      shown += piece;
      if (close == std::string::npos) break;
      shown += "…";
      at = close + 1;
    }
    if (pieces.empty()) pieces.push_back("");
    out.forms.push_back(std::move(pieces));
    s.text += (s.text.empty() ? "" : " | ") + shown;
  }
  return Status::success();
}

class Runner {
 public:
  Runner(ScriptTarget& t, const ScriptRunOptions& o) : t_(t), o_(o) {}

  Status step(const ScriptStep& s, const TextPattern& text) {
    switch (s.kind) {
      case StepKind::Tap:
      case StepKind::DoubleTap:
        return tap_by_name(s, text);
      case StepKind::TapDisabled:
        return tap_disabled(s, text);
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
        // What is looked for may be below the fold: a person swipes to it.
        scroll_until([&] { return any_text(t_.probe(), text); });
        return check(s, text);
      case StepKind::ExpectNot:
      case StepKind::ExpectSaid:
      case StepKind::ExpectChosen:
        return check(s, text);
      case StepKind::ExpectSiteTextSize:
        return check_site_text_size();
      case StepKind::Wait:
        return wait_for(s, text);
      case StepKind::Theme:
        if (!t_.set_theme(s.text))
          return step_failed("pas de thème « " + s.text + " » (standard, high-contrast)");
        t_.run_frames(o_.settle_frames);
        return Status::success();
      case StepKind::ExpectTheme:
        if (t_.theme() == s.text) return Status::success();
        return step_failed("le thème affiché est « " + t_.theme() + " », pas « " + s.text +
                           " »");
      case StepKind::Screenshot:
        if (o_.screenshot_dir.empty())
          return step_failed("pas de dossier pour les captures (option --screenshots)");
        return t_.screenshot(o_.screenshot_dir + "/" + s.text);
    }
    return step_failed("étape inconnue");
  }

 private:
  // The item `find` picks out of the probe, swiped to where the screen scrolls; nullptr when
  // it is nowhere on the page.
  template <typename Find>
  const ProbeItem* scrolled_to(const Find& find) {
    read_first();
    scroll_until([&] { return find(t_.probe()) != nullptr; });
    return find(t_.probe());
  }

  Status tap_by_name(const ScriptStep& s, const TextPattern& text) {
    const ProbeItem* item =
        scrolled_to([&](const ui::UiProbe& probe) { return find_tappable(probe, text); });
    if (!item)
      return step_failed("rien à toucher qui dise « " + s.text + " » ; textes visibles :" +
                         visible_texts(t_.probe()));
    const float x = item->x + item->w / 2, y = item->y + item->h / 2;
    tap_at(x, y);
    if (s.kind == StepKind::DoubleTap) tap_at(x, y);  // the same finger, ~70 ms later
    return Status::success();
  }

  // A touch on a greyed button, found by its name wherever the screen is (never by pixels,
  // which land elsewhere on another terminal): the steps after it check nothing happened.
  Status tap_disabled(const ScriptStep& s, const TextPattern& text) {
    const ProbeItem* item =
        scrolled_to([&](const ui::UiProbe& probe) { return find_button(probe, text); });
    if (!item)
      return step_failed("pas de bouton « " + s.text + " » à l'écran ; textes visibles :" +
                         visible_texts(t_.probe()));
    if (!item->disabled)
      return step_failed("« " + s.text + " » n'est pas grisé : un toucher le ferait agir");
    tap_at(item->x + item->w / 2, item->y + item->h / 2);
    return Status::success();
  }

  // What the screen shows (or said) now, against an expect step.
  Status check(const ScriptStep& s, const TextPattern& text) const {
    const ui::UiProbe& probe = t_.probe();
    switch (s.kind) {
      case StepKind::Expect:
        if (any_text(probe, text)) return Status::success();
        return step_failed("« " + s.text + " » n'est pas à l'écran ; textes visibles :" +
                           visible_texts(probe));
      case StepKind::ExpectNot:
        if (!any_text(probe, text)) return Status::success();
        return step_failed("« " + s.text + " » est à l'écran alors qu'il ne devrait pas");
      case StepKind::ExpectSaid: {
        const std::string said = t_.last_said();
        if (text.found_in(said)) return Status::success();
        return step_failed("« " + s.text +
                           " » n'a pas été lu à voix haute ; dernière lecture : « " + said + " »");
      }
      default:  // StepKind::ExpectChosen, the only other check step() sends here
        for (const ProbeItem& item : probe.items())
          if (item.key == "active" && text.equals(item.text)) return Status::success();
        return step_failed("« " + s.text + " » n'est pas le choix en cours");
    }
  }

  // The footer's chosen size is the site's own: the script need not know which it is.
  Status check_site_text_size() const {
    const std::string site = t_.site_text_size();
    if (site.empty()) return step_failed("la borne ne dit pas la taille du texte du site");
    for (const ProbeItem& item : t_.probe().items())
      if (item.key == "active" && is_text_size_label(item.text)) {
        if (item.text == site) return Status::success();
        return step_failed("la taille choisie est « " + item.text + " », celle du site « " +
                           site + " »");
      }
    return step_failed("aucune taille de texte choisie à l'écran (celle du site : « " + site +
                       " »)");
  }

  Status wait_for(const ScriptStep& s, const TextPattern& text) {
    // Real time on purpose: what is awaited (a sync with a real server) runs on another
    // thread and does not follow the kiosk's clock.
    using Clock = std::chrono::steady_clock;
    const auto until = Clock::now() + std::chrono::milliseconds(std::llround(s.seconds * 1000.0));
    // Now and then the page is looked over, as a person waiting would: on a small screen the
    // awaited line can be below the fold (the manager's outbox count at 1366x768).
    constexpr auto kLookEvery = std::chrono::seconds(3);
    auto next_look = Clock::now() + kLookEvery;
    const auto found = [&] { return any_text(t_.probe(), text); };
    while (!found()) {
      if (Clock::now() >= until)
        return step_failed("« " + s.text + " » n'est pas venu à l'écran en " +
                           std::to_string(s.seconds) + " s ; textes visibles :" +
                           visible_texts(t_.probe()));
      if (Clock::now() >= next_look) {
        scroll_until(found);
        next_look = Clock::now() + kLookEvery;
        continue;
      }
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

  // slowness: frames per step (a slow swipe glides little after the finger leaves).
  void drag(const ScriptStep& s, int slowness = 1) {
    t_.pointer({ui::PointerAction::Down, s.x1, s.y1});
    t_.run_unseen_frame();
    const int steps = (o_.drag_steps > 0 ? o_.drag_steps : 1) * slowness;
    for (int i = 1; i <= steps; ++i) {
      const float f = static_cast<float>(i) / static_cast<float>(steps);
      t_.pointer({ui::PointerAction::Move, s.x1 + (s.x2 - s.x1) * f, s.y1 + (s.y2 - s.y1) * f});
      t_.run_unseen_frame();
    }
    t_.pointer({ui::PointerAction::Up, s.x2, s.y2});
    t_.run_frames(o_.settle_frames);
  }

  // What a person does when what they look for is not in view: the part of the page that
  // scrolls is swiped down slowly, a few times, then back up (a small screen at A++ holds
  // less). Each such part in turn, where the finger would go: the left column of two that
  // scroll apart, the strip left under a banner, the page above an open keyboard (the centre
  // of the screen may be a keyboard or a header). Like a person, it turns back as soon as a
  // swipe moves nothing (the end of the page) and stops at the top: on a page that fits, one
  // swipe each way and no more.
  template <typename Found>
  void scroll_until(const Found& found) {
    if (found() || !ImGui::GetCurrentContext()) return;
    // A screen that just changed drops presses for a moment: a swipe then would move
    // nothing and be taken for the end of the page.
    read_first();
    for (const Lane& lane : swipe_lanes())
      if (swipe_through(lane, found)) return;
  }

  // Where a swipe goes: x, and the two heights it moves between.
  struct Lane {
    float x, low, high;
  };
  std::vector<Lane> swipe_lanes() const {
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    // A quarter of the screen's height, less in a short region (it must start and end in it).
    const float reach = 0.24f * screen.y;
    std::vector<Lane> lanes;
    for (const ui::ScrollRegion& r : t_.probe().scroll_regions()) {
      const float length = std::min(reach, 0.8f * r.h);
      const float middle = r.y + 0.5f * r.h;
      lanes.push_back({r.x + 0.5f * r.w, middle + 0.5f * length, middle - 0.5f * length});
    }
    // Nothing said it scrolls (a target without scroll lists): the middle of the screen.
    if (lanes.empty())
      lanes.push_back({0.5f * screen.x, 0.5f * screen.y + 0.5f * reach,
                       0.5f * screen.y - 0.5f * reach});
    return lanes;
  }

  // Down the lane, then back up; true as soon as found.
  template <typename Found>
  bool swipe_through(const Lane& lane, const Found& found) {
    bool down_the_page = true;
    for (int swipe = 0, back = 0; back < 2 * kMaxSwipes;) {
      ScriptStep s;
      s.x1 = s.x2 = lane.x;
      s.y1 = down_the_page ? lane.low : lane.high;
      s.y2 = down_the_page ? lane.high : lane.low;
      const ItemPlaces before = item_places(t_.probe());
      drag(s, 3);
      glide();
      if (found()) return true;
      const bool moved = item_places(t_.probe()) != before;
      if (down_the_page) {
        down_the_page = moved && ++swipe < kMaxSwipes;  // then back up, twice as far
      } else if (!moved) {
        return false;  // the top, and not found on the way
      } else {
        ++back;
      }
    }
    return false;
  }
  static constexpr int kMaxSwipes = 4;
  static constexpr int kInertiaFrames = 40;  // the longest a swipe's glide takes to come to rest

  // Every visible item and where it stands: two frames with the same places moved nothing.
  using ItemPlaces = std::vector<std::pair<std::string, std::pair<float, float>>>;
  static ItemPlaces item_places(const ui::UiProbe& probe) {
    ItemPlaces places;
    for (const ProbeItem& item : probe.items())
      places.push_back({item.text, {item.x, item.y}});
    return places;
  }

  // Frames until the swipe's glide has come to rest (nothing moved from one frame to the
  // next), at most kInertiaFrames: a short glide costs a few frames, not forty.
  void glide() {
    ItemPlaces last = item_places(t_.probe());
    for (int n = 0; n < kInertiaFrames; ++n) {
      t_.run_unseen_frame();
      ItemPlaces now = item_places(t_.probe());
      if (now == last) return;
      last = std::move(now);
    }
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

// The last frame's layout faults not reported yet, described in the error.
Status check_layout_once(const ScriptTarget& target, std::set<std::string>& reported) {
  std::string why;
  // A target without ImGui (the runner's own tests) has only its probe to show.
  const bool drawn = ImGui::GetCurrentContext() != nullptr;
  for (const ui::LayoutFault& f :
       ui::layout_faults(target.probe(), drawn ? ImGui::GetDrawData() : nullptr,
                         drawn ? ImGui::GetIO().Fonts : nullptr)) {
    const std::string line = ui::describe(f);
    if (!reported.insert(line.substr(0, line.find(" ("))).second) continue;
    why += (why.empty() ? "mise en page : " : " ; ") + line;
  }
  return why.empty() ? Status::success() : Status::error("layout", why);
}

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
  std::set<std::string> reported;  // a fault fails the first step that shows it, once
  target.run_frames(options.settle_frames);  // the first screen, settled
  auto failed = [&](const ScriptStep& s, const Status& why) {
    ++result.failed;
    out << options.script_name << ":" << s.line << ": FAILED: " << why.message_fr << "\n";
  };
  for (const ScriptStep& written : script.steps) {
    ScriptStep s = written;
    TextPattern text;
    if (Status resolved = resolve_text(s, target, text); !resolved) {
      failed(s, resolved);
      continue;
    }
    if (Status verdict = runner.step(s, text); verdict.ok)
      ++result.passed;
    else
      failed(s, verdict);
    if (!options.check_layout) continue;
    if (Status laid_out = check_layout_once(target, reported); !laid_out) failed(s, laid_out);
  }
  out << result.passed << " passed, " << result.failed << " failed\n";
  out.flush();
  return result;
}

}  // namespace eric
