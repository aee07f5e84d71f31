// Factories of the immersion booking path's screens (PMSMP), registered in screens.cpp.
#pragma once

#include <memory>

#include "kiosk/app/screen.h"

namespace eric {

// "immersion.results", args {"family": "F"}, {"trade": code, "label": text} or {"words": text}:
// employers offering an immersion near the visitor's place, nearest first.
std::unique_ptr<Screen> make_immersion_results_screen(const ScreenArgs& args);
// "immersion.employer", args {"offer"}: what the visitor will do, where, how the employer
// likes to be contacted, and the periods to choose from.
std::unique_ptr<Screen> make_immersion_employer_screen(const ScreenArgs& args);
// "immersion.form", args {"slot"}: first name, a phone or an email, the objective, the
// message, the consent; "Envoyer ma demande" writes one outbox item.
std::unique_ptr<Screen> make_immersion_form_screen(const ScreenArgs& args);
// "immersion.done", args {"request"} (the outbox item id): the code, a QR code, what next.
std::unique_ptr<Screen> make_immersion_done_screen(const ScreenArgs& args);

}  // namespace eric
