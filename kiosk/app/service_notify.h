// The kiosk's side of systemd's notify protocol (eric-kiosk.service is Type=notify with a
// watchdog): READY=1 after the first frame is on screen, WATCHDOG=1 while the main loop turns
// and the sync thread is alive, so a frozen kiosk whose process lives is still restarted.
// Outside systemd (no NOTIFY_SOCKET) it sends nothing and asks the loop for nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace eric {

class ServiceNotifier {
 public:
  // `sync_alive` is asked before each WATCHDOG=1 (SyncLink::worker_alive).
  explicit ServiceNotifier(std::function<bool()> sync_alive);

  // From the main loop, after each turn; `presented`: a frame reached the screen.
  void loop_turned(bool presented);
  // The longest the loop may sleep and still feed the watchdog in time; 0: no limit.
  int max_sleep_ms() const { return max_sleep_ms_; }
  bool ready_sent() const { return ready_sent_; }
  // "STOPPING=1" before a clean exit, so systemd does not count it as a failure.
  void stopping();

 private:
  std::function<bool()> sync_alive_;
  bool ready_sent_ = false;
  int max_sleep_ms_ = 0;
  std::chrono::steady_clock::duration ping_every_{};
  std::chrono::steady_clock::time_point last_ping_{};
};

}  // namespace eric
