// eric-bench catalog: search as you type, jobs near a commune, job detail, against a naive
// baseline measured in the same run.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "kiosk/core/base/geo.h"
#include "kiosk/core/storage/store.h"
#include "tests/bench/bench_catalog.h"
#include "tests/bench/bench_util.h"

namespace eric::bench {

namespace {

// Words people type at the kiosk; each is typed letter by letter (prefixes of 1 to 8 letters).
const char* const kTypedWords[] = {
    "macon",      "cuisinier", "aide soignant", "boulanger",  "electricien", "vendeur",
    "chauffeur",  "secretaire", "infirmier",    "plombier",   "serveur",     "coiffeur",
    "comptable",  "jardinier", "magasinier",   "menuisier",  "peintre",     "agent entretien",
    "caissier",   "mecanicien", "soudeur",     "livreur",    "auxiliaire",  "animateur",
    "assistante", "carreleur", "boucher",      "patissier",  "cariste",     "developpeur"};

// Communes of the region where visitors live (INSEE codes of PACA).
const char* const kCommunes[] = {"13056", "13055", "13001", "06088", "83137", "84007", "13004",
                                 "13103", "83126", "06029", "04070", "05061", "13047", "83069",
                                 "84031", "13117", "06004", "83061", "13005", "13039"};

// The naive way: LIKE '%text%' over every searchable table, ordered like the real search.
std::vector<std::string> naive_suggest(Database& db, Statement& stmt, const std::string& typed) {
  std::vector<std::string> out;
  stmt.reset();
  std::string pattern = "%" + typed + "%";
  for (int i = 1; i <= 5; ++i) stmt.bind(i, pattern);
  while (stmt.step()) out.push_back(stmt.col_text(0));
  (void)db;
  return out;
}

struct NaiveNear {
  int64_t total = 0;
  std::vector<std::pair<double, int64_t>> first_page;
};

// The naive way: read every job's position and compute its distance.
NaiveNear naive_near(Statement& all_jobs, double lat, double lon, double radius_km) {
  NaiveNear out;
  all_jobs.reset();
  std::vector<std::pair<double, int64_t>> inside;
  while (all_jobs.step()) {
    double d = haversine_km(lat, lon, all_jobs.col_double(1), all_jobs.col_double(2));
    if (d <= radius_km) inside.emplace_back(d, all_jobs.col_int(0));
  }
  out.total = static_cast<int64_t>(inside.size());
  size_t page = std::min<size_t>(20, inside.size());
  std::partial_sort(inside.begin(), inside.begin() + static_cast<long>(page), inside.end());
  out.first_page.assign(inside.begin(), inside.begin() + static_cast<long>(page));
  return out;
}

}  // namespace

CatalogFigures run_catalog_bench(BenchCatalog& catalog, int rounds) {
  Database& db = *catalog.db;
  CatalogFigures f;

  // Search as you type.
  std::vector<double> fast, naive, cpu;
  Statement naive_stmt(db,
      "SELECT label FROM ("
      " SELECT label FROM job_titles WHERE label LIKE ?1"
      " UNION ALL SELECT label FROM trades WHERE label LIKE ?2"
      " UNION ALL SELECT title FROM trainings WHERE title LIKE ?3"
      " UNION ALL SELECT name FROM employers WHERE name LIKE ?4"
      " UNION ALL SELECT title FROM jobs WHERE title LIKE ?5)"
      " ORDER BY length(label) LIMIT 8");
  int64_t found = 0;
  for (int round = 0; round < rounds; ++round) {
    for (const char* word : kTypedWords) {
      std::string w = word;
      for (size_t len = 1; len <= std::min<size_t>(8, w.size()); ++len) {
        std::string typed = w.substr(0, len);
        const double c0 = thread_cpu_ms();
        double t0 = now_ms();
        auto hits = suggest(db, typed, 8);
        double t1 = now_ms();
        cpu.push_back(thread_cpu_ms() - c0);
        fast.push_back(t1 - t0);
        found += static_cast<int64_t>(hits.size());
        if (round == 0) {  // the baseline is slow: one round is enough for its figures
          double b0 = now_ms();
          auto naive_hits = naive_suggest(db, naive_stmt, typed);
          naive.push_back(now_ms() - b0);
          found += static_cast<int64_t>(naive_hits.size());
        }
      }
    }
  }
  f.search = percentiles(fast);
  f.search_cpu = percentiles(cpu);
  f.search_baseline = percentiles(naive);
  f.search_found = found;

  // Jobs within 30 km, nearest first, first page (with the total count).
  fast.clear();
  naive.clear();
  cpu.clear();
  Statement all_jobs(db, "SELECT rowid, lat, lon FROM jobs");
  for (int round = 0; round < rounds; ++round) {
    for (const char* insee : kCommunes) {
      auto commune = commune_by_insee(db, insee);
      if (!commune) continue;
      JobQuery q;
      q.lat = commune->lat;
      q.lon = commune->lon;
      q.radius_km = 30;
      q.today = catalog.today;
      q.limit = 20;
      const double c0 = thread_cpu_ms();
      double t0 = now_ms();
      JobPage page = jobs_page(db, q);
      fast.push_back(now_ms() - t0);
      cpu.push_back(thread_cpu_ms() - c0);
      f.near_found += page.total;
      if (round == 0) {
        double b0 = now_ms();
        NaiveNear n = naive_near(all_jobs, commune->lat, commune->lon, 30);
        naive.push_back(now_ms() - b0);
        f.near_found += n.total;
      }
    }
  }
  f.near = percentiles(fast);
  f.near_cpu = percentiles(cpu);
  f.near_baseline = percentiles(naive);

  // Job detail with its trainings (the next three funded sessions, nearest first).
  fast.clear();
  Statement some_jobs(db, "SELECT id FROM jobs ORDER BY rowid LIMIT 400");
  std::vector<std::string> ids;
  while (some_jobs.step()) ids.push_back(some_jobs.col_text(0));
  for (int round = 0; round < rounds; ++round) {
    for (const auto& id : ids) {
      double t0 = now_ms();
      auto detail = job_detail(db, id, catalog.today);
      if (detail) {
        auto sessions = funded_sessions_for_trade(db, detail->job.trade_code, detail->job.lat,
                                                  detail->job.lon, catalog.today, 0, 3);
        f.detail_sessions += static_cast<int64_t>(sessions.size());
      }
      fast.push_back(now_ms() - t0);
    }
  }
  f.detail = percentiles(fast);
  return f;
}

}  // namespace eric::bench
