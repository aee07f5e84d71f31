// eric-kiosk: the full-screen touch terminal (flags: see kiosk_usage() in kiosk/app/options.cpp).
#include <imgui.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/main_loop.h"
#include "kiosk/app/options.h"
#include "kiosk/app/script_runner.h"
#include "kiosk/app/startup.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/i18n.h"
#include "kiosk/core/reference_data.h"
#include "kiosk/core/store.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/ui/audio_out.h"
#include "kiosk/ui/platform.h"
#include "kiosk/ui/ui.h"
#include "screens/screens.h"

#ifndef ERIC_VERSION
#define ERIC_VERSION "0.0.0"
#endif

namespace {

// The one ImGui context of the program; destroyed after the platform that uses it.
struct ImGuiContextGuard {
  ImGuiContextGuard() { ImGui::CreateContext(); }
  ~ImGuiContextGuard() { ImGui::DestroyContext(); }
  ImGuiContextGuard(const ImGuiContextGuard&) = delete;
  ImGuiContextGuard& operator=(const ImGuiContextGuard&) = delete;
};

int fail(const std::string& message) {
  std::fprintf(stderr, "eric-kiosk : %s\n", message.c_str());
  return 1;
}

eric::Clock make_clock(const eric::KioskOptions& options, std::string& error) {
  const bool scripted = !options.script.empty();
  if (options.clock.empty()) {
    eric::Clock real;
    return scripted ? eric::Clock::fixed_at(real.now_ms()) : real;
  }
  int64_t ms = 0;
  if (!eric::Clock::parse_local(options.clock, ms)) {
    error = "--clock attend « AAAA-MM-JJ HH:MM » (pas « " + options.clock + " »)";
    return eric::Clock();
  }
  // A script gets a frozen clock (only `advance` moves it); a person gets a running one.
  if (scripted) return eric::Clock::fixed_at(ms);
  eric::Clock running;
  running.advance_ms(ms - running.now_ms());
  return running;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  eric::KioskOptions options;
  std::string error;
  if (!eric::parse_kiosk_options(argc, argv, options, error)) {
    std::fprintf(stderr, "eric-kiosk : %s\n", error.c_str());
    return 2;
  }
  if (options.help) {
    std::fputs(eric::kiosk_usage().c_str(), stdout);
    return 0;
  }
  if (options.version) {
    std::printf("eric-kiosk %s\n", ERIC_VERSION);
    return 0;
  }
  eric::Clock clock = make_clock(options, error);
  if (!error.empty()) {
    std::fprintf(stderr, "eric-kiosk : %s\n", error.c_str());
    return 2;
  }

  eric::I18n i18n;
  const std::string assets = eric::resolve_assets_dir(options);
  if (!i18n.load_dir(assets + "/i18n", error)) return fail(error);

  const std::string data_dir = eric::resolve_data_dir(options);
  if (!eric::prepare_data_dir(data_dir, error)) return fail(error);
  eric::Status status;
  std::unique_ptr<eric::Database> db = eric::open_store(data_dir + "/cache.db", status, eric::kiosk_connection());
  if (!db) return fail(status.message_fr);
  if (options.demo) {
    const std::string ref = options.reference_data.empty()
                                ? eric::default_reference_dir(argv[0])
                                : options.reference_data;
    bool seeded = false;
    if (!eric::seed_demo(*db, ref, clock, seeded, error)) return fail(error);
    std::printf("%s\n", i18n.tr("shell.demo_pins").c_str());
    std::fflush(stdout);
  }
  eric::Services services;
  eric::load_services(*db, options, services);
  // ERIC_LANGUAGE: the language a visitor finds (the e2e wrapper runs each script in each
  // language); else the manager's setting.
  if (const char* lang = std::getenv("ERIC_LANGUAGE"); lang && *lang) {
    const std::vector<std::string> loaded = i18n.languages();
    if (std::find(loaded.begin(), loaded.end(), lang) != loaded.end())
      services.settings.default_language = lang;
  }
  i18n.set_language(services.settings.default_language);
  const double store_ms = ms_since(started);

  ImGuiContextGuard imgui;
  eric::configure_imgui_io(ImGui::GetIO());
  eric::ui::Ui ui;
  eric::ScreenRegistry registry;
  eric::register_all_screens(registry);
  eric::KioskApp app(ui, i18n, clock, services, registry);
  if (!app.start(error)) return fail(error);

  eric::ui::Platform platform;
  eric::ui::PlatformOptions popts;
  popts.title = "ERIC";
  popts.fullscreen = !options.windowed;
  popts.width = options.width;
  popts.height = options.height;
  popts.software = options.software_renderer || !options.script.empty() ||
                   !options.screenshots_dir.empty();
  if (!platform.open(popts, error)) return fail(error);
  const double window_ms = ms_since(started);
  if (!app.build_fonts(platform.output_height(), error)) {
    std::fprintf(stderr, "eric-kiosk : %s (police de secours utilisée)\n", error.c_str());
  }
  platform.rebuild_font_texture();
  // Reading aloud: espeak-ng on its own thread, heard through SDL's audio queue. Declared
  // after the platform, so it falls silent before SDL stops.
  eric::speech::Speaker speaker(eric::ui::make_sdl_audio_output());
  services.speaker = &speaker;

  // Enrolled (eric-kioskctl enroll): the worker syncs at once, then every few minutes and on
  // demand, and wakes the loop through an SDL event. Not enrolled: no worker, the local
  // catalog. Declared after the platform, so it stops before SDL does.
  eric::SyncConfig sync_config;
  sync_config.interval_s = services.settings.sync_interval_s;
  const uint32_t wake_type = platform.wake_event_type();
  eric::SyncLink sync(data_dir + "/cache.db", sync_config, clock,
                      [wake_type] { eric::ui::push_wake_event(wake_type); });
  services.sync = &sync;
  services.request_sync = [&sync, &db] { sync.request_now(*db); };
  sync.start(*db);

  if (options.print_startup_time) {
    std::printf("Démarrage : données prêtes à %.0f ms, fenêtre à %.0f ms, polices à %.0f ms\n",
                store_ms, window_ms, ms_since(started));
  }

  int code = 0;
  if (!options.script.empty()) {
    eric::Script script;
    if (!eric::load_script(options.script, script, error)) return fail(error);
    if (!options.screenshots_dir.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(options.screenshots_dir, ec);
    }
    eric::SdlScriptTarget target(app, platform);
    eric::ScriptRunOptions ro;
    ro.script_name = options.script;
    ro.screenshot_dir = options.screenshots_dir;
    const eric::ScriptResult r = eric::run_script(script, target, ro, std::cout);
    if (options.print_startup_time) {
      std::printf("Premier écran affiché en %.0f ms\n", target.first_frame_ms(started));
    }
    code = r.failed == 0 && r.passed > 0 ? 0 : 1;
  } else {
    eric::LoopOptions lo;
    lo.started = started;
    lo.print_startup_time = options.print_startup_time;
    eric::run_main_loop(app, platform, lo);
  }
  // The counters of the last visits: once the worker has stopped, the write lock is free.
  sync.stop();
  services.usage.flush(*db);
  if (options.print_startup_time) {
    std::printf("Mémoire maximale : %.1f Mo\n", static_cast<double>(peak_rss_kb()) / 1024.0);
  }
  return code;
}
