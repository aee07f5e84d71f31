// The help desk's numbers in words: waiting times and the people ahead of a ticket.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/core/words/i18n.h"

namespace eric {

// "moins d'1 min", "12 min", "1 h 05" for a waiting time.
std::string wait_words(int64_t seconds, const I18n& i18n);
// "2 personnes avant vous", "1 personne avant vous", "Vous êtes le prochain".
std::string people_ahead_words(int people_ahead, const I18n& i18n);

}  // namespace eric
