// The mirrored frame of right-to-left languages (kiosk/ui/mirror.h): shapes flip around the
// display's axis, each line of text moves whole with its letters in reading order, kept blocks
// (QR code, keyboard) move without flipping, and touches find the layout's point back.
#include <gtest/gtest.h>

#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/ui/mirror.h"
#include "tests/ui/headless.h"

namespace eric::ui {
namespace {

constexpr float kWidth = 1920;

struct Span {
  float lo = FLT_MAX, hi = -FLT_MAX;
};
Span span(const ImDrawList& dl, int b, int e) {
  Span s;
  for (int i = b; i < e; ++i) {
    s.lo = std::min(s.lo, dl.VtxBuffer[i].pos.x);
    s.hi = std::max(s.hi, dl.VtxBuffer[i].pos.x);
  }
  return s;
}

TEST(Mirror, ShapesFlipTextAndBlocksKeepTheirOrder) {
  test::Headless h;
  ImFont* font = test::shared_fonts().fonts.body;
  ASSERT_NE(font, nullptr);
  ImDrawList dl(ImGui::GetDrawListSharedData());
  dl._ResetForNewFrame();
  dl.PushClipRect(ImVec2(0, 0), ImVec2(300, 1080));
  dl.PushTextureID(font->ContainerAtlas->TexID);
  begin_mirror_frame(h.ui);

  dl.AddRectFilled(ImVec2(10, 10), ImVec2(110, 50), IM_COL32_WHITE);  // vertices 0..3
  const int text_at = dl.VtxBuffer.Size;
  add_text(h.ui, &dl, font, font->FontSize, ImVec2(10, 100), IM_COL32_WHITE, "AB");
  const int text_end = dl.VtxBuffer.Size;
  const float a_before = dl.VtxBuffer[text_at].pos.x, b_before = dl.VtxBuffer[text_at + 4].pos.x;
  // Two wrapped lines, each starting at x = 10.
  const int wrapped_at = dl.VtxBuffer.Size;
  const float wrap = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "WWWW").x + 2;
  add_text(h.ui, &dl, font, font->FontSize, ImVec2(10, 200), IM_COL32_WHITE, "WWWW ii", wrap);
  const int wrapped_end = dl.VtxBuffer.Size;
  const int block_at = dl.VtxBuffer.Size;
  {
    const KeepWhole block(h.ui, &dl);
    dl.AddRectFilled(ImVec2(10, 400), ImVec2(20, 410), IM_COL32_WHITE);
    dl.AddRectFilled(ImVec2(30, 400), ImVec2(40, 410), IM_COL32_WHITE);
  }
  const Span text_before = span(dl, text_at, text_end);

  ImDrawList* lists[] = {&dl};
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  mirror_frame(h.ui, &data, kWidth);

  const Span rect = span(dl, 0, 4);
  EXPECT_FLOAT_EQ(rect.lo, kWidth - 110);
  EXPECT_FLOAT_EQ(rect.hi, kWidth - 10);
  // "AB": the run ends where it began, mirrored; A still left of B, as far apart.
  const Span text_after = span(dl, text_at, text_end);
  EXPECT_FLOAT_EQ(text_after.hi, kWidth - text_before.lo);
  const float a_after = dl.VtxBuffer[text_at].pos.x, b_after = dl.VtxBuffer[text_at + 4].pos.x;
  EXPECT_LT(a_after, b_after);
  EXPECT_FLOAT_EQ(b_after - a_after, b_before - a_before);
  // Each wrapped line now ends at the right margin (the mirror of x = 10), whatever its width.
  int second_line = -1;
  for (int q = wrapped_at + 4; q < wrapped_end; q += 4)
    if (dl.VtxBuffer[q].pos.y > dl.VtxBuffer[wrapped_at].pos.y + font->FontSize * 0.5f) {
      second_line = q;
      break;
    }
  ASSERT_GT(second_line, 0);
  const Span first = span(dl, wrapped_at, second_line), second = span(dl, second_line, wrapped_end);
  EXPECT_NEAR(first.hi, kWidth - 10, font->FontSize * 0.3f);
  EXPECT_NEAR(second.hi, kWidth - 10, font->FontSize * 0.3f);
  EXPECT_GT(first.hi - first.lo, second.hi - second.lo);  // "WWWW" is the wider line
  // The block moved as one, its squares in their order.
  EXPECT_FLOAT_EQ(dl.VtxBuffer[block_at].pos.x, kWidth - 40);
  EXPECT_FLOAT_EQ(dl.VtxBuffer[block_at + 4].pos.x, kWidth - 20);
  // The clip rectangle flipped too.
  EXPECT_FLOAT_EQ(dl.CmdBuffer[0].ClipRect.x, kWidth - 300);
  EXPECT_FLOAT_EQ(dl.CmdBuffer[0].ClipRect.z, kWidth);

  // Touches: inside the block, moved back by the block's shift; elsewhere, flipped.
  h.ui.rtl = true;
  const ImVec2 on_block = screen_to_layout(h.ui, ImVec2(kWidth - 35, 405));
  EXPECT_FLOAT_EQ(on_block.x, 15);
  const ImVec2 on_rect = screen_to_layout(h.ui, ImVec2(kWidth - 60, 30));
  EXPECT_FLOAT_EQ(on_rect.x, 60);
  h.ui.rtl = false;
  EXPECT_FLOAT_EQ(screen_to_layout(h.ui, ImVec2(100, 30)).x, 100);
}

}  // namespace
}  // namespace eric::ui
