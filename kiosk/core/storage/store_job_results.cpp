// Offers near a place for a paged list (see JobResults in store.h): the circle cut into
// per-band longitude ranges, counted without reading the rows well inside, ordered outwards.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>
#include <numbers>

#include "kiosk/core/base/geo.h"
#include "kiosk/core/storage/schema.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/storage/store_internal.h"

namespace eric {

using namespace store_detail;

namespace {

// Above this many latitude bands (a radius over ~650 km) the circle is not cut per band: whole
// bands are read and every row measured.
constexpr int64_t kMaxBands = 120;
// Longitudes (degrees, ~1 cm) kept between "surely inside" and the circle, so that rounding
// never counts an offer the exact haversine would put just outside.
constexpr double kInnerMargin = 1e-7;
// The first disc of the order aims at this many offers (a few screens of cards).
constexpr size_t kFirstDiscOffers = 64;

// One longitude range of one latitude band.
struct Range {
  int64_t band;
  double lo, hi;
};

// A disc around the centre as index ranges: `inner` holds only points inside it, `rim` the
// rest of its bounding ranges (rows there are measured). `broad`: read whole bands instead.
struct Cover {
  bool broad = false;
  int64_t band_lo = 0, band_hi = 0;
  double min_lon = 0, max_lon = 0;
  std::vector<Range> inner, rim;
};

// Half the longitude span (degrees) of the circle at latitude lat_deg: -1 when the circle
// does not reach that latitude, 180 when it covers the whole parallel.
double half_span(double h, double lat0, double lat_deg) {
  const double dp = std::sin((lat_deg - lat0) * kDegToRad / 2);
  const double s = h - dp * dp;
  if (s < 0) return -1;
  const double denom = std::cos(lat0 * kDegToRad) * std::cos(lat_deg * kDegToRad);
  if (denom <= 0) return 180;
  const double x = s / denom;
  if (x >= 1) return 180;
  return 2 * std::asin(std::sqrt(x)) / kDegToRad;
}

// The ranges of the disc of radius_km around (lat, lon). Latitude band b holds the points
// with b/20 <= lat < (b+1)/20; within a band the circle's span is widest at the latitude
// nearest the circle's widest parallel and narrowest at one of the band's edges.
Cover cover_disc(double lat, double lon, double radius_km, bool with_inner) {
  Cover c;
  const GeoBox box = bounding_box(lat, lon, radius_km);
  c.band_lo = geo_band(box.min_lat);
  c.band_hi = geo_band(box.max_lat);
  c.min_lon = box.min_lon;
  c.max_lon = box.max_lon;
  const double angle = std::max(0.0, radius_km) / kEarthRadiusKm;
  if (box.min_lon <= -180.0 || box.max_lon >= 180.0 || angle >= std::numbers::pi / 2 ||
      c.band_hi - c.band_lo + 1 > kMaxBands) {
    c.broad = true;
    return c;
  }
  const double sh = std::sin(angle / 2);
  const double h = sh * sh;
  const double widest =
      std::asin(std::clamp(std::sin(lat * kDegToRad) / std::cos(angle), -1.0, 1.0)) / kDegToRad;
  for (int64_t b = c.band_lo; b <= c.band_hi; ++b) {
    const double edge_lo = static_cast<double>(b) / kGeoBandsPerDegree;
    const double edge_hi = static_cast<double>(b + 1) / kGeoBandsPerDegree;
    const double a = std::max(edge_lo, box.min_lat), z = std::min(edge_hi, box.max_lat);
    const double outer = std::max({half_span(h, lat, a), half_span(h, lat, z),
                                   half_span(h, lat, std::clamp(widest, a, z))});
    if (outer < 0) continue;
    const double o = std::min(outer + kInnerMargin, 180.0);
    double i = -1;
    if (with_inner && edge_lo >= box.min_lat && edge_hi <= box.max_lat) {
      i = std::min(half_span(h, lat, edge_lo), half_span(h, lat, edge_hi)) - kInnerMargin;
    }
    if (i <= 0) {
      c.rim.push_back({b, lon - o, lon + o});
      continue;
    }
    // The rim's pieces stop one representable longitude short of the inner range, so that a
    // row on the boundary is counted once.
    c.inner.push_back({b, lon - i, lon + i});
    c.rim.push_back({b, lon - o, std::nextafter(lon - i, -1e9)});
    c.rim.push_back({b, std::nextafter(lon + i, 1e9), lon + o});
  }
  return c;
}

// The WHERE conditions of a query beyond the place, numbered from ?1, and their binds.
class FilterSql {
 public:
  FilterSql(const JobQuery& q, const std::string& words_expr) : q_(q), expr_(words_expr) {
    int next = 1;
    today_ = next++;
    if (!q.today.empty()) sql_ += " AND (g.expires_at >= ?1 OR g.expires_at = '')";
    trades_ = next;
    if (!q.trade_codes.empty()) sql_ += " AND g.trade_code IN (" + list(next, q.trade_codes.size()) + ")";
    family_ = next++;
    if (q.family) sql_ += " AND substr(g.trade_code, 1, 1) = ?" + std::to_string(family_);
    contracts_ = next;
    if (!q.contract_types.empty()) {
      sql_ += " AND g.contract_type IN (" + list(next, q.contract_types.size()) + ")";
    }
    if (q.only_with_funded_training) {
      sql_ += " AND g.trade_code IN (SELECT trade_code FROM trade_funding WHERE last_start >= ?1)";
    }
    words_ = next;
    next += 3;
    if (!expr_.empty()) {
      sql_ += " AND g.job_rowid + " + std::to_string(search_rowid(SearchKind::job, 0)) +
              " IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?" +
              std::to_string(words_) + " AND rowid >= ?" + std::to_string(words_ + 1) +
              " AND rowid < ?" + std::to_string(words_ + 2) + ")";
    }
    first_free_ = next;
  }
  const std::string& sql() const { return sql_; }
  int first_free() const { return first_free_; }

  void bind(Statement& s) const {
    if (!q_.today.empty() || q_.only_with_funded_training) s.bind(today_, q_.today);
    for (size_t i = 0; i < q_.trade_codes.size(); ++i) {
      s.bind(trades_ + static_cast<int>(i), q_.trade_codes[i]);
    }
    if (q_.family) s.bind(family_, std::string(1, q_.family));
    for (size_t i = 0; i < q_.contract_types.size(); ++i) {
      s.bind(contracts_ + static_cast<int>(i), q_.contract_types[i]);
    }
    if (!expr_.empty()) {
      const int64_t first = search_rowid(SearchKind::job, 0);
      s.bind(words_, expr_).bind(words_ + 1, first).bind(words_ + 2,
                                                          first + (int64_t{1} << kSearchKindShift));
    }
  }

 private:
  static std::string list(int& next, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += (i ? ",?" : "?") + std::to_string(next++);
    return out;
  }
  const JobQuery& q_;
  const std::string& expr_;
  std::string sql_;
  int today_ = 0, trades_ = 0, family_ = 0, contracts_ = 0, words_ = 0, first_free_ = 0;
};

// A statement over a list of ranges (one index seek each, in one statement so that the
// filters' subqueries run once), or over whole bands for a broad cover.
Statement ranges_statement(Database& db, const FilterSql& f, const char* columns,
                           const std::vector<Range>& ranges, const Cover* broad) {
  std::string sql;
  int p = f.first_free();
  if (broad) {
    sql = std::string("SELECT ") + columns + " FROM jobs_geo g WHERE g.band BETWEEN ?" +
          std::to_string(p) + " AND ?" + std::to_string(p + 1) + " AND g.lon BETWEEN ?" +
          std::to_string(p + 2) + " AND ?" + std::to_string(p + 3);
  } else {
    sql = "WITH r(band, lo, hi) AS (VALUES ";
    for (size_t i = 0; i < ranges.size(); ++i, p += 3) {
      sql += (i ? ",(?" : "(?") + std::to_string(p) + ",?" + std::to_string(p + 1) + ",?" +
             std::to_string(p + 2) + ")";
    }
    sql += std::string(") SELECT ") + columns +
           " FROM r CROSS JOIN jobs_geo g ON g.band = r.band AND g.lon BETWEEN r.lo AND r.hi"
           " WHERE 1";
  }
  sql += f.sql();
  Statement s(db, sql);
  f.bind(s);
  p = f.first_free();
  if (broad) {
    s.bind(p, broad->band_lo).bind(p + 1, broad->band_hi).bind(p + 2, broad->min_lon)
        .bind(p + 3, broad->max_lon);
  } else {
    for (const Range& r : ranges) {
      s.bind(p, r.band).bind(p + 1, r.lo).bind(p + 2, r.hi);
      p += 3;
    }
  }
  return s;
}

// Distances from one centre; offers often share a position (an employer's, a town's) and
// come in index order, so the last position's distance is kept.
class NearestTo {
 public:
  NearestTo(double lat, double lon) : lat_(lat), lon_(lon) {}
  double km(double lat, double lon) {
    if (lat != last_lat_ || lon != last_lon_) {
      last_lat_ = lat;
      last_lon_ = lon;
      last_km_ = haversine_km(lat_, lon_, lat, lon);
    }
    return last_km_;
  }

 private:
  double lat_, lon_;
  double last_lat_ = std::nan(""), last_lon_ = std::nan(""), last_km_ = 0;
};

}  // namespace

JobResults open_jobs(Database& db, const JobQuery& q) {
  JobResults r;
  r.query_ = q;
  // A centre off the globe finds nothing (NaN fails every comparison, so it is caught too).
  if (!(std::abs(q.lat) <= 90.0) || !(std::abs(q.lon) <= 180.0) || !std::isfinite(q.radius_km) ||
      q.radius_km < 0) {
    return r;
  }
  if (!q.words.empty()) {
    r.words_expr_ = fts_match_expression(q.words, "title extra");
    if (r.words_expr_.empty()) return r;  // only punctuation typed: nothing can match
  }
  r.valid_ = true;
  ReadTransaction read(db);  // the count and the rim in one snapshot
  const Cover cover = cover_disc(q.lat, q.lon, q.radius_km, true);
  if (cover.broad) {
    // Every row of the bands is measured anyway: read them all now.
    if (!r.read_disc(db, q.radius_km)) return JobResults();
    r.total_ = r.read();
    return r;
  }
  const FilterSql f(q, r.words_expr_);
  if (!cover.inner.empty()) {
    Statement s = ranges_statement(db, f, "count(*)", cover.inner, nullptr);
    if (!s.step()) return JobResults();
    r.total_ = s.col_int(0);
  }
  if (!cover.rim.empty()) {
    Statement s = ranges_statement(db, f, "g.lat, g.lon", cover.rim, nullptr);
    NearestTo from(q.lat, q.lon);
    while (s.step()) {
      if (from.km(s.col_double(0), s.col_double(1)) <= q.radius_km) ++r.total_;
    }
    if (!s.ok()) return JobResults();
  }
  return r;
}

bool JobResults::read_disc(Database& db, double rho) {
  const Cover cover = cover_disc(query_.lat, query_.lon, rho, false);
  std::vector<Hit> hits;
  if (!cover.broad && cover.rim.empty()) {  // no band reaches the disc (cannot happen, but cheap)
    hits_.clear();
    sorted_ = 0;
    covered_km_ = rho;
    return true;
  }
  const FilterSql f(query_, words_expr_);
  Statement s = ranges_statement(db, f, "g.job_rowid, g.lat, g.lon", cover.rim,
                                 cover.broad ? &cover : nullptr);
  hits.reserve(hits_.size() * 2 + kFirstDiscOffers);
  NearestTo from(query_.lat, query_.lon);
  while (s.step()) {
    const double d = from.km(s.col_double(1), s.col_double(2));
    if (d <= rho) hits.push_back({d, s.col_int(0)});
  }
  if (!s.ok()) {
    valid_ = false;
    return false;
  }
  hits_ = std::move(hits);
  sorted_ = 0;
  covered_km_ = rho;
  return true;
}

bool JobResults::order_up_to(Database& db, size_t n) {
  const double radius = query_.radius_km;
  const double want = static_cast<double>(std::max(n * 2, kFirstDiscOffers));
  while (valid_ && hits_.size() < n && covered_km_ < radius) {
    // Offers crowd around town centres: the first disc is small, and each next one grows by
    // what the last one held (twice the radius at least).
    double rho = radius;
    if (covered_km_ < 0) {
      if (total_ > 0) rho = radius * std::sqrt(want / static_cast<double>(total_)) / 8;
      rho = std::max(rho, radius / 1000);
    } else {
      const double had = static_cast<double>(std::max<size_t>(hits_.size(), 1));
      rho = covered_km_ * std::clamp(1.5 * std::sqrt(want / had), 2.0, 8.0);
    }
    if (rho >= radius * 0.7) rho = radius;
    if (!read_disc(db, rho)) return false;
  }
  // The whole circle read: its count is the truth (the catalog may have changed since open).
  if (valid_ && covered_km_ >= radius) total_ = static_cast<int64_t>(hits_.size());
  // Sorted only as far as asked (and a few pages more): a crowded disc is not sorted whole.
  const size_t upto = std::min(hits_.size(), n + kFirstDiscOffers);
  if (valid_ && sorted_ < std::min(n, hits_.size())) {
    auto nearer = [](const Hit& a, const Hit& b) {
      if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
      return a.rowid < b.rowid;  // equal distances in catalog order
    };
    const auto first = hits_.begin() + static_cast<std::ptrdiff_t>(sorted_);
    const auto last = hits_.begin() + static_cast<std::ptrdiff_t>(upto);
    std::nth_element(first, last - 1, hits_.end(), nearer);
    std::sort(first, last, nearer);
    sorted_ = upto;
  }
  return valid_;
}

std::vector<JobCard> JobResults::cards(Database& db, int offset, int limit) {
  std::vector<JobCard> out;
  if (!valid_ || limit <= 0 || total_ <= 0) return out;
  ReadTransaction read(db);  // one lock for the page's lookups, not one each
  const size_t from = static_cast<size_t>(std::max(0, offset));
  // Never more than the count asks for: the list's last page does not read the whole circle.
  const size_t want = std::min(from + static_cast<size_t>(limit), static_cast<size_t>(total_));
  if (!order_up_to(db, want)) return out;
  const size_t to = std::min(sorted_, from + static_cast<size_t>(limit));
  if (from >= to) return out;
  if (!funded_loaded_) {
    funded_loaded_ = true;
    Statement s(db, "SELECT trade_code FROM trade_funding WHERE last_start >= ?1 ORDER BY 1");
    s.bind(1, query_.today);
    while (s.step()) funded_.push_back(s.col_text(0));
  }
  Statement s(db,
              "SELECT j.id, j.title, j.trade_code, coalesce(nullif(j.employer_name, ''), e.name, ''),"
              " coalesce(c.name, j.place_label, ''), j.contract_type, j.contract_duration_months,"
              " j.work_time_label FROM jobs j LEFT JOIN employers e ON e.id = j.employer_id"
              " LEFT JOIN communes c ON c.insee = j.commune WHERE j.rowid = ?1");
  for (size_t i = from; i < to; ++i) {
    s.bind(1, hits_[i].rowid);
    if (s.step()) {  // an offer removed since the order was made is left out
      JobCard c;
      c.id = s.col_text(0);
      c.title = s.col_text(1);
      c.trade_code = s.col_text(2);
      c.employer_name = s.col_text(3);
      c.commune_name = s.col_text(4);
      c.contract_type = s.col_text(5);
      c.contract_duration_months = static_cast<int>(s.col_int(6));
      c.work_time_label = s.col_text(7);
      c.distance_km = hits_[i].distance_km;
      c.has_funded_training = std::binary_search(funded_.begin(), funded_.end(), c.trade_code);
      out.push_back(std::move(c));
    }
    s.reset();
  }
  return out;
}

JobPage jobs_page(Database& db, const JobQuery& q) {
  JobResults r = open_jobs(db, q);
  JobPage page;
  page.cards = r.cards(db, q.offset, q.limit);
  page.total = r.total();
  return page;
}

std::vector<JobCard> jobs_near(Database& db, const JobQuery& q) {
  JobResults r = open_jobs(db, q);
  return r.cards(db, q.offset, q.limit);
}

int64_t count_jobs_near(Database& db, const JobQuery& q) { return open_jobs(db, q).total(); }

}  // namespace eric
