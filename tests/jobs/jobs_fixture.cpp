// The job discovery screens' test fixture (see jobs_fixture.h).
#include "tests/jobs/jobs_fixture.h"

#include <cstdio>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/ui/keyboard.h"

namespace eric::jobs_test {

namespace {

// The core tests' job, with what the detail screen shows and this catalog's dates.
Job job(const std::string& id, const std::string& title, const std::string& trade,
        const std::string& contract, const std::string& commune, double lat, double lon) {
  Job j = test::make_job(id, title, trade, contract, commune, lat, lon);
  j.salary_label = "1 900 € brut par mois";
  j.experience_label = "Débutant accepté";
  j.description = "Vous montez des murs en parpaings et en briques.";
  j.created_at = "2026-11-01";
  j.expires_at = "2027-02-01";
  return j;
}

}  // namespace

Catalog sample_catalog() {
  Catalog c;
  c.communes = {
      {"13056", "Martigues", {"13500"}, "13", "93", 48000, kMartiguesLat, kMartiguesLon},
      {"13047", "Istres", {"13800"}, "13", "93", 43000, 43.5151, 4.9895},
      {"13077", "Port-de-Bouc", {"13110"}, "13", "93", 17000, 43.4054, 4.9886},
      {"83118", "Saint-Raphaël", {"83700"}, "83", "93", 35000, 43.4253, 6.7684},
  };
  c.trades = {
      {"F1703", "Maçonnerie", ""},
      {"F1701", "Construction en béton", ""},
      {"F1602", "Électricité bâtiment", ""},
      {"G1602", "Personnel de cuisine", ""},
      {"J1501", "Soins d'hygiène, de confort du patient", ""},
  };
  c.job_titles = {
      {11, "F1703", "Maçon / Maçonne"},
      {12, "F1701", "Coffreur / Coffreuse"},
      {21, "G1602", "Cuisinier / Cuisinière"},
      {31, "J1501", "Aide-soignant / Aide-soignante"},
  };
  c.employers = {test::make_employer("e1", "BTP Provence", "13056", kMartiguesLat, kMartiguesLon)};
  const char* contracts[] = {"CDI", "CDD", "MIS"};
  for (int i = 0; i < kMasonJobs; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "m%02d", i);
    // About 0.2 km further north each: nearest first is m00, m01, ...
    Job j = job(id, "Maçon n° " + std::to_string(i), "F1703", contracts[i % 3], "13056",
                kMartiguesLat + 0.002 * i, kMartiguesLon);
    j.employer_id = "e1";
    j.job_title_ogr = 11;
    if (j.contract_type == "CDD") j.contract_duration_months = 6;
    if (i == 1) j.origin_url = "https://candidat.francetravail.fr/offres/recherche/detail/m01";
    c.jobs.push_back(j);
  }
  Job cook = job("g1", "Cuisinier de collectivité", "G1602", "CDD", "13047", 43.5151, 4.9895);
  cook.employer_name = "Restaurant Le Port";
  cook.contract_duration_months = 4;
  c.jobs.push_back(cook);
  c.jobs.push_back(job("g2", "Commis de cuisine", "G1602", "CDI", "83118", 43.4253, 6.7684));
  c.jobs.push_back(job("b1", "Coffreur bancheur", "F1701", "MIS", "83118", 43.4253, 6.7684));

  Training t1 = test::make_training("t1", "CAP Maçon", {"F1703"}, "AFPA Istres", true);
  t1.hours_total = 800;
  t1.entry_level = "Sans diplôme";
  t1.exit_level = "CAP";
  t1.description = "Apprendre à monter des murs.";
  c.trainings = {
      t1, test::make_training("t2", "Titre professionnel Cuisinier", {"G1602"}, "GRETA", false)};
  // Five future sessions of t1 (nearest first: s1 Martigues, s2 Port-de-Bouc, s3 Istres, s4 and
  // s5 Saint-Raphaël) and one that is over.
  c.training_sessions = {
      {"s1", "t1", "2027-01-05", "2027-06-30", "13056", kMartiguesLat, kMartiguesLon, "1 rue A", true, 12},
      {"s2", "t1", "2027-02-01", "2027-07-15", "13077", 43.4054, 4.9886, "2 rue B", true, 12},
      {"s3", "t1", "2027-03-01", "2027-09-30", "13047", 43.5151, 4.9895, "3 rue C", true, 10},
      {"s4", "t1", "2027-04-01", "2027-10-30", "83118", 43.4253, 6.7684, "4 rue D", true, 10},
      {"s5", "t1", "2027-05-03", "2027-11-30", "83118", 43.4253, 6.7684, "5 rue E", true, 10},
      {"s0", "t1", "2025-01-05", "2025-06-30", "13056", kMartiguesLat, kMartiguesLon, "", true, 12},
      {"s9", "t2", "2027-01-05", "2027-03-30", "13056", kMartiguesLat, kMartiguesLon, "", true, 8},
  };
  c.sites = {test::martigues_site()};
  return c;
}

std::unique_ptr<Database> sample_store(const TempDir& dir) {
  auto db = test::fresh_store(dir);
  if (!db) return db;
  const Status w = replace_catalog(*db, sample_catalog(), "2026-11-23 09:40");
  EXPECT_TRUE(w.ok) << w.code << " " << w.message_fr;
  return db;
}

void HeadlessJobs::SetUp() { ASSERT_NO_FATAL_FAILURE(start_on(sample_store(dir))); }

void HeadlessJobs::start_on(std::unique_ptr<Database> store) {
  db = std::move(store);
  ASSERT_TRUE(db);
  services.db = db.get();
  auto site = site_by_id(*db, "eric-martigues");
  ASSERT_TRUE(site);
  services.site = *site;
  ASSERT_NO_FATAL_FAILURE(start_shell("2026-11-23 10:00"));
  run_frames(2);
}

bool HeadlessJobs::visible(std::string_view text) const {
  for (const auto& item : ui.probe.items())
    if (contains_ignoring_case(item.text, text)) return true;
  return false;
}

bool HeadlessJobs::active_chip(std::string_view text) const {
  for (const auto& item : ui.probe.items())
    if (item.kind == ui::ProbeKind::Chip && item.text == text) return item.key == "active";
  return false;
}

std::string HeadlessJobs::top_id() const {
  return app->nav().top() ? std::string(app->nav().top()->id()) : std::string();
}

void HeadlessJobs::open(std::string_view id, ScreenArgs args) {
  ASSERT_TRUE(app->nav().open(id, std::move(args))) << id;
  run_frames(3);
}

}  // namespace eric::jobs_test
