// Distances on the Earth for "near me" lists: exact haversine and a search box for a radius.
#pragma once

#include <numbers>

namespace eric {

constexpr double kEarthRadiusKm = 6371.0088;  // mean radius (IUGG)
inline constexpr double kDegToRad = std::numbers::pi / 180.0;

// Great-circle distance in kilometres between two points in degrees.
double haversine_km(double lat1, double lon1, double lat2, double lon2);

struct GeoBox {
  double min_lat = 0, max_lat = 0, min_lon = 0, max_lon = 0;
};

// The smallest latitude/longitude box holding every point within radius_km of the centre
// (clamped at the poles; the whole longitude range when the circle reaches a pole).
// Used to read the candidates from jobs_geo (latitude bands) before the exact haversine.
GeoBox bounding_box(double lat, double lon, double radius_km);

}  // namespace eric
