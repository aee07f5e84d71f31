// eric-bench: the real kiosk drawn headless (see headless_kiosk.h).
#include "tests/bench/headless_kiosk.h"

#include "kiosk/core/storage/store.h"

namespace eric::bench {

HeadlessKiosk::HeadlessKiosk() {
  configure_imgui_io(ImGui::GetIO());
  ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
}

Status HeadlessKiosk::start(Database& db, const std::string& assets_dir, const std::string& today) {
  if (Status texts = i18n_.load_dir(assets_dir + "/i18n"); !texts) return texts;
  int64_t ms = 0;
  Clock::parse_local(today + " 10:00", ms);
  clock_ = Clock::fixed_at(ms);
  services_.db = &db;
  if (auto site = site_by_id(db, "eric-martigues")) {
    services_.site = *site;
  } else {
    const auto sites = all_sites(db);
    if (!sites.empty()) services_.site = sites.front();
  }
  register_all_screens(registry_);
  app_ = std::make_unique<KioskApp>(ui_, i18n_, clock_, services_, registry_);
  if (Status started = app_->start(); !started) return started;
  return app_->build_fonts();
}

}  // namespace eric::bench
