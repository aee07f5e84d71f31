// Helpers of the import tests (see import_test_util.h).
#include "tests/server/import_test_util.h"

#include <gtest/gtest.h>

#include <fstream>

#include "sync/server/import_run.h"
#include "sync/server/server_store.h"
#include "tests/bench/child_process.h"

namespace eric::test {

server::ImportReport import_files(const std::string& db, const std::string& kind,
                                  const std::vector<std::string>& files, bool full, bool dry_run,
                                  const std::string& today) {
  server::ImportOptions o;
  o.db_path = db;
  o.kind = kind;
  o.files = files;
  o.full = full;
  o.dry_run = dry_run;
  o.today = today;
  o.reference_dir = ERIC_SHARED_DATA_DIR;
  server::ImportReport report;
  const Status s = server::run_import(o, report);
  EXPECT_TRUE(s.ok) << s.code << " " << s.message_fr;
  return report;
}

nlohmann::json feed_record(const std::string& db, const std::string& type, const std::string& id) {
  Status s;
  auto h = server::open_server_db(db, s);
  Statement st(*h, "SELECT data FROM records WHERE type = ? AND id = ? AND deleted = 0");
  st.bind(1, type).bind(2, id);
  if (!st.step()) return nullptr;
  return nlohmann::json::parse(st.col_text(0));
}

bool feed_deleted(const std::string& db, const std::string& type, const std::string& id) {
  Status s;
  auto h = server::open_server_db(db, s);
  Statement st(*h, "SELECT deleted FROM records WHERE type = ? AND id = ?");
  st.bind(1, type).bind(2, id);
  return st.step() && st.col_int(0) == 1;
}

int64_t feed_cursor(const std::string& db) {
  Status s;
  auto h = server::open_server_db(db, s);
  return server::current_cursor(*h);
}

int64_t feed_count(const std::string& db, const std::string& type) {
  Status s;
  auto h = server::open_server_db(db, s);
  Statement st(*h, "SELECT count(*) FROM records WHERE type = ? AND deleted = 0");
  st.bind(1, type);
  return st.step() ? st.col_int(0) : -1;
}

std::vector<std::string> problems_at(const server::ImportReport& report, const std::string& place) {
  std::vector<std::string> out;
  for (const auto& p : report.problems) {
    if (p.place.find(place) != std::string::npos) out.push_back(p.sentence);
  }
  return out;
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string json_lines(const std::vector<nlohmann::json>& documents) {
  std::string out;
  for (const auto& d : documents) out += d.dump() + "\n";
  return out;
}

Ran run_server(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {ERIC_SERVER_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  const ProgramResult r = run_program(argv, "");
  return Ran{r.exit_code, r.out, r.err};
}

}  // namespace eric::test
