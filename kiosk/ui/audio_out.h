// The loudspeaker: SDL's audio queue behind the speaker's AudioOutput (kiosk/speech).
#pragma once

#include <memory>

#include "kiosk/speech/speaker.h"

namespace eric::ui {

// Opens the default audio device at the first sound, at the synthesiser's rate. A kiosk with
// no sound card (or a test under Xvfb) gets an output that stays silent: reading aloud must
// never stop the kiosk.
std::unique_ptr<speech::AudioOutput> make_sdl_audio_output();

}  // namespace eric::ui
