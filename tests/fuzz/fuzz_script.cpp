// The script runner's language (eric-kiosk --script): any text parses to steps or to errors
// with a line number, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kiosk/app/script.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const eric::Script script = eric::parse_script(text);
  for (const eric::ScriptError& e : script.errors) {
    if (e.line < 1 || e.message.empty()) std::abort();
  }
  (void)eric::contains_ignoring_case(text, "tap");
  return 0;
}
