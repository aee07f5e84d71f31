// Dates, times, distances, contracts and counts written in words, the French way (and English).
#pragma once

#include <string>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/i18n.h"

namespace eric {

std::string weekday_words(int weekday, const I18n& i18n);   // 0 = Sunday: "dimanche"
std::string month_words(int month, const I18n& i18n);       // 1 = "janvier"
std::string time_words(int hour, int minute, const I18n& i18n);  // "14 h", "14 h 05"
// "mardi 24 novembre à 14 h"
std::string day_time_words(const CivilTime& t, const I18n& i18n);
// "mardi 24 novembre" for a civil date "YYYY-MM-DD"; with_year adds " 2027".
std::string date_words(const std::string& date, const I18n& i18n, bool with_weekday,
                       bool with_year);
// "du 5 janvier au 30 juin 2027" (the year is written once when both dates share it).
std::string date_range_words(const std::string& start, const std::string& end,
                             const I18n& i18n);
// "à 4 km", "à moins d'1 km"
std::string distance_words(double km, const I18n& i18n);
// "CDI", "CDD de 6 mois", "Intérim", "Saisonnier", "Alternance"
std::string contract_words(const std::string& type, int months, const I18n& i18n);
// "Complet", "1 place", "3 places"
std::string seats_words(int seats_left, const I18n& i18n);

}  // namespace eric
