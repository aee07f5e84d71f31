// The job discovery screens' test fixture (see jobs_fixture.h).
#include "tests/jobs/jobs_fixture.h"

#include <cstdlib>
#include <cstdio>

#include "kiosk/ui/keyboard.h"

namespace eric::jobs_test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "eric-jobs-XXXXXX").string();
  if (char* made = mkdtemp(pattern.data())) path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

namespace {

Job job(const std::string& id, const std::string& title, const std::string& trade,
        const std::string& contract, const std::string& commune, double lat, double lon) {
  Job j;
  j.id = id;
  j.title = title;
  j.trade_code = trade;
  j.contract_type = contract;
  j.commune = commune;
  j.lat = lat;
  j.lon = lon;
  j.work_time_label = "35 h par semaine";
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
  Employer e1;
  e1.id = "e1";
  e1.name = "BTP Provence";
  e1.commune = "13056";
  e1.lat = kMartiguesLat;
  e1.lon = kMartiguesLon;
  c.employers = {e1};
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

  Training t1;
  t1.id = "t1";
  t1.title = "CAP Maçon";
  t1.trade_codes = {"F1703"};
  t1.organisation = "AFPA Istres";
  t1.region_funded = true;
  t1.hours_total = 800;
  t1.entry_level = "Sans diplôme";
  t1.exit_level = "CAP";
  t1.description = "Apprendre à monter des murs.";
  Training t2;
  t2.id = "t2";
  t2.title = "Titre professionnel Cuisinier";
  t2.trade_codes = {"G1602"};
  t2.organisation = "GRETA";
  t2.region_funded = false;
  c.trainings = {t1, t2};
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
  c.sites = {{"eric-martigues", "ERIC Cyber-base de Martigues", "13056", "1 place de la Mairie",
              kMartiguesLat, kMartiguesLon, "lundi-vendredi 9 h - 17 h", "04 42 00 00 00"}};
  return c;
}

std::unique_ptr<Database> sample_store(const TempDir& dir) {
  Status st;
  auto db = open_store(dir.file("cache.db"), st);
  EXPECT_TRUE(st.ok) << st.code << " " << st.message_fr;
  if (!db) return db;
  const Status w = replace_catalog(*db, sample_catalog(), "2026-11-23 09:40");
  EXPECT_TRUE(w.ok) << w.code << " " << w.message_fr;
  return db;
}

void HeadlessJobs::SetUp() {
  db = sample_store(dir);
  ASSERT_TRUE(db);
  ImGui::CreateContext();
  configure_imgui_io(ImGui::GetIO());
  ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
  std::string error;
  ASSERT_TRUE(i18n.load_dir(std::string(ERIC_SOURCE_DIR) + "/assets/i18n", error)) << error;
  int64_t ms = 0;
  ASSERT_TRUE(Clock::parse_local("2026-11-23 10:00", ms));
  clock = Clock::fixed_at(ms);
  services.db = db.get();
  auto site = site_by_id(*db, "eric-martigues");
  ASSERT_TRUE(site);
  services.site = *site;
  services.catalog_updated_ms = ms - 20 * 60 * 1000;
  register_all_screens(registry);
  app = std::make_unique<KioskApp>(ui, i18n, clock, services, registry);
  ASSERT_TRUE(app->start(error)) << error;
  app->build_fonts(1080, error);  // ImGui's own font when no font package is installed
  run_frames(2);
}

void HeadlessJobs::TearDown() {
  app.reset();
  ImGui::DestroyContext();
}

void HeadlessJobs::run_frames(int n) {
  for (int i = 0; i < n; ++i) {
    app->frame(1.0f / 60.0f);
    app->apply_requests(1080);
    app->nav().collect();
  }
}

int HeadlessJobs::failures(const std::string& text) {
  std::ostringstream out;
  ScriptRunOptions o;
  o.script_name = "inline";
  return run_script(parse_script(text), *this, o, out).failed;
}

void HeadlessJobs::play(const std::string& text) {
  std::ostringstream out;
  ScriptRunOptions o;
  o.script_name = "inline";
  const ScriptResult r = run_script(parse_script(text), *this, o, out);
  EXPECT_EQ(r.failed, 0) << out.str();
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
