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
};

// Rebuilt every frame: widgets record what they draw, in drawing order (reading order
// within a screen). Only items that are visible (clipped in) count; under a modal they are
// recorded as not tappable (dimmed, still readable).
class UiProbe {
 public:
  void begin_frame() { items_.clear(); }
  void record(ProbeItem item) { items_.push_back(std::move(item)); }
  const std::vector<ProbeItem>& items() const { return items_; }
  // A modal came over what was recorded: it stays readable (dimmed), it takes no tap.
  void cover_all() {
    for (ProbeItem& item : items_) item.tappable = false;
  }

 private:
  std::vector<ProbeItem> items_;
};

}  // namespace eric::ui
