// The closed screen: outside the site's opening hours, a dark page with the next opening time
// and nothing else. A touch lights it for a minute (the shell keeps the time in ShellState),
// and then offers the staff's way in.
#pragma once

#include <memory>

#include "kiosk/app/screen.h"

namespace eric {

std::unique_ptr<Screen> make_closed_screen(const ScreenArgs& args);

}  // namespace eric
