// What the kiosk reads aloud, composed from the UI probe of the frame just drawn: the screen
// (title, text, choices), one widget after a first tap in reading mode, the called-ticket
// banner when it appears. Speaking is the speaker's (kiosk/speech/speaker.h).
#pragma once

#include <string>
#include <string_view>

namespace eric {

namespace ui {
class UiProbe;
struct ReadingMode;
}  // namespace ui

// The screen as one text: title, then each text and choice between top and bottom (the
// content area, without the header's clock or the footer's tools), each once, in reading
// order, separated so the voice pauses.
std::string screen_reading(const ui::UiProbe& probe, std::string_view title, float top,
                           float bottom);

// The label of the widget the reading mode's first tap landed on; empty if not found.
std::string tapped_label(const ui::UiProbe& probe, const ui::ReadingMode& reading);

// The called-ticket banner's line when one is shown; empty otherwise.
std::string banner_line(const ui::UiProbe& probe);

}  // namespace eric
