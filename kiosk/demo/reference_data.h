// Real reference data read from ../shared/data: communes, ROME trades and titles, and the
// Grand Est regional training programme (PRF 2019) that the demo catalog relocates to PACA.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/base/status.h"
#include "kiosk/core/storage/catalog.h"

namespace eric {

// A PRF qualification (diplomes.json): what a course leads to.
struct PrfQualification {
  int64_t numero = 0;
  std::string code_diplome;              // shared by several qualifications sometimes
  std::string title;                     // raw "intitule", e.g. "QUAL Maçon-ne (TP) niveau V"
  std::string exit_level;                // raw "niveauQualificationSortie"
  std::vector<std::string> trade_codes;  // "metiers": ROME codes it leads to
};

// A PRF training action (actions.json): one funded run of a qualification.
struct PrfAction {
  int64_t numero = 0;
  std::string code_diplome;
  std::string exit_level;
};

// A PRF session (sessions.json). Many sessions name an action that is not in actions.json.
struct PrfSession {
  int64_t action_numero = 0;
  int64_t numero = 0;          // not unique alone: (action_numero, numero) is
  std::string start, end;      // "YYYY-MM-DD"
  std::string commune_insee;   // Grand Est; a few are missing from communes-fr.csv
};

struct ReferenceData {
  std::vector<Commune> communes;      // communes-fr.csv, file order
  std::vector<Trade> trades;          // rome-fiches.csv
  std::vector<JobTitle> job_titles;   // rome-appellations.csv
  std::vector<PrfQualification> qualifications;
  std::vector<PrfAction> actions;
  std::vector<PrfSession> sessions;
  int skipped_lines = 0;  // malformed rows or JSON items left out while loading
};

// Loads every file of `dir` (the ../shared/data folder). On failure returns false with a
// French sentence in error_fr naming the file; `out` is then left empty. A malformed row
// is skipped and counted in out.skipped_lines; a file that is missing, unreadable, has the
// wrong header or no usable row is an error.
Status load_reference_data(const std::string& dir, ReferenceData& out);

// Where the reference data is, when the caller has no --reference-data flag: the env var
// ERIC_DATA_DIR if set, else the checkout's ../shared/data (compiled in) if it exists,
// else a `data` folder beside the executable or in ../share/eric-kiosk/data from it
// (argv0 may be null), else the compiled-in path anyway.
std::string default_reference_dir(const char* argv0_or_null);


}  // namespace eric
