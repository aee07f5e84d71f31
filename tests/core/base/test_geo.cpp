// Tests of distances and search boxes.
#include <gtest/gtest.h>

#include <cmath>

#include "kiosk/core/base/geo.h"

namespace eric {
namespace {

TEST(Geo, HaversineKnownDistances) {
  // Marseille - Martigues: about 28.7 km as the crow flies.
  EXPECT_NEAR(haversine_km(43.2965, 5.3698, 43.4045, 5.0477), 28.7, 0.3);
  // Paris - Marseille: about 661 km.
  EXPECT_NEAR(haversine_km(48.8566, 2.3522, 43.2965, 5.3698), 661, 3);
  EXPECT_DOUBLE_EQ(haversine_km(43.0, 5.0, 43.0, 5.0), 0.0);
  // One degree of latitude.
  EXPECT_NEAR(haversine_km(0, 0, 1, 0), 111.195, 0.01);
  EXPECT_NEAR(haversine_km(10, 20, 30, 40), haversine_km(30, 40, 10, 20), 1e-9);
}

TEST(Geo, BoundingBoxHoldsTheWholeCircle) {
  const double lat = 43.4, lon = 5.05, r = 30;
  GeoBox b = bounding_box(lat, lon, r);
  EXPECT_LT(b.min_lat, lat);
  EXPECT_GT(b.max_lat, lat);
  EXPECT_NEAR(haversine_km(lat, lon, b.max_lat, lon), r, 0.01);
  EXPECT_NEAR(haversine_km(lat, lon, b.min_lat, lon), r, 0.01);
  // Points on the circle in every direction fall inside the box.
  for (int deg = 0; deg < 360; deg += 5) {
    for (double step = 0; step < 1.0; step += 0.0005) {
      const double plat = lat + step * std::cos(deg * 3.14159265 / 180);
      const double plon = lon + step * std::sin(deg * 3.14159265 / 180) * 1.4;
      if (haversine_km(lat, lon, plat, plon) <= r) {
        EXPECT_GE(plat, b.min_lat);
        EXPECT_LE(plat, b.max_lat);
        EXPECT_GE(plon, b.min_lon);
        EXPECT_LE(plon, b.max_lon);
      }
    }
  }
  // And it is not much bigger than needed.
  EXPECT_LT(b.max_lon - b.min_lon, 2 * r / (111.195 * std::cos(lat * 3.14159265 / 180)) * 1.01);
}

TEST(Geo, BoundingBoxAtThePoleAndZeroRadius) {
  GeoBox b = bounding_box(89.9, 0, 50);
  EXPECT_DOUBLE_EQ(b.min_lon, -180);
  EXPECT_DOUBLE_EQ(b.max_lon, 180);
  EXPECT_DOUBLE_EQ(b.max_lat, 90);
  GeoBox z = bounding_box(43, 5, 0);
  EXPECT_DOUBLE_EQ(z.min_lat, 43);
  EXPECT_DOUBLE_EQ(z.max_lon, 5);
  GeoBox n = bounding_box(43, 5, -3);  // a negative radius is an empty circle
  EXPECT_DOUBLE_EQ(n.min_lat, 43);
}

}  // namespace
}  // namespace eric
