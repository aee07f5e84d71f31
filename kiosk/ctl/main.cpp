// eric-kioskctl: the site manager's command line (enrol, sync, status, outbox, import, PINs,
// export), over the same data directory as the running kiosk (WAL, busy timeout).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/pin.h"
#include "kiosk/core/storage/store.h"
#include "sync/client.h"

namespace {

using namespace eric;

constexpr const char* kUsage = R"(usage: eric-kioskctl --data-dir DIR COMMAND [options]
  enroll --server URL --code CODE [--ca FILE] [--name NAME]
  sync [--timeout SECONDS]
  status [--json]
  outbox list
  import FILE
  set-pin --role animator|manager      (the PIN is read from standard input)
  export --from YYYY-MM-DD --to YYYY-MM-DD
)";

int usage(const std::string& what) {
  std::fprintf(stderr, "eric-kioskctl: %s\n%s", what.c_str(), kUsage);
  return 2;
}

int fail(const Status& s) {
  std::fprintf(stderr, "%s\n", s.message_fr.c_str());
  return 1;
}

struct Args {
  std::map<std::string, std::string> flags;  // --name value
  std::vector<std::string> words;
  bool json = false;
};

bool parse(int argc, char** argv, int first, Args& a) {
  for (int i = first; i < argc; ++i) {
    std::string w = argv[i];
    if (w == "--json") {
      a.json = true;
    } else if (w.rfind("--", 0) == 0) {
      if (i + 1 >= argc) return false;
      a.flags[w.substr(2)] = argv[++i];
    } else {
      a.words.push_back(w);
    }
  }
  return true;
}

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
  if (a.flags.count("timeout")) config.total_timeout_ms = std::atoi(a.flags.at("timeout").c_str()) * 1000;
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
  const std::string role = a.flags.at("role");
  Status s = set_pin(db, role, read_secret());
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
  const std::string from = a.flags.at("from");
  const std::string to = a.flags.at("to");
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

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir;
  int i = 1;
  if (i + 1 < argc && std::strcmp(argv[i], "--data-dir") == 0) {
    data_dir = argv[i + 1];
    i += 2;
  }
  if (i < argc && (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "help") == 0)) {
    std::printf("%s", kUsage);
    return 0;
  }
  if (data_dir.empty()) return usage("--data-dir DIR comes first");
  if (i >= argc) return usage("missing command");
  const std::string cmd = argv[i];
  Args a;
  if (!parse(argc, argv, i + 1, a)) return usage("a flag is missing its value");

  static const char* const kCommands[] = {"enroll", "sync", "status", "outbox", "import", "set-pin", "export"};
  bool known = false;
  for (const char* c : kCommands) known = known || cmd == c;
  if (!known) return usage("unknown command " + cmd);
  if (cmd == "outbox" && (a.words.size() != 1 || a.words[0] != "list")) return usage("outbox list");
  if (cmd == "import" && a.words.size() != 1) return usage("import wants one FILE");
  if (cmd == "enroll" && (!a.flags.count("server") || !a.flags.count("code"))) {
    return usage("enroll wants --server URL --code CODE");
  }
  if (cmd == "set-pin") {
    const std::string role = a.flags.count("role") ? a.flags.at("role") : "";
    if (role != "animator" && role != "manager") return usage("set-pin wants --role animator|manager");
  }
  if (cmd == "export") {
    int64_t ignored = 0;
    const std::string from = a.flags.count("from") ? a.flags.at("from") : "";
    const std::string to = a.flags.count("to") ? a.flags.at("to") : "";
    if (from.size() != 10 || to.size() != 10 || !Clock::parse_local(from, ignored) ||
        !Clock::parse_local(to, ignored)) {
      return usage("export wants --from YYYY-MM-DD --to YYYY-MM-DD");
    }
  }

  // A new terminal's folder is made private, as the kiosk makes it; reading commands on a
  // folder that does not exist say so rather than leave an empty one behind.
  const bool writes = cmd == "enroll" || cmd == "import" || cmd == "set-pin";
  std::error_code ec;
  if (!std::filesystem::is_directory(data_dir, ec)) {
    if (!writes) {
      std::fprintf(stderr, "eric-kioskctl: le dossier %s n'existe pas (aucun terminal ici).\n",
                   data_dir.c_str());
      return 1;
    }
    if (const Status dir = prepare_data_dir(data_dir); !dir) {
      std::fprintf(stderr, "eric-kioskctl: %s\n", dir.message_fr.c_str());
      return 1;
    }
  }
  Status s;
  // Busy timeout: the kiosk may be writing (a visitor's request) at the same moment.
  OpenOptions options;
  options.busy_timeout_ms = 10000;
  auto db = open_store(data_dir + "/cache.db", s, options);
  if (!db) return fail(s);

  if (cmd == "enroll") {
    EnrollResult r;
    char host[256] = "terminal";
    gethostname(host, sizeof host - 1);
    const std::string name = a.flags.count("name") ? a.flags.at("name") : host;
    s = enroll_terminal(*db, a.flags.at("server"), a.flags.at("code"), name,
                        a.flags.count("ca") ? a.flags.at("ca") : "", &r);
    if (!s) return fail(s);
    std::printf("Terminal %s inscrit pour le site %s.\n", r.terminal_id.c_str(), r.site_id.c_str());
    return 0;
  }
  if (cmd == "sync") return cmd_sync(*db, a);
  if (cmd == "status") return cmd_status(*db, a);
  if (cmd == "outbox") return cmd_outbox_list(*db);
  if (cmd == "import") {
    int64_t records = 0;
    s = import_bundle(*db, a.words[0], &records);
    if (!s) return fail(s);
    std::printf("Catalogue importé : %lld fiches.\n", static_cast<long long>(records));
    return 0;
  }
  if (cmd == "set-pin") return cmd_set_pin(*db, a);
  return cmd_export(*db, a);
}
