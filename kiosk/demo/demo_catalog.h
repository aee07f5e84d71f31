// A deterministic, plausible demo catalog for one site, built from the real reference data.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/core/storage/catalog.h"
#include "kiosk/demo/reference_data.h"

namespace eric {

struct DemoOptions {
  uint64_t seed = 42;
  int jobs = 5000;
  int immersion_employers = 300;
  std::string today;  // "YYYY-MM-DD", required: every date is placed relative to it
  std::string site_id = "eric-martigues";
  std::string site_commune = "13056";
  std::string region = "93";
};

// What the generator had to leave out or patch, for logs and tests.
struct DemoStats {
  int sessions_unknown_action = 0;         // PRF session whose action is not in actions.json
  int sessions_unknown_qualification = 0;  // action whose codeDiplome has no qualification
  int sessions_unknown_commune = 0;        // Grand Est commune missing: still placed in PACA
  int sessions_kept = 0;
  int qualifications_without_sessions = 0;
};

// Builds the catalog. The same reference data, options and seed give the same catalog, byte
// for byte, on every machine (own PRNG, no std:: distributions); each part draws from its
// own stream, so changing `jobs` does not move the trainings or the workshops.
//
// Content: all communes, trades and job titles of the reference; one site; synthetic
// employers and jobs in the communes of options.region weighted by population (the first
// employer of every sector is within 7 km of the site); one training per PRF qualification
// that has sessions ("prf-" + numero), its sessions relocated to the region and shifted to
// start within the next 12 months; immersion offers with 2-5 slots over the next 8 weeks;
// the site's workshops for the next 4 weeks.
//
// Guarantees with the default options (any seed, `today` any date), that tests rely on:
//  - every one of the 14 families has at least one job within 10 km of the site commune;
//  - there are jobs with trade "F1703" (Maçonnerie), one of them within 10 km of the site,
//    and a session of a region-funded training leading to F1703 within 10 km of the site;
//  - commune 13056 (Martigues) is in the catalog with postal code 13500;
//  - an immersion offer within 10 km of the site is for a trade its employer also has a
//    job for (so that trade has jobs near the site);
//  - if today + 1 is a weekday, the site has a workshop that day; one workshop is full.
// If options.jobs < 15 the per-family guarantee cannot hold; fewer employers than
// options.immersion_employers have jobs when jobs is small, and then fewer offers are made.
// An unknown site commune or region gives a catalog without employers, jobs, sessions.
Catalog generate_demo_catalog(const ReferenceData& reference, const DemoOptions& options,
                              DemoStats* stats = nullptr);

// Turns a raw PRF title into plain words: "QUAL jardinier-ère paysagiste (CAPA) niveau V"
// -> "Jardinier-ère paysagiste (CAPA)"; "(TP)" becomes "(titre professionnel)".
std::string clean_prf_title(const std::string& raw);

// "Niveau V - Formations équivalentes aux CAP-BEP" -> "CAP ou BEP (niveau 3)".
std::string plain_exit_level(const std::string& raw);

}  // namespace eric
