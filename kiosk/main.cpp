// eric-kiosk: the full-screen touch terminal (flags: see kiosk/app/options.cpp; settings:
// /etc/eric-kiosk/kiosk.conf, see packaging/kiosk.conf).
#include <imgui.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/main_loop.h"
#include "kiosk/app/options.h"
#include "kiosk/app/script_runner.h"
#include "kiosk/app/service_notify.h"
#include "kiosk/app/startup.h"
#include "kiosk/app/sync_link.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/base/log.h"
#include "kiosk/core/domain/kiosk_config.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/demo/reference_data.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/ui/audio_out.h"
#include "kiosk/ui/platform.h"
#include "kiosk/ui/ui.h"
#include "screens/screens.h"

namespace {

// The one ImGui context of the program; destroyed after the platform that uses it.
struct ImGuiContextGuard {
  ImGuiContextGuard() { ImGui::CreateContext(); }
  ~ImGuiContextGuard() { ImGui::DestroyContext(); }
  ImGuiContextGuard(const ImGuiContextGuard&) = delete;
  ImGuiContextGuard& operator=(const ImGuiContextGuard&) = delete;
};

int fail(const std::string& message) {
  eric::log_error(message);
  return 1;
}

// A sync thread silent this long is stuck: one HTTP request may last a minute, and the worker
// says it is alive at each step and at least once a minute while it waits.
constexpr int64_t kSyncSilenceLimitMs = 5 * 60 * 1000;

// Test hook (tests/packaging/kiosk_session_test.sh): ERIC_TEST_FREEZE_LOOP_AFTER_S=N makes
// the main loop hang after N seconds, as a real deadlock would; the sync thread runs on. The
// watchdog must then go hungry. Never set outside tests.
void freeze_if_asked(std::chrono::steady_clock::time_point started) {
  static const char* env = std::getenv("ERIC_TEST_FREEZE_LOOP_AFTER_S");
  if (env == nullptr || *env == '\0') return;
  if (std::chrono::steady_clock::now() - started < std::chrono::seconds(std::atoi(env))) return;
  eric::log_warning("boucle principale figée (ERIC_TEST_FREEZE_LOOP_AFTER_S)");
  for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

// cage's flags for the file's rotation: -d (no client decorations), and -r once per quarter
// turn clockwise.
std::string cage_options(const eric::KioskConfig& config) {
  std::string out = "-d";
  for (int quarter = 0; quarter < config.rotation / 90; ++quarter) out += " -r";
  return out;
}

eric::Result<eric::Clock> make_clock(const eric::KioskOptions& options) {
  const bool scripted = !options.script.empty();
  if (options.clock.empty()) {
    eric::Clock real;
    return {scripted ? eric::Clock::fixed_at(real.now_ms()) : real, eric::Status::success()};
  }
  int64_t ms = 0;
  if (!eric::Clock::parse_local(options.clock, ms)) {
    const std::string why = "--clock attend « AAAA-MM-JJ HH:MM » (pas « " + options.clock + " »)";
    return {eric::Clock(), eric::Status::error("bad_input", why)};
  }
  // A script gets a frozen clock (only `advance` moves it); a person gets a running one.
  if (scripted) return {eric::Clock::fixed_at(ms), eric::Status::success()};
  eric::Clock running;
  running.advance_ms(ms - running.now_ms());
  return {running, eric::Status::success()};
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// The flags that only print what the session script needs (cage's options, the touch
// calibration), then stop: a code to return, or nothing to go on.
std::optional<int> print_for_session(const eric::KioskOptions& options,
                                     const eric::KioskConfig& config) {
  if (options.print_cage_options) {
    std::printf("%s\n", cage_options(config).c_str());
    return 0;
  }
  if (options.print_touch_calibration) {
    std::printf("%s\n", config.touch_calibration.c_str());
    return 0;
  }
  return std::nullopt;
}

// The terminal's private folder and its store, seeded with the demo catalog when asked.
eric::Result<std::unique_ptr<eric::Database>> open_terminal_store(
    const eric::KioskOptions& options, const std::string& data_dir, const eric::Clock& clock,
    const eric::I18n& i18n, const char* argv0) {
  eric::Result<std::unique_ptr<eric::Database>> out;
  out.status = eric::prepare_data_dir(data_dir);
  if (!out.ok()) return out;
  out.value = eric::open_store(data_dir + "/cache.db", out.status, eric::kiosk_connection());
  if (!out.value || !options.demo) return out;
  const std::string ref = options.reference_data.empty() ? eric::default_reference_dir(argv0)
                                                          : options.reference_data;
  out.status = eric::seed_demo(*out.value, ref, clock).status;
  if (out.ok()) {
    std::printf("%s\n", i18n.tr("shell.demo_pins").c_str());
    std::fflush(stdout);
  }
  return out;
}

// ERIC_LANGUAGE: the language a visitor finds (the e2e wrapper runs each script in each
// language); else the manager's setting.
void choose_language(eric::I18n& i18n, eric::Services& services) {
  if (const char* lang = std::getenv("ERIC_LANGUAGE"); lang && *lang) {
    const std::vector<std::string> loaded = i18n.languages();
    if (std::find(loaded.begin(), loaded.end(), lang) != loaded.end())
      services.settings.default_language = lang;
  }
  i18n.set_language(services.settings.default_language);
}

eric::ui::PlatformOptions platform_options(const eric::KioskOptions& options) {
  eric::ui::PlatformOptions popts;
  popts.title = "ERIC";
  popts.fullscreen = !options.windowed;
  popts.width = options.width;
  popts.height = options.height;
  popts.software = options.software_renderer || !options.script.empty() ||
                   !options.screenshots_dir.empty();
  return popts;
}

// --script: the real program driven by the script; 0 when every step passed.
int run_script_file(const eric::KioskOptions& options, eric::KioskApp& app,
                    eric::ui::Platform& platform, std::chrono::steady_clock::time_point started) {
  eric::Script script;
  if (const eric::Status loaded = eric::load_script(options.script, script); !loaded)
    return fail(loaded.message_fr);
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
  return r.failed == 0 && r.passed > 0 ? 0 : 1;
}

// The kiosk's life under its unit: the event loop, telling systemd it is ready and alive
// while both the loop and the sync worker are.
void run_for_visitors(const eric::KioskOptions& options, eric::KioskApp& app,
                      eric::ui::Platform& platform, eric::SyncLink& sync,
                      std::chrono::steady_clock::time_point started) {
  eric::ServiceNotifier notifier([&sync] { return sync.worker_alive(kSyncSilenceLimitMs); });
  eric::LoopOptions lo;
  lo.started = started;
  lo.print_startup_time = options.print_startup_time;
  lo.max_sleep_ms = notifier.max_sleep_ms();
  lo.on_turn = [&notifier, started](bool presented) {
    freeze_if_asked(started);
    notifier.loop_turned(presented);
  };
  eric::run_main_loop(app, platform, lo);
  notifier.stopping();
}

// The run (a script, or the visitors' day), then the stop: the counters of the last visits
// written once the worker has stopped and the write lock is free. The script's verdict.
int run_then_stop(const eric::KioskOptions& options, eric::KioskApp& app,
                  eric::ui::Platform& platform, eric::SyncLink& sync, eric::Services& services,
                  eric::Database& db, std::chrono::steady_clock::time_point started) {
  int code = 0;
  if (!options.script.empty()) {
    code = run_script_file(options, app, platform, started);
  } else {
    run_for_visitors(options, app, platform, sync, started);
  }
  sync.stop();
  // Counters only (anonymous): a file still busy at exit loses the last visits' counts.
  (void)services.usage.flush(db);
  if (options.print_startup_time) {
    std::printf("Mémoire maximale : %.1f Mo\n", static_cast<double>(peak_rss_kb()) / 1024.0);
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  eric::log_set_program("eric-kiosk");
  eric::configure_sqlite_for_process();
  eric::KioskOptions options;
  if (const auto code = eric::parse_kiosk_options(argc, argv, options)) return *code;
  const eric::Result<eric::KioskConfig> config = eric::load_config(options);
  if (!config.ok()) {
    eric::log_error(config.status.message_fr);
    return 2;
  }
  if (const auto code = print_for_session(options, config.value)) return *code;
  eric::Result<eric::Clock> made_clock = make_clock(options);
  if (!made_clock.ok()) {
    eric::log_error(made_clock.status.message_fr);
    return 2;
  }
  eric::Clock& clock = made_clock.value;

  eric::I18n i18n;
  const std::string assets = eric::resolve_assets_dir(options);
  if (const eric::Status texts = i18n.load_dir(assets + "/i18n"); !texts) return fail(texts.message_fr);
  const std::string data_dir = eric::resolve_kiosk_data_dir(options.data_dir, config.value);
  auto store = open_terminal_store(options, data_dir, clock, i18n, argv[0]);
  if (!store.ok()) return fail(store.status.message_fr);
  std::unique_ptr<eric::Database> db = std::move(store.value);
  eric::Services services;
  eric::load_services(*db, options, config.value, services);
  choose_language(i18n, services);
  const double store_ms = ms_since(started);

  ImGuiContextGuard imgui;
  eric::configure_imgui_io(ImGui::GetIO());
  eric::ui::Ui ui;
  eric::ScreenRegistry registry;
  eric::register_all_screens(registry);
  eric::KioskApp app(ui, i18n, clock, services, registry);
  if (const eric::Status started_app = app.start(); !started_app) return fail(started_app.message_fr);

  eric::ui::Platform platform;
  if (const eric::Status opened = platform.open(platform_options(options)); !opened)
    return fail(opened.message_fr);
  const double window_ms = ms_since(started);
  app.set_screen(platform.geometry());
  if (const eric::Status fonts = app.build_fonts(); !fonts) {
    eric::log_warning(fonts.message_fr + " (police de secours utilisée)");
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
  return run_then_stop(options, app, platform, sync, services, *db, started);
}
