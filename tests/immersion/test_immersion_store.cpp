// Immersion over a real SQLite file: offers near a point, seats left with this terminal's
// pending requests, one outbox item per form, and the purge of personal data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/domain/immersion.h"
#include "kiosk/core/storage/store.h"

namespace eric {
namespace {

namespace fs = std::filesystem;

constexpr double kSiteLat = 43.4053, kSiteLon = 5.0476;  // Martigues
constexpr const char* kToday = "2026-11-23";

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/eric-immersion-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

int64_t at(const char* when) {
  int64_t ms = 0;
  EXPECT_TRUE(Clock::parse_local(when, ms)) << when;
  return ms / 1000;
}

Employer employer(const char* id, const char* name, double lat, double lon, bool fit = false) {
  Employer e;
  e.id = id;
  e.name = name;
  e.commune = "13056";
  e.address = "1 rue du Port, 13500 Martigues";
  e.lat = lat;
  e.lon = lon;
  e.fit_for_disabled_workers = fit;
  return e;
}

ImmersionOffer offer(const char* id, const char* employer_id, const char* trade) {
  ImmersionOffer o;
  o.id = id;
  o.employer_id = employer_id;
  o.trade_code = trade;
  o.what_you_will_do = "Vous monterez des murs.";
  o.contact_mode = "phone";
  return o;
}

ImmersionSlot slot(const char* id, const char* offer_id, const char* start, int capacity,
                   int taken) {
  ImmersionSlot s;
  s.id = id;
  s.offer_id = offer_id;
  s.start = start;
  s.end = add_days(start, 4);
  s.days = 5;
  s.schedule_label = "du lundi au vendredi, 8 h - 16 h";
  s.capacity = capacity;
  s.taken = taken;
  return s;
}

// Three masons at 0.5, ~8 and ~60 km; a baker near; past and future slots.
Catalog small_catalog() {
  Catalog c;
  Commune m;
  m.insee = "13056";
  m.name = "Martigues";
  m.postal_codes = {"13500"};
  m.lat = kSiteLat;
  m.lon = kSiteLon;
  c.communes.push_back(m);
  c.trades.push_back(Trade{"F1703", "Maçonnerie", ""});
  c.trades.push_back(Trade{"D1102", "Boulangerie - viennoiserie", ""});
  c.employers.push_back(employer("e-near", "Maçonnerie du Port", 43.4080, 5.0500, true));
  c.employers.push_back(employer("e-mid", "Bâti Côte Bleue", 43.3300, 5.0800));
  c.employers.push_back(employer("e-far", "Pierres d'Aix", 43.5300, 5.4470));
  c.employers.push_back(employer("e-bread", "Boulangerie Ferrières", 43.4070, 5.0450));
  c.immersion_offers.push_back(offer("o-near", "e-near", "F1703"));
  c.immersion_offers.push_back(offer("o-mid", "e-mid", "F1703"));
  c.immersion_offers.push_back(offer("o-far", "e-far", "F1703"));
  c.immersion_offers.push_back(offer("o-bread", "e-bread", "D1102"));
  c.immersion_offers.push_back(offer("o-old", "e-mid", "F1703"));  // only a past slot
  c.immersion_slots.push_back(slot("s-near-1", "o-near", "2026-12-07", 2, 0));
  c.immersion_slots.push_back(slot("s-near-2", "o-near", "2026-12-14", 3, 1));
  c.immersion_slots.push_back(slot("s-mid-1", "o-mid", "2026-11-30", 1, 1));  // full
  c.immersion_slots.push_back(slot("s-mid-2", "o-mid", "2026-12-21", 2, 0));
  c.immersion_slots.push_back(slot("s-far-1", "o-far", "2026-12-07", 1, 0));
  c.immersion_slots.push_back(slot("s-bread-1", "o-bread", "2026-12-07", 1, 0));
  c.immersion_slots.push_back(slot("s-old-1", "o-old", "2026-11-02", 2, 0));
  return c;
}

std::unique_ptr<Database> store(const TempDir& dir) {
  Status st;
  auto db = open_store((dir.path / "cache.db").string(), st);
  EXPECT_TRUE(db) << st.message_fr;
  if (!db) return db;
  Status s = replace_catalog(*db, small_catalog(), "2026-11-23 08:00");
  EXPECT_TRUE(s.ok) << s.message_fr;
  return db;
}

ImmersionRequestInput request(const char* slot_id, const std::string& token) {
  ImmersionRequestInput in;
  in.form_token = token;
  in.slot_id = slot_id;
  in.objective = ImmersionObjective::discover;
  in.first_name = "Samia";
  in.phone = "06 12 34 56 78";
  in.message = "Bonjour, je voudrais découvrir votre métier.";
  in.consent_text = "J'accepte.";
  in.consent = true;
  in.site_id = "eric-martigues";
  return in;
}

int64_t count_items(Database& db) {
  Statement s(db, "SELECT count(*) FROM outbox");
  return s.step() ? s.col_int(0) : -1;
}

ImmersionQuery masons() {
  ImmersionQuery q;
  q.lat = kSiteLat;
  q.lon = kSiteLon;
  q.radius_km = 30;
  q.trade_codes = {"F1703"};
  q.today = kToday;
  return q;
}

TEST(ImmersionStore, OffersNearestFirstWithNextFreeSlot) {
  TempDir dir;
  auto db = store(dir);
  const auto cards = immersion_offers_near(*db, masons());
  ASSERT_EQ(cards.size(), 2u);  // the far one is out of the radius, the old one has no slot
  EXPECT_EQ(cards[0].offer_id, "o-near");
  EXPECT_EQ(cards[0].employer_name, "Maçonnerie du Port");
  EXPECT_EQ(cards[0].commune_name, "Martigues");
  EXPECT_EQ(cards[0].trade_label, "Maçonnerie");
  EXPECT_TRUE(cards[0].fit_for_disabled_workers);
  EXPECT_LT(cards[0].distance_km, 1.0);
  EXPECT_EQ(cards[0].next_slot_start, "2026-12-07");
  EXPECT_EQ(cards[0].seats_left, 2);
  EXPECT_EQ(cards[1].offer_id, "o-mid");
  EXPECT_FALSE(cards[1].fit_for_disabled_workers);
  // Its first slot is full: the card shows the next one with a seat.
  EXPECT_EQ(cards[1].next_slot_start, "2026-12-21");
  EXPECT_EQ(cards[1].seats_left, 2);

  ImmersionQuery wide = masons();
  wide.radius_km = 100;
  EXPECT_EQ(immersion_offers_near(*db, wide).size(), 3u);
  ImmersionQuery family;
  family.lat = kSiteLat;
  family.lon = kSiteLon;
  family.family = 'D';
  family.today = kToday;
  const auto bakers = immersion_offers_near(*db, family);
  ASSERT_EQ(bakers.size(), 1u);
  EXPECT_EQ(bakers[0].offer_id, "o-bread");
  ImmersionQuery any = masons();
  any.trade_codes.clear();
  EXPECT_EQ(immersion_offers_near(*db, any).size(), 3u);
}

TEST(ImmersionStore, OfferDetailListsFutureSlotsWithSeats) {
  TempDir dir;
  auto db = store(dir);
  auto d = immersion_offer_detail(*db, "o-mid", kToday, kSiteLat, kSiteLon);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->employer_name, "Bâti Côte Bleue");
  EXPECT_EQ(d->offer.welcome_address, "1 rue du Port, 13500 Martigues");  // from the employer
  ASSERT_EQ(d->slots.size(), 2u);
  EXPECT_EQ(d->slots[0].slot.id, "s-mid-1");
  EXPECT_EQ(d->slots[0].seats_left, 0);
  EXPECT_EQ(d->slots[1].seats_left, 2);
  EXPECT_FALSE(immersion_offer_detail(*db, "nope", kToday, kSiteLat, kSiteLon));
  auto old = immersion_offer_detail(*db, "o-old", kToday, kSiteLat, kSiteLon);
  ASSERT_TRUE(old);
  EXPECT_TRUE(old->slots.empty());
}

TEST(ImmersionStore, PendingRequestsTakeSeatsUntilAnswered) {
  TempDir dir;
  auto db = store(dir);
  const int64_t now = at("2026-11-23 10:00");
  auto first = submit_immersion_request(*db, request("s-near-1", "token-1"), now);
  ASSERT_TRUE(first.ok()) << first.status.message_fr;
  EXPECT_EQ(immersion_slot_info(*db, "s-near-1")->seats_left, 1);
  EXPECT_EQ(immersion_pending_for_slot(*db, "s-near-1"), 1);
  auto second = submit_immersion_request(*db, request("s-near-1", "token-2"), now + 60);
  ASSERT_TRUE(second.ok());
  // This terminal filled the slot: "Complet" here, even before the server knows.
  auto info = immersion_slot_info(*db, "s-near-1");
  EXPECT_EQ(info->pending, 2);
  EXPECT_EQ(info->seats_left, 0);
  auto cards = immersion_offers_near(*db, masons());
  EXPECT_EQ(cards[0].next_slot_start, "2026-12-14");  // the next slot with a seat
  EXPECT_EQ(cards[0].seats_left, 2);
  // A third request for the full slot is refused and writes nothing.
  auto third = submit_immersion_request(*db, request("s-near-1", "token-3"), now + 120);
  EXPECT_FALSE(third.ok());
  EXPECT_EQ(third.status.code, "slot_full");
  EXPECT_EQ(count_items(*db), 2);
  // Sending still holds the seat; an answer releases it (the server's count takes over).
  ASSERT_TRUE(outbox_mark(*db, first.value.outbox_id, OutboxState::sending, "", "", "", now).ok);
  EXPECT_EQ(immersion_slot_info(*db, "s-near-1")->seats_left, 0);
  ASSERT_TRUE(outbox_mark(*db, first.value.outbox_id, OutboxState::rejected, "", "slot_full", "",
                          now).ok);
  EXPECT_EQ(immersion_slot_info(*db, "s-near-1")->seats_left, 1);
  // Requests for other slots do not count.
  EXPECT_EQ(immersion_slot_info(*db, "s-near-2")->seats_left, 2);
}

TEST(ImmersionStore, WritesOneItemWithThePayload) {
  TempDir dir;
  auto db = store(dir);
  const int64_t now = at("2026-11-23 10:00");
  ASSERT_TRUE(setting_set(*db, "terminal_id", "term-7").ok);
  auto r = submit_immersion_request(*db, request("s-near-2", "tok"), now);
  ASSERT_TRUE(r.ok()) << r.status.message_fr;
  EXPECT_TRUE(is_request_code(r.value.code)) << r.value.code;
  EXPECT_FALSE(r.value.replay);
  auto item = outbox_get(*db, r.value.outbox_id);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->type, "immersion_request");
  EXPECT_EQ(item->state, OutboxState::pending);
  EXPECT_EQ(item->purge_after, now + 30 * 86400);
  const auto p = nlohmann::json::parse(item->payload_json);
  EXPECT_EQ(p["slot_id"], "s-near-2");
  EXPECT_EQ(p["offer_id"], "o-near");
  EXPECT_EQ(p["employer_id"], "e-near");
  EXPECT_EQ(p["objective"], "discover");
  EXPECT_EQ(p["first_name"], "Samia");
  EXPECT_EQ(p["phone"], "06 12 34 56 78");
  EXPECT_EQ(p["email"], "");
  EXPECT_EQ(p["code"], r.value.code);
  EXPECT_EQ(p["consent"]["text"], "J'accepte.");
  EXPECT_EQ(p["consent"]["at"], "2026-11-23 10:00:00");
  EXPECT_EQ(p["site_id"], "eric-martigues");
  EXPECT_EQ(p["terminal"], "term-7");
  auto receipt = immersion_receipt(*db, r.value.outbox_id);
  ASSERT_TRUE(receipt);
  EXPECT_EQ(receipt->code, r.value.code);
  EXPECT_EQ(receipt->offer_id, "o-near");

  // The retention comes from the settings.
  ASSERT_TRUE(setting_set(*db, "retention_days", "7").ok);
  auto r2 = submit_immersion_request(*db, request("s-near-2", "tok-2"), now);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(outbox_get(*db, r2.value.outbox_id)->purge_after, now + 7 * 86400);
}

TEST(ImmersionStore, SameFormTwiceMakesOneItem) {
  TempDir dir;
  auto db = store(dir);
  const int64_t now = at("2026-11-23 10:00");
  auto a = submit_immersion_request(*db, request("s-near-1", "form-A"), now);
  auto b = submit_immersion_request(*db, request("s-near-1", "form-A"), now + 1);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok()) << b.status.message_fr;
  EXPECT_EQ(a.value.outbox_id, b.value.outbox_id);
  EXPECT_EQ(a.value.code, b.value.code);
  EXPECT_TRUE(b.value.replay);
  EXPECT_EQ(count_items(*db), 1);
  EXPECT_EQ(immersion_slot_info(*db, "s-near-1")->seats_left, 1);
  // Even after the slot filled up, the same form gives back its request.
  auto other = submit_immersion_request(*db, request("s-near-1", "form-B"), now + 2);
  ASSERT_TRUE(other.ok());
  auto again = submit_immersion_request(*db, request("s-near-1", "form-A"), now + 3);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value.outbox_id, a.value.outbox_id);
  EXPECT_EQ(count_items(*db), 2);
  EXPECT_NE(a.value.code, other.value.code);
}

TEST(ImmersionStore, InvalidFormWritesNothing) {
  TempDir dir;
  auto db = store(dir);
  const int64_t now = at("2026-11-23 10:00");
  ImmersionRequestInput in = request("s-near-1", "t");
  in.phone = "06 12 34 56";
  EXPECT_EQ(submit_immersion_request(*db, in, now).status.code, "bad_input");
  in = request("s-near-1", "t");
  in.consent = false;
  EXPECT_EQ(submit_immersion_request(*db, in, now).status.code, "bad_input");
  in = request("nope", "t");
  EXPECT_EQ(submit_immersion_request(*db, in, now).status.code, "unknown_slot");
  EXPECT_EQ(count_items(*db), 0);
}

TEST(ImmersionStore, PurgeRemovesPersonalDataAfterRetention) {
  TempDir dir;
  auto db = store(dir);
  const int64_t now = at("2026-11-23 10:00");
  auto delivered = submit_immersion_request(*db, request("s-near-2", "t1"), now);
  auto undelivered = submit_immersion_request(*db, request("s-mid-2", "t2"), now);
  ASSERT_TRUE(delivered.ok() && undelivered.ok());
  ASSERT_TRUE(outbox_mark(*db, delivered.value.outbox_id, OutboxState::accepted, "IMM-000017",
                          "", "", now).ok);
  // Before the retention ends, nothing is touched.
  auto early = outbox_purge(*db, now + 29 * 86400);
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early.value, 0);
  EXPECT_NE(outbox_get(*db, delivered.value.outbox_id)->payload_json.find("Samia"),
            std::string::npos);
  // After it, the first name, the phone and the message are gone from both.
  auto late = outbox_purge(*db, now + 30 * 86400);
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late.value, 2);
  for (const auto& id : {delivered.value.outbox_id, undelivered.value.outbox_id}) {
    auto item = outbox_get(*db, id);
    ASSERT_TRUE(item);
    EXPECT_TRUE(item->purged);
    EXPECT_EQ(item->payload_json.find("Samia"), std::string::npos);
    EXPECT_EQ(item->payload_json.find("06 12"), std::string::npos);
  }
  EXPECT_EQ(outbox_get(*db, delivered.value.outbox_id)->state, OutboxState::accepted);
  EXPECT_EQ(outbox_get(*db, undelivered.value.outbox_id)->state, OutboxState::rejected);
  // A purged undelivered request no longer holds a seat.
  EXPECT_EQ(immersion_pending_for_slot(*db, "s-mid-2"), 0);
  // Nothing personal is left anywhere in the file's tables.
  Statement s(*db, "SELECT count(*) FROM outbox WHERE payload LIKE '%Samia%'");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.col_int(0), 0);
}

}  // namespace
}  // namespace eric
