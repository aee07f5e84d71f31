// What the terminal accepts in each field of each catalog record (the field lists of
// sync/protocol_fields.h, one validator of kiosk/core/base/field_rules.h per kind of field).
#pragma once

#include <string>

#include "sync/protocol.h"

namespace eric {

// Cleans the text fields of a record read from outside (control characters out, white space
// folded, over-long text cut at a word) and checks the others. Returns an empty string when
// the record is kept, else why it must be set aside, in French, naming the field
// ("champ « posts » hors limites (-5)").
std::string check_record(Record& record);

}  // namespace eric
