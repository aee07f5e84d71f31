// Reading aloud: each kiosk language is synthesised into a WAV file and read back; the sound
// must be speech (energy, voiced frames), not silence or hiss. The speaker's worker replaces
// a text by a newer one and honours the volume.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "kiosk/speech/signal.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/speech/synth.h"
#include "kiosk/speech/wav.h"

namespace eric::speech {
namespace {

namespace fs = std::filesystem;

struct Phrase {
  const char* lang;
  const char* text;
};

// What the kiosk reads first on its home screen, in each language.
constexpr Phrase kPhrases[] = {
    {"fr", "Bonjour. Que voulez-vous faire aujourd'hui ? Trouver un emploi près de chez moi."},
    {"en", "Hello. What would you like to do today? Find a job near home."},
    {"es", "Hola. ¿Qué quiere hacer hoy? Encontrar un empleo cerca de casa."},
    {"uk", "Вітаємо. Що ви хочете зробити сьогодні? Знайти роботу поблизу дому."},
    {"ar", "مرحبا. ماذا تريد أن تفعل اليوم؟ أن أجد عملا قرب منزلي."},
};

fs::path temp_wav(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("eric_speech_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// The check the tests make of every sound that should be speech.
void expect_speech(const Pcm& pcm, const std::string& what) {
  ASSERT_GT(pcm.sample_rate, 8000) << what;
  EXPECT_GT(pcm.seconds(), 1.5) << what;  // a sentence, not a click
  EXPECT_GT(rms(pcm), 800.0) << what;
  const VoicedCount v = voiced_frames(pcm);
  // Speech is voiced a good part of the time (vowels); pauses between words are not.
  EXPECT_GT(v.voiced, v.frames / 4) << what << ": " << v.voiced << " of " << v.frames;
}

class EachLanguage : public ::testing::TestWithParam<Phrase> {};

TEST_P(EachLanguage, WavIsSpeechNotSilence) {
  const Phrase p = GetParam();
  const Result<Pcm> spoken = synthesise_all(p.text, p.lang);
  ASSERT_TRUE(spoken.ok()) << spoken.status.message_fr;
  const fs::path path = temp_wav(std::string(p.lang) + ".wav");
  ASSERT_TRUE(write_wav(path.string(), spoken.value).ok);
  const Result<Pcm> back = read_wav(path.string());
  ASSERT_TRUE(back.ok()) << back.status.message_fr;
  EXPECT_EQ(back.value.samples, spoken.value.samples);
  expect_speech(back.value, p.lang);
}

INSTANTIATE_TEST_SUITE_P(Speech, EachLanguage, ::testing::ValuesIn(kPhrases),
                         [](const auto& info) { return std::string(info.param.lang); });

TEST(SpeechCheck, SilenceAndHissAreNotSpeech) {
  Pcm silence{22050, std::vector<int16_t>(22050 * 2, 0)};
  EXPECT_LT(rms(silence), 1.0);
  EXPECT_EQ(voiced_frames(silence).voiced, 0);

  Pcm hiss{22050, {}};
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> noise(-8000, 8000);
  for (int i = 0; i < 22050 * 2; ++i) hiss.samples.push_back(static_cast<int16_t>(noise(rng)));
  EXPECT_GT(rms(hiss), 800.0);  // loud...
  EXPECT_LT(voiced_frames(hiss).voiced, voiced_frames(hiss).frames / 20);  // ...but no voice
}

TEST(SpeechCheck, ToneIsVoiced) {
  // A 150 Hz hum, a voice's pitch: every frame counts as voiced.
  Pcm hum{22050, {}};
  for (int i = 0; i < 22050; ++i)
    hum.samples.push_back(static_cast<int16_t>(6000 * std::sin(2 * std::numbers::pi * 150 * i / 22050.0)));
  const VoicedCount v = voiced_frames(hum);
  EXPECT_EQ(v.voiced, v.frames);
}

TEST(Synth, UnknownLanguageIsAnErrorNotSilence) {
  const Result<Pcm> r = synthesise_all("Hallo", "de");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status.code, "no_voice");
}

TEST(Wav, RefusesWhatIsNotMonoPcm) {
  const fs::path path = temp_wav("not_a_wav.wav");
  {
    std::ofstream f(path, std::ios::binary);
    f << "RIFF but not really a wave file, long enough to have a header of 44 bytes";
  }
  const Result<Pcm> r = read_wav(path.string());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status.code, "bad_input");
}

// Keeps what the speaker plays, as a test's loudspeaker.
class BufferOutput : public AudioOutput {
 public:
  explicit BufferOutput(Pcm& into, std::mutex& m) : into_(into), m_(m) {}
  void play(const int16_t* s, size_t n, int rate) override {
    std::lock_guard lock(m_);
    into_.sample_rate = rate;
    into_.samples.insert(into_.samples.end(), s, s + n);
  }
  void stop() override {
    std::lock_guard lock(m_);
    into_.samples.clear();
  }

 private:
  Pcm& into_;
  std::mutex& m_;
};

void wait_idle(const Speaker& speaker) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (speaker.busy() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_FALSE(speaker.busy());
}

TEST(Speaker, SayReturnsAtOnceAndTheWorkerPlaysSpeech) {
  Pcm heard;
  std::mutex m;
  Speaker speaker(std::make_unique<BufferOutput>(heard, m));
  const auto before = std::chrono::steady_clock::now();
  speaker.say(kPhrases[0].text, "fr");
  // A frame's budget: the call only hands the text over.
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds(16));
  wait_idle(speaker);
  std::lock_guard lock(m);
  expect_speech(heard, "speaker fr");
  EXPECT_EQ(speaker.last_said(), kPhrases[0].text);
}

TEST(Speaker, ANewTextReplacesTheOldAndVolumeScales) {
  Pcm heard;
  std::mutex m;
  Speaker speaker(std::make_unique<BufferOutput>(heard, m));
  speaker.say(kPhrases[0].text, "fr");
  speaker.say("Un.", "fr");  // the first text's sound is dropped
  wait_idle(speaker);
  double loud = 0;
  {
    std::lock_guard lock(m);
    EXPECT_LT(heard.seconds(), 1.5) << "the long sentence was still heard";
    EXPECT_GT(heard.seconds(), 0.1);
    loud = rms(heard);
  }
  speaker.set_volume(40);
  speaker.say("Un.", "fr");
  wait_idle(speaker);
  std::lock_guard lock(m);
  EXPECT_NEAR(rms(heard), loud * 40 / 80, loud * 0.05);  // the default volume is 80
}

TEST(Speaker, StopSilences) {
  Pcm heard;
  std::mutex m;
  Speaker speaker(std::make_unique<BufferOutput>(heard, m));
  speaker.say(kPhrases[1].text, "en");
  speaker.stop();
  wait_idle(speaker);
  std::lock_guard lock(m);
  EXPECT_TRUE(heard.samples.empty());
}

}  // namespace
}  // namespace eric::speech
