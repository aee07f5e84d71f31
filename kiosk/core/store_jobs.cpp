// Offers near a place (latitude bands and a longitude range, exact haversine, filters), offer details, and the
// region-funded training sessions that lead to a trade (the Trait d'Union rule).
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/geo.h"
#include "kiosk/core/schema.h"
#include "kiosk/core/store.h"
#include "kiosk/core/store_internal.h"

namespace eric {

using namespace store_detail;

namespace {

struct Hit {
  double distance_km;
  int64_t rowid;
};

// Above this many latitude bands (a radius over ~500 km) whole bands are scanned instead of
// one longitude range per band.
constexpr int64_t kMaxBandSeeks = 200;

// Scans the offers matching q within its radius; `hits` gets every one (unsorted).
bool scan_jobs(Database& db, const JobQuery& q, std::vector<Hit>& hits) {
  // A centre off the globe finds nothing (NaN fails every comparison, so it is caught too).
  if (!(std::abs(q.lat) <= 90.0) || !(std::abs(q.lon) <= 180.0) || !std::isfinite(q.radius_km)) {
    return true;
  }
  const GeoBox box = bounding_box(q.lat, q.lon, q.radius_km);
  const int64_t band_lo = geo_band(box.min_lat), band_hi = geo_band(box.max_lat);
  const int64_t bands = band_hi - band_lo + 1;
  // One seek per latitude band, then a longitude range in it: the rows read are those of
  // the box (plus at most a band's edge), all from one covering B-tree.
  std::string sql = "SELECT g.job_rowid, g.lat, g.lon FROM jobs_geo g WHERE ";
  int next = 1;
  if (bands <= kMaxBandSeeks) {
    sql += "g.band IN (";
    for (int64_t i = 0; i < bands; ++i) sql += (i ? ",?" : "?") + std::to_string(next++);
    sql += ")";
  } else {
    sql += "g.band BETWEEN ?1 AND ?2";
    next = 3;
  }
  const int lon_idx = next;
  next += 2;
  sql += " AND g.lon BETWEEN ?" + std::to_string(lon_idx) + " AND ?" + std::to_string(lon_idx + 1);
  const int today_idx = next++;
  if (!q.today.empty()) {
    sql += " AND (g.expires_at = '' OR g.expires_at >= ?" + std::to_string(today_idx) + ")";
  }
  const int trades_idx = next;
  if (!q.trade_codes.empty()) {
    sql += " AND g.trade_code IN (";
    for (size_t i = 0; i < q.trade_codes.size(); ++i) {
      sql += (i ? ",?" : "?") + std::to_string(next++);
    }
    sql += ")";
  }
  const int family_idx = next++;
  if (q.family) sql += " AND substr(g.trade_code, 1, 1) = ?" + std::to_string(family_idx);
  const int contracts_idx = next;
  if (!q.contract_types.empty()) {
    sql += " AND g.contract_type IN (";
    for (size_t i = 0; i < q.contract_types.size(); ++i) {
      sql += (i ? ",?" : "?") + std::to_string(next++);
    }
    sql += ")";
  }
  if (q.only_with_funded_training) {
    sql += " AND g.trade_code IN (SELECT trade_code FROM trade_funding WHERE last_start >= ?" +
           std::to_string(today_idx) + ")";
  }
  const int words_idx = next;
  std::string expr;
  if (!q.words.empty()) {
    expr = fts_match_expression(q.words, "title extra");
    if (expr.empty()) return true;  // only punctuation typed: nothing can match
    next += 3;
    sql += " AND g.job_rowid + " + std::to_string(search_rowid(SearchKind::job, 0)) +
           " IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?" +
           std::to_string(words_idx) + " AND rowid >= ?" + std::to_string(words_idx + 1) +
           " AND rowid < ?" + std::to_string(words_idx + 2) + ")";
  }

  Statement s(db, sql);
  if (bands <= kMaxBandSeeks) {
    for (int64_t i = 0; i < bands; ++i) s.bind(1 + static_cast<int>(i), band_lo + i);
  } else {
    s.bind(1, band_lo).bind(2, band_hi);
  }
  s.bind(lon_idx, box.min_lon).bind(lon_idx + 1, box.max_lon);
  if (!q.today.empty() || q.only_with_funded_training) s.bind(today_idx, q.today);
  for (size_t i = 0; i < q.trade_codes.size(); ++i) {
    s.bind(trades_idx + static_cast<int>(i), q.trade_codes[i]);
  }
  if (q.family) s.bind(family_idx, std::string(1, q.family));
  for (size_t i = 0; i < q.contract_types.size(); ++i) {
    s.bind(contracts_idx + static_cast<int>(i), q.contract_types[i]);
  }
  if (!expr.empty()) {
    s.bind(words_idx, expr)
        .bind(words_idx + 1, search_rowid(SearchKind::job, 0))
        .bind(words_idx + 2, search_rowid(SearchKind::job, 0) + (int64_t{1} << kSearchKindShift));
  }
  while (s.step()) {
    const double d = haversine_km(q.lat, q.lon, s.col_double(1), s.col_double(2));
    if (d <= q.radius_km) hits.push_back({d, s.col_int(0)});
  }
  return s.ok();
}

std::set<std::string> funded_trades(Database& db, std::string_view today) {
  std::set<std::string> out;
  Statement s(db, "SELECT trade_code FROM trade_funding WHERE last_start >= ?1");
  s.bind(1, today);
  while (s.step()) out.insert(s.col_text(0));
  return out;
}

std::vector<JobCard> cards_for(Database& db, const std::vector<Hit>& hits, size_t from,
                               size_t to, std::string_view today) {
  std::vector<JobCard> out;
  if (from >= to) return out;
  const std::set<std::string> funded = funded_trades(db, today);
  Statement s(db,
              "SELECT j.id, j.title, j.trade_code, coalesce(nullif(j.employer_name, ''), e.name, ''),"
              " coalesce(c.name, j.place_label, ''), j.contract_type, j.contract_duration_months,"
              " j.work_time_label FROM jobs j LEFT JOIN employers e ON e.id = j.employer_id"
              " LEFT JOIN communes c ON c.insee = j.commune WHERE j.rowid = ?1");
  for (size_t i = from; i < to; ++i) {
    s.bind(1, hits[i].rowid);
    if (s.step()) {
      JobCard c;
      c.id = s.col_text(0);
      c.title = s.col_text(1);
      c.trade_code = s.col_text(2);
      c.employer_name = s.col_text(3);
      c.commune_name = s.col_text(4);
      c.contract_type = s.col_text(5);
      c.contract_duration_months = static_cast<int>(s.col_int(6));
      c.work_time_label = s.col_text(7);
      c.distance_km = hits[i].distance_km;
      c.has_funded_training = funded.count(c.trade_code) > 0;
      out.push_back(std::move(c));
    }
    s.reset();
  }
  return out;
}

bool nearer(const Hit& a, const Hit& b) {
  if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
  return a.rowid < b.rowid;
}

std::vector<SessionCard> session_cards(Database& db, const std::string& where,
                                       std::string_view key, double lat, double lon,
                                       std::string_view today) {
  std::vector<SessionCard> out;
  Statement s(db, std::string("SELECT ") + kSessionColumns +
                      ", t.title, t.organisation, t.hours_total, coalesce(c.name, '') "
                      "FROM training_sessions s JOIN trainings t ON t.id = s.training_id "
                      "LEFT JOIN communes c ON c.insee = s.commune WHERE s.start >= ?2 AND " +
                      where);
  s.bind(1, key).bind(2, today);
  while (s.step()) {
    SessionCard card;
    card.session = read_session(s, 0);
    card.training_title = s.col_text(10);
    card.organisation = s.col_text(11);
    card.hours_total = static_cast<int>(s.col_int(12));
    card.commune_name = s.col_text(13);
    card.distance_km = haversine_km(lat, lon, card.session.lat, card.session.lon);
    out.push_back(std::move(card));
  }
  std::sort(out.begin(), out.end(), [](const SessionCard& a, const SessionCard& b) {
    if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
    if (a.session.start != b.session.start) return a.session.start < b.session.start;
    return a.session.id < b.session.id;
  });
  return out;
}

}  // namespace

JobPage jobs_page(Database& db, const JobQuery& q) {
  JobPage page;
  std::vector<Hit> hits;
  if (!scan_jobs(db, q, hits)) return page;
  page.total = static_cast<int64_t>(hits.size());
  const size_t from = static_cast<size_t>(std::max(0, q.offset));
  const size_t to = std::min(hits.size(), from + static_cast<size_t>(std::max(0, q.limit)));
  if (from >= to) return page;
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(to), hits.end(), nearer);
  page.cards = cards_for(db, hits, from, to, q.today);
  return page;
}

std::vector<JobCard> jobs_near(Database& db, const JobQuery& q) { return jobs_page(db, q).cards; }

int64_t count_jobs_near(Database& db, const JobQuery& q) {
  std::vector<Hit> hits;
  if (!scan_jobs(db, q, hits)) return 0;
  return static_cast<int64_t>(hits.size());
}

bool trade_has_funded_training(Database& db, std::string_view trade_code, std::string_view today) {
  Statement s(db, "SELECT 1 FROM trade_funding WHERE trade_code = ?1 AND last_start >= ?2");
  s.bind(1, trade_code).bind(2, today);
  return s.step();
}

std::optional<JobDetail> job_detail(Database& db, std::string_view id, std::string_view today) {
  Statement s(db, std::string("SELECT ") + kJobColumns +
                      ", coalesce(c.name, ''), coalesce(t.label, '') FROM jobs j "
                      "LEFT JOIN communes c ON c.insee = j.commune "
                      "LEFT JOIN trades t ON t.code = j.trade_code WHERE j.id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  JobDetail d;
  d.job = read_job(s, 0);
  d.commune_name = s.col_text(23);
  d.trade_label = s.col_text(24);
  if (!d.job.employer_id.empty()) {
    Statement e(db, std::string("SELECT ") + kEmployerColumns + " FROM employers e WHERE e.id = ?1");
    e.bind(1, d.job.employer_id);
    if (e.step()) d.employer = read_employer(e, 0);
  }
  if (!today.empty()) d.has_funded_training = trade_has_funded_training(db, d.job.trade_code, today);
  return d;
}

std::vector<SessionCard> funded_sessions_for_trade(Database& db, std::string_view trade_code,
                                                   double lat, double lon, std::string_view today,
                                                   int offset, int limit) {
  std::vector<SessionCard> all = session_cards(
      db,
      "t.region_funded = 1 AND t.id IN (SELECT training_id FROM training_trades "
      "WHERE trade_code = ?1)",
      trade_code, lat, lon, today);
  const size_t from = static_cast<size_t>(std::max(0, offset));
  const size_t to = std::min(all.size(), from + static_cast<size_t>(std::max(0, limit)));
  if (from >= to) return {};
  return std::vector<SessionCard>(std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(from)),
                                  std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(to)));
}

std::vector<SessionCard> sessions_of_training(Database& db, std::string_view training_id,
                                              double lat, double lon, std::string_view today) {
  return session_cards(db, "s.training_id = ?1", training_id, lat, lon, today);
}

std::optional<TrainingDetail> training_detail(Database& db, std::string_view id) {
  Statement s(db,
              "SELECT id, title, entry_level, exit_level, rncp, certifinfo, organisation, "
              "organisation_siret, region_funded, hours_total, description FROM trainings "
              "WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  TrainingDetail d;
  Training& t = d.training;
  t.id = s.col_text(0);
  t.title = s.col_text(1);
  t.entry_level = s.col_text(2);
  t.exit_level = s.col_text(3);
  t.rncp = s.col_text(4);
  t.certifinfo = s.col_text(5);
  t.organisation = s.col_text(6);
  t.organisation_siret = s.col_text(7);
  t.region_funded = s.col_int(8) != 0;
  t.hours_total = static_cast<int>(s.col_int(9));
  t.description = s.col_text(10);
  Statement tt(db,
               "SELECT tt.trade_code, r.label, r.description FROM training_trades tt "
               "LEFT JOIN trades r ON r.code = tt.trade_code WHERE tt.training_id = ?1 "
               "ORDER BY tt.position");
  tt.bind(1, id);
  while (tt.step()) {
    t.trade_codes.push_back(tt.col_text(0));
    if (!tt.is_null(1)) d.trades.push_back(Trade{tt.col_text(0), tt.col_text(1), tt.col_text(2)});
  }
  return d;
}

}  // namespace eric
