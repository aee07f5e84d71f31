// The UI probe: every touch widget and text drawn this frame, for the script runner and tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eric::ui {

enum class ProbeKind { Text, Button, Tile, Card, Chip, ListItem, Key, Toggle, Input, Banner };

struct ProbeItem {
  ProbeKind kind = ProbeKind::Text;
  std::string text;  // visible label, UTF-8, as drawn
  std::string key;   // for Key: what it types ("a", "é", " ", "1"), or "shift", "backspace"
  float x = 0, y = 0, w = 0, h = 0;  // screen rectangle in pixels
  bool tappable = false;
  // Drawn over the page (a modal, a toast): the overlap check compares items of one layer.
  int layer = 0;
  // Drawn greyed: it takes no tap by design (not because a modal covers it), so a script can
  // check that a touch on it does nothing (`tap-disabled`).
  bool disabled = false;
};

// What the layout check found wrong on the screen (screen_check.h reads them): a word cut
// (an ellipsis inside a word, a word wider than its line, a text running past its box),
// something outside the screen or hidden under an edge that does not scroll, a text drawn
// larger than its glyphs were rasterised (a blur), two texts or two targets over each other,
// the field being typed into hidden (under the on-screen keyboard, or scrolled out of view).
enum class LayoutFaultKind { CutWord, OffScreen, Upscaled, Overlap, UnderKeyboard };

struct LayoutFault {
  LayoutFaultKind kind = LayoutFaultKind::CutWord;
  std::string text;  // the text concerned, or the widget's label
  float x = 0, y = 0, w = 0, h = 0;
};

// The box the on-screen keyboard types into this frame (a focused field), whole even where
// it is clipped, and whether all of it shows in the region it is drawn in.
struct TypedBox {
  std::string label;
  float x = 0, y = 0, w = 0, h = 0;
  bool shown_whole = true;
};

// A part of the screen that scrolls under a finger (its content is taller than it): where a
// person, or the script runner, swipes to bring what is below the fold into view.
struct ScrollRegion {
  float x = 0, y = 0, w = 0, h = 0;  // the visible part, in pixels
};

// Rebuilt every frame: widgets record what they draw, in drawing order (reading order
// within a screen). Only items that are visible (clipped in) count; under a modal they are
// recorded as not tappable (dimmed, still readable).
class UiProbe {
 public:
  void begin_frame() {
    items_.clear();
    faults_.clear();
    scroll_depth_ = 0;
    layer_ = 0;
    typed_.clear();
    keyboard_ = {};
    has_keyboard_ = false;
    scroll_regions_.clear();
  }
  void record(ProbeItem item) {
    item.layer = layer_;
    items_.push_back(std::move(item));
  }
  const std::vector<ProbeItem>& items() const { return items_; }
  // A modal came over what was recorded: it stays readable (dimmed), it takes no tap.
  void cover_all() {
    for (ProbeItem& item : items_) item.tappable = false;
    ++layer_;  // what comes next is drawn over it
  }
  // A toast or another overlay is drawn over the page between these.
  void enter_overlay() { ++layer_; }
  void leave_overlay() { --layer_; }

  // The keyboard's area (drawn over the page, along the bottom) and the fields it types
  // into: the layout check (layout_faults.h) needs both, so it runs when the frame is done.
  void keyboard_at(float x, float y, float w, float h) {
    keyboard_ = TypedBox{"", x, y, w, h, true};
    has_keyboard_ = true;
  }
  const TypedBox* keyboard() const { return has_keyboard_ ? &keyboard_ : nullptr; }
  void typing_into(TypedBox box) { typed_.push_back(std::move(box)); }
  const std::vector<TypedBox>& typed() const { return typed_; }

  void fault(LayoutFault f) { faults_.push_back(std::move(f)); }
  const std::vector<LayoutFault>& faults() const { return faults_; }
  // Between a scrolling region's start and end, what its edges hide can be scrolled to.
  void enter_scroll() { ++scroll_depth_; }
  void leave_scroll() { --scroll_depth_; }
  bool in_scroll() const { return scroll_depth_ > 0; }
  // The regions that scroll this frame, in drawing order (a modal's page takes no swipe and
  // records none).
  void scrolls_here(ScrollRegion region) { scroll_regions_.push_back(region); }
  const std::vector<ScrollRegion>& scroll_regions() const { return scroll_regions_; }

 private:
  std::vector<ProbeItem> items_;
  std::vector<LayoutFault> faults_;
  int scroll_depth_ = 0;
  int layer_ = 0;
  std::vector<TypedBox> typed_;
  TypedBox keyboard_;
  bool has_keyboard_ = false;
  std::vector<ScrollRegion> scroll_regions_;
};

}  // namespace eric::ui
