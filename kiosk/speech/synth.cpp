// espeak-ng behind one mutex: it keeps a single global synthesiser (see synth.h).
#include "kiosk/speech/synth.h"

#include <espeak-ng/speak_lib.h>

#include <array>
#include <mutex>
#include <string>
#include <utility>

namespace eric::speech {

namespace {

// A visitor's sentence: read a little slower than espeak-ng's default 175 words a minute.
constexpr int kWordsPerMinute = 150;

struct Engine {
  std::mutex mutex;
  bool tried = false;
  int sample_rate = 0;  // 0 when espeak-ng could not start
  std::string voice;    // the voice set last, so a change of language costs one call
};

Engine& engine() {
  static Engine e;
  return e;
}

// What the callback writes into; reached through espeak-ng's user_data.
struct Delivery {
  const PcmChunk* on_chunk = nullptr;
  int sample_rate = 0;
  bool stopped = false;
};

int on_samples(short* wav, int count, espeak_EVENT* events) {
  if (!events || !events->user_data) return 0;
  auto* d = static_cast<Delivery*>(events->user_data);
  if (d->stopped) return 1;
  if (wav && count > 0 && !(*d->on_chunk)(wav, static_cast<size_t>(count), d->sample_rate))
    d->stopped = true;
  return d->stopped ? 1 : 0;  // 1 asks espeak-ng to stop this text
}

// Starts espeak-ng once; the engine's mutex is held.
bool ensure_started(Engine& e) {
  if (e.tried) return e.sample_rate > 0;
  e.tried = true;
  // Synchronous: the samples come back through the callback, espeak-ng opens no audio device.
  const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr,
                                     espeakINITIALIZE_DONT_EXIT);
  if (rate <= 0) return false;
  espeak_SetSynthCallback(on_samples);
  espeak_SetParameter(espeakRATE, kWordsPerMinute, 0);
  e.sample_rate = rate;
  return true;
}

}  // namespace

std::string_view voice_for_language(std::string_view lang) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kVoices{{
      {"fr", "fr"}, {"en", "en"}, {"es", "es"}, {"uk", "uk"}, {"ar", "ar"},
  }};
  for (const auto& [code, voice] : kVoices)
    if (code == lang) return voice;
  return {};
}

Status synthesise(std::string_view text, std::string_view lang, const PcmChunk& on_chunk) {
  const std::string_view voice = voice_for_language(lang);
  if (voice.empty())
    return Status::error("no_voice", "Aucune voix pour la langue « " + std::string(lang) + " ».");
  Engine& e = engine();
  std::lock_guard lock(e.mutex);
  if (!ensure_started(e))
    return Status::error("speech_init",
                         "La synthèse vocale n'a pas démarré (paquet espeak-ng-data manquant ?).");
  if (e.voice != voice) {
    const std::string name(voice);
    espeak_VOICE spec{};
    spec.languages = name.c_str();
    if (espeak_SetVoiceByProperties(&spec) != EE_OK)
      return Status::error("no_voice", "La voix « " + name + " » est absente d'espeak-ng-data.");
    espeak_SetParameter(espeakRATE, kWordsPerMinute, 0);
    e.voice = name;
  }
  const std::string owned(text);  // espeak-ng wants a terminating NUL
  Delivery delivery{&on_chunk, e.sample_rate, false};
  const espeak_ERROR rc = espeak_Synth(owned.c_str(), owned.size() + 1, 0, POS_CHARACTER, 0,
                                       espeakCHARS_UTF8, nullptr, &delivery);
  if (rc != EE_OK) return Status::error("speech_failed", "La synthèse vocale a échoué.");
  return Status::success();
}

Result<Pcm> synthesise_all(std::string_view text, std::string_view lang) {
  Result<Pcm> out;
  out.status = synthesise(text, lang, [&](const int16_t* s, size_t n, int rate) {
    out.value.sample_rate = rate;
    out.value.samples.insert(out.value.samples.end(), s, s + n);
    return true;
  });
  return out;
}

}  // namespace eric::speech
