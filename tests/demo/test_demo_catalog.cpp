// Tests of the demo catalog generator on the real reference data: validity, determinism, guarantees.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "kiosk/core/base/clock.h"
#include "kiosk/demo/demo_catalog.h"
#include "tests/support/status_assert.h"

namespace eric {
namespace {

constexpr const char* kToday = "2025-03-12";  // a Wednesday

double km(double lat1, double lon1, double lat2, double lon2) {
  const double rad = 3.14159265358979323846 / 180.0;
  const double x = (lon2 - lon1) * rad * std::cos((lat1 + lat2) * 0.5 * rad);
  const double y = (lat2 - lat1) * rad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

bool in_paca(double lat, double lon) {
  return lat > 42.9 && lat < 45.2 && lon > 4.1 && lon < 7.8;
}

bool luhn_ok(const std::string& digits) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

// Everything a catalog holds, as text, to compare two catalogs.
std::string dump(const Catalog& c) {
  std::string out;
  char buf[64];
  auto num = [&](double v) {
    std::snprintf(buf, sizeof buf, "%.7f|", v);
    out += buf;
  };
  for (const Employer& e : c.employers) {
    out += e.id + e.name + e.siret + e.naf + e.commune + e.address + e.size_range;
    num(e.lat);
    num(e.lon);
  }
  for (const Job& j : c.jobs) {
    out += j.id + j.title + j.trade_code + j.employer_id + j.description + j.contract_type +
           j.work_time_label + j.salary_label + j.experience_label + j.qualification_label +
           j.commune + j.place_label + j.origin_url + j.contact + j.created_at + j.expires_at +
           std::to_string(j.posts) + std::to_string(j.contract_duration_months);
    num(j.lat);
  }
  for (const Training& t : c.trainings)
    out += t.id + t.title + t.organisation + t.exit_level + t.description + std::to_string(t.hours_total);
  for (const TrainingSession& s : c.training_sessions) {
    out += s.id + s.training_id + s.start + s.end + s.commune + s.address + std::to_string(s.seats);
    num(s.lat);
  }
  for (const ImmersionOffer& o : c.immersion_offers)
    out += o.id + o.employer_id + o.trade_code + o.what_you_will_do + o.contact_mode;
  for (const ImmersionSlot& s : c.immersion_slots)
    out += s.id + s.start + s.end + s.schedule_label + std::to_string(s.capacity) + std::to_string(s.taken);
  for (const Workshop& w : c.workshops) out += w.id + w.title + w.start + w.animator + std::to_string(w.taken);
  for (const Site& s : c.sites) out += s.id + s.name + s.address + s.phone;
  return out;
}

template <typename T>
void expect_unique_ids(const std::vector<T>& items, const char* what) {
  std::unordered_set<std::string> ids;
  for (const T& item : items) {
    EXPECT_FALSE(item.id.empty()) << what;
    EXPECT_TRUE(ids.insert(item.id).second) << what << " id twice: " << item.id;
  }
}

class DemoCatalog : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    reference_ = new ReferenceData;
    ASSERT_TRUE(test::ok(load_reference_data(ERIC_TEST_DATA_DIR, *reference_)));
    DemoOptions options;
    options.today = kToday;
    catalog_ = new Catalog(generate_demo_catalog(*reference_, options, &stats_));
  }
  static void TearDownTestSuite() {
    delete catalog_;
    delete reference_;
    catalog_ = nullptr;
    reference_ = nullptr;
  }
  static Catalog make(uint64_t seed, const std::string& today = kToday, int jobs = 5000) {
    DemoOptions options;
    options.seed = seed;
    options.today = today;
    options.jobs = jobs;
    return generate_demo_catalog(*reference_, options);
  }

  static ReferenceData* reference_;
  static Catalog* catalog_;
  static DemoStats stats_;
};
ReferenceData* DemoCatalog::reference_ = nullptr;
Catalog* DemoCatalog::catalog_ = nullptr;
DemoStats DemoCatalog::stats_;

// The guarantees documented in demo_catalog.h, checked on any catalog made with defaults.
void expect_guarantees(const Catalog& c, const std::string& today) {
  const Commune* martigues = nullptr;
  for (const Commune& commune : c.communes)
    if (commune.insee == "13056") martigues = &commune;
  ASSERT_NE(martigues, nullptr);
  EXPECT_NE(std::find(martigues->postal_codes.begin(), martigues->postal_codes.end(), "13500"),
            martigues->postal_codes.end());
  auto near = [&](double lat, double lon) { return km(martigues->lat, martigues->lon, lat, lon) <= 10; };

  std::set<char> families_near;
  std::set<std::string> trades_near;
  bool masonry_near = false;
  for (const Job& j : c.jobs) {
    if (!near(j.lat, j.lon)) continue;
    families_near.insert(j.trade_code[0]);
    trades_near.insert(j.trade_code);
    if (j.trade_code == "F1703") masonry_near = true;
  }
  EXPECT_EQ(families_near.size(), 14u);
  EXPECT_TRUE(masonry_near);

  std::set<std::string> masonry_trainings;
  for (const Training& t : c.trainings)
    if (std::find(t.trade_codes.begin(), t.trade_codes.end(), "F1703") != t.trade_codes.end())
      masonry_trainings.insert(t.id);
  bool masonry_session_near = false;
  for (const TrainingSession& s : c.training_sessions)
    if (masonry_trainings.count(s.training_id) && near(s.lat, s.lon) && s.start > today)
      masonry_session_near = true;
  EXPECT_TRUE(masonry_session_near);

  std::unordered_map<std::string, const Employer*> employers;
  for (const Employer& e : c.employers) employers.emplace(e.id, &e);
  bool immersion_near = false;
  for (const ImmersionOffer& o : c.immersion_offers) {
    const Employer* e = employers.at(o.employer_id);
    if (near(e->lat, e->lon) && trades_near.count(o.trade_code)) immersion_near = true;
  }
  EXPECT_TRUE(immersion_near);

  const std::string tomorrow = add_days(today, 1);
  const int wd = weekday_of(tomorrow);
  if (wd >= 1 && wd <= 5) {
    bool workshop_tomorrow = false;
    for (const Workshop& w : c.workshops)
      if (w.start.rfind(tomorrow, 0) == 0) workshop_tomorrow = true;
    EXPECT_TRUE(workshop_tomorrow) << tomorrow;
  }
  int full = 0;
  for (const Workshop& w : c.workshops) full += w.taken == w.capacity;
  EXPECT_GE(full, 1);
}

TEST_F(DemoCatalog, HasTheExpectedSizes) {
  const Catalog& c = *catalog_;
  EXPECT_EQ(c.communes.size(), 8518u);
  EXPECT_EQ(c.trades.size(), 532u);
  EXPECT_EQ(c.job_titles.size(), 11118u);  // SOURCES.md says 11,117; the file has 11,118
  EXPECT_EQ(c.jobs.size(), 5000u);
  EXPECT_GE(c.employers.size(), 300u);
  EXPECT_LE(c.employers.size(), 1000u);
  EXPECT_EQ(c.immersion_offers.size(), 300u);
  EXPECT_GE(c.immersion_slots.size(), 600u);
  EXPECT_LE(c.immersion_slots.size(), 1500u);
  ASSERT_EQ(c.sites.size(), 1u);
  EXPECT_EQ(c.sites[0].id, "eric-martigues");
  EXPECT_EQ(c.sites[0].name, "ERIC Cyber-base de Martigues");
  EXPECT_EQ(c.sites[0].commune, "13056");
  EXPECT_NE(c.sites[0].address.find("13500 Martigues"), std::string::npos);
  EXPECT_GE(c.workshops.size(), 10u);
  EXPECT_LE(c.workshops.size(), 22u);
  EXPECT_GE(c.trainings.size(), 100u);
  EXPECT_EQ(c.training_sessions.size(), static_cast<size_t>(stats_.sessions_kept));
  EXPECT_EQ(stats_.sessions_kept + stats_.sessions_unknown_action +
                stats_.sessions_unknown_qualification,
            1141);
  EXPECT_EQ(stats_.sessions_unknown_action, 830);
  EXPECT_EQ(static_cast<int>(c.trainings.size()) + stats_.qualifications_without_sessions, 153);
}

TEST_F(DemoCatalog, SameSeedSameCatalogOtherSeedOtherCatalog) {
  const std::string a = dump(make(42));
  EXPECT_EQ(a, dump(*catalog_));
  EXPECT_EQ(a, dump(make(42)));
  EXPECT_NE(a, dump(make(43)));
}

TEST_F(DemoCatalog, JobCountDoesNotMoveTrainingsOrWorkshops) {
  const Catalog small = make(42, kToday, 1000);
  EXPECT_EQ(small.jobs.size(), 1000u);
  ASSERT_EQ(small.training_sessions.size(), catalog_->training_sessions.size());
  for (size_t i = 0; i < small.training_sessions.size(); ++i)
    EXPECT_EQ(small.training_sessions[i].start, catalog_->training_sessions[i].start);
  ASSERT_EQ(small.workshops.size(), catalog_->workshops.size());
  EXPECT_EQ(small.workshops.front().title, catalog_->workshops.front().title);
}

TEST_F(DemoCatalog, EmployersAreValid) {
  const Catalog& c = *catalog_;
  expect_unique_ids(c.employers, "employer");
  std::unordered_map<std::string, const Commune*> communes;
  for (const Commune& commune : c.communes) communes.emplace(commune.insee, &commune);
  int fit = 0;
  for (const Employer& e : c.employers) {
    EXPECT_FALSE(e.name.empty());
    EXPECT_EQ(e.name.find('{'), std::string::npos) << e.name;
    ASSERT_EQ(e.siret.size(), 14u) << e.siret;
    EXPECT_TRUE(luhn_ok(e.siret)) << e.siret;
    EXPECT_TRUE(luhn_ok(e.siret.substr(0, 9))) << e.siret;
    EXPECT_EQ(e.naf.size(), 6u) << e.naf;
    EXPECT_FALSE(e.naf_label.empty());
    ASSERT_TRUE(communes.count(e.commune)) << e.commune;
    const Commune& commune = *communes.at(e.commune);
    EXPECT_EQ(commune.region, "93");
    EXPECT_LE(km(commune.lat, commune.lon, e.lat, e.lon), 1.51);
    EXPECT_NE(e.address.find(commune.name), std::string::npos) << e.address;
    EXPECT_FALSE(e.size_range.empty());
    fit += e.fit_for_disabled_workers;
  }
  EXPECT_GT(fit, static_cast<int>(c.employers.size()) / 20);
  EXPECT_LT(fit, static_cast<int>(c.employers.size()) / 5);
}

TEST_F(DemoCatalog, JobsAreValid) {
  const Catalog& c = *catalog_;
  expect_unique_ids(c.jobs, "job");
  std::unordered_set<std::string> trades, employers;
  for (const Trade& t : c.trades) trades.insert(t.code);
  for (const Employer& e : c.employers) employers.insert(e.id);
  std::unordered_map<int64_t, std::string> title_trade;
  for (const JobTitle& t : c.job_titles) title_trade.emplace(t.ogr, t.trade_code);
  const std::set<std::string> contracts = {"CDI", "CDD", "MIS", "SAI", "ALT"};
  std::map<std::string, int> contract_count;
  int with_url = 0;
  const std::string oldest = add_days(kToday, -29), latest = add_days(kToday, 60);
  for (const Job& j : c.jobs) {
    EXPECT_TRUE(trades.count(j.trade_code)) << j.trade_code;
    EXPECT_TRUE(employers.count(j.employer_id)) << j.employer_id;
    ASSERT_TRUE(title_trade.count(j.job_title_ogr)) << j.id;
    EXPECT_EQ(title_trade.at(j.job_title_ogr), j.trade_code);
    EXPECT_FALSE(j.title.empty());
    EXPECT_TRUE(in_paca(j.lat, j.lon)) << j.lat << "," << j.lon;
    ASSERT_TRUE(contracts.count(j.contract_type)) << j.contract_type;
    ++contract_count[j.contract_type];
    if (j.contract_type == "CDD") {
      EXPECT_GE(j.contract_duration_months, 1);
      EXPECT_LE(j.contract_duration_months, 12);
    }
    if (j.contract_type == "CDI") {
      EXPECT_EQ(j.contract_duration_months, 0);
    }
    EXPECT_NE(j.salary_label.find("€"), std::string::npos) << j.salary_label;
    EXPECT_NE(j.work_time_label.find(" h par semaine"), std::string::npos);
    EXPECT_FALSE(j.experience_label.empty());
    EXPECT_FALSE(j.qualification_label.empty());
    EXPECT_GE(j.posts, 1);
    EXPECT_LE(j.posts, 5);
    EXPECT_EQ(j.description.find('<'), std::string::npos);
    EXPECT_GE(j.description.size(), 40u);
    EXPECT_EQ(j.place_label.rfind(j.commune.substr(0, 2) + " - ", 0), 0u) << j.place_label;
    EXPECT_GE(j.created_at, oldest);
    EXPECT_LE(j.created_at, kToday);
    EXPECT_GT(j.expires_at, kToday);
    EXPECT_LE(j.expires_at, latest);
    if (!j.origin_url.empty()) {
      ++with_url;
      EXPECT_EQ(j.origin_url.rfind("https://candidat.francetravail.fr/offres/recherche/detail/", 0), 0u);
    }
  }
  EXPECT_GT(with_url, 500);
  EXPECT_LT(with_url, 1000);
  for (const std::string& type : contracts) EXPECT_GT(contract_count[type], 50) << type;
  EXPECT_GT(contract_count["CDI"], contract_count["MIS"]);
}

TEST_F(DemoCatalog, CommonTradesDominateAndManyHaveATraining) {
  std::map<std::string, int> per_trade;
  for (const Job& j : catalog_->jobs) ++per_trade[j.trade_code];
  EXPECT_GT(per_trade["K1304"], per_trade["L1401"] + 50);
  std::set<std::string> trained;
  for (const Training& t : catalog_->trainings) trained.insert(t.trade_codes.begin(), t.trade_codes.end());
  int trades_with_both = 0;
  for (const auto& [code, n] : per_trade) trades_with_both += trained.count(code) > 0;
  EXPECT_GE(trades_with_both, 80);
  EXPECT_GT(per_trade["F1703"], 10);
}

TEST_F(DemoCatalog, TrainingsAndSessionsAreValid) {
  const Catalog& c = *catalog_;
  expect_unique_ids(c.trainings, "training");
  expect_unique_ids(c.training_sessions, "session");
  std::unordered_set<std::string> trades, trainings;
  for (const Trade& t : c.trades) trades.insert(t.code);
  std::unordered_map<std::string, const Commune*> communes;
  for (const Commune& commune : c.communes) communes.emplace(commune.insee, &commune);
  for (const Training& t : c.trainings) {
    trainings.insert(t.id);
    EXPECT_EQ(t.id.rfind("prf-", 0), 0u);
    EXPECT_FALSE(t.title.empty());
    EXPECT_EQ(t.title.find("QUAL"), std::string::npos) << t.title;
    EXPECT_EQ(t.title.find("niveau V"), std::string::npos) << t.title;
    EXPECT_FALSE(t.trade_codes.empty());
    for (const std::string& code : t.trade_codes) EXPECT_TRUE(trades.count(code)) << code;
    EXPECT_TRUE(t.region_funded);
    EXPECT_GT(t.hours_total, 0);
    EXPECT_LE(t.hours_total, 1500);
    EXPECT_FALSE(t.organisation.empty());
    EXPECT_FALSE(t.exit_level.empty()) << t.id;
    EXPECT_EQ(t.description.find('<'), std::string::npos);
  }
  const std::string last = add_days(kToday, 365);
  for (const TrainingSession& s : c.training_sessions) {
    EXPECT_TRUE(trainings.count(s.training_id)) << s.training_id;
    EXPECT_GT(s.start, kToday);
    EXPECT_LE(s.start, last);
    EXPECT_GE(s.end, s.start);
    const int wd = weekday_of(s.start);
    EXPECT_TRUE(wd >= 1 && wd <= 5) << s.start;
    ASSERT_TRUE(communes.count(s.commune)) << s.commune;
    EXPECT_EQ(communes.at(s.commune)->region, "93");
    EXPECT_TRUE(in_paca(s.lat, s.lon));
    EXPECT_TRUE(s.registration_open);
    EXPECT_GE(s.seats, 8);
    EXPECT_LE(s.seats, 20);
    EXPECT_FALSE(s.address.empty());
  }
}

TEST_F(DemoCatalog, SessionsKeepTheirDuration) {
  std::map<std::string, int> duration;
  for (const PrfSession& s : reference_->sessions)
    duration["prf-" + std::to_string(s.action_numero) + "-" + std::to_string(s.numero)] =
        days_between(s.start, s.end);
  for (const TrainingSession& s : catalog_->training_sessions) {
    ASSERT_TRUE(duration.count(s.id)) << s.id;
    EXPECT_EQ(days_between(s.start, s.end), duration.at(s.id)) << s.id;
  }
}

TEST_F(DemoCatalog, ImmersionsAreValid) {
  const Catalog& c = *catalog_;
  expect_unique_ids(c.immersion_offers, "offer");
  expect_unique_ids(c.immersion_slots, "slot");
  std::unordered_map<std::string, std::set<std::string>> employer_trades;
  for (const Job& j : c.jobs) employer_trades[j.employer_id].insert(j.trade_code);
  std::unordered_map<std::string, int> slots_per_offer;
  const std::set<std::string> modes = {"email", "phone", "in_person"};
  for (const ImmersionOffer& o : c.immersion_offers) {
    EXPECT_TRUE(employer_trades[o.employer_id].count(o.trade_code)) << o.id;
    EXPECT_TRUE(modes.count(o.contact_mode)) << o.contact_mode;
    EXPECT_FALSE(o.what_you_will_do.empty());
    EXPECT_FALSE(o.welcome_address.empty());
    EXPECT_GE(o.max_requests_per_month, 1);
    slots_per_offer[o.id] = 0;
  }
  const std::string horizon = add_days(kToday, 56);
  int full = 0;
  for (const ImmersionSlot& s : c.immersion_slots) {
    ASSERT_TRUE(slots_per_offer.count(s.offer_id)) << s.offer_id;
    ++slots_per_offer[s.offer_id];
    EXPECT_EQ(weekday_of(s.start), 1) << s.start;
    EXPECT_GT(s.start, kToday);
    EXPECT_LE(s.start, horizon);
    EXPECT_GE(s.end, s.start);
    EXPECT_LE(days_between(s.start, s.end), 30);
    EXPECT_GE(s.days, 3);
    EXPECT_LE(s.days, 10);
    EXPECT_EQ(s.schedule_label.rfind("du lundi au ", 0), 0u) << s.schedule_label;
    EXPECT_GE(s.capacity, 1);
    EXPECT_LE(s.capacity, 3);
    EXPECT_GE(s.taken, 0);
    EXPECT_LE(s.taken, s.capacity);
    full += s.taken == s.capacity;
  }
  EXPECT_GT(full, 0);
  for (const auto& [id, n] : slots_per_offer) {
    EXPECT_GE(n, 2) << id;
    EXPECT_LE(n, 5) << id;
  }
}

TEST_F(DemoCatalog, WorkshopsAreValid) {
  const Catalog& c = *catalog_;
  expect_unique_ids(c.workshops, "workshop");
  const std::set<std::string> kinds = {"cv", "job_search", "interview_simulation",
                                       "trade_discovery", "digital_basics"};
  const std::string end = add_days(kToday, 28);
  for (const Workshop& w : c.workshops) {
    EXPECT_EQ(w.site_id, "eric-martigues");
    EXPECT_TRUE(kinds.count(w.kind)) << w.kind;
    const std::string day = w.start.substr(0, 10);
    EXPECT_GE(day, kToday);
    EXPECT_LT(day, end);
    const int wd = weekday_of(day);
    EXPECT_TRUE(wd >= 1 && wd <= 5) << day;
    const std::string time = w.start.substr(11);
    EXPECT_TRUE(time == "09:30" || time == "14:00") << w.start;
    EXPECT_EQ(w.end, day + (time == "09:30" ? " 11:30" : " 16:00"));
    EXPECT_GE(w.capacity, 6);
    EXPECT_LE(w.capacity, 12);
    EXPECT_LE(w.taken, w.capacity);
    EXPECT_FALSE(w.title.empty());
    EXPECT_FALSE(w.plain_description.empty());
    EXPECT_FALSE(w.what_to_bring.empty());
    EXPECT_FALSE(w.animator.empty());
    EXPECT_FALSE(w.place.empty());
  }
}

TEST_F(DemoCatalog, GuaranteesHoldWithDefaults) { expect_guarantees(*catalog_, kToday); }

TEST_F(DemoCatalog, GuaranteesHoldForOtherSeedsAndDays) {
  // Friday (tomorrow is Saturday), Sunday, a day in late December (year turn).
  const std::pair<uint64_t, const char*> cases[] = {
      {1, "2025-03-14"}, {7, "2025-06-01"}, {12345, "2025-12-30"}, {99, "2026-02-27"}};
  for (const auto& [seed, today] : cases) {
    SCOPED_TRACE(std::string("seed ") + std::to_string(seed) + " today " + today);
    const Catalog c = make(seed, today);
    expect_guarantees(c, today);
    for (const TrainingSession& s : c.training_sessions) {
      EXPECT_GT(s.start, today);
      EXPECT_LE(s.start, add_days(today, 365));
    }
  }
}

TEST_F(DemoCatalog, UnusableOptionsGiveACatalogWithoutOffers) {
  DemoOptions options;
  options.today = "";  // required
  Catalog c = generate_demo_catalog(*reference_, options);
  EXPECT_EQ(c.communes.size(), 8518u);
  EXPECT_TRUE(c.jobs.empty());
  options.today = kToday;
  options.site_commune = "99999";
  c = generate_demo_catalog(*reference_, options);
  EXPECT_TRUE(c.jobs.empty());
  EXPECT_TRUE(c.sites.empty());
}

TEST_F(DemoCatalog, SessionsInUnknownCommunesAreStillPlaced) {
  ReferenceData broken = *reference_;
  for (PrfSession& s : broken.sessions) s.commune_insee = "00000";
  DemoOptions options;
  options.today = kToday;
  DemoStats stats;
  const Catalog c = generate_demo_catalog(broken, options, &stats);
  EXPECT_EQ(stats.sessions_unknown_commune, stats.sessions_kept);
  ASSERT_EQ(c.training_sessions.size(), static_cast<size_t>(stats.sessions_kept));
  for (const TrainingSession& s : c.training_sessions) EXPECT_TRUE(in_paca(s.lat, s.lon));
  expect_guarantees(c, kToday);
}

TEST_F(DemoCatalog, TinyCatalogsWork) {
  for (int jobs : {0, 1, 14, 40}) {
    const Catalog c = make(5, kToday, jobs);
    EXPECT_EQ(c.jobs.size(), static_cast<size_t>(jobs));
    EXPECT_LE(c.immersion_offers.size(), c.employers.size());
  }
}

}  // namespace
}  // namespace eric
