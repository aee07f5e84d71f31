// Theme contrast (every text pair: WCAG AA 4.5:1 in the standard theme, AAA 7:1 in high
// contrast; shapes 3:1) and glyph coverage of every UI string.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "headless.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/text_shaping.h"
#include "kiosk/ui/theme.h"
#include "tests/support/status_assert.h"

namespace eric::ui {
namespace {

TEST(Theme, ContrastRatioKnownValues) {
  EXPECT_NEAR(contrast_ratio(rgb(0x000000), rgb(0xffffff)), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio(rgb(0xffffff), rgb(0x000000)), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio(rgb(0x777777), rgb(0x777777)), 1.0, 1e-9);
  // #767676 on white is the classic "just passes AA" grey.
  EXPECT_GT(contrast_ratio(rgb(0x767676), rgb(0xffffff)), 4.5);
  EXPECT_LT(contrast_ratio(rgb(0x777777), rgb(0xffffff)), 4.5);
}

const char* theme_label(const Theme& theme) {
  return theme.kind == ThemeKind::Standard ? "standard" : "high contrast";
}

TEST(Theme, EveryTextPairReachesItsThemesFloor) {
  EXPECT_EQ(theme_text_contrast_floor(standard_theme()), 4.5);
  EXPECT_EQ(theme_text_contrast_floor(high_contrast_theme()), 7.0);
  for (const Theme& theme : {standard_theme(), high_contrast_theme()}) {
    const auto pairs = theme_text_pairs(theme);
    ASSERT_GE(pairs.size(), 10u);
    for (const ColorPair& p : pairs) {
      const double ratio = contrast_ratio(p.fg, p.bg);
      EXPECT_GE(ratio, theme_text_contrast_floor(theme))
          << p.name << " in theme " << theme_label(theme) << ": " << ratio;
    }
  }
}

TEST(Theme, RingsAndButtonsStandOutInBothThemes) {
  for (const Theme& theme : {standard_theme(), high_contrast_theme()}) {
    for (const ColorPair& p : theme_shape_pairs(theme)) {
      const double ratio = contrast_ratio(p.fg, p.bg);
      EXPECT_GE(ratio, 3.0) << p.name << " in theme " << theme_label(theme) << ": " << ratio;
    }
  }
}

TEST(Theme, HighContrastIsBlackOnWhiteAndYellowOnBlack) {
  const Theme hc = high_contrast_theme();
  EXPECT_NEAR(contrast_ratio(hc.text, hc.page), 21.0, 1e-9);
  EXPECT_EQ(to_u32(hc.primary), to_u32(rgb(0x000000)));
  EXPECT_EQ(to_u32(hc.on_primary), to_u32(rgb(0xffe800)));
  // Thick rings on what is focused or pressed, and thicker outlines than the standard theme.
  EXPECT_GE(hc.ring_px, 2 * hc.border_px);
  EXPECT_GT(hc.border_px, standard_theme().border_px);
}

TEST(Theme, PaletteOfTheStandardTheme) {
  const Theme t = standard_theme();
  EXPECT_EQ(to_u32(t.primary), to_u32(rgb(0x000091)));
  EXPECT_EQ(to_u32(t.page), to_u32(rgb(0xf6f6f6)));
  EXPECT_EQ(to_u32(t.chip_active_bg), to_u32(rgb(0xe3e3fd)));
  EXPECT_EQ(to_u32(t.error), to_u32(rgb(0xce0500)));
  // ImGui packs ABGR: red in the low byte.
  EXPECT_EQ(to_u32(rgb(0x112233)), 0xFF332211u);
}

TEST(Fonts, Utf8Codepoints) {
  EXPECT_EQ(utf8_codepoints("aé€"), (std::vector<unsigned>{'a', 0xE9, 0x20AC}));
  EXPECT_EQ(utf8_codepoints("Œ\xE2\x80\xAF"), (std::vector<unsigned>{0x152, 0x202F}));
  EXPECT_EQ(utf8_codepoints("\xC3"), (std::vector<unsigned>{0xFFFD}));  // cut in the middle
}

TEST(Fonts, SizesFollowTheScale) {
  const test::SharedFonts& shared = test::shared_fonts();
  const Fonts& f = shared.fonts;
  EXPECT_GE(f.size(FontRole::Body), 28.0f);
  EXPECT_GE(f.size(FontRole::Small), 22.0f);
  EXPECT_NEAR(f.size(FontRole::Title), 44.0f, 1.0f);
  EXPECT_NEAR(f.size(FontRole::Display), 64.0f, 1.0f);
}

TEST(Fonts, MissingFileIsAFrenchError) {
  FontConfig cfg;
  cfg.regular = "/nonexistent/font.otf";
  FontFiles files;
  const Status missing = find_font_files(cfg, files);
  EXPECT_FALSE(missing.ok);
  EXPECT_NE(missing.message_fr.find("introuvable"), std::string::npos) << missing.message_fr;
}

// Every character of every French and English string, and of catalog-like samples, must be
// in the atlas of every text size, or ImGui would draw '?'.
TEST(Fonts, AtlasCoversEveryUiAndCatalogString) {
  const test::SharedFonts& shared = test::shared_fonts();
  if (shared.fonts.builtin) GTEST_SKIP() << "no font package installed: " << shared.error;
  I18n i18n;
  ASSERT_TRUE(eric::test::ok(i18n.load_dir(std::string(ERIC_ASSETS_DIR) + "/i18n")));
  std::vector<std::string> texts = {
      "Maçon / Maçonne", "Œnologue", "cœur", "1 850 € brut", "L’Isle-sur-la-Sorgue",
      "« Formation »", "du 5 janvier – 30 juin…", "14\xE2\x80\xAFh\xC2\xA0" "05",
      "Être aidé — vite", "✓ Formation financée par la Région", "← Retour", "Ÿ ÿ Ž",
      "Aix-en-Provence, Salon-de-Provence, Châteaurenard, Saint-Rémy, Forcalquier",
      "•"};
  size_t keys = 0;
  for (const std::string lang : {"fr", "en", "es", "uk"}) {
    for (const std::string& key : i18n.keys(lang)) {
      i18n.set_language(lang);
      texts.push_back(i18n.tr(key));
      ++keys;
    }
  }
  EXPECT_GT(keys, 10u);
  const Fonts& f = shared.fonts;
  for (FontRole role : {FontRole::Small, FontRole::Body, FontRole::BodyBold, FontRole::Heading,
                        FontRole::Title, FontRole::Display}) {
    for (const std::string& s : texts) {
      for (unsigned cp : missing_glyphs(f.get(role), s)) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", cp);
        ADD_FAILURE() << "font role " << static_cast<int>(role) << " lacks " << hex << " in \""
                      << s << "\"";
      }
    }
  }
}

// Arabic: what the atlas is built with for it (the shaped forms of the Arabic texts) covers
// every Arabic text once shaped, in every size.
TEST(Fonts, ArabicAtlasCoversEveryShapedArabicString) {
  I18n i18n;
  ASSERT_TRUE(eric::test::ok(i18n.load_dir(std::string(ERIC_ASSETS_DIR) + "/i18n")));
  std::vector<std::string> texts;
  for (const std::string& key : i18n.keys("ar")) texts.push_back(i18n.text_in("ar", key));
  ASSERT_GT(texts.size(), 100u);
  ImFontAtlas* atlas = IM_NEW(ImFontAtlas)();
  ImGuiContext* ctx = ImGui::CreateContext(atlas);
  FontConfig cfg;
  cfg.extra_glyphs = shaped_code_points(texts);
  Fonts fonts;
  const Status built = fonts.build(ImGui::GetIO(), cfg);
  if (!built || fonts.files.arabic.empty()) {
    ImGui::DestroyContext(ctx);
    IM_DELETE(atlas);
    GTEST_SKIP() << "fonts-noto-core is not installed: " << built.message_fr;
  }
  // Only what the texts use: far fewer than Arabic's 900 presentation forms.
  EXPECT_LT(cfg.extra_glyphs.size(), 400u);
  for (FontRole role : {FontRole::Small, FontRole::Body, FontRole::BodyBold, FontRole::Heading,
                        FontRole::Title, FontRole::Display})
    for (const std::string& t : texts)
      for (unsigned cp : missing_glyphs(fonts.get(role), visual_line(clean_display_text(t), true)))
        ADD_FAILURE() << "role " << static_cast<int>(role) << " lacks U+" << std::hex << cp
                      << " in \"" << t << "\"";
  ImGui::DestroyContext(ctx);
  IM_DELETE(atlas);
}

// Catalog text from outside: emoji, Chinese, bidi overrides, a NUL, a stray byte. What the
// font is given holds none of ImGui's "?" and nothing the font cannot draw.
TEST(Fonts, HostileTextNeverShowsAQuestionMark) {
  const test::SharedFonts& shared = test::shared_fonts();
  const std::string hostile[] = {
      "Maçon \xF0\x9F\x91\xB7 chantier \xF0\x9F\x8F\x97\xEF\xB8\x8F",  // 👷 🏗️
      "\xE2\x80\xAE" "CDI en cuisine",                                        // RLO override
      std::string("Serveur\0se", 10),                                         // NUL inside
      "\xE5\x8E\xA8\xE5\xB8\x88 chef",                                     // 厨师
      "\xE2\x81\xA6" "Aide\xE2\x81\xA9 \xE2\x80\x8B" "à domicile",      // LRI PDI ZWSP
      "Vendeur \xFF\xFE en boutique",                                         // not UTF-8
      "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 Drapeau",                        // 🇫🇷
  };
  for (FontRole role : {FontRole::Body, FontRole::Title}) {
    const ImFont* font = shared.fonts.get(role);
    for (const std::string& s : hostile) {
      const std::string shown = displayable(font, s);
      EXPECT_EQ(shown.find('?'), std::string::npos) << shown;
      EXPECT_TRUE(missing_glyphs(font, shown).empty()) << shown;
      EXPECT_EQ(shown.find('\0'), std::string::npos);
    }
  }
  const ImFont* body = shared.fonts.body;
  // Letters no font has: one "[…]" for the run, never a box per letter; emoji dropped.
  const std::string missing = shared.fonts.builtin ? "\xC2\xB7" : "[\xE2\x80\xA6]";  // · or […]
  EXPECT_EQ(displayable(body, hostile[0]), "Ma\xC3\xA7on chantier");
  EXPECT_EQ(displayable(body, hostile[1]), "CDI en cuisine");
  EXPECT_EQ(displayable(body, hostile[2]), "Serveurse");
  EXPECT_EQ(displayable(body, hostile[3]), missing + " chef");
  EXPECT_EQ(displayable(body, hostile[6]), "Drapeau");
  EXPECT_EQ(displayable(body, "Boulangerie \xE5\xB1\xB1\xE7\x94\xB0 \xE2\x98\x95"),
            "Boulangerie " + missing);  // 山田 ☕
  EXPECT_EQ(displayable(body, "Plain ASCII?"), "Plain ASCII?");  // a real "?" stays
}

TEST(Fonts, HasGlyphSeesWhatIsMissing) {
  const test::SharedFonts& shared = test::shared_fonts();
  if (shared.fonts.builtin) GTEST_SKIP() << "no font package installed";
  EXPECT_TRUE(font_has_glyph(shared.fonts.body, 0x0153));   // œ
  EXPECT_TRUE(font_has_glyph(shared.fonts.body, 0x20AC));   // €
  EXPECT_FALSE(font_has_glyph(shared.fonts.body, 0x4E2D));  // a CJK ideograph: not in ranges
  EXPECT_FALSE(font_has_glyph(nullptr, 'a'));
}

}  // namespace
}  // namespace eric::ui
