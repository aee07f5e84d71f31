// What the kiosk's screens reach besides the UI: the store, the settings, this site.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "kiosk/core/domain/opening_hours.h"
#include "kiosk/core/domain/usage.h"
#include "kiosk/core/storage/catalog.h"

namespace eric {

class SyncLink;
namespace speech {
class Speaker;
}

// Settings the shell reads at start (stored in the settings table; defaults here).
struct KioskSettings {
  int idle_timeout_s = 60;        // visitor inactivity before "Vous êtes toujours là ?"
  int idle_countdown_s = 15;
  int staff_idle_timeout_s = 120;
  std::string default_language = "fr";
  int default_text_size = 0;      // 0 = A, 1 = A+, 2 = A++
  bool default_high_contrast = false;  // the theme a new visitor starts with
  int sync_interval_s = 300;      // setting sync_interval: between two automatic syncs
  // The screen's diagonal (0: what the display reports) and the eyes' distance (0: 60 cm),
  // from the file or the flags: the drawing scale (kiosk/ui/screen_scale.h).
  float screen_inches = 0;
  int viewing_distance_cm = 0;
};

// Owned by the program (main.cpp) and lent to every screen through ScreenContext.
struct Services {
  Database* db = nullptr;  // the UI thread's connection; null in tests that need no store
  KioskSettings settings;
  Site site;               // this terminal's site ("ERIC Cyber-base de Martigues")
  // When the catalog was last replaced, as a clock time in ms (0 = never): the footer's
  // "Offres à jour : aujourd'hui à 13 h 40".
  int64_t catalog_updated_ms = 0;
  bool demo = false;
  // Asks the sync worker to run now (empty in tests without sync; does nothing when the
  // terminal is not enrolled).
  std::function<void()> request_sync;
  // The sync worker's link (kiosk/app/sync_link.h): its progress for the manager's screens,
  // bundle imports. Null in tests that run without it.
  SyncLink* sync = nullptr;
  // Anonymous usage counters held until the shell writes them between visitors
  // (KioskApp::write_between_visitors): a screen never waits for the file to count something.
  UsageTally usage;
  // The site's opening hours (the configuration file): outside them the shell shows the
  // closed screen. Always open unless the file gives hours.
  WeekHours hours;
  // The regional server's address from the configuration file: the enrolment screen's
  // proposal. Empty: the manager types it.
  std::string config_server_url;
  // Reads aloud (kiosk/speech/speaker.h); null in tests that need no voice.
  speech::Speaker* speaker = nullptr;
};

}  // namespace eric
