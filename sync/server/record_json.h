// A catalog record as the JSON text of a change's `data`, written straight from the protocol's
// field list: building an nlohmann tree and dumping it was a third of an import's time.
#pragma once

#include <string>

#include "sync/protocol.h"

namespace eric::server {

// Same fields and values as record_to_json(record).dump(), in field-list order.
std::string record_json_text(const Record& record);

}  // namespace eric::server
