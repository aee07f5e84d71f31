// Headless ImGui for the UI tests (see headless.h).
#include "headless.h"

#include <cfloat>

#include "kiosk/ui/theme.h"

namespace eric::ui::test {

const SharedFonts& shared_fonts() {
  static SharedFonts shared = [] {
    SharedFonts s;
    s.atlas = IM_NEW(ImFontAtlas)();
    ImGuiContext* ctx = ImGui::CreateContext(s.atlas);
    FontConfig cfg;
    cfg.scale = 1.0f;
    if (const Status built = s.fonts.build(ImGui::GetIO(), cfg); !built) {
      s.error = built.message_fr;
      s.fonts.build_builtin(ImGui::GetIO(), 1.0f);
    }
    ImGui::DestroyContext(ctx);
    return s;
  }();
  return shared;
}

Headless::Headless() {
  const SharedFonts& shared = shared_fonts();
  ctx_ = ImGui::CreateContext(shared.atlas);
  ImGui::SetCurrentContext(ctx_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(1920, 1080);
  io.DeltaTime = 1.0f / 60.0f;
  ui.fonts = shared.fonts;
  set_display(ui, ScreenGeometry{io.DisplaySize.x, io.DisplaySize.y});
  if (i18n.load_dir(std::string(ERIC_ASSETS_DIR) + "/i18n").ok) ui.i18n = &i18n;
}

Headless::~Headless() { ImGui::DestroyContext(ctx_); }

void Headless::frame(const Draw& draw) {
  ImGui::SetCurrentContext(ctx_);
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = pos_;
  io.MouseDown[0] = down_;
  ImGui::NewFrame();
  begin_frame(ui);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoSavedSettings);
  if (draw) draw();
  ImGui::End();
  end_frame(ui);
  ImGui::Render();
}

void Headless::press(float x, float y, const Draw& draw) {
  pos_ = ImVec2(x, y);
  down_ = true;
  frame(draw);
}

void Headless::move(float x, float y, const Draw& draw) {
  pos_ = ImVec2(x, y);
  frame(draw);
}

void Headless::release(const Draw& draw) {
  down_ = false;
  frame(draw);
  pos_ = ImVec2(-FLT_MAX, -FLT_MAX);
  frame(draw);
}

void Headless::tap(float x, float y, const Draw& draw) {
  press(x, y, draw);
  release(draw);
}

void Headless::drag(float x0, float y0, float x1, float y1, int steps, const Draw& draw) {
  press(x0, y0, draw);
  for (int i = 1; i <= steps; ++i)
    move(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps, draw);
  release(draw);
}

const ProbeItem* Headless::find(std::string_view text) const {
  for (const ProbeItem& item : ui.probe.items())
    if (item.text == text) return &item;
  return nullptr;
}

const ProbeItem* Headless::find_key(std::string_view key) const {
  for (const ProbeItem& item : ui.probe.items())
    if (item.kind == ProbeKind::Key && item.key == key) return &item;
  return nullptr;
}

void Headless::tap_item(const ProbeItem& item, const Draw& draw) {
  const float x = item.x + item.w * 0.5f, y = item.y + item.h * 0.5f;
  tap(x, y, draw);
}

}  // namespace eric::ui::test
