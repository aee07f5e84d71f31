// Catalog bundles (eric-kioskctl import): the header line, the hash check, then the changes.
// The hash is checked before the body is read, so random bytes rarely pass it: the body is
// also read on its own, as it would be after a matching hash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sync/protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view file(reinterpret_cast<const char*>(data), size);
  eric::BundleHeader header;
  std::string_view body;
  if (eric::split_bundle(file, header, body).ok) {
    if (body.data() < file.data() || body.data() + body.size() > file.data() + file.size()) {
      std::abort();  // the body must be a view into the file
    }
  }
  const auto newline = file.find('\n');
  eric::CatalogPage page;
  (void)eric::parse_catalog_changes(newline == std::string_view::npos ? file : file.substr(newline + 1),
                                    page);  // only "never crashes" to check
  return 0;
}
