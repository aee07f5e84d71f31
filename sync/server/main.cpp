// eric-regional-server: the reference regional server (serve) and its administration commands.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/core/base/clock.h"
#include "kiosk/demo/demo_catalog.h"
#include "kiosk/demo/reference_data.h"
#include "sync/protocol.h"
#include "sync/server/http_server.h"
#include "sync/server/server_outbox.h"
#include "sync/server/server_store.h"

namespace {

using namespace eric;
using namespace eric::server;

constexpr const char* kUsage = R"(usage: eric-regional-server COMMAND --db FILE [options]
  serve --db FILE --listen ADDR:PORT [--cert FILE --key FILE] [--page-size N]
        [--max-requests-per-minute N] [--gzip-level 0-9 (default 1, 0: none)]
        [--fault-file PATH (tests only)]
  generate-demo --db FILE [--jobs N] [--seed S] [--today YYYY-MM-DD] [--site ID]
        [--reference-data DIR]
  enroll-code --db FILE --site ID
  edit --db FILE upsert TYPE JSON
  edit --db FILE delete TYPE ID
  import-changes --db FILE FILE.json
  export-bundle --db FILE --site ID --out FILE
  decline --db FILE --request UUID [--reason TEXT]
  compact --db FILE [--up-to CURSOR]
  info --db FILE
)";

// Flags "--name value" and the remaining positional words.
struct Args {
  std::map<std::string, std::string> flags;
  std::vector<std::string> words;
  bool bad = false;
  std::string get(const std::string& name, const std::string& fallback = "") const {
    auto it = flags.find(name);
    return it == flags.end() ? fallback : it->second;
  }
};

Args parse_args(int argc, char** argv, int first) {
  Args a;
  for (int i = first; i < argc; ++i) {
    std::string w = argv[i];
    if (w.rfind("--", 0) == 0 && w.size() > 2) {
      if (i + 1 >= argc) {
        a.bad = true;
        break;
      }
      a.flags[w.substr(2)] = argv[++i];
    } else {
      a.words.push_back(w);
    }
  }
  return a;
}

int usage_error(const std::string& what) {
  std::fprintf(stderr, "eric-regional-server: %s\n%s", what.c_str(), kUsage);
  return 2;
}

int fail(const Status& s) {
  std::fprintf(stderr, "eric-regional-server: %s (%s)\n", s.message_fr.c_str(), s.code.c_str());
  return 1;
}

bool to_int(const std::string& text, int64_t& out) {
  try {
    std::size_t used = 0;
    out = std::stoll(text, &used);
    return used == text.size();
  } catch (const std::exception&) {
    return false;
  }
}

std::unique_ptr<Database> open_or_report(const Args& a, Status& s) {
  auto db = open_server_db(a.get("db"), s);
  if (!db) fail(s);
  return db;
}

int cmd_serve(const Args& a) {
  ServeOptions o;
  o.db_path = a.get("db");
  const std::string listen = a.get("listen", "127.0.0.1:8470");
  const auto colon = listen.rfind(':');
  int64_t port = 0;
  if (colon == std::string::npos || !to_int(listen.substr(colon + 1), port) || port < 0 ||
      port > 65535) {
    return usage_error("--listen wants ADDR:PORT");
  }
  o.host = listen.substr(0, colon);
  o.port = static_cast<int>(port);
  o.cert_file = a.get("cert");
  o.key_file = a.get("key");
  if (o.cert_file.empty() != o.key_file.empty()) return usage_error("--cert and --key go together");
  int64_t n = 0;
  if (a.flags.count("page-size")) {
    if (!to_int(a.get("page-size"), n) || n < 1) return usage_error("bad --page-size");
    o.page_size = n;
  }
  if (a.flags.count("max-requests-per-minute")) {
    if (!to_int(a.get("max-requests-per-minute"), n) || n < 0) return usage_error("bad --max-requests-per-minute");
    o.max_requests_per_minute = static_cast<int>(n);
  }
  if (a.flags.count("gzip-level")) {
    if (!to_int(a.get("gzip-level"), n) || n < 0 || n > 9) return usage_error("bad --gzip-level");
    o.gzip_level = static_cast<int>(n);
  }
  o.fault_file = a.get("fault-file");
  return serve(o);
}

int cmd_generate_demo(const Args& a, const char* argv0) {
  DemoOptions d;
  int64_t n = 0;
  if (a.flags.count("jobs")) {
    if (!to_int(a.get("jobs"), n) || n < 0) return usage_error("bad --jobs");
    d.jobs = static_cast<int>(n);
  }
  if (a.flags.count("seed")) {
    if (!to_int(a.get("seed"), n)) return usage_error("bad --seed");
    d.seed = static_cast<uint64_t>(n);
  }
  d.today = a.get("today", Clock().today());
  int64_t parsed = 0;
  if (!Clock::parse_local(d.today, parsed)) return usage_error("--today wants YYYY-MM-DD");
  if (a.flags.count("site")) d.site_id = a.get("site");
  ReferenceData ref;
  const Status loaded = load_reference_data(a.get("reference-data", default_reference_dir(argv0)), ref);
  if (!loaded) {
    std::fprintf(stderr, "eric-regional-server: %s\n", loaded.message_fr.c_str());
    return 1;
  }
  const Catalog catalog = generate_demo_catalog(ref, d);
  Status s;
  auto db = open_or_report(a, s);
  if (!db) return 1;
  ServerCatalogWriter w(*db);
  // The writer keeps its first failure, and commit() reports it.
  for_each_record(catalog, [&](Record&& r) { (void)w.upsert(std::move(r)); });
  s = w.commit();
  if (!s) return fail(s);
  std::printf("%lld records written, cursor %lld\n", static_cast<long long>(w.written()),
              static_cast<long long>(current_cursor(*db)));
  return 0;
}

int cmd_enroll_code(const Args& a) {
  if (a.get("site").empty()) return usage_error("enroll-code needs --site ID");
  Status s;
  auto db = open_or_report(a, s);
  if (!db) return 1;
  std::string code;
  s = create_enroll_code(*db, a.get("site"), code);
  if (!s) return fail(s);
  std::printf("%s\n", code.c_str());
  return 0;
}

int apply_changes(Database& db, const std::vector<CatalogChange>& changes) {
  ServerCatalogWriter w(db);
  for (const auto& c : changes) {
    if (!w.apply(c)) break;  // the writer keeps the failure; commit() reports it
  }
  Status s = w.commit();
  if (!s) return fail(s);
  std::printf("%zu changes applied, cursor %lld\n", changes.size(),
              static_cast<long long>(current_cursor(db)));
  return 0;
}

int cmd_edit(const Args& a) {
  if (a.words.size() != 3 || (a.words[0] != "upsert" && a.words[0] != "delete")) {
    return usage_error("edit wants: upsert TYPE JSON | delete TYPE ID");
  }
  auto type = parse_record_type(a.words[1]);
  if (!type) return usage_error("unknown record type " + a.words[1]);
  CatalogChange c;
  c.type = *type;
  if (a.words[0] == "delete") {
    c.deleted = true;
    c.id = a.words[2];
  } else {
    auto j = nlohmann::json::parse(a.words[2], nullptr, false);
    if (j.is_discarded()) return usage_error("the record is not JSON");
    Status s = record_from_json(*type, j, c.record);
    if (!s) return usage_error(s.message_fr);
    c.id = record_id(c.record);
  }
  Status s;
  auto db = open_or_report(a, s);
  if (!db) return 1;
  return apply_changes(*db, {c});
}

int cmd_import_changes(const Args& a) {
  if (a.words.size() != 1) return usage_error("import-changes wants one FILE.json");
  std::ifstream in(a.words[0], std::ios::binary);
  if (!in) return usage_error("cannot read " + a.words[0]);
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!j.is_discarded() && j.is_object() && j.contains("changes")) j = j["changes"];
  if (j.is_discarded() || !j.is_array()) return usage_error("the file wants {\"changes\": [...]}");
  std::vector<CatalogChange> changes;
  for (const auto& item : j) {
    CatalogChange c;
    Status s = change_from_json(item, c);
    if (!s) return usage_error("change " + std::to_string(changes.size() + 1) + ": " + s.message_fr);
    changes.push_back(std::move(c));
  }
  Status s;
  auto db = open_or_report(a, s);
  if (!db) return 1;
  return apply_changes(*db, changes);
}

int cmd_export_bundle(const Args& a) {
  if (a.get("site").empty() || a.get("out").empty()) return usage_error("export-bundle needs --site and --out");
  Status s;
  auto db = open_or_report(a, s);
  if (!db) return 1;
  std::string file;
  s = export_bundle(*db, a.get("site"), file);
  if (!s) return fail(s);
  const std::string tmp = a.get("out") + ".part";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << file;
    if (!out.flush()) return fail(Status::error("write", "Impossible d'écrire " + tmp));
  }
  if (std::rename(tmp.c_str(), a.get("out").c_str()) != 0) {
    return fail(Status::error("write", "Impossible d'écrire " + a.get("out")));
  }
  std::printf("%s\n", a.get("out").c_str());
  return 0;
}

int cmd_decline(const Args& a) {
  if (a.get("request").empty()) return usage_error("decline needs --request UUID");
  Status s;
  auto db = open_or_report(a, s);
  if (!db) return 1;
  s = decline_request(*db, a.get("request"), a.get("reason"));
  return s ? 0 : fail(s);
}

int cmd_compact(const Args& a) {
  int64_t up_to = -1;
  if (a.flags.count("up-to") && !to_int(a.get("up-to"), up_to)) return usage_error("bad --up-to");
  Status s;
  auto db = open_or_report(a, s);
  if (!db) return 1;
  int64_t removed = 0;
  s = compact_history(*db, up_to, removed);
  if (!s) return fail(s);
  std::printf("%lld tombstones removed, history floor %lld\n", static_cast<long long>(removed),
              static_cast<long long>(history_floor(*db)));
  return 0;
}

int cmd_info(const Args& a) {
  Status s;
  auto db = open_or_report(a, s);
  if (!db) return 1;
  nlohmann::json info = {{"cursor", std::to_string(current_cursor(*db))},
                         {"history_floor", std::to_string(history_floor(*db))}};
  Statement rec(*db, "SELECT type, count(*) FROM records WHERE deleted = 0 GROUP BY type");
  while (rec.step()) info["records"][rec.col_text(0)] = rec.col_int(1);
  Statement req(*db, "SELECT type || ':' || status, count(*) FROM requests GROUP BY 1");
  info["requests"] = nlohmann::json::object();
  while (req.step()) info["requests"][req.col_text(0)] = req.col_int(1);
  // What the sites reported (tickets, feedback, usage), summed over sites and days.
  Statement counts(*db, "SELECT type || ':' || key, sum(n) FROM counts GROUP BY 1");
  info["counts"] = nlohmann::json::object();
  while (counts.step()) info["counts"][counts.col_text(0)] = counts.col_int(1);
  Statement res(*db, "SELECT count(*) FROM outbox_results");
  if (res.step()) info["outbox_results"] = res.col_int(0);
  Statement term(*db, "SELECT count(*) FROM terminals");
  if (term.step()) info["terminals"] = term.col_int(0);
  std::printf("%s\n", info.dump().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("missing command");
  const std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "help") {
    std::printf("%s", kUsage);
    return 0;
  }
  Args a = parse_args(argc, argv, 2);
  if (a.bad) return usage_error("a flag is missing its value");
  if (a.get("db").empty()) return usage_error("--db FILE is required");
  if (cmd == "serve") return cmd_serve(a);
  if (cmd == "generate-demo") return cmd_generate_demo(a, argv[0]);
  if (cmd == "enroll-code") return cmd_enroll_code(a);
  if (cmd == "edit") return cmd_edit(a);
  if (cmd == "import-changes") return cmd_import_changes(a);
  if (cmd == "export-bundle") return cmd_export_bundle(a);
  if (cmd == "decline") return cmd_decline(a);
  if (cmd == "compact") return cmd_compact(a);
  if (cmd == "info") return cmd_info(a);
  return usage_error("unknown command " + cmd);
}
