// Test fixture base of the headless kiosk (see headless_shell.h).
#include "tests/support/headless_shell.h"
#include "tests/support/status_assert.h"

#include <imgui.h>

#include <sstream>

namespace eric::test {

void HeadlessShell::start_shell(const std::string& now) {
  ImGui::CreateContext();
  configure_imgui_io(ImGui::GetIO());
  ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
  ASSERT_TRUE(test::ok(i18n.load_dir(std::string(ERIC_SOURCE_DIR) + "/assets/i18n")));
  int64_t ms = 0;
  ASSERT_TRUE(Clock::parse_local(now, ms)) << now;
  clock = Clock::fixed_at(ms);
  services.catalog_updated_ms = ms - 20 * 60 * 1000;
  register_all_screens(registry);
  app = std::make_unique<KioskApp>(ui, i18n, clock, services, registry);
  ASSERT_TRUE(test::ok(app->start()));
  (void)app->build_fonts();  // ImGui's own font when no font package is installed
}

void HeadlessShell::TearDown() {
  app.reset();
  if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
}

void HeadlessShell::run_frames(int n) {
  for (int i = 0; i < n; ++i) {
    app->frame(1.0f / 60.0f);
    app->apply_requests();
    app->nav().collect();
  }
}

std::string HeadlessShell::play(const std::string& text) {
  std::ostringstream out;
  ScriptRunOptions o;
  o.script_name = "inline";
  const ScriptResult r = run_script(parse_script(text), *this, o, out);
  EXPECT_EQ(r.failed, 0) << out.str();
  return out.str();
}

int HeadlessShell::failures(const std::string& text) {
  std::ostringstream out;
  ScriptRunOptions o;
  o.script_name = "inline";
  return run_script(parse_script(text), *this, o, out).failed;
}

}  // namespace eric::test
