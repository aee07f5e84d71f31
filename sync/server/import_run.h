// `eric-regional-server import`: one kind of source, one or more files, one transaction.
#pragma once

#include <string>
#include <vector>

#include "kiosk/core/storage/db.h"
#include "sync/server/import_report.h"

namespace eric::server {

struct ImportOptions {
  std::string db_path;
  std::string kind;                // ft-offers, lheo, immersion, rome
  std::vector<std::string> files;
  bool full = false;               // the files are the whole source: tombstone what is missing
  bool dry_run = false;            // report only, write nothing
  std::string reference_dir;       // communes and ROME job titles (../shared/data)
  std::string today;               // "YYYY-MM-DD"; empty: the local date
};

// The kinds `import` knows, for help texts and checks.
const std::vector<std::string>& import_kinds();

// Runs the import and fills `report`. A failure of the database or of the reference data is
// the Status; problems of the files are in the report (see nothing_read()).
[[nodiscard]] Status run_import(const ImportOptions& options, ImportReport& report);

// True when not one record could be read from the files: the command then fails.
inline bool nothing_read(const ImportReport& report) { return report.records_read() == 0; }

}  // namespace eric::server
