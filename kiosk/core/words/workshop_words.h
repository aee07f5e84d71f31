// Workshops and the desk's immersion requests in words: when, seats left, delivery state.
#pragma once

#include <string>

#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/domain/workshops.h"
#include "kiosk/core/words/i18n.h"

namespace eric {

// "mardi 24 novembre à 14 h" from the workshop's start; "" when the start is unreadable.
std::string workshop_when_words(const Workshop& w, const I18n& i18n);
// "Il reste 3 places", "Il reste 1 place", "Complet".
std::string seats_left_words(int seats_left, const I18n& i18n);
// "En attente d'envoi", "Envoyée", "Acceptée", "Refusée : ..." in the current language.
std::string immersion_status_words(const ImmersionRequestRow& row, const I18n& i18n);

}  // namespace eric
