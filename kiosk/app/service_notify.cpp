// systemd's notify protocol for the kiosk (see service_notify.h).
#include "kiosk/app/service_notify.h"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdlib>

#include "kiosk/core/base/log.h"

namespace eric {

ServiceNotifier::ServiceNotifier(std::function<bool()> sync_alive)
    : sync_alive_(std::move(sync_alive)) {
  // WATCHDOG_USEC is read here rather than through sd_watchdog_enabled(), which answers "not
  // for you" when WATCHDOG_PID is another process: systemd names the unit's main process,
  // cage, and the kiosk is cage's child. NotifyAccess=all lets the child feed the watchdog.
  uint64_t usec = 0;
  if (const char* env = std::getenv("WATCHDOG_USEC"); env != nullptr && *env != '\0') {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(env, &end, 10);
    if (end != nullptr && *end == '\0') usec = v;
  }
  if (usec > 0) {
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
