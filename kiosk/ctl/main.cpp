// eric-kioskctl: the site manager's command line (enrol, sync, status, outbox, import, PINs,
// export), over the same data directory as the running kiosk (WAL, busy timeout).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/cli/cli.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/base/log.h"
#include "kiosk/core/domain/kiosk_config.h"
#include "kiosk/core/domain/pin.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/ctl/run_as_owner.h"
#include "sync/client.h"

namespace {

using namespace eric;

int fail(const Status& s) {
  std::fprintf(stderr, "eric-kioskctl: %s\n", s.message_fr.c_str());
  return 1;
}

// What the command line gave, for every command.
struct Args {
  std::string config;
  std::string data_dir;
  std::string server, code, ca, name;  // enroll
  int timeout_s = 0;                   // sync: 0 = the client's default
  bool json = false;                   // status
  std::string file;                    // import
  std::string role;                    // set-pin
  std::string from, to;                // export
};

std::string local_time(int64_t epoch_s) {
  if (epoch_s <= 0) return "";
  return Clock::format_datetime(Clock::to_local(epoch_s * 1000));
}

nlohmann::json time_or_null(int64_t epoch_s) {
  return epoch_s > 0 ? nlohmann::json(local_time(epoch_s)) : nlohmann::json(nullptr);
}

const char* phase_words(SyncPhase p) {
  switch (p) {
    case SyncPhase::catalog_download: return "Téléchargement du catalogue";
    case SyncPhase::catalog_apply: return "Mise à jour du catalogue";
    case SyncPhase::outbox_push: return "Envoi des demandes";
    case SyncPhase::status_pull: return "Suivi des demandes";
  }
  return "";
}

int cmd_sync(Database& db, const Args& a) {
  SyncConfig config;
  if (a.timeout_s > 0) config.total_timeout_ms = a.timeout_s * 1000;
  const bool tty = isatty(STDERR_FILENO) != 0;
  SyncProgressFn progress;
  if (tty) {
    progress = [](const SyncProgress& p) {
      if (p.total > 0) {
        const int width = 30;
        const int filled = static_cast<int>(width * p.done / p.total);
        std::fprintf(stderr, "\r\033[K%s [%s%s] %3d %%", phase_words(p.phase),
                     std::string(static_cast<size_t>(filled), '#').c_str(),
                     std::string(static_cast<size_t>(width - filled), ' ').c_str(),
                     static_cast<int>(100 * p.done / p.total));
      } else {
        std::fprintf(stderr, "\r\033[K%s : %lld", phase_words(p.phase), static_cast<long long>(p.done));
      }
      std::fflush(stderr);
    };
  }
  SyncResult r = sync_once(db, config, progress);
  if (tty) std::fprintf(stderr, "\r\033[K");
  if (!r.status) return fail(r.status);
  if (tty) {
    std::fprintf(stderr, "%s, %lld changement(s), %lld demande(s) envoyée(s).\n",
                 r.not_modified ? "Catalogue déjà à jour" : "Synchronisation terminée",
                 static_cast<long long>(r.changes_applied), static_cast<long long>(r.outbox_sent));
  }
  return 0;
}

int cmd_status(Database& db, const Args& a) {
  const SyncOverview o = sync_overview(db);
  const CatalogCounts c = catalog_counts(db);
  const OutboxCounts ob = outbox_counts_by_state(db);
  nlohmann::json j = {
      {"enrolled", o.enrolled},
      {"server_url", o.server_url},
      {"terminal_id", o.terminal_id},
      {"site_id", o.site_id},
      {"cursor", o.state.cursor},
      {"last_attempt", time_or_null(o.state.last_attempt)},
      {"last_success", time_or_null(o.state.last_success)},
      {"last_error", o.state.last_error_code.empty()
                         ? nlohmann::json(nullptr)
                         : nlohmann::json{{"code", o.state.last_error_code},
                                          {"message", o.state.last_error_message}}},
      {"next_attempt", time_or_null(o.next_attempt_at)},
      {"failures", o.failures},
      {"sync_running", o.running},
      {"rejected_records", o.rejected_records},
      {"catalog_updated_at", c.updated_at},
      {"counts", {{"communes", c.communes}, {"trades", c.trades}, {"job_titles", c.job_titles},
                  {"employers", c.employers}, {"jobs", c.jobs}, {"trainings", c.trainings},
                  {"training_sessions", c.training_sessions},
                  {"immersion_offers", c.immersion_offers}, {"immersion_slots", c.immersion_slots},
                  {"sites", c.sites}, {"workshops", c.workshops}}},
      {"outbox", {{"pending", ob.pending}, {"sending", ob.sending}, {"accepted", ob.accepted},
                  {"rejected", ob.rejected}}},
  };
  if (a.json) {
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("Terminal : %s\n", o.enrolled ? (o.terminal_id + " (site " + o.site_id + ", " + o.server_url + ")").c_str()
                                            : "non inscrit");
  std::printf("Catalogue : %lld offres, %lld formations, mis à jour le %s\n",
              static_cast<long long>(c.jobs), static_cast<long long>(c.trainings),
              c.updated_at.empty() ? "(jamais)" : c.updated_at.c_str());
  std::printf("Dernière synchronisation réussie : %s\n",
              o.state.last_success ? local_time(o.state.last_success).c_str() : "(jamais)");
  if (!o.state.last_error_code.empty()) {
    std::printf("Dernière tentative échouée : %s\n", o.state.last_error_message.c_str());
  }
  if (o.rejected_records > 0) {
    std::printf("Fiches mises de côté (illisibles) : %lld\n", static_cast<long long>(o.rejected_records));
    for (const RejectedRecord& r : rejected_records_recent(db, 10)) {
      std::printf("  %s %s : %s\n", r.type.c_str(), r.id.c_str(), r.reason.c_str());
    }
  }
  if (o.next_attempt_at > 0) std::printf("Prochain essai : %s\n", local_time(o.next_attempt_at).c_str());
  std::printf("Demandes : %lld en attente, %lld acceptées, %lld refusées\n",
              static_cast<long long>(ob.pending + ob.sending), static_cast<long long>(ob.accepted),
              static_cast<long long>(ob.rejected));
  return 0;
}

int cmd_outbox_list(Database& db) {
  for (const OutboxItem& item : outbox_recent(db, 200)) {
    std::printf("%s  %-22s %-9s %s  essais=%d  %s%s\n", local_time(item.created_at).c_str(),
                item.type.c_str(), outbox_state_name(item.state), item.id.c_str(), item.attempts,
                item.server_ref.c_str(), item.reason.empty() ? "" : (" " + item.reason).c_str());
  }
  return 0;
}

// Reads one line from standard input without echo when it is a terminal.
std::string read_secret() {
  termios old{};
  const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::fprintf(stderr, "Code PIN : ");
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

int cmd_set_pin(Database& db, const Args& a) {
  Status s = set_pin(db, a.role, read_secret());
  return s ? 0 : fail(s);
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Counts only: who came is the animator's business on the kiosk, not a file's.
int cmd_export(Database& db, const Args& a) {
  const std::string& from = a.from;
  const std::string& to = a.to;
  std::printf("type,day,key,label,count,present,absent\n");
  Statement w(db, "SELECT substr(w.start, 1, 10), w.id, w.title, count(r.id), "
                  "sum(r.attendance = 'present'), sum(r.attendance = 'absent') "
                  "FROM workshops w JOIN workshop_registrations r ON r.workshop_id = w.id "
                  "WHERE substr(w.start, 1, 10) BETWEEN ? AND ? GROUP BY w.id ORDER BY w.start, w.id");
  w.bind(1, from).bind(2, to);
  while (w.step()) {
    std::printf("workshop,%s,%s,%s,%lld,%lld,%lld\n", w.col_text(0).c_str(),
                csv_field(w.col_text(1)).c_str(), csv_field(w.col_text(2)).c_str(),
                static_cast<long long>(w.col_int(3)), static_cast<long long>(w.col_int(4)),
                static_cast<long long>(w.col_int(5)));
  }
  Statement t(db, "SELECT day, reason, count(*), sum(outcome = 'served'), sum(outcome = 'absent') "
                  "FROM help_tickets WHERE day BETWEEN ? AND ? GROUP BY day, reason ORDER BY day, reason");
  t.bind(1, from).bind(2, to);
  while (t.step()) {
    std::printf("ticket,%s,%s,,%lld,%lld,%lld\n", t.col_text(0).c_str(),
                csv_field(t.col_text(1)).c_str(), static_cast<long long>(t.col_int(2)),
                static_cast<long long>(t.col_int(3)), static_cast<long long>(t.col_int(4)));
  }
  if (!w.ok()) return fail(w.status());
  if (!t.ok()) return fail(t.status());
  return 0;
}

// A date "YYYY-MM-DD" for export's --from and --to.
CLI::Validator civil_date() {
  return CLI::Validator(
      [](std::string& text) {
        int64_t ignored = 0;
        return text.size() == 10 && Clock::parse_local(text, ignored) ? std::string()
                                                                       : std::string("a date YYYY-MM-DD");
      },
      "YYYY-MM-DD");
}

// The commands and their flags, into `a`; `command` names the one given.
void describe(CLI::App& app, Args& a, std::string& command) {
  cli::setup(app, "eric-kioskctl",
             "The site manager's command line, beside the running kiosk (same folder, same user). "
             "Run as root, it works as the owner of the kiosk's folder.");
  app.add_option("--config", a.config, "configuration file (default /etc/eric-kiosk/kiosk.conf)")
      ->check(cli::non_empty());
  app.add_option("--data-dir", a.data_dir,
                 "the terminal's folder (default: the file's data_dir, /var/lib/eric-kiosk)")
      ->check(cli::non_empty());
  app.require_subcommand(1);
  // The whole command line on one page: what the man page (help2man) shows too.
  app.footer(
      "Commands and their flags:\n"
      "  enroll [--server URL] --code CODE [--ca FILE] [--name NAME]\n"
      "  sync [--timeout SECONDS]\n"
      "  status [--json]\n"
      "  outbox list\n"
      "  import FILE\n"
      "  set-pin --role animator|manager     (the PIN is read from standard input)\n"
      "  export --from YYYY-MM-DD --to YYYY-MM-DD\n"
      "Each command also has its own --help.\n\n"
      "Files: /etc/eric-kiosk/kiosk.conf (data_dir, server_url), /var/lib/eric-kiosk/cache.db");
  auto sub = [&](const char* name, const char* what) {
    CLI::App* c = app.add_subcommand(name, what);
    c->callback([&command, name] { command = name; });
    return c;
  };
  CLI::App* enroll = sub("enroll", "enrol this terminal with the regional server");
  enroll->add_option("--server", a.server, "the server's URL (default: the file's server_url)");
  enroll->add_option("--code", a.code, "the one-time enrolment code")->required();
  enroll->add_option("--ca", a.ca, "a certificate authority file for the server's TLS");
  enroll->add_option("--name", a.name, "this terminal's name (default: the host name)");
  CLI::App* sync = sub("sync", "sync now, with a progress bar on a terminal");
  sync->add_option("--timeout", a.timeout_s, "seconds per HTTP request")->check(CLI::Range(1, 3600));
  sub("status", "the terminal, its catalog, its last sync, its requests")
      ->add_flag("--json", a.json, "as one JSON object");
  CLI::App* outbox = sub("outbox", "the requests made on this terminal");
  outbox->require_subcommand(1);
  outbox->add_subcommand("list", "the 200 latest, newest first");
  sub("import", "import a catalog bundle (USB key)")
      ->add_option("FILE", a.file, "the bundle")->required()->check(CLI::ExistingFile);
  sub("set-pin", "set the animator's or the manager's PIN (read from standard input)")
      ->add_option("--role", a.role, "whose PIN")->required()->check(CLI::IsMember({"animator", "manager"}));
  CLI::App* exp = sub("export", "workshop and ticket counts per day, as CSV");
  exp->add_option("--from", a.from, "first day")->required()->check(civil_date());
  exp->add_option("--to", a.to, "last day")->required()->check(civil_date());
}

// The folder, private when new; reading commands on a missing folder say so rather than
// leave an empty one behind.
Status prepare_folder(const std::string& data_dir, const std::string& command) {
  const bool writes = command == "enroll" || command == "import" || command == "set-pin";
  std::error_code ec;
  if (std::filesystem::is_directory(data_dir, ec)) return Status::success();
  if (!writes) {
    return Status::error("not_found", "le dossier " + data_dir + " n'existe pas (aucun terminal ici).");
  }
  return prepare_data_dir(data_dir);
}

int cmd_enroll(Database& db, const Args& a, const KioskConfig& config) {
  const std::string server = a.server.empty() ? config.server_url : a.server;
  if (server.empty()) {
    return fail(Status::error("bad_input", "--server URL manque (ni server_url dans le fichier)."));
  }
  char host[256] = "terminal";
  gethostname(host, sizeof host - 1);
  EnrollResult r;
  const Status s = enroll_terminal(db, server, a.code, a.name.empty() ? host : a.name, a.ca, &r);
  if (!s) return fail(s);
  std::printf("Terminal %s inscrit pour le site %s.\n", r.terminal_id.c_str(), r.site_id.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  log_set_program("eric-kioskctl");
  configure_sqlite_for_process();
  Args a;
  std::string command;
  CLI::App app;
  describe(app, a, command);
  if (const auto code = cli::parse(app, argc, argv)) return *code;

  KioskConfig config;
  if (!a.config.empty() || std::filesystem::exists(kDefaultKioskConfig)) {
    Result<KioskConfig> loaded = load_kiosk_config(a.config.empty() ? kDefaultKioskConfig : a.config);
    if (!loaded.ok()) return fail(loaded.status);
    config = std::move(loaded.value);
  }
  const std::string data_dir = resolve_kiosk_data_dir(a.data_dir, config);
  if (Status s = become_owner_of(data_dir); !s) return fail(s);
  if (Status s = prepare_folder(data_dir, command); !s) return fail(s);
  Status s;
  // Busy timeout: the kiosk may be writing (a visitor's request) at the same moment.
  OpenOptions options;
  options.busy_timeout_ms = 10000;
  auto db = open_store(data_dir + "/cache.db", s, options);
  if (!db) return fail(s);

  if (command == "enroll") return cmd_enroll(*db, a, config);
  if (command == "sync") return cmd_sync(*db, a);
  if (command == "status") return cmd_status(*db, a);
  if (command == "outbox") return cmd_outbox_list(*db);
  if (command == "import") {
    int64_t records = 0;
    s = import_bundle(*db, a.file, &records);
    if (!s) return fail(s);
    std::printf("Catalogue importé : %lld fiches.\n", static_cast<long long>(records));
    return 0;
  }
  if (command == "set-pin") return cmd_set_pin(*db, a);
  return cmd_export(*db, a);
}
