// UTF-8 repairing input for libxml2 (see xml_input.h).
#include "sync/server/xml_input.h"

#include <algorithm>
#include <cstring>

#include <simdjson.h>

#include "sync/server/import_fields.h"

namespace eric::server {
namespace {

constexpr std::size_t kChunk = 1 << 16;
constexpr std::size_t kMaxLinesNamed = 20;

// How many bytes at the end of `s` start a UTF-8 sequence that the next chunk completes.
std::size_t cut_sequence_length(const std::string& s) {
  for (std::size_t back = 1; back <= std::min<std::size_t>(3, s.size()); ++back) {
    const auto b = static_cast<unsigned char>(s[s.size() - back]);
    if ((b & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

// True when the XML declaration names an encoding other than UTF-8.
bool declares_other_encoding(const std::string& start) {
  if (start.rfind("<?xml", 0) != 0) return false;
  const auto end = start.find("?>");
  std::string decl = start.substr(0, end == std::string::npos ? 200 : end);
  for (char& c : decl) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto at = decl.find("encoding");
  if (at == std::string::npos) return false;
  const auto quote = decl.find_first_of("\"'", at);
  if (quote == std::string::npos) return false;
  const std::string name = decl.substr(quote + 1, decl.find_first_of("\"'", quote + 1) - quote - 1);
  return name != "utf-8" && name != "utf8";
}

}  // namespace

// Replaces the bad bytes of a chunk, noting the lines they were on. The chunk is first
// checked whole with simdjson's vectorised check: decoding every chunk a code point at a time
// and copying it was a tenth of an LHEO import.
void Utf8RepairingInput::repair(std::string& chunk) {
  const int64_t lines = std::count(chunk.begin(), chunk.end(), '\n');
  if (!simdjson::validate_utf8(chunk.data(), chunk.size())) {
    bool bad = false;
    std::string fixed = repair_utf8(chunk, bad);
    std::size_t start = 0;
    for (int64_t line = line_; start <= chunk.size(); ++line) {
      std::size_t end = chunk.find('\n', start);
      if (end == std::string::npos) end = chunk.size();
      bool line_bad = false;
      (void)repair_utf8(std::string_view(chunk).substr(start, end - start), line_bad);
      if (line_bad) {
        ++repaired_line_count_;
        if (repaired_lines_.size() < kMaxLinesNamed) repaired_lines_.push_back(line);
      }
      start = end + 1;
    }
    chunk = std::move(fixed);
  }
  line_ += lines;
}

bool Utf8RepairingInput::fill() {
  std::string chunk = std::move(carry_);
  carry_.clear();
  const std::size_t had = chunk.size();
  chunk.resize(had + kChunk);
  in_.read(chunk.data() + had, static_cast<std::streamsize>(kChunk));
  chunk.resize(had + static_cast<std::size_t>(in_.gcount()));
  if (in_.bad()) return false;
  done_ = in_.eof();
  if (!checked_declaration_) {
    checked_declaration_ = true;
    repair_ = !declares_other_encoding(chunk);
  }
  if (repair_) {
    if (!done_) {
      const std::size_t cut = cut_sequence_length(chunk);
      carry_.assign(chunk, chunk.size() - cut, cut);
      chunk.resize(chunk.size() - cut);
    }
    repair(chunk);
  }
  pending_.erase(0, pos_);
  pos_ = 0;
  pending_ += chunk;
  return true;
}

int Utf8RepairingInput::read(char* buffer, int len) {
  if (len <= 0) return 0;
  while (pending_.size() - pos_ < static_cast<std::size_t>(len) && !done_) {
    if (!fill()) return -1;
  }
  const std::size_t n = std::min(static_cast<std::size_t>(len), pending_.size() - pos_);
  std::memcpy(buffer, pending_.data() + pos_, n);
  pos_ += n;
  return static_cast<int>(n);
}

}  // namespace eric::server
