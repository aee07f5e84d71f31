// Distances on the Earth (see geo.h).
#include "kiosk/core/base/geo.h"

#include <algorithm>
#include <cmath>

namespace eric {

double haversine_km(double lat1, double lon1, double lat2, double lon2) {
  const double p1 = lat1 * kDegToRad;
  const double p2 = lat2 * kDegToRad;
  const double dp = (lat2 - lat1) * kDegToRad;
  const double dl = (lon2 - lon1) * kDegToRad;
  const double a = std::sin(dp / 2) * std::sin(dp / 2) +
                   std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  const double c = 2 * std::atan2(std::sqrt(std::min(1.0, a)), std::sqrt(std::max(0.0, 1 - a)));
  return kEarthRadiusKm * c;
}

GeoBox bounding_box(double lat, double lon, double radius_km) {
  const double r = std::max(0.0, radius_km);
  const double dlat = r / kEarthRadiusKm / kDegToRad;
  GeoBox box;
  box.min_lat = std::max(-90.0, lat - dlat);
  box.max_lat = std::min(90.0, lat + dlat);
  if (box.min_lat <= -90.0 || box.max_lat >= 90.0) {
    box.min_lon = -180.0;
    box.max_lon = 180.0;
    return box;
  }
  // The widest longitude span of the circle (at the latitude where it is tangent to a meridian).
  const double ratio = std::sin(r / kEarthRadiusKm) / std::cos(lat * kDegToRad);
  if (ratio >= 1.0) {
    box.min_lon = -180.0;
    box.max_lon = 180.0;
    return box;
  }
  const double dlon = std::asin(ratio) / kDegToRad;
  box.min_lon = lon - dlon;
  box.max_lon = lon + dlon;
  // Crossing the antimeridian does not happen in France; widen rather than wrap.
  if (box.min_lon < -180.0 || box.max_lon > 180.0) {
    box.min_lon = -180.0;
    box.max_lon = 180.0;
  }
  return box;
}

}  // namespace eric
