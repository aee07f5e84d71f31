// PNG writing with libpng (see screenshot.h).
#include "kiosk/ui/screenshot.h"

#include <png.h>

#include <cstdio>
#include <memory>

namespace eric::ui {

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Owns the libpng write and info structs together: libpng frees them with one call.
class PngWriter {
 public:
  PngWriter() {
    png_ = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (png_) info_ = png_create_info_struct(png_);
  }
  ~PngWriter() {
    if (png_) png_destroy_write_struct(&png_, info_ ? &info_ : nullptr);
  }
  PngWriter(const PngWriter&) = delete;
  PngWriter& operator=(const PngWriter&) = delete;
  bool ok() const { return png_ && info_; }
  png_structp png() const { return png_; }
  png_infop info() const { return info_; }

 private:
  png_structp png_ = nullptr;
  png_infop info_ = nullptr;
};

// libpng reports errors by longjmp; this function holds no C++ objects with destructors so
// that the jump never skips one.
bool write_rows(png_structp png, png_infop info, std::FILE* file, const Image& img,
                png_bytep* rows) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_init_io(png, file);
  png_set_IHDR(png, info, static_cast<png_uint_32>(img.width),
               static_cast<png_uint_32>(img.height), 8, PNG_COLOR_TYPE_RGB_ALPHA,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_image(png, rows);
  png_write_end(png, nullptr);
  return true;
}

}  // namespace

Status write_png(const std::string& path, const Image& img) {
  if (img.width <= 0 || img.height <= 0 ||
      img.rgba.size() != static_cast<size_t>(img.width) * static_cast<size_t>(img.height) * 4) {
    return Status::error("screenshot", "L'image à enregistrer est vide ou incomplète.");
  }
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
  if (!file) {
    return Status::error("screenshot", "Impossible d'écrire le fichier " + path + ".");
  }
  PngWriter writer;
  if (!writer.ok()) {
    return Status::error("screenshot", "La bibliothèque PNG n'a pas pu démarrer.");
  }
  std::vector<png_bytep> rows(static_cast<size_t>(img.height));
  for (int y = 0; y < img.height; ++y) {
    rows[static_cast<size_t>(y)] = const_cast<png_bytep>(
        img.rgba.data() + static_cast<size_t>(y) * static_cast<size_t>(img.width) * 4);
  }
  if (!write_rows(writer.png(), writer.info(), file.get(), img, rows.data())) {
    return Status::error("screenshot", "L'écriture de l'image " + path + " a échoué.");
  }
  if (std::fflush(file.get()) != 0) {
    return Status::error("screenshot", "L'écriture de l'image " + path + " a échoué (disque plein ?).");
  }
  return Status::success();
}

}  // namespace eric::ui
