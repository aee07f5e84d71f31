// "manager.enrol": enrolling (or re-enrolling) this terminal from its own screen, for a site
// manager with no keyboard: the server's address (from kiosk.conf, or typed), the one-time
// code typed on the on-screen keyboard, the result in words.
#pragma once

#include <memory>

#include "kiosk/app/screen.h"

namespace eric {

std::unique_ptr<Screen> make_manager_enrol_screen(const ScreenArgs& args);

}  // namespace eric
