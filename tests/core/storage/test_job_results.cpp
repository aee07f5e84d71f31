// Tests of JobResults (offers near a place, read a page at a time) against a brute-force
// reading of a generated catalog: same total, same order, page after page.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "kiosk/core/base/geo.h"
#include "kiosk/core/storage/store.h"
#include "tests/support/test_util.h"

namespace eric {
namespace {

constexpr double kCentreLat = 43.4045, kCentreLon = 5.0477;
const char* const kTrades[] = {"F1703", "F1602", "G1602", "J1501", "N4101"};
const char* const kContracts[] = {"CDI", "CDD", "MIS"};

// Offers crowd on shared positions (employers, town centres), many at the very centre, some
// on latitude band edges (multiples of 1/20 degree), a few expired or without an end date.
Catalog crowded_catalog() {
  std::mt19937 rng(20261123);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  struct Pos {
    double lat, lon;
  };
  std::vector<Pos> positions = {{kCentreLat, kCentreLon}, {43.40, 5.10}, {43.45, 4.95}};
  for (int i = 0; i < 160; ++i) {
    // Distances up to ~150 km, denser near the centre.
    const double r = 150.0 * unit(rng) * unit(rng);
    const double a = 2 * 3.14159265358979 * unit(rng);
    positions.push_back({kCentreLat + r * std::cos(a) / 111.2,
                         kCentreLon + r * std::sin(a) / (111.2 * std::cos(kCentreLat * 0.01745))});
  }
  Catalog c = test::sample_catalog();
  c.jobs.clear();
  for (int i = 0; i < 2500; ++i) {
    const Pos& p = i % 5 == 0 ? positions[0]
                              : positions[static_cast<size_t>(unit(rng) * positions.size()) %
                                          positions.size()];
    char id[16];
    std::snprintf(id, sizeof id, "r%05d", i);
    Job j = test::make_job(id, "Offre", kTrades[i % 5], kContracts[(i / 5) % 3], "13056", p.lat,
                           p.lon);
    if (i % 17 == 0) j.expires_at = "2025-05-01";  // expired on kToday
    if (i % 23 == 0) j.expires_at.clear();         // no end date: never expires
    c.jobs.push_back(std::move(j));
  }
  return c;
}

// The brute-force answer: every offer measured, filtered, sorted by (distance, catalog order).
std::vector<std::string> brute_force(const Catalog& c, const JobQuery& q) {
  std::vector<std::pair<double, size_t>> hits;
  for (size_t i = 0; i < c.jobs.size(); ++i) {
    const Job& j = c.jobs[i];
    if (!q.today.empty() && !j.expires_at.empty() && j.expires_at < q.today) continue;
    if (q.family && j.trade_code[0] != q.family) continue;
    if (!q.contract_types.empty() &&
        std::find(q.contract_types.begin(), q.contract_types.end(), j.contract_type) ==
            q.contract_types.end()) {
      continue;
    }
    const double d = haversine_km(q.lat, q.lon, j.lat, j.lon);
    if (d <= q.radius_km) hits.emplace_back(d, i);
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::string> ids;
  for (const auto& h : hits) ids.push_back(c.jobs[h.second].id);
  return ids;
}

class JobResultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = test::fresh_store(dir);
    ASSERT_TRUE(db);
    catalog = crowded_catalog();
    ASSERT_TRUE(replace_catalog(*db, catalog).ok);
  }
  JobQuery around(double lat, double lon, double radius_km) {
    JobQuery q;
    q.lat = lat;
    q.lon = lon;
    q.radius_km = radius_km;
    q.today = test::kToday;
    return q;
  }
  // Reads every page of the results in order.
  std::vector<std::string> all_pages(JobResults& r, int page) {
    std::vector<std::string> ids;
    for (int offset = 0;; offset += page) {
      auto cards = r.cards(*db, offset, page);
      for (const auto& c : cards) ids.push_back(c.id);
      if (static_cast<int>(cards.size()) < page) break;
    }
    return ids;
  }
  test::TempDir dir;
  std::unique_ptr<Database> db;
  Catalog catalog;
};

TEST_F(JobResultsTest, SameTotalAndOrderAsMeasuringEveryOffer) {
  const double centres[][2] = {{kCentreLat, kCentreLon},  // on the crowded position itself
                               {43.35, 5.0},              // exactly on a band edge
                               {43.1, 5.6},               // where few offers are
                               {44.9, 6.9}};              // where none are
  for (const auto& c : centres) {
    for (double radius : {0.0, 0.4, 3.0, 12.0, 30.0, 80.0, 200.0, 900.0, 30000.0}) {
      SCOPED_TRACE("centre " + std::to_string(c[0]) + "," + std::to_string(c[1]) + " radius " +
                   std::to_string(radius));
      const JobQuery q = around(c[0], c[1], radius);
      const std::vector<std::string> expected = brute_force(catalog, q);
      JobResults r = open_jobs(*db, q);
      EXPECT_EQ(r.total(), static_cast<int64_t>(expected.size()));
      EXPECT_EQ(all_pages(r, 20), expected);
      EXPECT_EQ(r.total(), static_cast<int64_t>(expected.size()));
      EXPECT_EQ(count_jobs_near(*db, q), static_cast<int64_t>(expected.size()));
    }
  }
  EXPECT_TRUE(db->last_status().ok) << db->last_status().message_fr;
}

TEST_F(JobResultsTest, FiltersCountAndOrderLikeMeasuringEveryOffer) {
  JobQuery q = around(kCentreLat, kCentreLon, 40);
  q.family = 'F';
  std::vector<std::string> expected = brute_force(catalog, q);
  ASSERT_GT(expected.size(), 100u);
  JobResults r = open_jobs(*db, q);
  EXPECT_EQ(r.total(), static_cast<int64_t>(expected.size()));
  EXPECT_EQ(all_pages(r, 37), expected);

  q.family = 0;
  q.contract_types = {"CDD", "MIS"};
  expected = brute_force(catalog, q);
  r = open_jobs(*db, q);
  EXPECT_EQ(r.total(), static_cast<int64_t>(expected.size()));
  EXPECT_EQ(all_pages(r, 20), expected);

  q.contract_types.clear();
  q.today.clear();  // without a date, expired offers are listed too
  expected = brute_force(catalog, q);
  r = open_jobs(*db, q);
  EXPECT_EQ(r.total(), static_cast<int64_t>(expected.size()));
  EXPECT_EQ(all_pages(r, 50), expected);
}

TEST_F(JobResultsTest, TheFirstPageReadsOnlyAroundTheCentre) {
  const JobQuery q = around(kCentreLat, kCentreLon, 200);
  JobResults r = open_jobs(*db, q);
  ASSERT_GT(r.total(), 2000);
  EXPECT_EQ(r.read(), 0);  // opening counts, it does not read the offers
  auto first = r.cards(*db, 0, 20);
  ASSERT_EQ(first.size(), 20u);
  EXPECT_LT(r.read(), r.total() / 2);
  EXPECT_LT(r.covered_km(), 200);
  // A page far down widens what is read; the pages before it stay as they were.
  auto far = r.cards(*db, 1500, 20);
  ASSERT_EQ(far.size(), 20u);
  const std::vector<std::string> expected = brute_force(catalog, q);
  EXPECT_EQ(far[0].id, expected[1500]);
  auto again = r.cards(*db, 0, 20);
  ASSERT_EQ(again.size(), 20u);
  for (size_t i = 0; i < 20; ++i) EXPECT_EQ(again[i].id, first[i].id);
  for (size_t i = 1; i < 20; ++i) EXPECT_LE(first[i - 1].distance_km, first[i].distance_km);
}

TEST_F(JobResultsTest, PagesPastTheEndAndNonsense) {
  JobResults none;
  EXPECT_EQ(none.total(), 0);
  EXPECT_TRUE(none.cards(*db, 0, 20).empty());
  JobResults r = open_jobs(*db, around(kCentreLat, kCentreLon, 5));
  const int64_t total = r.total();
  ASSERT_GT(total, 0);
  EXPECT_TRUE(r.cards(*db, static_cast<int>(total), 20).empty());
  EXPECT_EQ(r.cards(*db, static_cast<int>(total) - 1, 20).size(), 1u);
  EXPECT_TRUE(r.cards(*db, 0, 0).empty());
  EXPECT_EQ(r.cards(*db, -5, 3).size(), 3u);  // a negative offset reads as the first page
  JobQuery bad = around(kCentreLat, kCentreLon, 5);
  bad.lon = std::nan("");
  EXPECT_EQ(open_jobs(*db, bad).total(), 0);
  bad = around(kCentreLat, kCentreLon, -1);
  EXPECT_EQ(open_jobs(*db, bad).total(), 0);
  bad = around(kCentreLat, kCentreLon, std::nan(""));
  EXPECT_EQ(open_jobs(*db, bad).total(), 0);
}

TEST_F(JobResultsTest, OffersRemovedAfterOpeningAreLeftOut) {
  JobResults r = open_jobs(*db, around(kCentreLat, kCentreLon, 5));
  auto first = r.cards(*db, 0, 3);
  ASSERT_EQ(first.size(), 3u);
  CatalogWriter w(*db);
  ASSERT_TRUE(w.remove("job", first[1].id).ok);
  ASSERT_TRUE(w.commit().ok);
  auto again = r.cards(*db, 0, 3);
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[0].id, first[0].id);
  EXPECT_EQ(again[1].id, first[2].id);
}

}  // namespace
}  // namespace eric
