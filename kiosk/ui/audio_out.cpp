// SDL audio queue output (see audio_out.h). SDL_QueueAudio copies into the device's own buffer
// under the device lock, so the speaker's worker may call it while frames are drawn.
#include "kiosk/ui/audio_out.h"

#include <SDL.h>

namespace eric::ui {

namespace {

class SdlAudioOutput final : public speech::AudioOutput {
 public:
  ~SdlAudioOutput() override {
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    if (subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }

  void play(const int16_t* samples, size_t count, int sample_rate) override {
    if (!open(sample_rate)) return;
    SDL_QueueAudio(device_, samples, static_cast<Uint32>(count * sizeof(int16_t)));
  }

  void stop() override {
    if (device_ != 0) SDL_ClearQueuedAudio(device_);
  }

 private:
  bool open(int sample_rate) {
    if (device_ != 0 && sample_rate == rate_) return true;
    if (failed_) return false;
    if (!subsystem_) {
      if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        failed_ = true;
        return false;
      }
      subsystem_ = true;
    }
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    SDL_AudioSpec want{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    want.callback = nullptr;  // queue mode: SDL_QueueAudio feeds the device
    SDL_AudioSpec got{};
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &got, 0);  // SDL converts if need be
    if (device_ == 0) {
      failed_ = true;
      return false;
    }
    rate_ = sample_rate;
    SDL_PauseAudioDevice(device_, 0);
    return true;
  }

  SDL_AudioDeviceID device_ = 0;
  int rate_ = 0;
  bool subsystem_ = false;
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<speech::AudioOutput> make_sdl_audio_output() {
  return std::make_unique<SdlAudioOutput>();
}

}  // namespace eric::ui
