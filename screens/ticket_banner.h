// The called-ticket banner: "Ticket A012, présentez-vous au bureau d'accueil" over any visitor screen.
#pragma once

#include <cstdint>

#include "kiosk/app/screen.h"

namespace eric {

// Draws the banner when a ticket of this site was called in the last 30 s and its person has
// not been received yet; draws nothing in the animator and manager modes (the desk shows the
// call itself) or without a store. Call it once a frame, after the page and the screen, before
// the idle overlay and the toasts (it opens its own window on top of the page).
void draw_called_ticket_banner(ScreenContext& ctx);

// When the banner shown now goes away (clock ms), or 0 when none is shown: the main loop
// sleeps until then at most, so the banner leaves on time without a touch.
int64_t called_ticket_banner_deadline_ms(ScreenContext& ctx);
// Its height while it shows, 0 otherwise: the page is drawn under it.
float called_ticket_banner_height(ScreenContext& ctx);

}  // namespace eric
