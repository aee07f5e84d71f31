// Immersion queries: offers near a point, an offer's future slots, and seats left once this
// terminal's unanswered requests are counted (see immersion.h).
#include "kiosk/core/domain/immersion.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "kiosk/core/base/geo.h"
#include "kiosk/core/base/json_bounded.h"
#include "kiosk/core/domain/requests.h"

namespace eric {

namespace {

constexpr const char* kSlotColumns =
    "id, offer_id, start, \"end\", days, schedule_label, capacity, taken";

ImmersionSlot read_slot(const Statement& s) {
  ImmersionSlot slot;
  slot.id = s.col_text(0);
  slot.offer_id = s.col_text(1);
  slot.start = s.col_text(2);
  slot.end = s.col_text(3);
  slot.days = static_cast<int>(s.col_int(4));
  slot.schedule_label = s.col_text(5);
  slot.capacity = static_cast<int>(s.col_int(6));
  slot.taken = static_cast<int>(s.col_int(7));
  return slot;
}

ImmersionSlotInfo with_seats(ImmersionSlot slot, int pending) {
  ImmersionSlotInfo info;
  info.pending = pending;
  info.seats_left = std::max(0, slot.capacity - slot.taken - pending);
  info.slot = std::move(slot);
  return info;
}

// Requests this terminal has not had answered yet, per slot. The slot id lives in the
// payload; the outbox of one terminal is small, so reading it whole is cheap.
std::map<std::string, int, std::less<>> pending_by_slot(Database& db) {
  std::map<std::string, int, std::less<>> out;
  Statement s(db,
              "SELECT json_extract(payload, '$.slot_id'), count(*) FROM outbox "
              "WHERE type = 'immersion_request' AND state IN ('pending', 'sending') "
              "AND json_valid(payload) GROUP BY 1");
  while (s.step()) {
    if (s.is_null(0)) continue;
    out[s.col_text(0)] = static_cast<int>(s.col_int(1));
  }
  return out;
}

int pending_of(const std::map<std::string, int, std::less<>>& pending, std::string_view slot_id) {
  auto it = pending.find(slot_id);
  return it == pending.end() ? 0 : it->second;
}

}  // namespace

int immersion_pending_for_slot(Database& db, std::string_view slot_id) {
  Statement s(db,
              "SELECT count(*) FROM outbox WHERE type = 'immersion_request' "
              "AND state IN ('pending', 'sending') AND json_valid(payload) "
              "AND json_extract(payload, '$.slot_id') = ?1");
  s.bind(1, slot_id);
  return s.step() ? static_cast<int>(s.col_int(0)) : 0;
}

std::vector<ImmersionCard> immersion_offers_near(Database& db, const ImmersionQuery& q) {
  std::vector<ImmersionCard> cards;
  const GeoBox box = bounding_box(q.lat, q.lon, q.radius_km);
  const std::string family = q.family ? std::string(1, q.family) : std::string();
  const std::string trades = nlohmann::json(q.trade_codes).dump();
  Statement s(db,
              "SELECT o.id, o.employer_id, coalesce(e.name, ''), coalesce(c.name, ''), "
              "o.trade_code, coalesce(t.label, ''), e.lat, e.lon, "
              "(o.fit_for_disabled_workers OR e.fit_for_disabled_workers) "
              "FROM immersion_offers o JOIN employers e ON e.id = o.employer_id "
              "LEFT JOIN communes c ON c.insee = e.commune "
              "LEFT JOIN trades t ON t.code = o.trade_code "
              "WHERE e.lat BETWEEN ?1 AND ?2 AND e.lon BETWEEN ?3 AND ?4 "
              "AND (?5 = '' OR substr(o.trade_code, 1, 1) = ?5) "
              "AND (?6 = 0 OR o.trade_code IN (SELECT value FROM json_each(?7)))");
  s.bind(1, box.min_lat).bind(2, box.max_lat).bind(3, box.min_lon).bind(4, box.max_lon);
  s.bind(5, family).bind(6, static_cast<int64_t>(q.trade_codes.size())).bind(7, trades);
  while (s.step()) {
    ImmersionCard c;
    c.offer_id = s.col_text(0);
    c.employer_id = s.col_text(1);
    c.employer_name = s.col_text(2);
    c.commune_name = s.col_text(3);
    c.trade_code = s.col_text(4);
    c.trade_label = s.col_text(5);
    c.distance_km = haversine_km(q.lat, q.lon, s.col_double(6), s.col_double(7));
    c.fit_for_disabled_workers = s.col_int(8) != 0;
    if (c.distance_km <= q.radius_km) cards.push_back(std::move(c));
  }
  if (!s.ok()) return {};
  std::sort(cards.begin(), cards.end(), [](const ImmersionCard& a, const ImmersionCard& b) {
    if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
    return a.offer_id < b.offer_id;
  });

  // The next slot of each offer, nearest offers first, until the limit is reached.
  const auto pending = pending_by_slot(db);
  Statement slots(db, std::string("SELECT ") + kSlotColumns +
                          " FROM immersion_slots WHERE offer_id = ?1 AND start >= ?2 "
                          "ORDER BY start, id");
  std::vector<ImmersionCard> out;
  for (ImmersionCard& c : cards) {
    if (static_cast<int>(out.size()) >= q.limit) break;
    slots.reset();
    slots.bind(1, c.offer_id).bind(2, q.today);
    bool any = false;
    while (slots.step()) {
      const ImmersionSlotInfo info = with_seats(read_slot(slots), pending_of(pending, slots.col_view(0)));
      if (!any || info.seats_left > 0) {
        c.next_slot_start = info.slot.start;
        c.next_slot_id = info.slot.id;
        c.seats_left = info.seats_left;
      }
      any = true;
      if (info.seats_left > 0) break;
    }
    if (!slots.ok()) return {};
    if (any) out.push_back(std::move(c));
  }
  return out;
}

std::optional<ImmersionOfferDetail> immersion_offer_detail(Database& db, std::string_view offer_id,
                                                           std::string_view today, double lat,
                                                           double lon) {
  Statement s(db,
              "SELECT o.id, o.employer_id, o.trade_code, o.job_title_ogr, o.what_you_will_do, "
              "o.contact_mode, o.welcome_address, "
              "(o.fit_for_disabled_workers OR coalesce(e.fit_for_disabled_workers, 0)), "
              "o.max_requests_per_month, coalesce(e.name, ''), coalesce(c.name, ''), "
              "coalesce(t.label, ''), coalesce(e.lat, 0), coalesce(e.lon, 0), "
              "coalesce(e.address, '') "
              "FROM immersion_offers o LEFT JOIN employers e ON e.id = o.employer_id "
              "LEFT JOIN communes c ON c.insee = e.commune "
              "LEFT JOIN trades t ON t.code = o.trade_code WHERE o.id = ?1");
  s.bind(1, offer_id);
  if (!s.step()) return std::nullopt;
  ImmersionOfferDetail d;
  d.offer.id = s.col_text(0);
  d.offer.employer_id = s.col_text(1);
  d.offer.trade_code = s.col_text(2);
  d.offer.job_title_ogr = s.col_int(3);
  d.offer.what_you_will_do = s.col_text(4);
  d.offer.contact_mode = s.col_text(5);
  d.offer.welcome_address = s.col_text(6);
  d.offer.fit_for_disabled_workers = s.col_int(7) != 0;
  d.offer.max_requests_per_month = static_cast<int>(s.col_int(8));
  d.employer_name = s.col_text(9);
  d.commune_name = s.col_text(10);
  d.trade_label = s.col_text(11);
  d.lat = s.col_double(12);
  d.lon = s.col_double(13);
  // The offer's own address first; the employer's when the offer has none.
  if (d.offer.welcome_address.empty()) d.offer.welcome_address = s.col_text(14);
  d.distance_km = haversine_km(lat, lon, d.lat, d.lon);

  const auto pending = pending_by_slot(db);
  Statement slots(db, std::string("SELECT ") + kSlotColumns +
                          " FROM immersion_slots WHERE offer_id = ?1 AND start >= ?2 "
                          "ORDER BY start, id");
  slots.bind(1, offer_id).bind(2, today);
  while (slots.step())
    d.slots.push_back(with_seats(read_slot(slots), pending_of(pending, slots.col_view(0))));
  if (!slots.ok()) return std::nullopt;
  return d;
}

std::optional<ImmersionSlotInfo> immersion_slot_info(Database& db, std::string_view slot_id) {
  Statement s(db, std::string("SELECT ") + kSlotColumns + " FROM immersion_slots WHERE id = ?1");
  s.bind(1, slot_id);
  if (!s.step()) return std::nullopt;
  ImmersionSlot slot = read_slot(s);
  return with_seats(std::move(slot), immersion_pending_for_slot(db, slot_id));
}

std::vector<ImmersionRequestRow> immersion_requests_here(Database& db, int limit) {
  std::vector<ImmersionRequestRow> out;
  {
    Statement s(db,
                "SELECT id, created_at, state, reason, server_ref, purged, payload FROM outbox "
                "WHERE type = 'immersion_request' ORDER BY created_at DESC, rowid DESC LIMIT ?1");
    s.bind(1, limit);
    while (s.step()) {
      ImmersionRequestRow row;
      row.id = s.col_text(0);
      row.created_at = s.col_int(1);
      parse_outbox_state(s.col_view(2), row.state);
      row.reason = s.col_text(3);
      row.server_ref = s.col_text(4);
      row.purged = s.col_int(5) != 0;
      // Read through the protocol's field list; a purged payload ("{}") leaves them empty.
      ImmersionRequestPayload payload;
      if (read_request_payload(parse_bounded_json(s.col_view(6)), payload).ok) {
        row.slot_id = payload.slot_id;
        row.code = payload.code;
        row.first_name = payload.first_name;
        const std::string& phone = payload.phone;
        const std::string& email = payload.email;
        row.contact = phone.empty() ? email : (email.empty() ? phone : phone + " · " + email);
      }
      out.push_back(std::move(row));
    }
  }
  Statement slot(db,
                 "SELECT coalesce(e.name, ''), coalesce(t.label, ''), s.start "
                 "FROM immersion_slots s LEFT JOIN immersion_offers o ON o.id = s.offer_id "
                 "LEFT JOIN employers e ON e.id = o.employer_id "
                 "LEFT JOIN trades t ON t.code = o.trade_code WHERE s.id = ?1");
  for (ImmersionRequestRow& row : out) {
    if (row.slot_id.empty()) continue;
    slot.reset();
    slot.bind(1, row.slot_id);
    if (slot.step()) {
      row.employer_name = slot.col_text(0);
      row.trade_label = slot.col_text(1);
      row.slot_start = slot.col_text(2).substr(0, 10);
    }
  }
  return out;
}

}  // namespace eric
