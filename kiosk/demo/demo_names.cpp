// Demo generator helpers: PRNG streams, geography, French word lists and names.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "kiosk/core/base/geo.h"
#include "kiosk/demo/demo_internal.h"

namespace eric::demo {

Rng::Rng(uint64_t seed, std::string_view stream) : state_(seed ^ hash_text(stream)) {
  next();  // moves away from the raw mixed seed
}

size_t Rng::weighted(const std::vector<double>& cumulative) {
  if (cumulative.empty()) return 0;
  const double target = unit() * cumulative.back();
  auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  if (it == cumulative.end()) --it;
  return static_cast<size_t>(it - cumulative.begin());
}

uint64_t hash_text(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

std::vector<std::string> split_bar(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) bar = text.size();
    if (bar > start) out.emplace_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  const double rad = kDegToRad;
  const double x = (lon2 - lon1) * rad * std::cos((lat1 + lat2) * 0.5 * rad);
  const double y = (lat2 - lat1) * rad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

void jitter(Rng& rng, double lat, double lon, double max_km, double& out_lat, double& out_lon) {
  const double r = max_km * std::sqrt(rng.unit());
  const double angle = 2 * std::numbers::pi * rng.unit();
  out_lat = lat + r * std::cos(angle) / 111.2;
  out_lon = lon + r * std::sin(angle) / (111.2 * std::cos(lat * kDegToRad));
}

Geo build_geo(const std::vector<Commune>& communes, const DemoOptions& options) {
  Geo geo;
  geo.by_insee.reserve(communes.size());
  for (const Commune& c : communes) {
    geo.by_insee.emplace(c.insee, &c);
    if (c.region == options.region) geo.region.push_back(&c);
  }
  std::stable_sort(geo.region.begin(), geo.region.end(),
                   [](const Commune* a, const Commune* b) { return a->population > b->population; });
  auto site = geo.by_insee.find(options.site_commune);
  if (site != geo.by_insee.end()) geo.site = site->second;
  double total = 0, near_total = 0;
  for (const Commune* c : geo.region) {
    const double weight = static_cast<double>(std::max<int64_t>(c->population, 1));
    if (geo.site != nullptr) {
      const double d = distance_km(geo.site->lat, geo.site->lon, c->lat, c->lon);
      if (d <= 7) {
        geo.near_site.push_back(c);
        near_total += static_cast<double>(std::max<int64_t>(c->population, 1));
        geo.near_cumulative.push_back(near_total);
      }
    }
    total += weight;
    geo.region_cumulative.push_back(total);
  }
  return geo;
}

Words make_words() {
  Words w;
  w.surnames = split_bar(
      "Fabre|Giraud|Martin|Blanc|Roux|Bonnet|Garcia|Arnaud|Gauthier|Olivier|Rey|Mercier|"
      "Aubert|Bernard|Brun|Chabert|Coste|Durand|Ferrand|Imbert|Jourdan|Lambert|Maurin|Pons|"
      "Reynaud|Sauvaire|Tardieu|Vidal|Castel|Fournier|Martinez|Lopez|Benali|Haddad|Nguyen|"
      "Rossi|Santoni|Esposito|Barbier|Chauvet|Guigue|Laugier|Michelis|Pélissier|Rouvier|"
      "Roubaud|Teisseire|Ollivier|Bourrelly|Cauvin");
  w.first_names = split_bar(
      "Nadia|Karim|Sophie|Julien|Fatima|Marc|Léa|Thomas|Inès|Mehdi|Camille|Nicolas|Sarah|"
      "Yacine|Manon|Lucas|Aurélie|Farid|Céline|Antoine");
  w.nature_names = split_bar(
      "Les Oliviers|Les Cigales|Les Mimosas|Le Mistral|Les Pins|La Calanque|Les Lavandes|"
      "Les Tamaris|La Bastide|Les Figuiers|Les Salins|La Pinède|Les Restanques|Le Cap");
  w.region_words = split_bar("Provence|Méditerranée|Sud|Côte Bleue|Azur|Soleil");
  w.streets = split_bar(
      "Jean Jaurès|de la République|Gambetta|Victor Hugo|Pasteur|du Général de Gaulle|"
      "des Écoles|de la Gare|du Port|Frédéric Mistral|Marcel Pagnol|Paul Cézanne|de Provence|"
      "des Oliviers|Jules Ferry|du 8 Mai 1945|de la Libération|Émile Zola|Lamartine|des Pins|"
      "de la Mer|des Artisans|Aristide Briand|Jean Moulin|des Capucins");
  w.street_types = split_bar("rue|rue|rue|avenue|avenue|boulevard|chemin|allée|route");
  w.size_ranges = split_bar(
      "1 ou 2 salariés|3 à 5 salariés|6 à 9 salariés|10 à 19 salariés|20 à 49 salariés|"
      "50 à 99 salariés|100 à 199 salariés|200 à 249 salariés|250 à 499 salariés|"
      "500 à 999 salariés");
  w.animators = split_bar("Nadia|Karim|Sophie|Julien|Fatima|Marc");
  return w;
}

std::string de_place(const std::string& name) {
  if (name.rfind("Le ", 0) == 0) return "du " + name.substr(3);
  if (name.rfind("Les ", 0) == 0) return "des " + name.substr(4);
  if (name.rfind("La ", 0) == 0) return "de " + name;
  if (name.rfind("L'", 0) == 0) return "de " + name;
  return de_word(name);
}

std::string fill_name(const std::string& tpl, Rng& rng, const Words& words,
                      const Commune& commune) {
  std::string out;
  out.reserve(tpl.size() + 24);
  for (size_t i = 0; i < tpl.size();) {
    if (tpl[i] == '{') {
      const size_t close = tpl.find('}', i);
      const std::string key = tpl.substr(i + 1, close - i - 1);
      if (key == "S") out += rng.pick(words.surnames);
      else if (key == "F") out += rng.pick(words.first_names);
      else if (key == "N") out += rng.pick(words.nature_names);
      else if (key == "R") out += rng.pick(words.region_words);
      else if (key == "P") out += commune.name;
      else if (key == "dP") out += de_place(commune.name);
      i = close + 1;
    } else {
      out += tpl[i++];
    }
  }
  return out;
}

std::string street_address(Rng& rng, const Words& words, const Commune& commune) {
  std::string out = std::to_string(rng.range(1, 120)) + " " + rng.pick(words.street_types) +
                    " " + rng.pick(words.streets) + ", ";
  if (!commune.postal_codes.empty()) out += rng.pick(commune.postal_codes) + " ";
  return out + commune.name;
}

std::string siret(Rng& rng) {
  // Luhn key: the digit that makes the weighted sum a multiple of 10.
  auto luhn_digit = [](const std::string& digits) {
    int sum = 0;
    bool twice = true;  // the key will be appended on the right
    for (size_t i = digits.size(); i-- > 0;) {
      int d = digits[i] - '0';
      if (twice) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      twice = !twice;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
  };
  std::string siren;
  siren += static_cast<char>('1' + rng.below(9));
  for (int i = 0; i < 7; ++i) siren += static_cast<char>('0' + rng.below(10));
  siren += luhn_digit(siren);
  std::string out = siren + "000" + static_cast<char>('1' + rng.below(9));
  return out + luhn_digit(out);
}

std::string fictional_phone(Rng& rng) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "04 65 71 %02d %02d", rng.below(100), rng.below(100));
  return buf;
}

std::string group_thousands(int value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string lower_first(const std::string& text) {
  if (text.empty()) return text;
  std::string out = text;
  if (out[0] >= 'A' && out[0] <= 'Z') {
    // Keep acronyms ("BTP", "CAP") as they are.
    if (out.size() > 1 && out[1] >= 'A' && out[1] <= 'Z') return out;
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  } else if (out.rfind("É", 0) == 0) {
    out.replace(0, std::string("É").size(), "é");
  }
  return out;
}

std::string a_place(const std::string& name) {
  if (name.rfind("Le ", 0) == 0) return "au " + name.substr(3);
  if (name.rfind("Les ", 0) == 0) return "aux " + name.substr(4);
  return "à " + name;
}

namespace {
bool starts_with_vowel(const std::string& text) {
  static constexpr std::string_view kVowels[] = {"A", "E", "I", "O", "U", "Y", "H", "É", "È",
                                                 "Î", "Ô", "a", "e", "i", "o", "u", "y", "h",
                                                 "é", "è", "î", "ô"};
  for (std::string_view v : kVowels)
    if (text.rfind(v, 0) == 0) return true;
  return false;
}
}  // namespace

std::string de_word(const std::string& word) {
  return (starts_with_vowel(word) ? "d'" : "de ") + word;
}

std::string a_article(const std::string& text) {
  if (text.rfind("les ", 0) == 0) return "aux " + text.substr(4);
  if (text.rfind("le ", 0) == 0) return "au " + text.substr(3);
  return "à " + text;
}

std::string main_postal_code(const Commune& commune) {
  for (const std::string& code : commune.postal_codes)
    if (code.size() == 5 && code.compare(3, 2, "00") == 0) return code;
  return commune.postal_codes.empty() ? std::string() : commune.postal_codes.front();
}

}  // namespace eric::demo
