// The speaker's worker (see speaker.h).
#include "kiosk/speech/speaker.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "kiosk/speech/synth.h"

namespace eric::speech {

Speaker::Speaker(std::unique_ptr<AudioOutput> output) : output_(std::move(output)) {
  worker_ = std::thread([this] { run(); });
}

Speaker::~Speaker() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
    ++generation_;
  }
  wake_.notify_all();
  worker_.join();
  if (output_) output_->stop();
}

void Speaker::say(std::string text, std::string lang) {
  {
    std::lock_guard lock(mutex_);
    pending_text_ = std::move(text);
    pending_lang_ = std::move(lang);
    last_said_ = pending_text_;
    has_pending_ = true;
    ++generation_;
    // The new text is heard from its start, not after the old one. Under the lock, so the
    // worker cannot slip a piece of the old text in after it.
    if (output_) output_->stop();
  }
  wake_.notify_all();
}

void Speaker::stop() {
  {
    std::lock_guard lock(mutex_);
    has_pending_ = false;
    ++generation_;
    if (output_) output_->stop();
  }
}

void Speaker::set_volume(int percent) {
  std::lock_guard lock(mutex_);
  volume_ = std::clamp(percent, 0, 100);
}

int Speaker::volume() const {
  std::lock_guard lock(mutex_);
  return volume_;
}

std::string Speaker::last_said() const {
  std::lock_guard lock(mutex_);
  return last_said_;
}

bool Speaker::busy() const {
  std::lock_guard lock(mutex_);
  return has_pending_ || working_;
}

void Speaker::run() {
  std::vector<int16_t> scaled;
  for (;;) {
    std::string text, lang;
    uint64_t generation = 0;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return quit_ || has_pending_; });
      if (quit_) return;
      text = std::move(pending_text_);
      lang = std::move(pending_lang_);
      has_pending_ = false;
      working_ = true;
      generation = generation_;
    }
    const Status status = synthesise(text, lang, [&](const int16_t* s, size_t n, int rate) {
      std::lock_guard lock(mutex_);
      if (generation != generation_) return false;  // replaced or stopped: cut it short
      scaled.assign(s, s + n);
      for (int16_t& v : scaled) v = static_cast<int16_t>(v * volume_ / 100);
      // Queuing is a copy into the device's buffer: short enough to hold the lock through.
      if (output_) output_->play(scaled.data(), scaled.size(), rate);
      return true;
    });
    // A language without a voice stays silent: the visitor still has the text on screen,
    // and there is nobody to tell but the log.
    (void)status;
    std::lock_guard lock(mutex_);
    working_ = false;
  }
}

}  // namespace eric::speech
