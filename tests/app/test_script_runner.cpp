// The script runner against a fake kiosk: what it taps, how it reports failures.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "kiosk/app/script_runner.h"
#include "kiosk/core/words/i18n.h"
#include "tests/support/test_util.h"
#include "kiosk/ui/probe.h"
#include "kiosk/ui/touch_input.h"

namespace eric {
namespace {

using ui::PointerAction;
using ui::ProbeItem;
using ui::ProbeKind;

// A fake screen: fixed probe items; a keyboard whose letters become capitals after "shift".
class FakeTarget : public ScriptTarget {
 public:
  void run_frames(int n) override { frames += n; }
  const ui::UiProbe& probe() const override { return probe_; }
  void pointer(const ui::PointerEvent& e) override {
    if (e.action == PointerAction::Down) downs.push_back({e.x, e.y});
    if (e.action == PointerAction::Move) ++moves;
    if (e.action != PointerAction::Up) return;
    std::string hit;
    for (const ProbeItem& item : probe_.items()) {
      if (item.kind == ProbeKind::Key && e.x >= item.x && e.x <= item.x + item.w &&
          e.y >= item.y && e.y <= item.y + item.h) {
        hit = item.key;
      }
    }
    if (hit.empty()) return;
    if (hit == "shift") {
      shift = true;
      set_keyboard(true);
      return;
    }
    typed += hit;
    if (shift) {
      shift = false;
      set_keyboard(false);
    }
  }
  void advance_clock_ms(int64_t ms) override { advanced_ms += ms; }
  Status screenshot(const std::string& path) override {
    shots.push_back(path);
    return Status::success();
  }
  std::string theme() const override { return current_theme; }
  bool set_theme(const std::string& name) override {
    if (name != "standard" && name != "high-contrast") return false;
    current_theme = name;
    return true;
  }

  std::string current_theme = "standard";
  std::string site_text_size() const override { return site_size; }
  std::string site_size = "A++";

  void add(ProbeKind kind, std::string text, float x, float y, bool tappable,
           std::string key = {}) {
    probe_.record(ProbeItem{kind, std::move(text), std::move(key), x, y, 100, 50, tappable});
  }
  void set_keyboard(bool capitals) {
    ui::UiProbe next;
    for (const ProbeItem& item : probe_.items()) {
      if (item.kind != ProbeKind::Key) next.record(item);
    }
    probe_ = next;
    float x = 0;
    for (const char* k : {"a", "b", "c", "é"}) {
      std::string key = k;
      if (capitals) key = key == "é" ? "É" : std::string(1, static_cast<char>(k[0] - 32));
      add(ProbeKind::Key, key, x, 900, true, key);
      x += 110;
    }
    add(ProbeKind::Key, "⇧", x, 900, true, "shift");
    add(ProbeKind::Key, "espace", x + 110, 900, true, " ");
  }

  const I18n* texts() const override { return i18n; }

  ui::UiProbe probe_;
  const I18n* i18n = nullptr;
  int frames = 0;
  int moves = 0;
  int64_t advanced_ms = 0;
  bool shift = false;
  std::string typed;
  std::vector<std::pair<float, float>> downs;
  std::vector<std::string> shots;
};

ScriptResult run(const std::string& text, FakeTarget& t, std::string& output) {
  std::ostringstream out;
  ScriptRunOptions o;
  o.script_name = "test.kiosk";
  o.screenshot_dir = "/shots";
  const ScriptResult r = run_script(parse_script(text), t, o, out);
  output = out.str();
  return r;
}

TEST(ScriptRunner, TapsTheFirstTappableMatchAtItsCentre) {
  FakeTarget t;
  t.add(ProbeKind::Text, "Commencer ici", 0, 0, false);
  t.add(ProbeKind::Button, "COMMENCER", 200, 100, true);
  t.add(ProbeKind::Button, "Commencer", 400, 100, true);
  std::string out;
  const ScriptResult r = run("tap \"commencer\"\ntap 5 6\n", t, out);
  EXPECT_EQ(r.passed, 2);
  EXPECT_EQ(r.failed, 0);
  ASSERT_EQ(t.downs.size(), 2u);
  EXPECT_FLOAT_EQ(t.downs[0].first, 250);
  EXPECT_FLOAT_EQ(t.downs[0].second, 125);
  EXPECT_FLOAT_EQ(t.downs[1].first, 5);
  EXPECT_NE(out.find("2 passed, 0 failed"), std::string::npos);
}

TEST(ScriptRunner, AnEqualLabelWinsOverOneThatContainsTheText) {
  FakeTarget t;
  t.add(ProbeKind::Tile, "Essayer un métier", 0, 0, true);
  t.add(ProbeKind::Button, "A+", 200, 0, true);
  t.add(ProbeKind::Button, "A", 400, 0, true);
  std::string out;
  EXPECT_EQ(run("tap \"a\"\ntap \"a+\"\n", t, out).failed, 0);
  ASSERT_EQ(t.downs.size(), 2u);
  EXPECT_FLOAT_EQ(t.downs[0].first, 450);
  EXPECT_FLOAT_EQ(t.downs[1].first, 250);
}

TEST(ScriptRunner, FailuresNameTheLineAndListVisibleTexts) {
  FakeTarget t;
  t.add(ProbeKind::Text, "Bonjour ! Que voulez-vous faire ?", 0, 0, false);
  std::string out;
  const ScriptResult r = run("expect \"BONJOUR\"\n\ntap \"Absent\"\nexpect-not \"bonjour\"\n", t, out);
  EXPECT_EQ(r.passed, 1);
  EXPECT_EQ(r.failed, 2);
  EXPECT_NE(out.find("test.kiosk:3: FAILED: "), std::string::npos) << out;
  EXPECT_NE(out.find("test.kiosk:4: FAILED: "), std::string::npos) << out;
  EXPECT_NE(out.find("Que voulez-vous faire"), std::string::npos) << out;
  EXPECT_NE(out.find("1 passed, 2 failed"), std::string::npos) << out;
}

// A greyed button is touched by its name, wherever it is on the terminal; the step fails when
// the button is missing, acts, or is only covered by a modal (a touch would reach the modal).
TEST(ScriptRunner, TapDisabledTouchesAGreyedButtonByName) {
  FakeTarget t;
  ProbeItem greyed{ProbeKind::Button, "Envoyer ma demande", "", 300, 700, 200, 80, false};
  greyed.disabled = true;
  t.probe_.record(greyed);
  t.add(ProbeKind::Button, "Envoyer", 0, 0, true);
  t.add(ProbeKind::Button, "Fermer", 0, 100, false);  // under a modal: neither acts nor greyed
  std::string out;
  ScriptResult r = run("tap-disabled \"envoyer ma demande\"\n", t, out);
  EXPECT_EQ(r.failed, 0) << out;
  ASSERT_EQ(t.downs.size(), 1u);
  EXPECT_FLOAT_EQ(t.downs[0].first, 400);
  EXPECT_FLOAT_EQ(t.downs[0].second, 740);
  out.clear();
  r = run("tap-disabled \"Envoyer\"\ntap-disabled \"Absent\"\ntap-disabled \"Fermer\"\n", t,
          out);
  EXPECT_EQ(r.failed, 3) << out;
  EXPECT_EQ(t.downs.size(), 1u) << "a failed step touches nothing";
  EXPECT_NE(out.find("« Envoyer » n'est pas grisé"), std::string::npos) << out;
  EXPECT_NE(out.find("pas de bouton « Absent »"), std::string::npos) << out;
  EXPECT_NE(out.find("pas de bouton « Fermer »"), std::string::npos) << out;
}

TEST(ScriptRunner, ParseErrorsStopTheRunAndCountAsFailures) {
  FakeTarget t;
  std::string out;
  const ScriptResult r = run("tap \"ok\"\nbogus\n", t, out);
  EXPECT_EQ(r.passed, 0);
  EXPECT_EQ(r.failed, 1);
  EXPECT_TRUE(t.downs.empty());
  EXPECT_NE(out.find("test.kiosk:2: FAILED: "), std::string::npos);
}

TEST(ScriptRunner, TypesThroughTheKeysWithShiftForCapitals) {
  FakeTarget t;
  t.set_keyboard(false);
  std::string out;
  const ScriptResult r = run("type \"Ab éÉ\"\n", t, out);
  EXPECT_EQ(r.failed, 0) << out;
  EXPECT_EQ(t.typed, "Ab éÉ");
}

TEST(ScriptRunner, TypeFailsOnAMissingKeyOrWithoutKeyboard) {
  FakeTarget t;
  std::string out;
  EXPECT_EQ(run("type \"a\"\n", t, out).failed, 1);
  EXPECT_NE(out.find("aucun clavier"), std::string::npos) << out;
  t.set_keyboard(false);
  EXPECT_EQ(run("type \"az\"\n", t, out).failed, 1);
  EXPECT_NE(out.find("« z »"), std::string::npos) << out;
}

TEST(ScriptRunner, AdvanceDragFramesScreenshot) {
  FakeTarget t;
  std::string out;
  const ScriptResult r =
      run("advance 61.5\ndrag 0 0 100 100\nframes 10\nscreenshot a.png\n", t, out);
  EXPECT_EQ(r.passed, 4) << out;
  EXPECT_EQ(t.advanced_ms, 61500);
  EXPECT_GE(t.moves, 2);
  ASSERT_EQ(t.shots.size(), 1u);
  EXPECT_EQ(t.shots[0], "/shots/a.png");
}

TEST(ScriptRunner, ThemeSwitchesAndIsChecked) {
  FakeTarget t;
  std::string out;
  ScriptResult r = run("expect-theme standard\ntheme high-contrast\nexpect-theme high-contrast\n",
                       t, out);
  EXPECT_EQ(r.passed, 3) << out;
  EXPECT_EQ(r.failed, 0) << out;
  out.clear();
  r = run("expect-theme standard\ntheme dark\n", t, out);
  EXPECT_EQ(r.failed, 2) << out;
  EXPECT_NE(out.find("« high-contrast », pas « standard »"), std::string::npos) << out;
  EXPECT_NE(out.find("pas de thème « dark »"), std::string::npos) << out;
  // A name, not a quoted text.
  out.clear();
  r = run("theme \"standard\"\n", t, out);
  EXPECT_EQ(r.failed, 1) << out;
}

// "Back to the site's text size" is checked whatever that size is (a terminal run at A++).
TEST(ScriptRunner, SiteTextSizeIsTheOneChosenWhateverItIs) {
  FakeTarget t;
  t.add(ProbeKind::Button, "A", 0, 0, true);
  t.add(ProbeKind::Button, "A+", 100, 0, true);
  t.add(ProbeKind::Button, "A++", 200, 0, true, "active");
  std::string out;
  ScriptResult r = run("expect-site-text-size\n", t, out);
  EXPECT_EQ(r.passed, 1) << out;
  t.site_size = "A";
  out.clear();
  r = run("expect-site-text-size\n", t, out);
  EXPECT_EQ(r.failed, 1) << out;
  EXPECT_NE(out.find("la taille choisie est « A++ », celle du site « A »"), std::string::npos)
      << out;
  out.clear();
  r = run("expect-site-text-size A\n", t, out);
  EXPECT_EQ(r.failed, 1) << out;
}

}  // namespace
}  // namespace eric

namespace eric {
namespace {

// Keyed steps: the language's text, its placeholders filled by the values given (n picking
// the plural form), the others matching any words.
TEST(ScriptRunner, KeyedTextsTakeValuesAndPluralForms) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.file("fr"));
  std::filesystem::create_directories(dir.file("uk"));
  std::ofstream(dir.file("fr/t.json"))
      << R"({"q.next": "Prochain : {number}", "q.seen|one": "{n} reçu", "q.seen|other": "{n} reçus",)"
         R"( "q.count": "{n} offres trouvées, les plus proches d'abord"})";
  std::ofstream(dir.file("uk/t.json"))
      << R"({"q.next": "Наступний: {number}", "q.seen|one": "{n} прийнятий",)"
         R"( "q.seen|few": "{n} прийняті", "q.seen|many": "{n} прийнятих",)"
         R"( "q.count": "Знайдено {n} вакансій, найближчі спочатку"})";
  I18n i18n;
  ASSERT_TRUE(i18n.load_dir(dir.file("")).ok);
  FakeTarget t;
  t.i18n = &i18n;
  i18n.set_language("uk");
  t.add(ProbeKind::Text, "Наступний: A002", 0, 0, false);
  t.add(ProbeKind::Text, "Сьогодні: 3 прийняті", 0, 60, false);
  t.add(ProbeKind::Text, "Знайдено 12 вакансій, найближчі спочатку", 0, 120, false);
  std::string out;
  ScriptResult r = run(
      "expect \"@q.next(number=A002)\"\n"
      "expect \"@q.seen(n=3)\"\n"
      "expect \"@q.count\"\n"
      "expect \"@q.seen\"\n"
      "expect-not \"@q.next(number=A001)\"\n"
      "expect-not \"@q.seen(n=1)\"\n",
      t, out);
  EXPECT_EQ(r.failed, 0) << out;
  // The same script fails where the words differ, and names a key without text.
  r = run("expect \"@q.seen(n=5)\"\nexpect \"@q.none\"\nexpect \"@q.next(number\"\n", t, out);
  EXPECT_EQ(r.failed, 3) << out;
  EXPECT_NE(out.find("q.none"), std::string::npos) << out;
}

}  // namespace
}  // namespace eric
