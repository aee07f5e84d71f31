// Catalog pages (GET /v1/catalog) as the terminal reads them: any bytes, never a crash; a page
// read is a page whose changes all passed the field rules.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sync/protocol.h"
#include "sync/record_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  eric::CatalogPage page;
  if (eric::parse_catalog_page(body, page).ok) {
    for (eric::CatalogChange& c : page.changes) {
      if (c.deleted) continue;
      // What the reader kept must pass the rules again unchanged (cleaning is idempotent).
      if (!eric::check_record(c.record).empty()) std::abort();
      if (eric::record_id(c.record) != c.id) std::abort();
    }
    for (const eric::RejectedChange& r : page.rejected) {
      if (r.reason.empty() || r.position > page.changes.size()) std::abort();
    }
  } else if (!page.changes.empty() || !page.rejected.empty()) {
    std::abort();
  }
  eric::CatalogPage bundle_page;
  (void)eric::parse_catalog_changes(body, bundle_page);  // only "never crashes" to check
  return 0;
}
