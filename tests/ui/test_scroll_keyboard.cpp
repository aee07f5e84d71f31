// Drag-scroll lists (inertia, virtualization), on-screen keyboards and the PIN pad.
#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "headless.h"
#include "kiosk/core/base/utf8.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/mirror.h"
#include "kiosk/ui/scroll_list.h"
#include "kiosk/ui/widgets.h"

namespace eric::ui {
namespace {

using test::Headless;

struct ListFixture {
  Headless h;
  int clicked = -1;
  int drawn = 0;
  void draw() {
    drawn = 0;
    ImGui::SetCursorScreenPos(ImVec2(40, 200));
    ScrollList list(h.ui, "jobs", ImVec2(1200, 800), 1000, 150, 20);
    for (int i = list.first(); i < list.last(); ++i) {
      list.place(i);
      const std::string title = "Offre " + std::to_string(i);
      if (card(h.ui, {title, "Employeur · CDI", "4 km", "Martigues", "", 0})) clicked = i;
      ++drawn;
    }
  }
  Headless::Draw fn() {
    return [this] { draw(); };
  }
};

TEST(ScrollList, VirtualizedAndRecordsOnlyVisibleRows) {
  ListFixture f;
  f.h.frame(f.fn());
  EXPECT_LE(f.drawn, 7) << "1000 rows, only those in 800 px are drawn";
  EXPECT_NE(f.h.find("Offre 0"), nullptr);
  EXPECT_NE(f.h.find("Offre 4"), nullptr);
  EXPECT_EQ(f.h.find("Offre 6"), nullptr);
  for (const ProbeItem& item : f.h.ui.probe.items()) {
    EXPECT_GE(item.y, 200.0f - 0.5f) << item.text;
    EXPECT_LE(item.y + item.h, 1000.5f) << item.text;
  }
}

TEST(ScrollList, DragScrollsAndDoesNotClick) {
  ListFixture f;
  f.h.frame(f.fn());
  f.h.drag(600, 900, 600, 400, 10, f.fn());
  EXPECT_EQ(f.clicked, -1) << "a drag is not a tap";
  const ScrollState& s = f.h.ui.scroll.at("jobs");
  EXPECT_GE(s.offset, 490.0f);
  EXPECT_EQ(f.h.find("Offre 0"), nullptr) << "scrolled out of view";
  EXPECT_NE(f.h.find("Offre 6"), nullptr);
}

TEST(ScrollList, InertiaDecaysAndStops) {
  ListFixture f;
  f.h.frame(f.fn());
  f.h.drag(600, 950, 600, 350, 4, f.fn());  // a quick flick
  const float after_release = f.h.ui.scroll.at("jobs").offset;
  EXPECT_TRUE(any_scroll_animating(f.h.ui));
  EXPECT_TRUE(ui_animating(f.h.ui));
  int frames = 0;
  while (ui_animating(f.h.ui) && frames < 2000) {
    f.h.frame(f.fn());
    ++frames;
  }
  EXPECT_LT(frames, 2000) << "inertia must stop so the loop can sleep";
  EXPECT_GT(frames, 5);
  EXPECT_GT(f.h.ui.scroll.at("jobs").offset, after_release + 50) << "the list kept moving";
  EXPECT_EQ(f.clicked, -1);
}

// The probe tells where a swipe scrolls (the script runner swipes there, not at the middle of
// the screen): a list longer than its view, its part in view; one that fits, nowhere.
TEST(ScrollList, SaysWhereASwipeScrollsIt) {
  ListFixture f;
  f.h.frame(f.fn());
  ASSERT_EQ(f.h.ui.probe.scroll_regions().size(), 1u);
  const ScrollRegion& r = f.h.ui.probe.scroll_regions()[0];
  EXPECT_FLOAT_EQ(r.x, 40);
  EXPECT_FLOAT_EQ(r.y, 200);
  EXPECT_FLOAT_EQ(r.w, 1200);
  EXPECT_FLOAT_EQ(r.h, 800);
  f.h.frame([&] {
    ImGui::SetCursorScreenPos(ImVec2(40, 200));
    ScrollList list(f.h.ui, "short", ImVec2(1200, 800), 3, 150, 20);
  });
  EXPECT_TRUE(f.h.ui.probe.scroll_regions().empty()) << "three rows fit: nothing to swipe";
}

TEST(ScrollList, TapOnARowClicksIt) {
  ListFixture f;
  f.h.frame(f.fn());
  const ProbeItem row = *f.h.find("Offre 2");
  f.h.tap(row.x + 100, row.y + row.h / 2, f.fn());
  EXPECT_EQ(f.clicked, 2);
  EXPECT_FALSE(any_scroll_animating(f.h.ui));
}

TEST(ScrollList, StopsAtTheEnds) {
  ListFixture f;
  f.h.frame(f.fn());
  f.h.drag(600, 400, 600, 950, 5, f.fn());  // pulling down at the top
  for (int i = 0; i < 200 && ui_animating(f.h.ui); ++i) f.h.frame(f.fn());
  EXPECT_EQ(f.h.ui.scroll.at("jobs").offset, 0.0f);
}

// The rail that says a list scrolls sits at the list's outer edge: on the right, and on the
// left of a mirrored (right-to-left) frame, away from where its Arabic lines begin.
TEST(ScrollList, RailOnTheOuterEdgeInBothDirections) {
  for (const bool rtl : {false, true}) {
    ListFixture f;
    f.h.ui.rtl = rtl;
    f.h.frame(f.fn());
    f.h.frame(f.fn());  // the first frame measures the rows; the second knows the list scrolls
    ImDrawData* data = ImGui::GetDrawData();
    ASSERT_NE(data, nullptr);
    if (rtl) mirror_frame(f.h.ui, data, ImGui::GetIO().DisplaySize.x);
    const ImU32 rail = to_u32(with_alpha(f.h.ui.theme.card_border, 160));
    float lo = FLT_MAX, hi = -FLT_MAX;
    for (int l = 0; l < data->CmdListsCount; ++l) {
      for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
        if (v.col != rail) continue;
        lo = std::min(lo, v.pos.x);
        hi = std::max(hi, v.pos.x);
      }
    }
    ASSERT_LT(lo, hi) << "no rail drawn (rtl " << rtl << ")";
    // The list spans x = 40 to 1240 in the layout; mirrored, 680 to 1880 on the screen.
    const float outer = rtl ? 680.0f : 1240.0f;
    EXPECT_LT(std::abs((rtl ? lo : hi) - outer), 2.0f) << "rtl " << rtl << ": " << lo << " to " << hi;
    EXPECT_LT(hi - lo, 20.0f);
  }
}

// What the rows draw, by the available width (a card) or by row_width(), ends before the
// rail's strip when the list scrolls, so the rail covers no card's edge; a list that fits
// keeps its whole width, and the width is the window's again after the list.
TEST(ScrollList, RowsEndBeforeTheRailOfAListThatScrolls) {
  for (const int rows : {1000, 3}) {
    Headless h;
    float avail_right = 0, row_w = 0, after_right = 0, before_right = 0;
    for (int frame = 0; frame < 2; ++frame) {  // the second frame knows whether it scrolls
      h.frame([&] {
        ImGui::SetCursorScreenPos(ImVec2(40, 200));
        before_right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        {
          ScrollList list(h.ui, "jobs", ImVec2(1200, 800), rows, 150, 20);
          list.place(list.first());
          avail_right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
          row_w = list.row_width();
        }
        after_right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
      });
    }
    const float list_right = rows > 3 ? 1240.0f - scroll_rail_room(h.ui) : 1240.0f;
    EXPECT_FLOAT_EQ(40 + row_w, list_right) << rows << " rows";
    EXPECT_FLOAT_EQ(avail_right, std::min(before_right, list_right)) << rows << " rows";
    EXPECT_FLOAT_EQ(after_right, before_right) << rows << " rows";
  }
}

struct KeyboardFixture {
  Headless h;
  std::string text;
  KeyboardOpts opts;
  KeyResult last = KeyResult::None;
  Headless::Draw fn() {
    return [this] {
      const KeyResult r = keyboard(h.ui, text, opts);
      if (r != KeyResult::None) last = r;
    };
  }
  void press_key(std::string_view key) {
    const ProbeItem* item = h.find_key(key);
    ASSERT_NE(item, nullptr) << key;
    h.tap_item(*item, fn());
  }
};

TEST(Keyboard, TapOnAKeyTypesIt) {
  KeyboardFixture k;
  k.h.frame(k.fn());
  const ProbeItem* a = k.h.find_key("a");
  ASSERT_NE(a, nullptr);
  EXPECT_GE(a->h, 64.0f);
  EXPECT_EQ(a->text, "a");
  k.press_key("z");
  k.press_key("é");
  k.press_key(" ");
  EXPECT_EQ(k.text, "zé ");
  EXPECT_EQ(k.last, KeyResult::Edited);
  EXPECT_NE(k.h.find("Espace"), nullptr);
  EXPECT_NE(k.h.find_key("œ"), nullptr);
  k.press_key("ok");
  EXPECT_EQ(k.last, KeyResult::Ok);
}

TEST(Keyboard, AzertyRowsAreInOrder) {
  KeyboardFixture k;
  k.h.frame(k.fn());
  float prev_x = -1, row_y = -1;
  for (const char* key : {"a", "z", "e", "r", "t", "y", "u", "i", "o", "p"}) {
    const ProbeItem* item = k.h.find_key(key);
    ASSERT_NE(item, nullptr) << key;
    if (row_y < 0) row_y = item->y;
    EXPECT_EQ(item->y, row_y) << key;
    EXPECT_GT(item->x, prev_x) << key;
    prev_x = item->x;
  }
  EXPECT_GT(k.h.find_key("q")->y, row_y);
  EXPECT_GT(k.h.find_key("w")->y, k.h.find_key("q")->y);
}

TEST(Keyboard, ShiftGivesOneCapital) {
  KeyboardFixture k;
  k.h.frame(k.fn());
  k.press_key("shift");
  ASSERT_NE(k.h.find_key("É"), nullptr) << "keys show capitals while shift is on";
  k.press_key("É");
  k.press_key("m");
  EXPECT_EQ(k.text, "Ém");
  EXPECT_EQ(k.h.find_key("M"), nullptr);
}

TEST(Keyboard, BackspaceRemovesAWholeUtf8Character) {
  KeyboardFixture k;
  k.text = "Zoé";
  k.h.frame(k.fn());
  k.press_key("backspace");
  EXPECT_EQ(k.text, "Zo");
  k.text = "cœur€";
  k.press_key("backspace");
  EXPECT_EQ(k.text, "cœur");
  std::string s = "é";
  utf8::pop_back(s);
  EXPECT_EQ(s, "");
  utf8::pop_back(s);  // empty stays empty
  EXPECT_EQ(s, "");
}

TEST(Keyboard, MaxCharsCountsCharactersNotBytes) {
  KeyboardFixture k;
  k.opts.max_chars = 3;
  k.text = "éé";
  k.h.frame(k.fn());
  k.press_key("é");
  k.press_key("é");
  EXPECT_EQ(k.text, "ééé");
}

TEST(Keyboard, EmailModeHasAtAndDigitsButNoSpace) {
  KeyboardFixture k;
  k.opts.mode = KeyboardMode::Email;
  k.h.frame(k.fn());
  EXPECT_NE(k.h.find_key("@"), nullptr);
  EXPECT_NE(k.h.find_key("."), nullptr);
  EXPECT_NE(k.h.find_key("7"), nullptr);
  EXPECT_EQ(k.h.find_key(" "), nullptr);
  k.press_key("@");
  k.press_key(".fr");
  EXPECT_EQ(k.text, "@.fr");
}

TEST(Keyboard, PhonePadHasPlusAndSpaceAndFitsAtTheBottom) {
  KeyboardFixture k;
  k.opts.mode = KeyboardMode::Phone;
  k.h.frame(k.fn());
  k.press_key("+");
  k.press_key("3");
  k.press_key(" ");
  EXPECT_EQ(k.text, "+3 ");
  EXPECT_EQ(k.h.find_key("a"), nullptr);
  const float top = 1080 - keyboard_height(k.h.ui, KeyboardMode::Phone);
  for (const ProbeItem& item : k.h.ui.probe.items()) {
    EXPECT_GE(item.y, top) << item.text;
    EXPECT_LE(item.y + item.h, 1080.0f) << item.text;
  }
}

TEST(Keyboard, KeyboardIsAboveThePageAndTakesItsTaps) {
  KeyboardFixture k;
  int page_clicks = 0;
  float button_y = 0;
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(0, button_y));
    if (big_button(k.h.ui, "Sous le clavier", {ButtonKind::Primary, 1920})) ++page_clicks;
    keyboard(k.h.ui, k.text, k.opts);
  };
  k.h.frame(draw);
  const ProbeItem key = *k.h.find_key("s");
  button_y = key.y;  // the page button right under the key
  k.h.frame(draw);
  const ProbeItem* button = k.h.find("Sous le clavier");
  ASSERT_NE(button, nullptr);
  ASSERT_LE(button->y, key.y + key.h / 2);
  ASSERT_GE(button->y + button->h, key.y + key.h / 2);
  k.h.tap(key.x + key.w / 2, key.y + key.h / 2, draw);
  EXPECT_EQ(k.text, "s");
  EXPECT_EQ(page_clicks, 0);
}

TEST(PinPad, ShowsDotsNeverDigits) {
  Headless h;
  std::string pin;
  KeyResult last = KeyResult::None;
  auto draw = [&] {
    ImGui::SetCursorScreenPos(ImVec2(700, 200));
    const KeyResult r = pin_pad(h.ui, pin, 6);
    if (r != KeyResult::None) last = r;
  };
  h.frame(draw);
  h.tap_item(*h.find_key("ok"), draw);
  EXPECT_EQ(last, KeyResult::None) << "OK on an empty PIN does nothing";
  for (const char* d : {"4", "8", "1", "5"}) h.tap_item(*h.find_key(d), draw);
  EXPECT_EQ(pin, "4815");
  for (const ProbeItem& item : h.ui.probe.items()) {
    if (item.kind == ProbeKind::Key) continue;  // key labels are digits, that is fine
    EXPECT_EQ(item.text.find_first_of("0123456789"), std::string::npos) << item.text;
  }
  bool dots = false;
  for (const ProbeItem& item : h.ui.probe.items())
    if (item.kind == ProbeKind::Input && item.text == "••••") dots = true;
  EXPECT_TRUE(dots);
  h.tap_item(*h.find_key("backspace"), draw);
  EXPECT_EQ(pin, "481");
  h.tap_item(*h.find_key("ok"), draw);
  EXPECT_EQ(last, KeyResult::Ok);
}

}  // namespace
}  // namespace eric::ui
