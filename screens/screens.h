// Every screen of the kiosk, registered by id in one place.
#pragma once

#include <memory>

#include "kiosk/app/screen.h"

namespace eric {

// One line per screen in screens.cpp: adding a screen is its file, its line and its test.
void register_all_screens(ScreenRegistry& registry);

// Factories of the screens of this folder (each defined in its own file).
std::unique_ptr<Screen> make_home_screen(const ScreenArgs& args);
// The staff entry behind the lock: a PIN pad that opens the desk or the manager's space.
std::unique_ptr<Screen> make_staff_pin_screen(const ScreenArgs& args);

}  // namespace eric
