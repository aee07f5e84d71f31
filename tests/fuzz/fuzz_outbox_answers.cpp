// The answers of POST /v1/outbox, the pages of GET /v1/outbox/status and error bodies, as the
// terminal reads them: any bytes, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sync/protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  std::vector<eric::OutboxAnswer> answers;
  (void)eric::parse_outbox_answers(body, answers);  // the verdict is not under test here
  eric::OutboxStatusPage page;
  (void)eric::parse_outbox_status_page(body, page);
  std::string code, message;
  (void)eric::parse_error_body(body, code, message);
  return 0;
}
