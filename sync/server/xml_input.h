// The bytes of an XML file as libxml2 reads them, with each byte that is not UTF-8 replaced by
// U+FFFD on the way (one Latin-1 "ç" in a 200 MB export would otherwise stop the parser, and
// every training after it would be lost). A file that declares another encoding is passed
// through untouched. Streaming: a chunk at a time, never the whole file.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace eric::server {

class Utf8RepairingInput {
 public:
  explicit Utf8RepairingInput(const std::string& path) : in_(path, std::ios::binary) {}
  bool ok() const { return static_cast<bool>(in_); }
  // libxml2's read callback: up to `len` bytes into `buffer`; 0 at the end, -1 on error.
  int read(char* buffer, int len);
  // The lines where bytes were replaced (the first 20), and how many lines in all.
  const std::vector<int64_t>& repaired_lines() const { return repaired_lines_; }
  int64_t repaired_line_count() const { return repaired_line_count_; }

 private:
  bool fill();
  void repair(std::string& chunk);

  std::ifstream in_;
  std::string pending_;       // bytes ready for libxml2, from pos_
  std::size_t pos_ = 0;
  std::string carry_;         // the start of a sequence cut by the end of the last chunk
  bool checked_declaration_ = false;
  bool repair_ = true;
  bool done_ = false;
  int64_t line_ = 1;          // the line the next chunk starts on
  std::vector<int64_t> repaired_lines_;
  int64_t repaired_line_count_ = 0;
};

}  // namespace eric::server
