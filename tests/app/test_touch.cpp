// The touch adapter: a tap inside one frame still clicks, the pointer leaves after a release.
#include <gtest/gtest.h>
#include <SDL.h>
#include <imgui.h>

#include <cfloat>

#include "kiosk/ui/touch_input.h"

namespace eric::ui {
namespace {

// A headless ImGui context: font atlas built, display size set, no platform or renderer.
struct Headless : ::testing::Test {
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // One frame with one button at (100,100)-(300,200); returns whether it was clicked.
  bool frame() {
    touch.apply(ImGui::GetIO());
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    const bool clicked = ImGui::Button("OK", ImVec2(200, 100));
    hovered = ImGui::IsItemHovered();
    ImGui::End();
    ImGui::Render();
    return clicked;
  }

  TouchInput touch;
  bool hovered = false;
};

TEST_F(Headless, ATapWithinOneFrameStillClicks) {
  frame();
  touch.tap(150, 150);  // press and release arrive together
  EXPECT_TRUE(touch.pending());
  int clicks = 0;
  clicks += frame();  // press
  EXPECT_TRUE(touch.is_down());
  clicks += frame();  // release: the click
  EXPECT_FALSE(touch.is_down());
  clicks += frame();  // the pointer leaves
  clicks += frame();
  EXPECT_EQ(clicks, 1);
  EXPECT_FALSE(touch.pending());
}

TEST_F(Headless, NothingStaysHoveredAfterTheFingerLifts) {
  frame();
  touch.tap(150, 150);
  frame();
  EXPECT_TRUE(hovered);
  frame();
  frame();
  EXPECT_FALSE(hovered);
  EXPECT_EQ(ImGui::GetIO().MousePos.x, -FLT_MAX);
}

TEST_F(Headless, TwoTapsInOneFrameGiveTwoClicks) {
  frame();
  touch.tap(150, 150);
  touch.tap(160, 160);
  int clicks = 0;
  for (int i = 0; i < 8; ++i) clicks += frame();
  EXPECT_EQ(clicks, 2);
}

TEST_F(Headless, MovesWithoutAFingerDoNotHover) {
  frame();
  touch.push({PointerAction::Move, 150, 150});
  frame();
  EXPECT_FALSE(hovered);
}

TEST_F(Headless, AMoveBeyondTheThresholdIsADrag) {
  touch.drag_threshold = 16;
  frame();
  touch.push({PointerAction::Down, 150, 150});
  frame();
  touch.push({PointerAction::Move, 150, 160});
  frame();
  EXPECT_FALSE(touch.is_drag());
  touch.push({PointerAction::Move, 150, 170});
  frame();
  EXPECT_TRUE(touch.is_drag());
  EXPECT_FLOAT_EQ(ImGui::GetIO().MouseDragThreshold, 16);
  touch.push({PointerAction::Up, 150, 170});
  frame();
  EXPECT_FALSE(touch.is_down());
}

TEST_F(Headless, AReleaseOutsideTheButtonDoesNotClick) {
  frame();
  touch.push({PointerAction::Down, 150, 150});
  touch.push({PointerAction::Move, 500, 500});
  touch.push({PointerAction::Up, 500, 500});
  int clicks = 0;
  for (int i = 0; i < 6; ++i) clicks += frame();
  EXPECT_EQ(clicks, 0);
}

TEST_F(Headless, APressWhileHeldIsDroppedWithItsRelease) {
  frame();
  touch.hold_presses_until(400);
  // A press at 100 ms (UI time) was aimed at the screen a tap just replaced.
  touch.push({PointerAction::Down, 150, 150});
  touch.push({PointerAction::Move, 152, 150});
  touch.push({PointerAction::Up, 152, 150});
  int clicks = 0;
  for (int i = 0; i < 6; ++i) {
    touch.apply(ImGui::GetIO(), 100);
    EXPECT_FALSE(touch.is_down());
    ImGui::NewFrame();
    ImGui::Render();
  }
  EXPECT_EQ(touch.dropped_presses(), 1);
  EXPECT_FALSE(touch.pending());
  // Once the hold is over, the same finger clicks.
  EXPECT_FALSE(touch.holding(400));
  touch.tap(150, 150);
  for (int i = 0; i < 4; ++i) clicks += frame();  // frame() applies at UI time 0...
  EXPECT_EQ(clicks, 0) << "...which is still inside the hold";
  touch.hold_presses_until(0);
  touch.tap(150, 150);
  for (int i = 0; i < 4; ++i) clicks += frame();
  EXPECT_EQ(clicks, 1);
  EXPECT_EQ(touch.dropped_presses(), 2);
}

TEST_F(Headless, AHoldNeverCutsAFingerAlreadyDown) {
  frame();
  touch.push({PointerAction::Down, 150, 150});
  frame();
  ASSERT_TRUE(touch.is_down());
  touch.hold_presses_until(1000);
  touch.push({PointerAction::Up, 150, 150});
  int clicks = 0;
  for (int i = 0; i < 3; ++i) clicks += frame();
  EXPECT_EQ(clicks, 1);
  EXPECT_EQ(touch.dropped_presses(), 0);
}

TEST(SdlPointer, FingersAreNormalizedAndMouseCopiesOfTouchesDropped) {
  SdlPointerState state;
  PointerEvent out;
  SDL_Event e{};
  e.type = SDL_FINGERDOWN;
  e.tfinger.fingerId = 7;
  e.tfinger.x = 0.5f;
  e.tfinger.y = 0.25f;
  ASSERT_TRUE(pointer_from_sdl(e, 1920, 1080, 1, 1, state, out));
  EXPECT_EQ(out.action, PointerAction::Down);
  EXPECT_FLOAT_EQ(out.x, 960);
  EXPECT_FLOAT_EQ(out.y, 270);
  // A second finger is ignored while the first is down.
  e.tfinger.fingerId = 8;
  EXPECT_FALSE(pointer_from_sdl(e, 1920, 1080, 1, 1, state, out));
  e.type = SDL_FINGERUP;
  EXPECT_FALSE(pointer_from_sdl(e, 1920, 1080, 1, 1, state, out));
  e.tfinger.fingerId = 7;
  ASSERT_TRUE(pointer_from_sdl(e, 1920, 1080, 1, 1, state, out));
  EXPECT_EQ(out.action, PointerAction::Up);

  SDL_Event m{};
  m.type = SDL_MOUSEBUTTONDOWN;
  m.button.button = SDL_BUTTON_LEFT;
  m.button.which = SDL_TOUCH_MOUSEID;  // SDL's mouse copy of a touch
  EXPECT_FALSE(pointer_from_sdl(m, 1920, 1080, 1, 1, state, out));
  m.button.which = 0;
  m.button.x = 100;
  m.button.y = 50;
  ASSERT_TRUE(pointer_from_sdl(m, 1920, 1080, 2, 2, state, out));  // high DPI: x2
  EXPECT_FLOAT_EQ(out.x, 200);
  EXPECT_FLOAT_EQ(out.y, 100);
  m.button.button = SDL_BUTTON_RIGHT;
  EXPECT_FALSE(pointer_from_sdl(m, 1920, 1080, 1, 1, state, out));
}

}  // namespace
}  // namespace eric::ui
