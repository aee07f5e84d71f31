// What an import did, for the person who ran it: counts per record type and every problem
// found, each with its place (file and line, or the record's id) and a French sentence.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace eric::server {

struct ImportProblem {
  std::string place;     // "offres.jsonl:12" or "offres.json, offre 082SGKK"
  std::string sentence;  // French, says what is wrong and what was done about it
};

struct ImportCounts {
  int64_t read = 0;       // records taken from the files (the report adds the rejected)
  int64_t added = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t deleted = 0;    // tombstones of --full
  int64_t rejected = 0;   // left out because of a problem
};

struct ImportReport {
  std::string kind;                               // ft-offers, lheo, immersion, rome
  std::map<std::string, ImportCounts> by_type;    // "job", "employer", ...
  std::map<std::string, int64_t> notes;           // named counts ("formations sans code ROME")
  std::vector<ImportProblem> problems;
  int64_t files_read = 0;   // files that could be opened and were of the right kind
  bool dry_run = false;
  bool full = false;
  bool full_refused = false;  // --full ignored because nothing could be read
  int64_t cursor_before = 0, cursor_after = 0;

  void problem(std::string place, std::string sentence) {
    problems.push_back({std::move(place), std::move(sentence)});
  }
  void note(const std::string& what, int64_t n = 1) { notes[what] += n; }
  int64_t records_read() const;
  int64_t changes() const;  // added + updated + deleted, all types
};

// The report as people read it: one line of counts per record type, the named counts, then
// the problems (the first `max_problems`, then how many more).
std::string format_report(const ImportReport& report, std::size_t max_problems = 200);

}  // namespace eric::server
