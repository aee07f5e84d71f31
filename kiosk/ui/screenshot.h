// Screenshots: an RGBA image read from the renderer, written as PNG with libpng.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/base/status.h"

namespace eric::ui {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // width * height * 4 bytes, rows top to bottom
};

// Writes img as an 8-bit RGBA PNG. On failure returns false and a French sentence in error_fr.
Status write_png(const std::string& path, const Image& img);

}  // namespace eric::ui
