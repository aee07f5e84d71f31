// Synthesised speech as it travels from the synthesiser to the loudspeaker: mono 16-bit PCM.
#pragma once

#include <cstdint>
#include <vector>

namespace eric::speech {

struct Pcm {
  int sample_rate = 0;  // samples per second
  std::vector<int16_t> samples;

  double seconds() const {
    return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0;
  }
};

}  // namespace eric::speech
