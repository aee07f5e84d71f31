// Offer details and the region-funded training sessions that lead to a trade (the Trait
// d'Union rule). Offers near a place are in store_job_results.cpp.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/core/base/geo.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/storage/store_internal.h"

namespace eric {

using namespace store_detail;

namespace {

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

bool trade_has_funded_training(Database& db, std::string_view trade_code, std::string_view today) {
  Statement s(db, "SELECT 1 FROM trade_funding WHERE trade_code = ?1 AND last_start >= ?2");
  s.bind(1, trade_code).bind(2, today);
  return s.step();
}

std::optional<JobDetail> job_detail(Database& db, std::string_view id, std::string_view today) {
  ReadTransaction read(db);
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
