// WAV writing and reading (see wav.h). Little-endian fields written byte by byte, so the file
// is the same on any host.
#include "kiosk/speech/wav.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <vector>

namespace eric::speech {

namespace {

void put_u32(std::vector<unsigned char>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
void put_u16(std::vector<unsigned char>& out, uint16_t v) {
  out.push_back(static_cast<unsigned char>(v));
  out.push_back(static_cast<unsigned char>(v >> 8));
}
uint32_t get_u32(const std::vector<unsigned char>& in, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | in[at + static_cast<size_t>(i)];
  return v;
}
uint16_t get_u16(const std::vector<unsigned char>& in, size_t at) {
  return static_cast<uint16_t>(in[at] | (in[at + 1] << 8));
}
void put_tag(std::vector<unsigned char>& out, const char* tag) {
  out.insert(out.end(), tag, tag + 4);
}
bool tag_at(const std::vector<unsigned char>& in, size_t at, const char* tag) {
  return at + 4 <= in.size() && std::equal(tag, tag + 4, in.begin() + static_cast<long>(at));
}

constexpr size_t kHeaderBytes = 44;

}  // namespace

Status write_wav(const std::string& path, const Pcm& pcm) {
  const auto data_bytes = static_cast<uint32_t>(pcm.samples.size() * 2);
  std::vector<unsigned char> out;
  out.reserve(kHeaderBytes + data_bytes);
  put_tag(out, "RIFF");
  put_u32(out, 36 + data_bytes);
  put_tag(out, "WAVE");
  put_tag(out, "fmt ");
  put_u32(out, 16);  // size of the PCM format block
  put_u16(out, 1);   // PCM
  put_u16(out, 1);   // mono
  put_u32(out, static_cast<uint32_t>(pcm.sample_rate));
  put_u32(out, static_cast<uint32_t>(pcm.sample_rate) * 2);  // bytes per second
  put_u16(out, 2);   // bytes per frame
  put_u16(out, 16);  // bits per sample
  put_tag(out, "data");
  put_u32(out, data_bytes);
  for (int16_t s : pcm.samples) put_u16(out, static_cast<uint16_t>(s));
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(reinterpret_cast<const char*>(out.data()), static_cast<std::streamsize>(out.size()));
  if (!file) return Status::error("io", "Impossible d'écrire le fichier son " + path + ".");
  return Status::success();
}

Result<Pcm> read_wav(const std::string& path) {
  Result<Pcm> r;
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    r.status = Status::error("io", "Impossible de lire le fichier son " + path + ".");
    return r;
  }
  const std::vector<unsigned char> in((std::istreambuf_iterator<char>(file)),
                                      std::istreambuf_iterator<char>());
  const bool shape_ok = in.size() >= kHeaderBytes && tag_at(in, 0, "RIFF") &&
                        tag_at(in, 8, "WAVE") && tag_at(in, 12, "fmt ") &&
                        get_u16(in, 20) == 1 && get_u16(in, 22) == 1 && get_u16(in, 34) == 16 &&
                        tag_at(in, 36, "data");
  const size_t data_bytes = shape_ok ? get_u32(in, 40) : 0;
  if (!shape_ok || kHeaderBytes + data_bytes > in.size() || data_bytes % 2 != 0) {
    r.status = Status::error("bad_input", "Le fichier " + path + " n'est pas un son PCM mono.");
    return r;
  }
  r.value.sample_rate = static_cast<int>(get_u32(in, 24));
  r.value.samples.resize(data_bytes / 2);
  for (size_t i = 0; i < r.value.samples.size(); ++i)
    r.value.samples[i] = static_cast<int16_t>(get_u16(in, kHeaderBytes + 2 * i));
  return r;
}

}  // namespace eric::speech
