// The drawing scale from the physical screen, and the layout check's faults: a word cut, a
// widget off the screen, text stretched past its glyphs, the field being typed out of sight.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "headless.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/layout_faults.h"
#include "kiosk/ui/screen_scale.h"
#include "kiosk/ui/widgets.h"

namespace eric::ui {
namespace {

using test::Headless;

float scale_of(float w, float h, float inches, float distance_cm = 0) {
  return design_scale(ScreenGeometry{w, h, inches, distance_cm});
}

TEST(ScreenScale, TheReferenceScreenDrawsAtOne) {
  EXPECT_NEAR(scale_of(1920, 1080, 23.8f), 1.0f, 0.001f);
  // The same panel turned to portrait: the same pixels, the same letters.
  EXPECT_NEAR(scale_of(1080, 1920, 23.8f), 1.0f, 0.001f);
}

TEST(ScreenScale, LettersKeepTheirPhysicalSizeAcrossPanels) {
  // 1366x768 on 18.5 inches has larger pixels than the reference: fewer of them a letter.
  EXPECT_NEAR(scale_of(1366, 768, 18.5f), 0.915f, 0.01f);
  // 4K on 27 inches: 0.156 mm pixels, 1.76 of them for a reference pixel.
  EXPECT_NEAR(scale_of(3840, 2160, 27.0f), 1.76f, 0.01f);
  // A 43-inch portrait totem: the design's pixels are physically bigger than its own.
  EXPECT_NEAR(scale_of(1080, 1920, 43.0f), 0.55f, 0.01f);
}

TEST(ScreenScale, FartherEyesGetLargerText) {
  EXPECT_NEAR(scale_of(1920, 1080, 23.8f, 90) / scale_of(1920, 1080, 23.8f, 60), 1.5f, 0.001f);
}

TEST(ScreenScale, UnknownSizeFollowsPixelsOnlyOnDenseScreens) {
  // The fault the pixels-only rule had: a 1366x768 panel is not physically smaller.
  EXPECT_FLOAT_EQ(scale_of(1366, 768, 0), 1.0f);
  EXPECT_FLOAT_EQ(scale_of(1080, 1920, 0), 1.0f);
  EXPECT_FLOAT_EQ(scale_of(3840, 2160, 0), 2.0f);
}

TEST(ScreenScale, AFormAndItsKeyboardAlwaysHaveRoom) {
  // A 1280x720 panel read from 1.5 m would want 2.9: capped so 640 design pixels remain.
  EXPECT_FLOAT_EQ(scale_of(1280, 720, 15.6f, 150), 720.0f / kMinShortSideDesignPx);
  EXPECT_GE(scale_of(1920, 1080, 110.0f), 0.5f);
}

TEST(ScreenScale, DiagonalFromTheReportedDpiOnlyWhenItCanBeAScreen) {
  EXPECT_NEAR(diagonal_from_dpi(1920, 1080, 92.56f, 92.56f), 23.8f, 0.05f);
  EXPECT_FLOAT_EQ(diagonal_from_dpi(1920, 1080, 0, 0), 0.0f);       // nothing reported
  EXPECT_FLOAT_EQ(diagonal_from_dpi(1920, 1080, 96, 40), 0.0f);     // not square pixels
  EXPECT_FLOAT_EQ(diagonal_from_dpi(1920, 1080, 1000, 1000), 0.0f); // 2 inches
  EXPECT_FLOAT_EQ(diagonal_from_dpi(1920, 1080, 10, 10), 0.0f);     // a projector's "unknown"
}

bool has_fault(const UiProbe& probe, LayoutFaultKind kind, const std::string& text) {
  return std::any_of(probe.faults().begin(), probe.faults().end(),
                     [&](const LayoutFault& f) { return f.kind == kind && f.text == text; });
}

TEST(LayoutCheck, AWellPlacedPageHasNoFault) {
  Headless h;
  h.frame([&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    text(h.ui, "Une phrase courte qui tient sur sa ligne.");
    big_button(h.ui, "Commencer");
  });
  EXPECT_TRUE(h.ui.probe.faults().empty()) << describe(h.ui.probe.faults().front());
}

TEST(LayoutCheck, AWordWiderThanItsLineIsACutWord) {
  Headless h;
  h.frame([&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    text(h.ui, "Installation, maintenance", TextOpts{FontRole::Title, Tone::Normal, 120});
  });
  EXPECT_TRUE(has_fault(h.ui.probe, LayoutFaultKind::CutWord, "Installation, maintenance"));
}

// A path or a web address has no spaces to wrap at: broken across lines, it is read whole (a
// USB key's folders on a portrait screen). A word of the same width still counts as cut.
TEST(LayoutCheck, APathWiderThanItsLineWrapsWithoutFault) {
  Headless h;
  h.frame([&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    text(h.ui, "Import en cours : /media/eric/KEY/catalogues/2026/catalogue.bundle",
         TextOpts{FontRole::Body, Tone::Normal, 200});
    text(h.ui, "Lien : https://candidat.francetravail.fr/offres/recherche/detail/201ABCD",
         TextOpts{FontRole::Body, Tone::Normal, 200});
  });
  EXPECT_TRUE(h.ui.probe.faults().empty());
  h.frame([&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    text(h.ui, "Import en cours : media-eric-KEY-catalogues-2026-catalogue.bundle",
         TextOpts{FontRole::Body, Tone::Normal, 200});
  });
  EXPECT_TRUE(has_fault(h.ui.probe, LayoutFaultKind::CutWord,
                        "Import en cours : media-eric-KEY-catalogues-2026-catalogue.bundle"));
}

TEST(LayoutCheck, ATextRunningPastItsBoxIsACutWord) {
  Headless h;
  h.frame([&] {
    ImGui::SetCursorScreenPos(ImVec2(1700, 100));
    text(h.ui, "Emporter cette offre", TextOpts{FontRole::Title, Tone::Normal, -1});
  });
  EXPECT_TRUE(has_fault(h.ui.probe, LayoutFaultKind::CutWord, "Emporter cette offre"));
}

TEST(LayoutCheck, AButtonPastTheScreensEdgeIsOffScreen) {
  Headless h;
  h.frame([&] {
    ImGui::SetCursorScreenPos(ImVec2(1800, 100));
    big_button(h.ui, "Prendre un ticket");
  });
  EXPECT_TRUE(has_fault(h.ui.probe, LayoutFaultKind::OffScreen, "Prendre un ticket"));
}

TEST(LayoutCheck, WhatAScrollingPageHidesIsNotAFault) {
  Headless h;
  float page_h = 0;
  const auto draw = [&] {
    ScrollPage page(h.ui, "page", ImVec2(600, 300), page_h);
    for (int i = 0; i < 12; ++i) big_button(h.ui, "Ligne " + std::to_string(i));
  };
  h.frame(draw);
  h.frame(draw);  // the page knows its height from the frame before
  EXPECT_TRUE(h.ui.probe.faults().empty()) << describe(h.ui.probe.faults().front());
  EXPECT_EQ(h.find("Ligne 11"), nullptr) << "below the fold, one drag away";
}

TEST(LayoutCheck, TextDrawnLargerThanItsGlyphsIsUpscaled) {
  Headless h;
  const auto stretched = [&](float factor) {
    h.frame([&] {
      ImFont* font = h.ui.fonts.get(FontRole::Display);
      ImGui::GetWindowDrawList()->AddText(font, font->FontSize * factor, ImVec2(100, 100),
                                          IM_COL32(0, 0, 0, 255), "A001");
    });  // frame() ends with ImGui::Render(): the draw data is the frame's
    return upscaled_text(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
  };
  EXPECT_TRUE(stretched(1.0f).empty());
  const auto blurred = stretched(2.5f);
  ASSERT_FALSE(blurred.empty());
  EXPECT_EQ(blurred.front().kind, LayoutFaultKind::Upscaled);
}

bool has_kind(const std::vector<LayoutFault>& faults, LayoutFaultKind kind) {
  return std::any_of(faults.begin(), faults.end(),
                     [&](const LayoutFault& f) { return f.kind == kind; });
}

// A focused field at height y of the 1080-pixel screen, and the text keyboard open.
std::vector<LayoutFault> typing_at(Headless& h, float y, bool keyboard_open = true) {
  std::string typed = "Sam";
  h.frame([&] {
    ImGui::SetCursorScreenPos(ImVec2(100, y));
    FieldOpts fo;
    fo.focused = true;
    fo.width = 600;
    text_field(h.ui, "Votre prénom", typed, fo);
    if (keyboard_open) keyboard(h.ui, typed, KeyboardOpts{});
  });
  return layout_faults(h.ui.probe, nullptr, nullptr);
}

TEST(LayoutCheck, AFieldTypedIntoUnderTheKeyboardIsHidden) {
  Headless h;
  const float keyboard_top = 1080 - keyboard_height(h.ui, KeyboardMode::Text);
  const auto faults = typing_at(h, keyboard_top + 20);
  ASSERT_TRUE(has_kind(faults, LayoutFaultKind::UnderKeyboard));
  EXPECT_NE(describe(faults.back()).find("Votre prénom"), std::string::npos);
}

TEST(LayoutCheck, AFieldTypedIntoAboveTheKeyboardIsNoFault) {
  Headless h;
  EXPECT_FALSE(has_kind(typing_at(h, 150), LayoutFaultKind::UnderKeyboard));
  // Low on the screen but no keyboard open: nothing is being typed.
  EXPECT_FALSE(has_kind(typing_at(h, 950, false), LayoutFaultKind::UnderKeyboard));
}

TEST(LayoutCheck, AFieldTypedIntoScrolledOutOfItsPageIsHidden) {
  Headless h;
  float page_h = 0;
  std::string typed;
  const auto draw = [&] {
    ScrollPage page(h.ui, "form", ImVec2(600, 300), page_h);
    for (int i = 0; i < 4; ++i) big_button(h.ui, "Ligne " + std::to_string(i));
    FieldOpts fo;
    fo.focused = true;
    text_field(h.ui, "Votre téléphone", typed, fo);  // below the page's 300 pixels
  };
  h.frame(draw);
  h.frame([&] {
    draw();
    keyboard(h.ui, typed, KeyboardOpts{KeyboardMode::Phone});
  });
  EXPECT_TRUE(
      has_kind(layout_faults(h.ui.probe, nullptr, nullptr), LayoutFaultKind::UnderKeyboard));
}

}  // namespace
}  // namespace eric::ui
