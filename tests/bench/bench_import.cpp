// eric-bench import (see bench_import.h). Each import runs the real eric-regional-server as a
// child process, so the peak memory measured is the server's own (wait4's ru_maxrss).
#include "tests/bench/bench_import.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/bench/bench_util.h"

namespace eric::bench {
namespace {

namespace fs = std::filesystem;

struct ChildRun {
  int exit_code = -1;
  double seconds = 0;
  double cpu_seconds = 0;  // user + system: what the import costs, whatever else runs
  // Ready to run but waiting for a CPU that other programs held (the kernel's schedstat): on a
  // shared machine, most of the gap between wall and CPU time; the rest is waiting on disk.
  double run_queue_seconds = 0;
  long peak_rss_kb = 0;
  std::string out;
};

// Runs a program with its standard output in a file; the time and peak memory it took.
ChildRun run_measured(std::vector<std::string> argv, const std::string& out_file) {
  ChildRun r;
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  const double start = now_ms();
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) dup2(fd, 1);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  siginfo_t exited{};
  // Exited but not reaped yet: its schedstat can still be read.
  if (pid > 0 && waitid(P_PID, static_cast<id_t>(pid), &exited, WEXITED | WNOWAIT) == 0) {
    std::ifstream sched("/proc/" + std::to_string(pid) + "/schedstat");
    double on_cpu_ns = 0, waiting_ns = 0;
    if (sched >> on_cpu_ns >> waiting_ns) r.run_queue_seconds = waiting_ns / 1e9;
  }
  if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.peak_rss_kb = usage.ru_maxrss;
    auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    r.cpu_seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
  }
  r.seconds = (now_ms() - start) / 1000.0;
  std::ifstream in(out_file);
  std::stringstream text;
  text << in.rdbuf();
  r.out = text.str();
  return r;
}

std::string html_paragraphs(int n, int seed) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "&lt;p&gt;&lt;b&gt;Objectif " + std::to_string(i + 1) + " :&lt;/b&gt; acquérir les gestes "
           "professionnels du métier, travailler en sécurité, préparer le titre (session " +
           std::to_string(seed) + "), organiser son poste et rendre compte.&lt;/p&gt;&lt;ul&gt;"
           "&lt;li&gt;Hygiène et qualité&lt;/li&gt;&lt;li&gt;Relation client&lt;/li&gt;&lt;/ul&gt;";
  }
  return out;
}

// A region's LHEO export of about `mb` MB: formations with HTML text, two actions of two
// sessions each, the Region as funder of one in three.
std::string write_lheo(const std::string& path, int mb) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lheo xmlns=\"http://www.lheo.org/2.2\"><offres>\n";
  static const char* kRome[] = {"G1602", "D1212", "K2204", "N1103", "F1703", "J1501"};
  const long target = static_cast<long>(mb) * 1000 * 1000;
  for (int i = 0; out.tellp() < target; ++i) {
    out << "<formation numero=\"F" << i << "\"><domaine-formation><code-ROME>" << kRome[i % 6]
        << "</code-ROME></domaine-formation><intitule-formation>Titre professionnel n° " << i
        << "</intitule-formation><objectif-formation>" << html_paragraphs(6, i)
        << "</objectif-formation><contenu-formation>" << html_paragraphs(4, i)
        << "</contenu-formation><certification><code-RNCP>" << 30000 + i % 5000
        << "</code-RNCP></certification><code-niveau-sortie>4</code-niveau-sortie>"
        << "<organisme-formation-responsable><SIRET-organisme-formation><SIRET>1929007690"
        << 1000 + i % 9000 << "</SIRET></SIRET-organisme-formation><raison-sociale>Organisme "
        << i % 700 << "</raison-sociale></organisme-formation-responsable>\n";
    for (int a = 0; a < 2; ++a) {
      out << "<action numero=\"A" << i << "-" << a << "\"><nombre-heures-total>" << 400 + a * 50
          << "</nombre-heures-total><lieu-de-formation><coordonnees><adresse><ligne>" << 1 + i % 90
          << " avenue de la République</ligne><codepostal>13500</codepostal><ville>Martigues</ville>"
          << "<code-INSEE-commune>13056</code-INSEE-commune><geolocalisation><latitude>43.40"
          << i % 10 << "</latitude><longitude>5.05</longitude></geolocalisation></adresse>"
          << "</coordonnees></lieu-de-formation><organisme-financeur><code-financeur>"
          << (i % 3 == 0 ? 2 : 4) << "</code-financeur><nb-places-financees>12</nb-places-financees>"
          << "</organisme-financeur>";
      for (int s = 0; s < 2; ++s) {
        out << "<session numero=\"S" << s << "\"><periode><debut>2027" << 10 + s << "0" << 1 + a
            << "</debut><fin>2028" << "0" << 6 + s << "30</fin></periode></session>";
      }
      out << "</action>\n";
    }
    out << "</formation>\n";
  }
  out << "</offres></lheo>\n";
  return path;
}

// `n` France Travail offers as JSON lines, shaped like the API's (about 1 KB each).
std::string write_offers(const std::string& path, int n) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  static const char* kCommunes[][2] = {{"13056", "13500"}, {"13001", "13100"}, {"83137", "83000"},
                                       {"06088", "06000"}, {"84007", "84000"}};
  for (int i = 0; i < n; ++i) {
    const auto* c = kCommunes[i % 5];
    nlohmann::json o = {
        {"id", "B" + std::to_string(1000000 + i)},
        {"intitule", "Vendeur / Vendeuse en magasin (H/F) n° " + std::to_string(i)},
        {"description", "Au sein d'une équipe de 8 personnes, vous accueillez et conseillez la "
                        "clientèle.\nVous assurez la mise en rayon et l'encaissement."},
        {"dateCreation", "2026-11-23T13:32:22+01:00"},
        {"dateActualisation", "2026-11-24T08:00:00+01:00"},
        {"lieuTravail", {{"libelle", std::string(c[0]).substr(0, 2) + " - VILLE"}, {"commune", c[0]},
                         {"codePostal", c[1]}}},
        {"romeCode", "D1214"}, {"romeLibelle", "Vente en habillement et accessoires de la personne"},
        {"appellationlibelle", "Vendeur / Vendeuse en prêt-à-porter"},
        {"entreprise", {{"nom", "ENSEIGNE " + std::to_string(i % 3000)},
                        {"siret", std::to_string(10000000000000LL + i % 3000)}}},
        {"typeContrat", i % 3 == 0 ? "CDI" : "CDD"},
        {"typeContratLibelle", i % 3 == 0 ? "Contrat à durée indéterminée" : "Contrat à durée déterminée - 6 Mois"},
        {"natureContrat", "Contrat travail"}, {"alternance", i % 17 == 0},
        {"dureeTravailLibelle", "35H Horaires normaux"}, {"dureeTravailLibelleConverti", "Temps plein"},
        {"salaire", {{"libelle", "Mensuel de 1801.80 Euros sur 12 mois"}}},
        {"experienceExige", "D"}, {"experienceLibelle", "Débutant accepté"},
        {"qualificationCode", "5"}, {"qualificationLibelle", "Employé qualifié"},
        {"nombrePostes", 1 + i % 3}, {"accessibleTH", false},
        {"contact", {{"nom", "Mme Martin"}, {"courriel", "recrutement@example.fr"}}},
        {"origineOffre", {{"origine", "1"}, {"urlOrigine", "https://candidat.francetravail.fr/offres/recherche/detail/B" +
                                                            std::to_string(1000000 + i)}}},
        {"secteurActiviteLibelle", "Commerce de détail d'habillement"},
        {"trancheEffectifEtab", "6 à 9 salariés"}};
    out << o.dump() << '\n';
  }
  return path;
}

double process_cpu_s() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// The baseline of a file: reading its bytes (the floor no import can beat), in CPU time.
double read_seconds(const std::string& path) {
  const double start = process_cpu_s();
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buf(1 << 20);
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
  }
  return std::max(process_cpu_s() - start, 1e-6);
}

// The baseline of the offers: parsing each line into an nlohmann tree, nothing else (what
// the import did before it read them with simdjson), in CPU time.
double parse_seconds(const std::string& path) {
  const double start = process_cpu_s();
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) n += nlohmann::json::parse(line).size();
  return n > 0 ? process_cpu_s() - start : 1e-6;
}

std::vector<std::string> import_argv(const ImportBenchOptions& o, const std::string& db,
                                     const char* kind, const std::string& file) {
  return {o.server_bin, "import", "--db", db, "--reference-data", o.reference_dir,
          "--today", "2026-12-06", kind, file};
}

void print_line(const char* what, const Percentiles& p, const char* unit) {
  std::printf("%-38s p50 %10.1f %s   p99 %10.1f %s   (n=%zu)\n", what, p.p50, unit, p.p99, unit, p.n);
}

// A rate from the times it took: its p99 is the amount over the p99 (slowest) time.
Percentiles rate_of(double amount, const std::vector<double>& seconds) {
  Percentiles t = percentiles(seconds), r;
  r.p50 = amount / t.p50;
  r.p99 = amount / t.p99;
  r.max = amount / t.max;
  r.n = t.n;
  return r;
}

}  // namespace

int run_import_bench(const ImportBenchOptions& o) {
  fs::create_directories(o.data_dir);
  const std::string dir = fs::absolute(o.data_dir).string();
  std::fprintf(stderr, "eric-bench: writing a %d MB LHEO file and %d offers in %s\n", o.lheo_mb,
               o.offers, dir.c_str());
  const std::string lheo = write_lheo(dir + "/bench-lheo.xml", o.lheo_mb);
  const std::string offers = write_offers(dir + "/bench-offers.jsonl", o.offers);
  const double lheo_mb = static_cast<double>(fs::file_size(lheo)) / 1e6;
  // Seconds per run (peak memory in MB), turned into rates at the end.
  std::vector<double> lheo_rate, lheo_cpu_rate, lheo_rss, lheo_read_rate, ft_rate, ft_cpu_rate,
      ft_parse_rate, again_s, again_cpu_s, lheo_own, ft_own, again_own;
  // Wall time less the run-queue wait: what the import would take alone on the machine.
  auto own = [](const ChildRun& r) { return std::max(r.seconds - r.run_queue_seconds, 1e-6); };
  bool unchanged_ok = true;
  for (int round = 0; round < o.rounds; ++round) {
    const std::string db = dir + "/bench-import.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    const ChildRun l = run_measured(import_argv(o, db, "lheo", lheo), dir + "/report-lheo.txt");
    lheo_rate.push_back(l.seconds);
    lheo_cpu_rate.push_back(l.cpu_seconds);
    lheo_own.push_back(own(l));
    lheo_rss.push_back(static_cast<double>(l.peak_rss_kb) / 1024.0);
    lheo_read_rate.push_back(read_seconds(lheo));
    const ChildRun f = run_measured(import_argv(o, db, "ft-offers", offers), dir + "/report-ft.txt");
    ft_rate.push_back(f.seconds);
    ft_cpu_rate.push_back(f.cpu_seconds);
    ft_own.push_back(own(f));
    ft_parse_rate.push_back(parse_seconds(offers));
    const ChildRun again = run_measured(import_argv(o, db, "ft-offers", offers), dir + "/report-again.txt");
    again_s.push_back(again.seconds);
    again_cpu_s.push_back(again.cpu_seconds);
    again_own.push_back(own(again));
    const bool zero = again.out.find("aucun changement pour les bornes") != std::string::npos;
    unchanged_ok = unchanged_ok && zero && l.exit_code == 0 && f.exit_code == 0 && again.exit_code == 0;
    if (!zero) std::fprintf(stderr, "eric-bench: the re-import changed something:\n%s", again.out.c_str());
  }
  const Percentiles lr = rate_of(lheo_mb, lheo_rate), lc = rate_of(lheo_mb, lheo_cpu_rate),
                    rss = percentiles(lheo_rss), lb = rate_of(lheo_mb, lheo_read_rate),
                    fr = rate_of(o.offers, ft_rate), fc = rate_of(o.offers, ft_cpu_rate),
                    fb = rate_of(o.offers, ft_parse_rate), ag = percentiles(again_s),
                    agc = percentiles(again_cpu_s), lo = rate_of(lheo_mb, lheo_own),
                    fo = rate_of(o.offers, ft_own), ago = percentiles(again_own);
  // Wall time depends on what else the machine runs; CPU time (user + system) is the import's
  // own cost, and the wall time less the run-queue wait adds its waits on disk. A rate's p99
  // comes from the p99 (slow end) of its times.
  std::printf("LHEO file %.1f MB, %d France Travail offers, %d rounds\n", lheo_mb, o.offers, o.rounds);
  print_line("LHEO import (wall)", lr, "MB/s");
  print_line("LHEO import (CPU)", lc, "MB/s");
  print_line("LHEO import (wall - CPU wait)", lo, "MB/s");
  print_line("  baseline: reading the bytes (CPU)", lb, "MB/s");
  print_line("  server peak memory", rss, "MB");
  print_line("France Travail import, new (wall)", fr, "offers/s");
  print_line("France Travail import, new (CPU)", fc, "offers/s");
  print_line("France Travail, new (wall - CPU wait)", fo, "offers/s");
  print_line("  baseline: nlohmann parse (CPU)", fb, "offers/s");
  print_line("re-import, unchanged (wall)", ag, "s");
  print_line("re-import, unchanged (CPU)", agc, "s");
  print_line("re-import, unchanged (wall - CPU wait)", ago, "s");
  std::printf("re-import made no change: %s\n", unchanged_ok ? "yes" : "NO");
  const nlohmann::json out = {{"lheo_mb", lheo_mb}, {"lheo_mb_per_s_p50", lr.p50},
                              {"lheo_cpu_mb_per_s_p50", lc.p50}, {"lheo_read_baseline_mb_per_s", lb.p50},
                              {"lheo_peak_rss_mb_max", rss.max}, {"ft_offers", o.offers},
                              {"ft_offers_per_s_p50", fr.p50}, {"ft_cpu_offers_per_s_p50", fc.p50},
                              {"ft_parse_baseline_offers_per_s", fb.p50},
                              {"reimport_s_p50", ag.p50}, {"reimport_s_max", ag.max},
                              {"reimport_cpu_s_p50", agc.p50},
                              {"lheo_own_mb_per_s_p50", lo.p50}, {"ft_own_offers_per_s_p50", fo.p50},
                              {"reimport_own_s_p50", ago.p50}, {"reimport_zero_changes", unchanged_ok}};
  std::printf("%s\n", out.dump().c_str());
  return unchanged_ok ? 0 : 1;
}

}  // namespace eric::bench
