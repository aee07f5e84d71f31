// Internals shared by the demo catalog generator's files: PRNG, geography, sectors, words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/demo/demo_catalog.h"

namespace eric::demo {

// splitmix64: tiny, fast, and its output is fixed by its definition, unlike std::
// distributions whose results differ between standard libraries.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  // A separate stream per part of the catalog, so parts do not shift each other.
  Rng(uint64_t seed, std::string_view stream);

  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<uint64_t>(n)); }
  int range(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool chance(double p) { return unit() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& items) { return items[static_cast<size_t>(below(static_cast<int>(items.size())))]; }
  // Index drawn from cumulative weights (ascending, last = total).
  size_t weighted(const std::vector<double>& cumulative);

 private:
  uint64_t state_;
};

uint64_t hash_text(std::string_view text);  // FNV-1a, for streams and stable mappings

// Splits "a|b|c" word lists.
std::vector<std::string> split_bar(std::string_view text);

double distance_km(double lat1, double lon1, double lat2, double lon2);
// A point up to max_km from (lat, lon), uniform over the disc.
void jitter(Rng& rng, double lat, double lon, double max_km, double& out_lat, double& out_lon);

// The communes of the region with population weights, and those near the site.
struct Geo {
  std::unordered_map<std::string, const Commune*> by_insee;
  std::vector<const Commune*> region;        // sorted by population, largest first
  std::vector<double> region_cumulative;     // population weights
  std::vector<const Commune*> near_site;     // within 7 km of the site commune centre
  std::vector<double> near_cumulative;
  const Commune* site = nullptr;
};
Geo build_geo(const std::vector<Commune>& communes, const DemoOptions& options);

// An employer sector: which trades it hires for, its NAF code and how it is named.
struct Sector {
  std::vector<std::string> prefixes;  // ROME code prefixes, longest match wins
  std::string naf;
  std::string naf_label;
  std::vector<std::string> name_templates;  // {S} surname, {F} first name, {N} nature name,
                                            // {P} commune, {dP} "de Martigues", {R} region word
  int size_bias = 0;                        // 0 small shops .. 2 large sites
  std::string task;  // what an immersion lets you do, "participer à ..." complement
};
std::vector<Sector> make_sectors();
// For every trade (by index), the index of its sector.
std::vector<int> sector_of_trades(const std::vector<Trade>& trades,
                                  const std::vector<Sector>& sectors);

// Word lists.
struct Words {
  std::vector<std::string> surnames, first_names, nature_names, region_words;
  std::vector<std::string> streets, street_types, size_ranges, animators;
};
Words make_words();

// "de Martigues", "d'Istres", "du Lavandou", "des Pennes-Mirabeau".
std::string de_place(const std::string& name);
std::string fill_name(const std::string& tpl, Rng& rng, const Words& words,
                      const Commune& commune);
// "12 avenue Jean Jaurès, 13500 Martigues".
std::string street_address(Rng& rng, const Words& words, const Commune& commune);
std::string siret(Rng& rng);  // 14 digits, valid Luhn key
// A phone number of the range ARCEP keeps for fiction (04 65 71 xx xx): never a real line.
std::string fictional_phone(Rng& rng);
std::string group_thousands(int value);  // 1850 -> "1 850" (regular space, used throughout)
std::string lower_first(const std::string& text);
std::string a_place(const std::string& name);
// "de Maçon", "d'Atrier": the preposition elided before a vowel or a mute h.
std::string de_word(const std::string& word);
// "à la taille", "aux contrôles", "au service": the preposition merged with the article.
std::string a_article(const std::string& text);  // "à Martigues", "au Lavandou", "aux Mées"
// The commune's main postal code: one ending in "00" if any ("13500"), else the first.
std::string main_postal_code(const Commune& commune);

// Fills a job's title, contract, hours, pay, text, place and dates; `level` 0..3 is how
// qualified the trade is (0: no diploma needed .. 3: higher education).
void fill_job(Rng& rng, const DemoOptions& options, const Trade& trade, int level,
              const std::vector<const JobTitle*>& titles, const Employer& employer,
              const Commune& commune, Job& job);

// The parts built in their own files.
void add_trainings(const ReferenceData& reference, const DemoOptions& options, const Geo& geo,
                   const Words& words, Catalog& catalog, DemoStats& stats);
// employer_sector: the sector index of each of catalog.employers.
void add_immersions(const DemoOptions& options, const Geo& geo,
                    const std::vector<Sector>& sectors, const std::vector<int>& employer_sector,
                    Catalog& catalog);
void add_workshops(const DemoOptions& options, const Words& words, Catalog& catalog);

}  // namespace eric::demo
