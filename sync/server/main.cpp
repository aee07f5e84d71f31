// eric-regional-server: the reference regional server (serve), its administration commands and
// the imports of the region's sources. One subcommand each; the same --help and --version
// everywhere (CLI11).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/cli/cli.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/base/json_bounded.h"
#include "kiosk/core/storage/db.h"
#include "kiosk/demo/demo_catalog.h"
#include "kiosk/demo/reference_data.h"
#include "sync/protocol.h"
#include "sync/server/fetch_ft.h"
#include "sync/server/http_server.h"
#include "sync/server/import_run.h"
#include "sync/server/server_outbox.h"
#include "sync/server/server_store.h"

#ifndef ERIC_VERSION
#define ERIC_VERSION "0.0.0"
#endif

namespace {

using namespace eric;
using namespace eric::server;

int fail(const Status& s) {
  std::fprintf(stderr, "eric-regional-server: %s (%s)\n", s.message_fr.c_str(), s.code.c_str());
  return 1;
}

int usage_error(const std::string& what) {
  std::fprintf(stderr, "eric-regional-server: %s (--help lists the options)\n", what.c_str());
  return 2;
}

// JSON given by the administrator (a command line, a changes file) is outside data like any
// other: its nesting is bounded before anything reads it. Empty `error` when it was read.
nlohmann::json read_admin_json(std::string_view text, std::string& error) {
  if (!json_depth_within(text)) {
    error = "is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
  auto j = parse_bounded_json(text);
  if (j.is_discarded()) error = "is not JSON";
  return j;
}

std::unique_ptr<Database> open_or_report(const std::string& path, Status& s) {
  auto db = open_server_db(path, s);
  if (!db) fail(s);
  return db;
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

struct DemoArgs {
  int jobs = -1;
  uint64_t seed = 0;
  bool seed_given = false;
  std::string today, site, reference;
};

int cmd_generate_demo(const std::string& db_path, const DemoArgs& a) {
  DemoOptions d;
  if (a.jobs >= 0) d.jobs = a.jobs;
  if (a.seed_given) d.seed = a.seed;
  d.today = a.today.empty() ? Clock().today() : a.today;
  int64_t parsed = 0;
  if (!Clock::parse_local(d.today, parsed)) return usage_error("--today wants YYYY-MM-DD");
  if (!a.site.empty()) d.site_id = a.site;
  ReferenceData ref;
  if (const Status loaded = load_reference_data(a.reference, ref); !loaded) return fail(loaded);
  const Catalog catalog = generate_demo_catalog(ref, d);
  Status s;
  auto db = open_or_report(db_path, s);
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

int cmd_edit(const std::string& db_path, const std::vector<std::string>& words) {
  if (words.size() != 3 || (words[0] != "upsert" && words[0] != "delete")) {
    return usage_error("edit wants: upsert TYPE JSON | delete TYPE ID");
  }
  auto type = parse_record_type(words[1]);
  if (!type) return usage_error("unknown record type " + words[1]);
  CatalogChange c;
  c.type = *type;
  if (words[0] == "delete") {
    c.deleted = true;
    c.id = words[2];
  } else {
    std::string unreadable;
    const auto j = read_admin_json(words[2], unreadable);
    if (j.is_discarded()) return usage_error("the record " + unreadable);
    Status s = record_from_json(*type, j, c.record);
    if (!s) return usage_error(s.message_fr);
    c.id = record_id(c.record);
  }
  Status s;
  auto db = open_or_report(db_path, s);
  if (!db) return 1;
  return apply_changes(*db, {c});
}

int cmd_import_changes(const std::string& db_path, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return usage_error("cannot read " + file);
  std::stringstream text;
  text << in.rdbuf();
  std::string unreadable;
  auto j = read_admin_json(text.str(), unreadable);
  if (j.is_discarded()) return usage_error(file + " " + unreadable);
  if (j.is_object() && j.contains("changes")) j = j["changes"];
  if (!j.is_array()) return usage_error("the file wants {\"changes\": [...]}");
  std::vector<CatalogChange> changes;
  for (const auto& item : j) {
    CatalogChange c;
    Status s = change_from_json(item, c);
    if (!s) return usage_error("change " + std::to_string(changes.size() + 1) + ": " + s.message_fr);
    changes.push_back(std::move(c));
  }
  Status s;
  auto db = open_or_report(db_path, s);
  if (!db) return 1;
  return apply_changes(*db, changes);
}

int cmd_export_bundle(const std::string& db_path, const std::string& site, const std::string& out_path) {
  Status s;
  auto db = open_or_report(db_path, s);
  if (!db) return 1;
  std::string file;
  s = export_bundle(*db, site, file);
  if (!s) return fail(s);
  const std::string tmp = out_path + ".part";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << file;
    if (!out.flush()) return fail(Status::error("write", "Impossible d'écrire " + tmp));
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) {
    return fail(Status::error("write", "Impossible d'écrire " + out_path));
  }
  std::printf("%s\n", out_path.c_str());
  return 0;
}

int cmd_info(const std::string& db_path) {
  Status s;
  auto db = open_or_report(db_path, s);
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

// The import's report goes to standard output; the command fails only when nothing could be read.
int cmd_import(const ImportOptions& o) {
  ImportReport report;
  const Status s = run_import(o, report);
  if (!s) return fail(s);
  std::fputs(format_report(report).c_str(), stdout);
  return nothing_read(report) ? 1 : 0;
}

// What the command line fills: CLI11 binds these, so they outlive the parse.
struct Commands {
  std::string db;
  int rc = 0;
  ServeOptions serve;
  std::string listen = "127.0.0.1:8470";
  DemoArgs demo;
  std::string site, bundle_out, changes_file, request, reason;
  std::vector<std::string> edit_words;
  int64_t up_to = -1;
  ImportOptions import;
  FetchOptions fetch;
};

CLI::App* with_db(CLI::App* sub, Commands& c) {
  sub->add_option("--db", c.db, "the server's SQLite file")->required();
  return sub;
}

void add_serve(CLI::App& app, Commands& c) {
  auto* serve_cmd = with_db(app.add_subcommand("serve", "serve the catalog and requests over HTTP(S)"), c);
  serve_cmd->add_option("--listen", c.listen, "ADDR:PORT (port 0: any free port)")->capture_default_str();
  serve_cmd->add_option("--cert", c.serve.cert_file, "TLS certificate (with --key)");
  serve_cmd->add_option("--key", c.serve.key_file, "TLS private key (with --cert)");
  serve_cmd->add_option("--page-size", c.serve.page_size, "changes per catalog page")->check(CLI::PositiveNumber);
  serve_cmd->add_option("--max-requests-per-minute", c.serve.max_requests_per_minute,
                        "per terminal, 0: no limit")->check(CLI::NonNegativeNumber);
  serve_cmd->add_option("--gzip-level", c.serve.gzip_level, "0-9 (0: none)")->capture_default_str()->check(CLI::Range(0, 9));
  serve_cmd->add_option("--fault-file", c.serve.fault_file, "tests only");
  serve_cmd->callback([&c]() {
    const auto colon = c.listen.rfind(':');
    int port = -1;
    if (colon != std::string::npos) {
      try {
        std::size_t used = 0;
        port = std::stoi(c.listen.substr(colon + 1), &used);
        if (used != c.listen.size() - colon - 1) port = -1;
      } catch (const std::exception&) {
        port = -1;
      }
    }
    if (port < 0 || port > 65535) {
      c.rc = usage_error("--listen wants ADDR:PORT");
      return;
    }
    if (c.serve.cert_file.empty() != c.serve.key_file.empty()) {
      c.rc = usage_error("--cert and --key go together");
      return;
    }
    c.serve.db_path = c.db;
    c.serve.host = c.listen.substr(0, colon);
    c.serve.port = port;
    c.rc = serve(c.serve);
  });
}

void add_catalog_admin(CLI::App& app, Commands& c, const char* argv0) {
  c.demo.reference = default_reference_dir(argv0);
  auto* demo_cmd = with_db(app.add_subcommand("generate-demo", "write a demo catalog"), c);
  demo_cmd->add_option("--jobs", c.demo.jobs, "number of job offers")->check(CLI::NonNegativeNumber);
  demo_cmd->add_option("--seed", c.demo.seed, "random seed")->each([&c](const std::string&) { c.demo.seed_given = true; });
  demo_cmd->add_option("--today", c.demo.today, "YYYY-MM-DD");
  demo_cmd->add_option("--site", c.demo.site, "the site of the demo workshops");
  demo_cmd->add_option("--reference-data", c.demo.reference, "communes and ROME folder")->capture_default_str();
  demo_cmd->callback([&c]() { c.rc = cmd_generate_demo(c.db, c.demo); });

  auto* edit_cmd = with_db(app.add_subcommand("edit", "upsert TYPE JSON | delete TYPE ID"), c);
  edit_cmd->add_option("words", c.edit_words, "upsert TYPE JSON or delete TYPE ID")->required();
  edit_cmd->callback([&c]() { c.rc = cmd_edit(c.db, c.edit_words); });

  auto* changes_cmd = with_db(app.add_subcommand("import-changes", "apply a {\"changes\": [...]} file"), c);
  changes_cmd->add_option("file", c.changes_file, "FILE.json")->required();
  changes_cmd->callback([&c]() { c.rc = cmd_import_changes(c.db, c.changes_file); });

  auto* bundle_cmd = with_db(app.add_subcommand("export-bundle", "write the site's catalog as a bundle"), c);
  bundle_cmd->add_option("--site", c.site, "site id")->required();
  bundle_cmd->add_option("--out", c.bundle_out, "bundle file")->required();
  bundle_cmd->callback([&c]() { c.rc = cmd_export_bundle(c.db, c.site, c.bundle_out); });

  auto* info_cmd = with_db(app.add_subcommand("info", "counts of the feed, requests and reports as JSON"), c);
  info_cmd->callback([&c]() { c.rc = cmd_info(c.db); });
}

// Runs `work` on the opened database; the exit status is 1 when it cannot be opened.
template <class Work> int with_open_db(const std::string& path, Work work) {
  Status s;
  auto db = open_or_report(path, s);
  return db ? work(*db) : 1;
}

void add_site_admin(CLI::App& app, Commands& c) {
  auto* code_cmd = with_db(app.add_subcommand("enroll-code", "make a one-time enrolment code for a site"), c);
  code_cmd->add_option("--site", c.site, "site id")->required();
  code_cmd->callback([&c]() {
    c.rc = with_open_db(c.db, [&](Database& db) {
      std::string code;
      const Status s = create_enroll_code(db, c.site, code);
      if (!s) return fail(s);
      std::printf("%s\n", code.c_str());
      return 0;
    });
  });

  auto* decline_cmd = with_db(app.add_subcommand("decline", "an employer declines an immersion request"), c);
  decline_cmd->add_option("--request", c.request, "the request's UUID")->required();
  decline_cmd->add_option("--reason", c.reason, "why, in words");
  decline_cmd->callback([&c]() {
    c.rc = with_open_db(c.db, [&](Database& db) {
      const Status s = decline_request(db, c.request, c.reason);
      return s ? 0 : fail(s);
    });
  });

  auto* compact_cmd = with_db(app.add_subcommand("compact", "remove old tombstones"), c);
  compact_cmd->add_option("--up-to", c.up_to, "cursor (default: all)");
  compact_cmd->callback([&c]() {
    c.rc = with_open_db(c.db, [&](Database& db) {
      int64_t removed = 0;
      const Status s = compact_history(db, c.up_to, removed);
      if (!s) return fail(s);
      std::printf("%lld tombstones removed, history floor %lld\n", static_cast<long long>(removed),
                  static_cast<long long>(history_floor(db)));
      return 0;
    });
  });
}

void add_imports(CLI::App& app, Commands& c, const char* argv0) {
  c.import.reference_dir = default_reference_dir(argv0);
  auto* import_cmd = with_db(app.add_subcommand(
      "import", "import a source's files: KIND FILE... (ft-offers, lheo, immersion, rome)"), c);
  import_cmd->add_option("kind", c.import.kind, "ft-offers | lheo | immersion | rome")
      ->required()->check(CLI::IsMember(import_kinds()));
  import_cmd->add_option("files", c.import.files, "the files of that source")->required();
  import_cmd->add_flag("--full", c.import.full, "the files are the whole source: delete what they lack");
  import_cmd->add_flag("--dry-run", c.import.dry_run, "print the report, change nothing");
  import_cmd->add_option("--reference-data", c.import.reference_dir, "communes and ROME folder")->capture_default_str();
  import_cmd->add_option("--today", c.import.today, "YYYY-MM-DD (sessions over before are skipped)");
  import_cmd->callback([&c]() {
    c.import.db_path = c.db;
    c.rc = cmd_import(c.import);
  });

  c.fetch.reference_dir = default_reference_dir(argv0);
  auto* fetch_cmd = with_db(app.add_subcommand(
      "fetch-ft", "fetch the France Travail offers of the configured départements, then import them (--full)"), c);
  fetch_cmd->add_option("--config", c.fetch.config_path, "JSON config (see README)")->required();
  fetch_cmd->add_option("--reference-data", c.fetch.reference_dir, "communes and ROME folder")->capture_default_str();
  fetch_cmd->add_option("--keep", c.fetch.keep_path, "also keep the fetched offers (JSON lines) in this file");
  fetch_cmd->callback([&c]() {
    c.fetch.db_path = c.db;
    c.rc = run_fetch_ft_command(c.fetch);
  });
}

}  // namespace

int main(int argc, char** argv) {
  eric::configure_sqlite_for_process();
  CLI::App app;
  eric::cli::setup(app, "eric-regional-server",
                   "The regional server of the ERIC kiosks: catalog feed, requests, imports of "
                   "the region's sources.");
  app.require_subcommand(1);
  app.fallthrough();  // --version after a subcommand too
  Commands commands;
  add_serve(app, commands);
  add_catalog_admin(app, commands, argv[0]);
  add_site_admin(app, commands);
  add_imports(app, commands, argv[0]);
  if (const auto code = eric::cli::parse(app, argc, argv)) return *code;
  return commands.rc;
}
