// eric-bench: the real kiosk drawn headless, for the two frame figures (results screen alone,
// and while a sync applies): they must measure the same shell and screens.
#pragma once

#include <imgui.h>

#include <memory>
#include <string>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/services.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/ui/ui.h"
#include "screens/screens.h"

namespace eric::bench {

// An ImGui context for the length of the run.
class ImGuiScope {
 public:
  ImGuiScope() : ctx_(ImGui::CreateContext()) {}
  ~ImGuiScope() { ImGui::DestroyContext(ctx_); }
  ImGuiScope(const ImGuiScope&) = delete;
  ImGuiScope& operator=(const ImGuiScope&) = delete;

 private:
  ImGuiContext* ctx_;
};

// The real shell and every registered screen on a 1920 x 1080 ImGui context without a window,
// the clock fixed at 10:00 on the catalog's day.
class HeadlessKiosk {
 public:
  HeadlessKiosk();
  HeadlessKiosk(const HeadlessKiosk&) = delete;
  HeadlessKiosk& operator=(const HeadlessKiosk&) = delete;

  // Loads the texts of assets_dir/i18n, puts the kiosk at the site "eric-martigues" (else the
  // store's first site), starts the shell and builds its fonts.
  Status start(Database& db, const std::string& assets_dir, const std::string& today);
  KioskApp& app() { return *app_; }

 private:
  ImGuiScope imgui_;  // first in, last out: the app is gone before its context
  I18n i18n_;
  Clock clock_;
  Services services_;
  ScreenRegistry registry_;
  ui::Ui ui_;
  std::unique_ptr<KioskApp> app_;
};

}  // namespace eric::bench
