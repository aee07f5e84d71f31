// Right to left, the whole frame is mirrored once drawn: screens lay out left to right as
// they always do, and every shape lands at the mirrored place (lists, chips, cards, steps,
// the back button on the right, arrows pointing the other way). Text is not flipped: each
// drawn line moves as a block to its mirrored place, its glyphs in reading order (Arabic
// already in visual order, text_shaping.h). Blocks that must read as drawn (a QR code, the
// on-screen keyboard, whose keys keep their usual places) move or stay whole too.
// The probe and the scripts stay in the layout's coordinates; only touches from the screen
// come through screen_to_layout.
#pragma once

#include <string_view>
#include <vector>

#include <imgui.h>

namespace eric::ui {

struct Ui;

struct MirrorRun {
  ImDrawList* list = nullptr;
  int vtx_begin = 0;
  int vtx_end = 0;
  bool whole = false;  // a block (QR code, keyboard); otherwise text, moved line by line
};

// Where a whole block lies on screen, and how far it moved (screen x minus layout x).
struct KeptBlock {
  ImVec2 min, max;
  float shift = 0;
};

struct MirrorState {
  std::vector<MirrorRun> runs;    // drawn this frame
  std::vector<KeptBlock> kept;    // the blocks of the last mirrored frame, for touches
  float width = 0;                // the display's width at the last mirror
};

// Draws text and marks it as a line run (AddText's arguments).
void add_text(Ui& ui, ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color,
              std::string_view text, float wrap_width = 0.0f);

// Marks what is drawn into dl between construction and destruction as one block.
class KeepWhole {
 public:
  KeepWhole(Ui& ui, ImDrawList* dl);
  ~KeepWhole();
  KeepWhole(const KeepWhole&) = delete;
  KeepWhole& operator=(const KeepWhole&) = delete;

 private:
  Ui& ui_;
  ImDrawList* dl_;
  int begin_;
};

// Mirrors every vertex and clip rectangle of the frame around the display's vertical axis
// (width), keeping marked runs readable. Call after ImGui::Render() when ui.rtl.
void mirror_frame(Ui& ui, ImDrawData* data, float width);
// Where a touch at screen point p lands in the layout (identity unless the last frame drawn
// was mirrored).
ImVec2 screen_to_layout(const Ui& ui, ImVec2 p);
// Forgets the marks of the frame (begin_frame).
void begin_mirror_frame(Ui& ui);

}  // namespace eric::ui
