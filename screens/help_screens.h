// Factories of the help path's screens (visitor and staff), registered in screens.cpp.
// ("staff.pin" keeps its factory make_staff_pin_screen in screens.h.)
#pragma once

#include <memory>

#include "kiosk/app/screen.h"

namespace eric {

std::unique_ptr<Screen> make_help_start_screen(const ScreenArgs& args);      // "help.start"
std::unique_ptr<Screen> make_help_ticket_screen(const ScreenArgs& args);     // "help.ticket"
std::unique_ptr<Screen> make_workshops_screen(const ScreenArgs& args);       // "workshops"
std::unique_ptr<Screen> make_workshop_detail_screen(const ScreenArgs& args); // "workshop.detail"
std::unique_ptr<Screen> make_workshop_register_screen(const ScreenArgs& args);  // "workshop.register"
std::unique_ptr<Screen> make_workshop_done_screen(const ScreenArgs& args);   // "workshop.done"
std::unique_ptr<Screen> make_desk_screen(const ScreenArgs& args);            // "desk"

}  // namespace eric
