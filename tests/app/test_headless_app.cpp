// The real shell and screens, headless: an ImGui context without window, driven by scripts.
#include <gtest/gtest.h>
#include <imgui.h>

#include <string>
#include <string_view>

#include "kiosk/ui/fonts.h"
#include "kiosk/ui/text_shaping.h"
#include "kiosk/ui/widgets.h"
#include "tests/support/headless_shell.h"

namespace eric {
namespace {

// The shell with no store: the home screen and the paths' first screens.
class HeadlessKiosk : public test::HeadlessShell {
 protected:
  void SetUp() override {
    services.site.name = "ERIC Cyber-base de Martigues";
    ASSERT_NO_FATAL_FAILURE(start_shell("2026-11-23 10:00"));
  }

  bool tappable(std::string_view text) const {
    for (const auto& item : ui.probe.items()) {
      if (item.tappable && contains_ignoring_case(item.text, text)) return true;
    }
    return false;
  }
};

TEST_F(HeadlessKiosk, HomeShowsTheSiteTheDateAndTheThreePaths) {
  play(
      "expect \"Cyber-base de Martigues\"\n"
      "expect \"Espace Régional Internet Citoyen\"\n"
      "expect \"10 h\"\n"
      "expect \"lundi 23 novembre\"\n"
      "expect \"Bonjour ! Que voulez-vous faire ?\"\n"
      "expect \"Trouver un métier ou un emploi\"\n"
      "expect \"Essayer un métier en entreprise\"\n"
      "expect \"Être aidé ou m'inscrire à un atelier\"\n"
      "expect \"Offres à jour : aujourd'hui à 9 h 40\"\n"
      "expect-not \"Retour\"\n");
  EXPECT_TRUE(tappable("Trouver un métier"));
  EXPECT_EQ(app->nav().top()->id(), "home");
}

// The picker writes each language in its own name on a French screen: the font has each
// letter, shaped (Arabic's name showed as "[…]" when only a right-to-left screen loaded them).
TEST_F(HeadlessKiosk, LanguagePickerHasTheLettersOfEachLanguagesName) {
  ASSERT_EQ(i18n.language(), "fr");
  const ImFont* font = ui.fonts.get(ui::FontRole::BodyBold);
  for (const std::string& lang : i18n.languages()) {
    const std::string name = i18n.text_in(lang, "shell.language_name");
    for (unsigned cp : ui::shaped_code_points({name}))
      EXPECT_TRUE(ui::font_has_glyph(font, cp)) << lang << " " << name << " U+" << std::hex << cp;
  }
}

TEST_F(HeadlessKiosk, EachTileOpensItsPathAndBackReturnsHome) {
  const std::pair<const char*, const char*> paths[] = {
      {"Trouver un métier", "jobs.what"},
      {"Essayer un métier", "immersion.trade"},
      {"Être aidé", "help.start"}};
  for (const auto& [tile, id] : paths) {
    play(std::string("tap \"") + tile + "\"\nexpect-not \"Que voulez-vous faire\"\n");
    EXPECT_EQ(app->nav().top()->id(), id);
    play("tap \"Retour\"\nexpect \"Que voulez-vous faire\"\n");
    EXPECT_TRUE(app->nav().at_home());
  }
}

TEST_F(HeadlessKiosk, IdleOverlayThenHomeWithAnEmptySession) {
  play("tap \"Trouver un métier\"\n");
  app->session().search_words = "maçon";
  app->session().first_name = "Inès";
  play(
      "advance 59\n"
      "expect-not \"Vous êtes toujours là\"\n"
      "advance 2\n"
      "expect \"Vous êtes toujours là ?\"\n"
      "expect \"Retour à l'accueil dans 15 s\"\n"
      "advance 5\n"
      "expect \"dans 10 s\"\n");
  // The page under the overlay takes no tap.
  EXPECT_FALSE(tappable("Retour"));
  EXPECT_TRUE(tappable("continuer"));
  play(
      "advance 10\n"
      "expect-not \"Vous êtes toujours là\"\n"
      "expect \"Que voulez-vous faire\"\n");
  EXPECT_TRUE(app->nav().at_home());
  EXPECT_TRUE(app->session().empty());
}

TEST_F(HeadlessKiosk, ContinueKeepsTheScreenAndTheSession) {
  play("tap \"Essayer un métier\"\n");
  app->session().trade_code = "F1703";
  play(
      "advance 61\n"
      "expect \"Vous êtes toujours là\"\n"
      "tap \"Je suis là, continuer\"\n"
      "expect-not \"Vous êtes toujours là\"\n"
      "advance 30\n"
      "expect-not \"Vous êtes toujours là\"\n");
  EXPECT_EQ(app->nav().top()->id(), "immersion.trade");
  EXPECT_EQ(app->session().trade_code, "F1703");
}

TEST_F(HeadlessKiosk, NoQuestionOnAnUntouchedHomeScreen) {
  play("advance 600\nexpect-not \"Vous êtes toujours là\"\n");
}

TEST_F(HeadlessKiosk, LanguageSwitchAndIdleResetsIt) {
  play(
      "tap \"Langue · Language\"\n"
      "expect \"Choisissez votre langue\"\n"
      "expect \"Español\"\n"
      "expect \"Українська\"\n"
      "expect \"العربية\"\n"
      "tap \"English\"\n"
      "expect \"Find a trade or a job\"\n"
      "expect \"Monday 23 November\"\n"
      "tap \"Language · Langue\"\n"
      "tap \"Français\"\n"
      "expect \"Trouver un métier\"\n"
      "tap \"Langue · Language\"\n"
      "tap \"English\"\n"
      "expect \"Hello!\"\n"
      "advance 61\n"
      "expect \"Are you still there?\"\n"
      "advance 15\n"
      "expect \"Bonjour !\"\n");
  EXPECT_EQ(i18n.language(), "fr");
}

TEST_F(HeadlessKiosk, TextSizeRebuildsTheFonts) {
  const float before = ui.fonts.size(ui::FontRole::Body);
  play("tap \"A++\"\n");
  EXPECT_EQ(app->shell().text_size, 2);
  EXPECT_GT(ui.fonts.size(ui::FontRole::Body), before);
  play("expect \"Que voulez-vous faire\"\n");
}

TEST_F(HeadlessKiosk, ContrastFromTheFooterLastsTheVisitThenTheSiteThemeComesBack) {
  EXPECT_EQ(ui.theme.kind, ui::ThemeKind::Standard);
  play("tap \"Contraste élevé\"\nexpect-chosen \"Contraste élevé\"\nexpect-theme high-contrast\n");
  EXPECT_EQ(app->shell().high_contrast, true);
  // ImGui's own colours follow: the page is drawn white, not the standard grey.
  EXPECT_EQ(ImGui::ColorConvertFloat4ToU32(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]),
            ui::to_u32(ui::rgb(0xffffff)));
  play("tap \"Trouver un métier\"\nexpect-theme high-contrast\n");
  play("tap \"Retour\"\nexpect \"Bonjour !\"\nexpect-theme standard\n");
  EXPECT_EQ(failures("expect-chosen \"Contraste élevé\"\n"), 1);
}

TEST_F(HeadlessKiosk, TheTimeOutGivesTheNextVisitorTheSiteTheme) {
  play("tap \"Contraste élevé\"\nexpect-theme high-contrast\n");
  play("advance 61\nexpect \"Vous êtes toujours là ?\"\nadvance 15\nexpect-theme standard\n");
}

// Reading aloud with a voice that plays nowhere: what it is given to say is what is checked.
class ReadingKiosk : public HeadlessKiosk {
 protected:
  void SetUp() override {
    services.speaker = &speaker;
    HeadlessKiosk::SetUp();
  }
  speech::Speaker speaker{nullptr};
};

TEST_F(ReadingKiosk, ListenReadsTheScreenThenAFirstTapReadsAndASecondActs) {
  play(
      "tap \"Écouter\"\n"
      "expect \"touchez une fois pour entendre\"\n"
      "expect-said \"Bonjour ! Que voulez-vous faire ?\"\n"
      "expect-said \"Essayer un métier en entreprise\"\n"
      // First tap: read, nothing else.
      "tap \"Trouver un métier\"\n"
      "expect-said \"Trouver un métier ou un emploi\"\n"
      "expect \"Bonjour ! Que voulez-vous faire ?\"\n");
  EXPECT_TRUE(app->nav().at_home());
  EXPECT_FALSE(speaker.last_said().find("Essayer") != std::string::npos);
  // Second tap on the same tile: it acts, and the new screen is read as it opens.
  play("tap \"Trouver un métier\"\n");
  EXPECT_FALSE(app->nav().at_home());
  ScreenContext ctx = app->context();
  const std::string title = app->nav().top()->title(ctx);
  ASSERT_FALSE(title.empty());
  play("expect-said \"" + title + "\"\n");
}

TEST_F(ReadingKiosk, ListenAgainLeavesReadingModeAndTapsActAtOnce) {
  play("tap \"Écouter\"\ntap \"Écouter\"\ntap \"Trouver un métier\"\n");
  EXPECT_FALSE(app->nav().at_home());
}

TEST_F(ReadingKiosk, ReadingModeEndsWithTheVisit) {
  play("tap \"Écouter\"\n");
  EXPECT_TRUE(ui.reading.on);
  app->reset_for_next_visitor();
  EXPECT_FALSE(ui.reading.on);
}

TEST_F(HeadlessKiosk, WithoutAVoiceListenStillGivesTheTwoTapMode) {
  play("tap \"Écouter\"\ntap \"Trouver un métier\"\n");
  EXPECT_TRUE(app->nav().at_home());
}

TEST_F(HeadlessKiosk, TheLockOpensTheStaffEntry) {
  play("tap \"Espace du personnel\"\nexpect \"Retour\"\n");
  EXPECT_EQ(app->nav().top()->id(), "staff.pin");
}

// ------------------------------------------------------------------ nothing reaches the next
// visitor, a tap acts once (issue 11)

// A screen that asks the visitor's first name, as the real forms do.
class AskingScreen : public Screen {
 public:
  std::string_view id() const override { return "test.form"; }
  bool holds_personal_data() const override { return true; }
  void draw(ScreenContext& ctx) override { ui::text(ctx.ui, "Prénom : " + ctx.session.first_name); }
};

TEST_F(HeadlessKiosk, LeavingAFormForgetsWhatItAskedNotTheWay) {
  registry.add("test.form", [](const ScreenArgs&) { return std::make_unique<AskingScreen>(); });
  play("tap \"Essayer un métier\"\n");
  app->session().trade_code = "F1703";
  ASSERT_TRUE(app->nav().open("test.form"));
  app->session().first_name = "Samia";
  app->session().phone = "06 12 34 56 78";
  app->session().consent = true;
  app->session().values["form.immersion.message"] = "Merci. Samia";
  app->session().values["immersion.form_slot"] = "s1";
  play("expect \"Prénom : Samia\"\ntap \"Retour\"\n");
  EXPECT_EQ(app->nav().top()->id(), "immersion.trade");
  EXPECT_TRUE(app->session().first_name.empty());
  EXPECT_TRUE(app->session().phone.empty());
  EXPECT_FALSE(app->session().consent);
  EXPECT_EQ(app->session().values.count("form.immersion.message"), 0u);
  // The way the visitor came stays: they only left the form.
  EXPECT_EQ(app->session().trade_code, "F1703");
  EXPECT_EQ(app->session().values["immersion.form_slot"], "s1");
}

TEST_F(HeadlessKiosk, HomeStartsANewVisitorWithTheSiteDefaults) {
  play(
      "tap \"Langue · Language\"\n"
      "tap \"English\"\n"
      "tap \"A++\"\n"
      "expect-chosen \"A++\"\n"
      "tap \"Find a trade\"\n");
  app->session().search_words = "maçon";
  play("tap \"Back\"\nexpect \"Bonjour !\"\nexpect-chosen \"A\"\n");
  EXPECT_EQ(i18n.language(), "fr");
  EXPECT_EQ(app->shell().text_size, 0);
  EXPECT_TRUE(app->session().empty());
}

// A site that starts every visitor in high contrast (kiosk.conf, the manager, --theme).
class HighContrastSite : public HeadlessKiosk {
 protected:
  void SetUp() override {
    services.settings.default_high_contrast = true;
    HeadlessKiosk::SetUp();
  }
};

TEST_F(HighContrastSite, StartsInHighContrastAndGivesItBackToTheNextVisitor) {
  play("expect-theme high-contrast\nexpect-chosen \"Contraste élevé\"\n");
  play("tap \"Contraste élevé\"\nexpect-theme standard\ntap \"Trouver un métier\"\n");
  play("tap \"Retour\"\nexpect-theme high-contrast\n");
}

TEST_F(HeadlessKiosk, ADoubleTapOnATileOpensThePathOnce) {
  play("double-tap \"Essayer un métier\"\n");
  EXPECT_EQ(app->nav().depth(), 2u);
  EXPECT_EQ(app->nav().top()->id(), "immersion.trade");
  EXPECT_EQ(app->touch().dropped_presses(), 1);
  // A person who reads first is not held back: the next tap by name acts.
  play("tap \"Retour\"\nexpect \"Bonjour !\"\n");
  EXPECT_TRUE(app->nav().at_home());
}

TEST_F(HeadlessKiosk, TheIdleQuestionHidesThePage) {
  registry.add("test.form", [](const ScreenArgs&) { return std::make_unique<AskingScreen>(); });
  play("tap \"Essayer un métier\"\n");
  ASSERT_TRUE(app->nav().open("test.form"));
  app->session().first_name = "Samia";
  play(
      "expect \"Prénom : Samia\"\n"
      "advance 61\n"
      "expect \"Vous êtes toujours là ?\"\n"
      "expect-not \"Samia\"\n"
      "tap \"Je suis là, continuer\"\n"
      "expect \"Prénom : Samia\"\n");
}

}  // namespace
}  // namespace eric
