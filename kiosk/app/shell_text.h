// Texts the shell writes around every screen: the header's site and time, the catalog's age.
#pragma once

#include <cstdint>
#include <string>

namespace eric {

class I18n;

// "ERIC Cyber-base de Martigues" -> "Cyber-base de Martigues": the badge already says ERIC.
std::string site_display_name(const std::string& site_name);

// The footer's line about the catalog: "Offres à jour : aujourd'hui à 13 h 40",
// "Offres à jour : hier à 18 h", "Offres du 20 novembre", or "Pas encore d'offres".
std::string freshness_words(int64_t updated_ms, int64_t now_ms, const I18n& i18n);
// Up to date: updated within the last 48 hours.
bool catalog_is_fresh(int64_t updated_ms, int64_t now_ms);

}  // namespace eric
