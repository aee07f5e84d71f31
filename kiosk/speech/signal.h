// Is this sound speech? Energy and the shape of short frames, enough to tell a voice from
// silence or hiss (the speech tests' check, no recognition).
#pragma once

#include "kiosk/speech/pcm.h"

namespace eric::speech {

// Root mean square of all samples, on the 16-bit scale (0 = silence, 32767 = full square).
double rms(const Pcm& pcm);

struct VoicedCount {
  int frames = 0;  // 20 ms frames in the sound
  int voiced = 0;  // of which loud and with a voice's low zero-crossing rate
};

// A frame is voiced when its energy is above a fixed floor (quiet room noise stays below) and
// its samples cross zero less than a fifth of the time: vowels and voiced consonants do,
// white noise crosses about half the time.
VoicedCount voiced_frames(const Pcm& pcm);

}  // namespace eric::speech
