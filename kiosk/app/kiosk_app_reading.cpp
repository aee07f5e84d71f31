// The shell's part of reading aloud (see kiosk_app.h, read_aloud.h): the reading mode, the
// screen read when it opens, a widget read at its first tap, the called-ticket banner.
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/read_aloud.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/i18n.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/ui/ui.h"

namespace eric {

void KioskApp::say(const std::string& text) {
  if (services_.speaker && !text.empty()) services_.speaker->say(text, i18n_.language());
}

void KioskApp::toggle_reading() {
  ui_.reading.on = !ui_.reading.on;
  ui_.reading.armed_id = 0;
  if (!ui_.reading.on) {
    if (services_.speaker) services_.speaker->stop();
    return;
  }
  // Read the screen as it is now, then each screen as it opens.
  read_generation_ = nav_.generation() - 1;
  ui_.toasts.show(i18n_.tr("shell.reading_on"), clock_.now_ms());
}

void KioskApp::read_aloud_after_frame(unsigned drawn_generation) {
  const ui::UiProbe& probe = ui_.probe;
  // The called ticket first: it concerns someone in the room, whatever they are reading.
  const std::string banner = banner_line(probe);
  if (banner != banner_read_) {
    banner_read_ = banner;
    if (!banner.empty()) {
      say(banner);
      return;
    }
  }
  if (!ui_.reading.on) return;
  if (ui_.reading.read_requested) {
    ui_.reading.read_requested = false;
    say(tapped_label(probe, ui_.reading));
    return;
  }
  // nav_.generation() changes while a frame opens a screen; the frame drawn at a generation
  // shows that screen, so it is read from the frame after the change.
  if (drawn_generation != read_generation_ && drawn_generation == nav_.generation()) {
    read_generation_ = drawn_generation;
    ui_.reading.armed_id = 0;
    say(screen_reading(probe, drawn_title_, content_top_, content_bottom_));
  }
}

}  // namespace eric
