// Touch widgets: taps click once, drags never click, the probe sees visible items only.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "headless.h"
#include "kiosk/ui/widgets.h"

namespace eric::ui {
namespace {

using test::Headless;

TEST(Widgets, TapOnBigButtonClicksExactlyOnce) {
  Headless h;
  int clicks = 0;
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    if (big_button(h.ui, "Commencer")) ++clicks;
  };
  h.frame(draw);
  const ProbeItem* item = h.find("Commencer");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->kind, ProbeKind::Button);
  EXPECT_TRUE(item->tappable);
  EXPECT_GE(item->h, 64.0f);  // touch target at 1080 p
  const ProbeItem copy = *item;
  h.press(copy.x + copy.w / 2, copy.y + copy.h / 2, draw);
  EXPECT_EQ(clicks, 0) << "a press alone is not a tap";
  h.release(draw);
  EXPECT_EQ(clicks, 1);
  for (int i = 0; i < 5; ++i) h.frame(draw);
  EXPECT_EQ(clicks, 1) << "no repeat after the finger left";
}

TEST(Widgets, SmallWobbleStillClicksButDragDoesNot) {
  Headless h;
  int clicks = 0;
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    if (big_button(h.ui, "Commencer", {ButtonKind::Primary, 600.0f})) ++clicks;
  };
  h.frame(draw);
  const ProbeItem b = *h.find("Commencer");
  const float cx = b.x + b.w / 2, cy = b.y + b.h / 2;
  h.drag(cx, cy, cx + 6, cy + 3, 3, draw);  // a finger is never perfectly still
  EXPECT_EQ(clicks, 1);
  h.drag(cx - 100, cy, cx + 100, cy, 6, draw);  // a swipe that ends on the button
  EXPECT_EQ(clicks, 1);
}

TEST(Widgets, PressOutsideThenReleaseInsideDoesNotClick) {
  Headless h;
  int clicks = 0;
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    if (big_button(h.ui, "OK")) ++clicks;
  };
  h.frame(draw);
  const ProbeItem b = *h.find("OK");
  h.press(900, 900, draw);
  h.move(b.x + 5, b.y + 5, draw);
  h.release(draw);
  EXPECT_EQ(clicks, 0);
}

TEST(Widgets, ChipToggleTileCardRecordTheirKind) {
  Headless h;
  bool consent = false;
  auto draw = [&] {
    chip(h.ui, "CDI", true);
    ImGui::SameLine();
    chip(h.ui, "CDD", false);
    toggle(h.ui, "J'accepte d'être contacté", consent);
    tile(h.ui, {Picto::Jobs, "Trouver un métier", "Des offres près de chez vous.", "Commencer",
                ImVec2(560, 0)});
    card(h.ui, {"Cuisinier / Cuisinière", "Restaurant · CDI", "2 km", "Martigues",
                "Formation financée par la Région", 0});
  };
  h.frame(draw);
  const ProbeItem* cdi = h.find("CDI");
  ASSERT_NE(cdi, nullptr);
  EXPECT_EQ(cdi->kind, ProbeKind::Chip);
  EXPECT_EQ(cdi->key, "active");
  EXPECT_EQ(h.find("CDD")->key, "");
  ASSERT_NE(h.find("Trouver un métier"), nullptr);
  EXPECT_EQ(h.find("Trouver un métier")->kind, ProbeKind::Tile);
  EXPECT_EQ(h.find("Des offres près de chez vous.")->kind, ProbeKind::Text);
  ASSERT_NE(h.find("Cuisinier / Cuisinière"), nullptr);
  EXPECT_EQ(h.find("Cuisinier / Cuisinière")->kind, ProbeKind::Card);
  EXPECT_NE(h.find("2 km"), nullptr);
  EXPECT_NE(h.find("Formation financée par la Région"), nullptr);
  const ProbeItem t = *h.find("J'accepte d'être contacté");
  EXPECT_EQ(t.kind, ProbeKind::Toggle);
  EXPECT_EQ(t.key, "unchecked");
  h.tap(t.x + 20, t.y + t.h / 2, draw);
  EXPECT_TRUE(consent);
  EXPECT_EQ(h.find("J'accepte d'être contacté")->key, "checked");
}

TEST(Widgets, TileWholeCardIsTheTarget) {
  Headless h;
  int taps = 0;
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(60, 200));
    if (tile(h.ui, {Picto::Help, "Être aidé", "Un animateur vous aide.", "Commencer",
                    ImVec2(560, 500)}))
      ++taps;
  };
  h.frame(draw);
  const ProbeItem t = *h.find("Être aidé");
  EXPECT_NEAR(t.w, 560, 0.5);
  EXPECT_NEAR(t.h, 500, 0.5);
  h.tap(t.x + 20, t.y + 20, draw);  // the corner, far from the "Commencer" look-alike
  EXPECT_EQ(taps, 1);
}

TEST(Widgets, ATileGridTakesTheLargestTitleSizeThatCutsNoWord) {
  Headless h;
  const std::vector<std::string> titles = {"Santé", "Installation, maintenance"};
  // Wide tiles: the title size. Narrow ones: a smaller size, the same for every tile.
  EXPECT_EQ(tile_title_font(h.ui, titles, 700), FontRole::Title);
  const FontRole narrow = tile_title_font(h.ui, titles, 260);
  EXPECT_LT(static_cast<int>(narrow), static_cast<int>(FontRole::Title));
  EXPECT_EQ(tile_title_font(h.ui, {"Santé"}, 260), FontRole::Title);  // short words keep it
  // A word wider than any font allows still gets the smallest title size, never less.
  EXPECT_EQ(tile_title_font(h.ui, {"Anticonstitutionnellement"}, 120), FontRole::BodyBold);
}

TEST(Widgets, ProbeRecordsOnlyVisibleItems) {
  Headless h;
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    big_button(h.ui, "Visible");
    ImGui::SetCursorScreenPos(ImVec2(100, 1500));  // below the display
    big_button(h.ui, "Hors écran");
    ImGui::PushClipRect(ImVec2(0, 0), ImVec2(1920, 300), true);
    ImGui::SetCursorScreenPos(ImVec2(100, 320));
    text(h.ui, "Coupé");
    ImGui::SetCursorScreenPos(ImVec2(100, 250));
    text(h.ui, "À moitié");
    ImGui::PopClipRect();
  };
  h.frame(draw);
  EXPECT_NE(h.find("Visible"), nullptr);
  EXPECT_EQ(h.find("Hors écran"), nullptr);
  EXPECT_EQ(h.find("Coupé"), nullptr);
  const ProbeItem* half = h.find("À moitié");
  ASSERT_NE(half, nullptr);
  EXPECT_LE(half->y + half->h, 300.5f) << "the recorded rect is the visible part";
}

TEST(Widgets, ModalBlocksAndDimsThePage) {
  Headless h;
  bool modal = false;
  int page_clicks = 0, modal_clicks = 0;
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    if (big_button(h.ui, "Page")) ++page_clicks;
    if (modal) {
      begin_modal(h.ui, "idle");
      text(h.ui, "Vous êtes toujours là ?", {FontRole::Title, Tone::Title});
      if (big_button(h.ui, "Oui, je continue")) ++modal_clicks;
      end_modal(h.ui);
    }
  };
  h.frame(draw);
  const ProbeItem page = *h.find("Page");
  modal = true;
  h.frame(draw);
  h.frame(draw);
  const ProbeItem* covered = h.find("Page");
  ASSERT_NE(covered, nullptr) << "a dimmed page is still readable: the probe says so";
  EXPECT_FALSE(covered->tappable) << "but nothing under the modal takes a tap";
  ASSERT_NE(h.find("Vous êtes toujours là ?"), nullptr);
  h.tap(page.x + page.w / 2, page.y + page.h / 2, draw);
  EXPECT_EQ(page_clicks, 0);
  const ProbeItem yes = *h.find("Oui, je continue");
  h.tap(yes.x + yes.w / 2, yes.y + yes.h / 2, draw);
  EXPECT_EQ(modal_clicks, 1);
  modal = false;
  h.frame(draw);
  h.tap(page.x + page.w / 2, page.y + page.h / 2, draw);
  EXPECT_EQ(page_clicks, 1);
}

TEST(Widgets, BackButtonAndTitleBand) {
  Headless h;
  bool back = false;
  auto draw = [&] { back |= title_band(h.ui, "Cuisinier", "Près de Martigues", true) == BandTap::Back; };
  h.frame(draw);
  const ProbeItem* b = h.find("Retour");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->kind, ProbeKind::Button);
  EXPECT_NE(h.find("Cuisinier"), nullptr);
  h.tap_item(*b, draw);
  EXPECT_TRUE(back);
}

TEST(Widgets, TextFieldShowsValueLabelAndError) {
  Headless h;
  int taps = 0;
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    if (text_field(h.ui, "Votre prénom", "Zoé", {true, "Écrivez au moins 2 lettres.", "", 600}))
      ++taps;
  };
  h.frame(draw);
  EXPECT_NE(h.find("Votre prénom"), nullptr);
  EXPECT_NE(h.find("Écrivez au moins 2 lettres."), nullptr);
  const ProbeItem* field = h.find("Zoé");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->kind, ProbeKind::Input);
  EXPECT_GE(field->h, 64.0f);
  h.tap_item(*field, draw);
  EXPECT_EQ(taps, 1);
}

TEST(Widgets, FooterToolsAreTappable) {
  Headless h;
  FooterResult last;
  auto draw = [&] {
    FooterSpec spec;
    spec.freshness = "Offres à jour : aujourd'hui à 13 h 40";
    spec.language_label = "Français · English";
    const FooterResult r = footer(h.ui, spec);
    if (r.tap != FooterTap::None) last = r;
  };
  h.frame(draw);
  ASSERT_NE(h.find("A++"), nullptr);
  h.tap_item(*h.find("A++"), draw);
  EXPECT_EQ(last.tap, FooterTap::TextSize);
  EXPECT_EQ(last.text_size, 2);
  h.tap_item(*h.find("Espace du personnel"), draw);
  EXPECT_EQ(last.tap, FooterTap::Staff);
  h.tap_item(*h.find("Écouter"), draw);
  EXPECT_EQ(last.tap, FooterTap::ReadAloud);
  ASSERT_NE(h.find("Contraste élevé"), nullptr);
  h.tap_item(*h.find("Contraste élevé"), draw);
  EXPECT_EQ(last.tap, FooterTap::Contrast);
  for (const ProbeItem& item : h.ui.probe.items())
    if (item.tappable) {
      EXPECT_GE(item.h, 64.0f) << item.text;
    }
}

TEST(Widgets, ToastFollowsThePassedClock) {
  Headless h;
  h.ui.toasts.show("Demande envoyée", 1000, 4000, ToastKind::Success);
  int64_t now = 2000;
  auto draw = [&] { draw_toasts(h.ui, now); };
  h.frame(draw);
  EXPECT_NE(h.find("Demande envoyée"), nullptr);
  EXPECT_EQ(h.ui.toasts.next_deadline_ms(now), 5000);
  now = 5000;
  h.frame(draw);
  EXPECT_EQ(h.find("Demande envoyée"), nullptr);
  EXPECT_EQ(h.ui.toasts.next_deadline_ms(now), std::numeric_limits<int64_t>::max());
}

}  // namespace
}  // namespace eric::ui
