// Reading aloud without ever holding a frame: texts go to a worker thread that synthesises
// them and hands the samples to an audio output as they come.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace eric::speech {

// Where the samples go: the SDL audio queue in the kiosk (kiosk/ui/audio_out.h), a buffer in
// tests. Called from the speaker's worker thread.
class AudioOutput {
 public:
  virtual ~AudioOutput() = default;
  virtual void play(const int16_t* samples, size_t count, int sample_rate) = 0;
  virtual void stop() = 0;  // drops what is queued and not heard yet
};

class Speaker {
 public:
  explicit Speaker(std::unique_ptr<AudioOutput> output);
  ~Speaker();  // stops the sound and joins the worker
  Speaker(const Speaker&) = delete;
  Speaker& operator=(const Speaker&) = delete;

  // Replaces whatever is being read by text, in lang's voice. Returns at once.
  void say(std::string text, std::string lang);
  // Silence now (the visitor left, or tapped "Écouter" again).
  void stop();

  // 0 = mute .. 100 = as synthesised; applies from the next piece of sound.
  void set_volume(int percent);
  int volume() const;

  // The last text asked for (the script runner's `expect-said`, tests).
  std::string last_said() const;
  // True while a text waits or is being synthesised.
  bool busy() const;

 private:
  void run();

  std::unique_ptr<AudioOutput> output_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_text_, pending_lang_, last_said_;
  bool has_pending_ = false;
  bool working_ = false;
  bool quit_ = false;
  uint64_t generation_ = 0;  // bumped by say/stop: the text being synthesised is stale
  int volume_ = 80;
  std::thread worker_;
};

}  // namespace eric::speech
