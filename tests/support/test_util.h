// Test helpers for the store: a temporary directory, a fresh store, a small hand-made catalog.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/storage/catalog.h"
#include "kiosk/core/storage/store.h"

namespace eric::test {

// A directory under the system temp dir, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "eric-core-XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    if (made) path_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::unique_ptr<Database> fresh_store(const TempDir& dir, const std::string& name = "cache.db") {
  Status st;
  auto db = open_store(dir.file(name), st);
  EXPECT_TRUE(st.ok) << st.code << " " << st.message_fr;
  return db;
}

// "Today" of the sample catalog.
inline const char* kToday = "2025-06-01";
// The centre of Martigues, where the sample searches start.
constexpr double kMartiguesLat = 43.4045, kMartiguesLon = 5.0477;

inline Job make_job(const std::string& id, const std::string& title, const std::string& trade,
                    const std::string& contract, const std::string& commune, double lat,
                    double lon) {
  Job j;
  j.id = id;
  j.title = title;
  j.trade_code = trade;
  j.contract_type = contract;
  j.commune = commune;
  j.lat = lat;
  j.lon = lon;
  j.work_time_label = "35 h par semaine";
  j.created_at = "2025-05-20";
  j.expires_at = "2025-08-20";
  return j;
}

// Record builders shared by the test catalogs (here and in the job screens' fixture).
inline Employer make_employer(const std::string& id, const std::string& name,
                              const std::string& commune, double lat, double lon) {
  Employer e;
  e.id = id;
  e.name = name;
  e.commune = commune;
  e.lat = lat;
  e.lon = lon;
  return e;
}

inline Training make_training(const std::string& id, const std::string& title,
                              const std::vector<std::string>& trade_codes,
                              const std::string& organisation, bool region_funded) {
  Training t;
  t.id = id;
  t.title = title;
  t.trade_codes = trade_codes;
  t.organisation = organisation;
  t.region_funded = region_funded;
  return t;
}

// The ERIC space of Martigues, where the sample catalogs' kiosk stands.
inline Site martigues_site() {
  return {"eric-martigues", "ERIC Cyber-base de Martigues", "13056", "1 place de la Mairie",
          43.4045, 5.0477, "lundi-vendredi 9 h - 17 h", "04 42 00 00 00"};
}

// A small catalog around Martigues with known distances (see test_jobs.cpp).
inline Catalog sample_catalog() {
  Catalog c;
  c.communes = {
      {"13056", "Martigues", {"13500"}, "13", "93", 48000, 43.4045, 5.0477},
      {"13055", "Marseille", {"13001", "13002", "13008"}, "13", "93", 870000, 43.2965, 5.3698},
      {"13047", "Istres", {"13800"}, "13", "93", 43000, 43.5151, 4.9895},
      {"13077", "Port-de-Bouc", {"13110"}, "13", "93", 17000, 43.4054, 4.9886},
      {"13001", "Aix-en-Provence", {"13090", "13100"}, "13", "93", 145000, 43.5297, 5.4474},
      {"83118", "Saint-Raphaël", {"83700"}, "83", "93", 35000, 43.4253, 6.7684},
      {"83115", "Sainte-Maxime", {"83120"}, "83", "93", 14000, 43.3090, 6.6350},
      {"84054", "L'Isle-sur-la-Sorgue", {"84800"}, "84", "93", 19000, 43.9190, 5.0510},
  };
  c.trades = {
      {"F1703", "Maçonnerie", "Construire des murs."},
      {"G1602", "Personnel de cuisine", ""},
      {"J1501", "Soins d'hygiène, de confort du patient", ""},
      {"D1106", "Vente en alimentation", ""},
      {"N4101", "Conduite de transport de marchandises sur longue distance", ""},
      {"F1701", "Construction en béton", ""},
  };
  c.job_titles = {
      {11, "F1703", "Maçon / Maçonne"},
      {12, "F1703", "Aide-maçon / Aide-maçonne"},
      {21, "G1602", "Cuisinier / Cuisinière"},
      {22, "G1602", "Commis de cuisine"},
      {31, "J1501", "Aide-soignant / Aide-soignante"},
      {41, "D1106", "Vendeur / Vendeuse en boulangerie"},
      {51, "N4101", "Conducteur / Conductrice poids lourd"},
  };
  Employer e1 = make_employer("e1", "Boulangerie Dupont", "13056", 43.405, 5.05);
  e1.siret = "12345678900011";
  c.employers = {e1, make_employer("e2", "BTP Provence", "13055", 43.30, 5.37)};

  Job j1 = make_job("j1", "Maçon (H/F)", "F1703", "CDI", "13056", 43.4045, 5.0477);
  j1.employer_id = "e2";
  j1.job_title_ogr = 11;
  Job j2 = make_job("j2", "Cuisinier (H/F)", "G1602", "CDD", "13047", 43.5151, 4.9895);
  j2.contract_duration_months = 6;
  j2.employer_name = "Restaurant Le Port";
  Job j3 = make_job("j3", "Aide-soignant de nuit", "J1501", "CDI", "13055", 43.2965, 5.3698);
  Job j4 = make_job("j4", "Chauffeur poids lourd", "N4101", "MIS", "83118", 43.4253, 6.7684);
  Job j5 = make_job("j5", "Vendeuse en boulangerie", "D1106", "CDI", "13056", 43.41, 5.06);
  j5.employer_id = "e1";
  j5.expires_at = "2025-05-01";  // expired on kToday
  Job j6 = make_job("j6", "Maçon VRD", "F1703", "CDD", "13077", 43.4054, 4.9886);
  c.jobs = {j1, j2, j3, j4, j5, j6};

  Training t1 = make_training("t1", "CAP Maçon", {"F1703", "F1701"}, "AFPA Marseille", true);
  t1.hours_total = 800;
  c.trainings = {t1,
                 make_training("t2", "Titre professionnel Cuisinier", {"G1602"}, "GRETA", false),
                 make_training("t3", "Diplôme d'État d'aide-soignant", {"J1501"}, "IFAS", true)};
  c.training_sessions = {
      {"s1", "t1", "2025-09-01", "2026-03-01", "13055", 43.2965, 5.3698, "1 rue A", true, 12},
      {"s2", "t1", "2024-09-01", "2025-03-01", "13056", 43.4045, 5.0477, "2 rue B", true, 12},
      {"s3", "t1", "2025-10-01", "2026-04-01", "13047", 43.5151, 4.9895, "3 rue C", true, 10},
      {"s4", "t2", "2025-09-01", "2026-01-01", "13056", 43.4045, 5.0477, "", true, 0},
      {"s5", "t3", "2025-01-01", "2025-05-01", "13055", 43.2965, 5.3698, "", true, 0},
  };
  ImmersionOffer o1;
  o1.id = "o1";
  o1.employer_id = "e1";
  o1.trade_code = "D1106";
  o1.what_you_will_do = "Découvrir la vente en boulangerie.";
  o1.contact_mode = "phone";
  c.immersion_offers = {o1};
  c.immersion_slots = {{"sl1", "o1", "2025-06-10", "2025-06-14", 5, "du lundi au vendredi, 9 h - 17 h", 2, 1}};
  c.sites = {martigues_site()};
  Workshop w;
  w.id = "w1";
  w.site_id = "eric-martigues";
  w.kind = "cv";
  w.title = "Faire son CV";
  w.start = "2025-06-03 09:30";
  w.end = "2025-06-03 11:30";
  w.capacity = 8;
  c.workshops = {w};
  return c;
}

}  // namespace eric::test
