// Demo generator entry point: reference records, the site, employers and job offers.
#include "kiosk/demo/demo_catalog.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "kiosk/core/base/clock.h"
#include "kiosk/demo/demo_internal.h"

namespace eric {

namespace {

using demo::Rng;

// Trades with many offers in real life (weight) and how qualified they are (level 0..3).
struct CommonTrade {
  const char* code;
  double weight;
  int level;
};
constexpr CommonTrade kCommonTrades[] = {
    {"K1304", 40, 0}, {"K2204", 40, 0}, {"N1103", 35, 0}, {"G1602", 30, 1}, {"G1803", 30, 1},
    {"K1302", 30, 1}, {"D1507", 25, 0}, {"D1106", 25, 1}, {"J1501", 25, 1}, {"G1603", 25, 0},
    {"N4101", 20, 1}, {"F1703", 20, 1}, {"N1105", 20, 0}, {"D1505", 20, 0}, {"K1303", 20, 1},
    {"N4105", 20, 1}, {"J1506", 15, 2}, {"I1604", 15, 1}, {"F1602", 15, 1}, {"F1603", 15, 1},
    {"M1607", 15, 2}, {"D1214", 15, 1}, {"G1605", 15, 0}, {"G1501", 15, 0}, {"H3302", 15, 0},
    {"A1203", 12, 1}, {"A1401", 12, 0}, {"D1402", 12, 2}, {"D1403", 12, 2}, {"K2503", 12, 1},
    {"G1801", 12, 1}, {"F1606", 10, 1}, {"H2102", 10, 0}, {"M1203", 10, 2}, {"M1805", 10, 3},
    {"D1102", 10, 1}, {"M1602", 10, 2}, {"I1203", 10, 1}, {"N1101", 10, 1}, {"J1301", 10, 0},
    {"G1703", 8, 2},  {"D1211", 8, 1},  {"M1601", 8, 1},  {"N4102", 8, 1},  {"N4103", 8, 1},
    {"H2902", 8, 1},  {"H2913", 8, 1},  {"I1304", 8, 2},  {"I1310", 8, 2},  {"F1701", 8, 1},
    {"F1704", 8, 0},  {"K1305", 8, 1},  {"G1203", 8, 1},  {"D1101", 6, 1},  {"D1104", 6, 1},
    {"F1302", 6, 1},  {"K1207", 6, 2},  {"K1202", 6, 2},  {"J1304", 6, 1},  {"F1705", 5, 1},
    {"G1204", 5, 2},  {"K2111", 5, 3},  {"H2701", 5, 2},  {"N3203", 4, 1},  {"I1306", 6, 2},
};

int keyword_level(const std::string& label) {
  static constexpr const char* kHigh[] = {"Direction", "Management", "Ingénierie", "Conception",
                                          "Expertise", "Analyse", "Études", "Médecine",
                                          "Architecture", "Stratégie", "Audit", "Recherche",
                                          "Magistrature", "Enseignement", "Pilotage"};
  static constexpr const char* kMid[] = {"Intervention technique", "Conseil", "Assistanat",
                                         "Comptab", "Soins infirmiers", "Contrôle",
                                         "Relation commerciale", "Gestion", "Administration",
                                         "Coordination", "Encadrement", "Développement"};
  for (const char* k : kHigh)
    if (label.find(k) != std::string::npos) return 3;
  for (const char* k : kMid)
    if (label.find(k) != std::string::npos) return 2;
  return 1;
}

// Trades that a region-funded session leads to (session -> action -> qualification).
std::unordered_set<std::string> trades_with_training(const ReferenceData& reference) {
  std::unordered_set<int64_t> actions_with_sessions;
  for (const PrfSession& s : reference.sessions) actions_with_sessions.insert(s.action_numero);
  std::unordered_set<std::string> codes;
  for (const PrfAction& a : reference.actions)
    if (actions_with_sessions.count(a.numero)) codes.insert(a.code_diplome);
  std::unordered_set<std::string> trades;
  for (const PrfQualification& q : reference.qualifications)
    if (codes.count(q.code_diplome)) trades.insert(q.trade_codes.begin(), q.trade_codes.end());
  return trades;
}

Site make_site(const DemoOptions& options, const demo::Geo& geo, const demo::Words& words) {
  Rng rng(options.seed, "site");
  Site site;
  site.id = options.site_id;
  site.name = "ERIC Cyber-base " + demo::de_place(geo.site->name);
  site.commune = geo.site->insee;
  site.address = std::to_string(rng.range(1, 30)) + " " + rng.pick(words.street_types) + " " +
                 rng.pick(words.streets) + ", " + demo::main_postal_code(*geo.site) + " " +
                 geo.site->name;
  demo::jitter(rng, geo.site->lat, geo.site->lon, 0.3, site.lat, site.lon);
  site.opening_hours = "Du lundi au vendredi, de 9 h à 12 h 30 et de 13 h 30 à 17 h";
  site.phone = demo::fictional_phone(rng);
  return site;
}

std::string numbered(const char* prefix, size_t n, int width) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%0*zu", prefix, width, n);
  return buf;
}

// How often each trade is drawn and its qualification level: common trades dominate; trades
// with a regional training count double.
struct TradeWeights {
  std::vector<double> weight;
  std::vector<int> level;
};

TradeWeights trade_weights(const ReferenceData& reference,
                           const std::unordered_map<std::string, size_t>& trade_index) {
  const std::vector<Trade>& trades = reference.trades;
  const std::unordered_set<std::string> trained = trades_with_training(reference);
  TradeWeights w{std::vector<double>(trades.size(), 1.0), std::vector<int>(trades.size())};
  for (size_t t = 0; t < trades.size(); ++t) w.level[t] = keyword_level(trades[t].label);
  for (const CommonTrade& c : kCommonTrades) {
    auto it = trade_index.find(c.code);
    if (it == trade_index.end()) continue;
    w.weight[it->second] = c.weight;
    w.level[it->second] = c.level;
  }
  for (size_t t = 0; t < trades.size(); ++t)
    if (trained.count(trades[t].code)) w.weight[t] *= 2;
  return w;
}

// The trade of every job: first the ones the guarantees need (masonry, one per family), then
// weighted draws.
std::vector<size_t> draw_job_trades(Rng& rng, const std::vector<Trade>& trades,
                                    const std::unordered_map<std::string, size_t>& trade_index,
                                    const std::vector<double>& weight, size_t n_jobs) {
  std::vector<double> cumulative(trades.size());
  double total = 0;
  for (size_t t = 0; t < trades.size(); ++t) cumulative[t] = (total += weight[t]);
  std::vector<size_t> job_trade;
  job_trade.reserve(n_jobs);
  if (auto it = trade_index.find("F1703"); it != trade_index.end()) job_trade.push_back(it->second);
  for (char family = 'A'; family <= 'N' && job_trade.size() < n_jobs; ++family) {
    std::vector<double> family_cumulative(trades.size(), 0);
    double sum = 0;
    for (size_t t = 0; t < trades.size(); ++t) {
      if (trades[t].family() == family) sum += weight[t];
      family_cumulative[t] = sum;
    }
    if (sum > 0) job_trade.push_back(rng.weighted(family_cumulative));
  }
  while (job_trade.size() < n_jobs) job_trade.push_back(rng.weighted(cumulative));
  return job_trade;
}

// Employers per sector, in proportion to its jobs, each with at least one job. The indexes in
// catalog.employers of each sector's employers.
std::vector<std::vector<size_t>> add_employers(const DemoOptions& options, const demo::Geo& geo,
                                               const demo::Words& words,
                                               const std::vector<demo::Sector>& sectors,
                                               const std::vector<size_t>& sector_jobs,
                                               std::vector<int>& employer_sector,
                                               Catalog& catalog) {
  const double n_jobs = static_cast<double>(options.jobs);
  const double wanted = std::max({300.0, n_jobs / 8.0, double(options.immersion_employers)});
  std::vector<std::vector<size_t>> sector_employers(sectors.size());
  Rng erng(options.seed, "employers");
  for (size_t s = 0; s < sectors.size(); ++s) {
    if (sector_jobs[s] == 0) continue;
    const double share = std::round(double(sector_jobs[s]) * wanted / n_jobs);
    const size_t count = std::clamp<size_t>(static_cast<size_t>(share), 1, sector_jobs[s]);
    for (size_t k = 0; k < count; ++k) {
      // The first employer of every sector is near the site, so each family has jobs there.
      const Commune* commune =
          (k == 0 && !geo.near_site.empty())
              ? geo.near_site[erng.weighted(geo.near_cumulative)]
              : geo.region[erng.weighted(geo.region_cumulative)];
      const demo::Sector& sector = sectors[s];
      Employer e;
      e.id = numbered("demo-emp-", catalog.employers.size() + 1, 5);
      e.name = demo::fill_name(erng.pick(sector.name_templates), erng, words, *commune);
      e.siret = demo::siret(erng);
      e.naf = sector.naf;
      e.naf_label = sector.naf_label;
      e.commune = commune->insee;
      e.address = demo::street_address(erng, words, *commune);
      demo::jitter(erng, commune->lat, commune->lon, 1.5, e.lat, e.lon);
      const int size = erng.range(sector.size_bias * 2, sector.size_bias * 2 + 4);
      e.size_range = words.size_ranges[static_cast<size_t>(std::min(size, 9))];
      e.fit_for_disabled_workers = erng.chance(0.1);
      sector_employers[s].push_back(catalog.employers.size());
      employer_sector.push_back(static_cast<int>(s));
      catalog.employers.push_back(std::move(e));
    }
  }
  return sector_employers;
}

void add_employers_and_jobs(const ReferenceData& reference, const DemoOptions& options,
                            const demo::Geo& geo, const demo::Words& words,
                            const std::vector<demo::Sector>& sectors,
                            std::vector<int>& employer_sector, Catalog& catalog) {
  const std::vector<Trade>& trades = reference.trades;
  if (trades.empty() || options.jobs <= 0) return;
  const std::vector<int> trade_sector = demo::sector_of_trades(trades, sectors);
  std::unordered_map<std::string, size_t> trade_index;
  for (size_t t = 0; t < trades.size(); ++t) trade_index.emplace(trades[t].code, t);
  std::vector<std::vector<const JobTitle*>> titles(trades.size());
  for (const JobTitle& j : reference.job_titles) {
    auto it = trade_index.find(j.trade_code);
    if (it != trade_index.end()) titles[it->second].push_back(&j);
  }
  const TradeWeights w = trade_weights(reference, trade_index);
  Rng rng(options.seed, "jobs");
  const size_t n_jobs = static_cast<size_t>(options.jobs);
  const std::vector<size_t> job_trade = draw_job_trades(rng, trades, trade_index, w.weight, n_jobs);
  std::vector<size_t> sector_jobs(sectors.size(), 0);
  for (size_t t : job_trade) ++sector_jobs[static_cast<size_t>(trade_sector[t])];
  const std::vector<std::vector<size_t>> sector_employers =
      add_employers(options, geo, words, sectors, sector_jobs, employer_sector, catalog);

  // Jobs: the k-th job of a sector goes to its k-th employer while there are some left, then
  // to any but the first (placed near the site for the guarantees, it would otherwise pile up
  // the site's surroundings with far more jobs than their population warrants).
  std::vector<size_t> seen(sectors.size(), 0);
  catalog.jobs.resize(n_jobs);
  for (size_t j = 0; j < n_jobs; ++j) {
    const size_t t = job_trade[j];
    const size_t s = static_cast<size_t>(trade_sector[t]);
    const std::vector<size_t>& pool = sector_employers[s];
    const size_t k = seen[s]++;
    size_t e = pool[0];
    if (k < pool.size()) e = pool[k];
    else if (pool.size() > 1) e = pool[1 + static_cast<size_t>(rng.below(int(pool.size()) - 1))];
    const Employer& employer = catalog.employers[e];
    Job& job = catalog.jobs[j];
    job.id = numbered("demo-job-", j + 1, 6);
    demo::fill_job(rng, options, trades[t], w.level[t], titles[t], employer,
                   *geo.by_insee.at(employer.commune), job);
  }
}

}  // namespace

Catalog generate_demo_catalog(const ReferenceData& reference, const DemoOptions& options,
                              DemoStats* stats) {
  DemoStats local_stats;
  Catalog catalog;
  catalog.communes = reference.communes;
  catalog.trades = reference.trades;
  catalog.job_titles = reference.job_titles;

  int64_t epoch_ms = 0;
  const bool today_ok = options.today.size() == 10 && Clock::parse_local(options.today, epoch_ms);
  const demo::Geo geo = demo::build_geo(reference.communes, options);
  if (today_ok && geo.site != nullptr && !geo.region.empty()) {
    const demo::Words words = demo::make_words();
    const std::vector<demo::Sector> sectors = demo::make_sectors();
    catalog.sites.push_back(make_site(options, geo, words));
    std::vector<int> employer_sector;
    add_employers_and_jobs(reference, options, geo, words, sectors, employer_sector, catalog);
    demo::add_trainings(reference, options, geo, words, catalog, local_stats);
    demo::add_immersions(options, geo, sectors, employer_sector, catalog);
    demo::add_workshops(options, words, catalog);
  }
  if (stats != nullptr) *stats = local_stats;
  return catalog;
}

}  // namespace eric
