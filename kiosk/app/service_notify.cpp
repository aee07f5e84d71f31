// systemd's notify protocol for the kiosk (see service_notify.h).
#include "kiosk/app/service_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdlib>

#include "kiosk/core/log.h"

namespace eric {

ServiceNotifier::ServiceNotifier(std::function<bool()> sync_alive)
    : sync_alive_(std::move(sync_alive)) {
  uint64_t usec = 0;
  // 0 (unset = false): our own process is the one systemd watches (NotifyAccess=all lets
  // the kiosk, cage's child, speak for the unit).
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
    // Half the period, as sd_watchdog_enabled(3) advises; the loop wakes a little sooner.
    ping_every_ = std::chrono::microseconds(usec / 2);
    max_sleep_ms_ = static_cast<int>(std::max<uint64_t>(usec / 4000, 10));
  }
}

void ServiceNotifier::loop_turned(bool presented) {
  if (presented && !ready_sent_) {
    ready_sent_ = true;
    sd_notify(0, "READY=1\nSTATUS=Accueil affiché");
    log_info("premier écran affiché, prêt");
  }
  if (max_sleep_ms_ == 0 || !ready_sent_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ping_ < ping_every_) return;
  if (sync_alive_ && !sync_alive_()) {
    // Say it once per period: the journal tells the administrator why the kiosk restarts.
    log_warning("la synchronisation ne répond plus : le chien de garde n'est plus nourri");
    last_ping_ = now;
    return;
  }
  last_ping_ = now;
  sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::stopping() { sd_notify(0, "STOPPING=1"); }

}  // namespace eric
