// WAV files of speech (mono, 16-bit PCM): what the speech tests write and read back.
#pragma once

#include <string>

#include "kiosk/core/storage/db.h"
#include "kiosk/speech/pcm.h"

namespace eric::speech {

Status write_wav(const std::string& path, const Pcm& pcm);
// Reads only what write_wav writes (RIFF, PCM, mono, 16 bits); "bad_input" otherwise.
Result<Pcm> read_wav(const std::string& path);

}  // namespace eric::speech
