// Log lines of the programs: one line on standard error, which systemd sends to the journal.
// Under systemd each line starts with its syslog priority ("<3>"), as sd-daemon(3) describes,
// so `journalctl -p err` finds the errors; on a console the line reads plainly. Never write a
// visitor's personal data here: a name, a phone or an email stays in the outbox only.
#pragma once

#include <string_view>

namespace eric {

// The program's name at the start of every line ("eric-kiosk"); set once in main().
void log_set_program(std::string_view name);
void log_error(std::string_view message);
void log_warning(std::string_view message);
void log_info(std::string_view message);

}  // namespace eric
