// Text to speech with espeak-ng, in the voice of a kiosk language. No display, no audio device:
// the samples come back to the caller (the speaker's worker, or a test writing a WAV file).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "kiosk/core/storage/db.h"
#include "kiosk/speech/pcm.h"

namespace eric::speech {

// The espeak-ng voice of a kiosk language code ("fr" -> "fr", "uk" -> "uk"); empty when the
// kiosk has no voice for it.
std::string_view voice_for_language(std::string_view lang);

// Receives each piece of samples as espeak-ng produces it; returns false to stop early (a newer
// text replaced this one).
using PcmChunk = std::function<bool(const int16_t* samples, size_t count, int sample_rate)>;

// Speaks text (UTF-8) in lang's voice into on_chunk, then returns. espeak-ng keeps one global
// state, so calls from several threads take turns. Errors: "no_voice" (language unknown to the
// kiosk or missing from espeak-ng-data), "speech_init" (espeak-ng data not found),
// "speech_failed".
Status synthesise(std::string_view text, std::string_view lang, const PcmChunk& on_chunk);

// The whole text as one buffer (tests, short phrases).
Result<Pcm> synthesise_all(std::string_view text, std::string_view lang);

}  // namespace eric::speech
