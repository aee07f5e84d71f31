// Measures catalog write speed (and a few query times) on synthetic catalogs of the demo's
// size and of 100,000 offers. Prints the figures; asserts only correctness, never time.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <iterator>
#include <random>
#include <vector>

#include "kiosk/core/store.h"
#include "test_util.h"

namespace eric {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

const char* const kWords[] = {
    "agent", "aide", "assistant", "conducteur", "cuisinier", "macon", "vendeur", "serveur",
    "technicien", "electricien", "plombier", "chauffeur", "comptable", "secretaire", "infirmier",
    "soignant", "boulanger", "boucher", "coiffeur", "jardinier", "paysagiste", "menuisier",
    "peintre", "carreleur", "manutentionnaire", "preparateur", "commandes", "caissier",
    "employe", "libre", "service", "entretien", "batiment", "hotellerie", "restauration",
    "logistique", "magasinier", "cariste", "animateur", "educateur", "auxiliaire", "vie",
    "sociale", "commercial", "developpeur", "web", "soudeur", "mecanicien", "automobile",
    "poids", "lourd", "nuit", "jour", "week", "end", "saisonnier", "polyvalent", "chef",
    "equipe", "rang", "commis", "plonge", "reception", "accueil", "standardiste", "livreur"};
constexpr size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);

std::string phrase(std::mt19937& rng, int words) {
  std::string out;
  for (int i = 0; i < words; ++i) {
    if (i) out += ' ';
    out += kWords[rng() % kWordCount];
  }
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

Catalog synthetic_catalog(int jobs, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::normal_distribution<double> jitter(0, 0.08);
  Catalog c;
  // Ten towns where most offers are, as in a real region.
  const double towns[10][2] = {{43.2965, 5.3698}, {43.7102, 7.262}, {43.1242, 5.928},
                               {43.5297, 5.4474}, {43.9493, 4.8055}, {43.4045, 5.0477},
                               {43.5513, 7.0128}, {43.4253, 6.7684}, {44.5581, 6.0778},
                               {43.6761, 4.6307}};
  auto place = [&](double& lat, double& lon) {
    if (unit(rng) < 0.75) {
      const auto& t = towns[rng() % 10];
      lat = t[0] + jitter(rng);
      lon = t[1] + jitter(rng) * 1.3;
    } else {
      lat = 43.0 + unit(rng) * 1.6;
      lon = 4.6 + unit(rng) * 2.9;
    }
  };
  for (int i = 0; i < 8500; ++i) {
    Commune m;
    m.insee = std::to_string(10000 + i);
    m.name = phrase(rng, 2) + "-" + std::to_string(i);
    m.postal_codes = {std::to_string(13000 + i % 900 * 10)};
    m.population = static_cast<int64_t>(rng() % 50000);
    place(m.lat, m.lon);
    c.communes.push_back(std::move(m));
  }
  const char families[] = "ABCDEFGHIJKLMN";
  for (int i = 0; i < 530; ++i) {
    char code[8];
    std::snprintf(code, sizeof code, "%c%04d", families[i % 14], 1100 + i);
    c.trades.push_back({code, phrase(rng, 3), ""});
  }
  for (int i = 0; i < 11000; ++i) {
    c.job_titles.push_back({10000 + i, c.trades[static_cast<size_t>(i) % 530].code, phrase(rng, 3)});
  }
  for (int i = 0; i < 300; ++i) {
    Employer e;
    e.id = "e" + std::to_string(i);
    e.name = phrase(rng, 2) + " SARL";
    place(e.lat, e.lon);
    c.employers.push_back(std::move(e));
  }
  const char* contracts[] = {"CDI", "CDD", "MIS", "SAI", "ALT"};
  for (int i = 0; i < jobs; ++i) {
    Job j;
    j.id = "job-" + std::to_string(i);
    j.title = phrase(rng, 3) + " (H/F)";
    j.trade_code = c.trades[rng() % 530].code;
    j.employer_id = "e" + std::to_string(rng() % 300);
    j.description = "Description de l'offre " + std::to_string(i) + ". " + phrase(rng, 12);
    j.contract_type = contracts[rng() % 5];
    j.work_time_label = "35 h par semaine";
    j.commune = c.communes[rng() % 8500].insee;
    place(j.lat, j.lon);
    j.created_at = "2025-05-01";
    j.expires_at = "2025-09-01";
    c.jobs.push_back(std::move(j));
  }
  for (int i = 0; i < 300; ++i) {
    Training t;
    t.id = "t" + std::to_string(i);
    t.title = "Formation " + phrase(rng, 2);
    t.trade_codes = {c.trades[rng() % 530].code, c.trades[rng() % 530].code};
    t.region_funded = i % 3 != 0;
    t.organisation = "Organisme " + std::to_string(i % 40);
    c.trainings.push_back(std::move(t));
  }
  for (int i = 0; i < 1100; ++i) {
    TrainingSession s;
    s.id = "s" + std::to_string(i);
    s.training_id = "t" + std::to_string(i % 300);
    s.start = i % 2 ? "2025-09-01" : "2025-03-01";
    s.end = "2026-03-01";
    place(s.lat, s.lon);
    c.training_sessions.push_back(std::move(s));
  }
  for (int i = 0; i < 300; ++i) {
    ImmersionOffer o;
    o.id = "o" + std::to_string(i);
    o.employer_id = "e" + std::to_string(i);
    o.trade_code = c.trades[rng() % 530].code;
    c.immersion_offers.push_back(o);
    for (int k = 0; k < 3; ++k) {
      c.immersion_slots.push_back({o.id + "-" + std::to_string(k), o.id, "2025-07-01",
                                   "2025-07-05", 5, "9 h - 17 h", 2, 0});
    }
  }
  for (int i = 0; i < 20; ++i) {
    c.sites.push_back({"site" + std::to_string(i), "ERIC " + std::to_string(i), "13056", "",
                       43.4, 5.05, "", ""});
  }
  for (int i = 0; i < 100; ++i) {
    Workshop w;
    w.id = "w" + std::to_string(i);
    w.site_id = "site" + std::to_string(i % 20);
    w.title = "Atelier " + phrase(rng, 2);
    c.workshops.push_back(std::move(w));
  }
  return c;
}

size_t record_count(const Catalog& c) {
  return c.communes.size() + c.trades.size() + c.job_titles.size() + c.employers.size() +
         c.jobs.size() + c.trainings.size() + c.training_sessions.size() +
         c.immersion_offers.size() + c.immersion_slots.size() + c.sites.size() +
         c.workshops.size();
}

double cpu_ms_since(std::clock_t c0) {
  return static_cast<double>(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC;
}

double p50(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double p99(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, v.size() * 99 / 100)];
}

void measure(int jobs, const char* name) {
  test::TempDir dir;
  auto db = test::fresh_store(dir);
  ASSERT_TRUE(db);
  const Catalog cat = synthetic_catalog(jobs, 7);
  const size_t n = record_count(cat);
  // Wall time and this process's CPU time: the machine is shared, CPU time tells the cost.
  auto t0 = Clock::now();
  std::clock_t c0 = std::clock();
  ASSERT_TRUE(replace_catalog(*db, cat).ok) << db->last_status().message_fr;
  const double first = ms_since(t0);
  const double first_cpu = cpu_ms_since(c0);
  // A second full replace over a filled file (what a resync does).
  t0 = Clock::now();
  c0 = std::clock();
  ASSERT_TRUE(replace_catalog(*db, cat).ok);
  const double second = ms_since(t0);
  const double second_cpu = cpu_ms_since(c0);
  EXPECT_EQ(catalog_counts(*db).jobs, jobs);
  std::printf("[write speed] %s: %zu records (%d jobs): first %.0f ms wall / %.0f ms CPU "
              "(%.0f / %.0f records/s), replace %.0f ms wall / %.0f ms CPU (%.0f / %.0f "
              "records/s)\n",
              name, n, jobs, first, first_cpu, n / first * 1000, n / first_cpu * 1000, second,
              second_cpu, n / second * 1000, n / second_cpu * 1000);

  // Query times, for information (the budgets are 5 ms for suggest, 10 ms for jobs_near).
  std::vector<double> sug, near;
  const char* typed[] = {"a", "cu", "cuisi", "macon", "aide soi", "chauffeur poids l", "zz"};
  std::vector<std::vector<double>> per_text(std::size(typed));
  for (int round = 0; round < 30; ++round) {
    for (size_t k = 0; k < std::size(typed); ++k) {
      auto q0 = Clock::now();
      auto s = suggest(*db, typed[k], 8);
      sug.push_back(ms_since(q0));
      per_text[k].push_back(sug.back());
    }
    for (double radius : {5.0, 15.0, 30.0}) {
      JobQuery q;
      q.lat = 43.2965;  // Marseille, the densest place
      q.lon = 5.3698;
      q.radius_km = radius;
      q.today = "2025-06-01";
      auto q0 = Clock::now();
      JobPage p = jobs_page(*db, q);
      near.push_back(ms_since(q0));
      EXPECT_LE(p.cards.size(), 20u);
    }
  }
  for (size_t k = 0; k < std::size(typed); ++k) {
    std::printf("[query speed] %s: suggest \"%s\" median %.2f ms\n", name, typed[k],
                p50(per_text[k]));
  }
  JobQuery q;
  q.lat = 43.2965;
  q.lon = 5.3698;
  q.radius_km = 30;
  q.today = "2025-06-01";
  std::printf("[query speed] %s: suggest p99 %.2f ms, jobs_page median %.2f ms, p99 %.2f ms "
              "(5-30 km around Marseille; %lld offers within 30 km)\n",
              name, p99(sug), p50(near), p99(near),
              static_cast<long long>(count_jobs_near(*db, q)));
}

TEST(WriteSpeed, DemoSizedCatalog) { measure(5000, "demo-sized"); }
TEST(WriteSpeed, HundredThousandJobs) { measure(100000, "100k jobs"); }

}  // namespace
}  // namespace eric
