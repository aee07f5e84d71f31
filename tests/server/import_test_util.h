// Helpers of the import tests: run an import on a real SQLite file, read what the feed holds.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "sync/server/import_report.h"
#include "tests/support/test_util.h"  // TempDir

namespace eric::test {

inline const char* kImportToday = "2026-12-06";

// Runs the import as the command does (run_import), failing the test on a database error.
server::ImportReport import_files(const std::string& db, const std::string& kind,
                                  const std::vector<std::string>& files, bool full = false,
                                  bool dry_run = false, const std::string& today = kImportToday);

// The live record's data in the feed, or null when it is absent or deleted.
nlohmann::json feed_record(const std::string& db, const std::string& type, const std::string& id);
bool feed_deleted(const std::string& db, const std::string& type, const std::string& id);
int64_t feed_cursor(const std::string& db);
int64_t feed_count(const std::string& db, const std::string& type);

// The problems of a report whose place contains `place` (a file:line or an id).
std::vector<std::string> problems_at(const server::ImportReport& report, const std::string& place);

void write_text(const std::string& path, const std::string& text);
// JSON lines: one document a line, as the France Travail and Immersion files come.
std::string json_lines(const std::vector<nlohmann::json>& documents);

// eric-regional-server with arguments: exit code and output.
struct Ran {
  int exit_code = -1;
  std::string out, err;
};
Ran run_server(const std::vector<std::string>& args);

}  // namespace eric::test
