// Speech or not (see signal.h).
#include "kiosk/speech/signal.h"

#include <cmath>
#include <cstdlib>

namespace eric::speech {

namespace {

// A frame quieter than this (about -40 dB below full scale) is a pause, not a voice.
constexpr double kVoiceFloorRms = 300.0;
constexpr double kMaxVoicedCrossingRate = 0.2;

double frame_rms(const int16_t* s, size_t n) {
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += static_cast<double>(s[i]) * s[i];
  return n ? std::sqrt(sum / static_cast<double>(n)) : 0.0;
}

}  // namespace

double rms(const Pcm& pcm) { return frame_rms(pcm.samples.data(), pcm.samples.size()); }

VoicedCount voiced_frames(const Pcm& pcm) {
  VoicedCount out;
  if (pcm.sample_rate <= 0) return out;
  const size_t frame = static_cast<size_t>(pcm.sample_rate) / 50;  // 20 ms
  for (size_t at = 0; frame > 0 && at + frame <= pcm.samples.size(); at += frame) {
    ++out.frames;
    const int16_t* s = pcm.samples.data() + at;
    if (frame_rms(s, frame) < kVoiceFloorRms) continue;
    size_t crossings = 0;
    for (size_t i = 1; i < frame; ++i)
      if ((s[i - 1] < 0) != (s[i] < 0)) ++crossings;
    if (static_cast<double>(crossings) / static_cast<double>(frame) < kMaxVoicedCrossingRate)
      ++out.voiced;
  }
  return out;
}

}  // namespace eric::speech
