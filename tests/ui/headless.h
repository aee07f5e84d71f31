// Headless ImGui for the UI tests: a context without platform or renderer, synthetic touches.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <imgui.h>

#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/ui.h"

namespace eric::ui::test {

// Fonts are built once per test program (FreeType over six sizes takes a while) and shared by
// every context; without any font package, ImGui's built-in font stands in.
struct SharedFonts {
  ImFontAtlas* atlas = nullptr;
  Fonts fonts;
  std::string error;  // why the real fonts could not be built, if they could not
};
const SharedFonts& shared_fonts();

// One ImGui context at 1920 x 1080 with a Ui (French texts loaded from assets/i18n). Input
// follows the kiosk's touch adapter: a press in one frame, the release in the next, then
// the pointer leaves the screen.
class Headless {
 public:
  using Draw = std::function<void()>;

  Headless();
  ~Headless();
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  Ui ui;
  I18n i18n;

  // One frame with the current pointer; draw runs inside a full-screen page window.
  void frame(const Draw& draw);
  void tap(float x, float y, const Draw& draw);
  // Press at (x0, y0), move in steps frames to (x1, y1), release, leave.
  void drag(float x0, float y0, float x1, float y1, int steps, const Draw& draw);
  void press(float x, float y, const Draw& draw);
  void move(float x, float y, const Draw& draw);
  void release(const Draw& draw);  // release then leave (two frames)

  // The first probe item whose text is text (nullptr if none).
  const ProbeItem* find(std::string_view text) const;
  const ProbeItem* find_key(std::string_view key) const;
  void tap_item(const ProbeItem& item, const Draw& draw);

 private:
  ImGuiContext* ctx_ = nullptr;
  ImVec2 pos_{-FLT_MAX, -FLT_MAX};
  bool down_ = false;
};

}  // namespace eric::ui::test
