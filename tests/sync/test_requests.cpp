// The outbox requests' shared shape, the bound on JSON nesting, and the server's migrations:
// in-process, no network.
#include <gtest/gtest.h>

#include <limits>

#include "kiosk/core/base/json_bounded.h"
#include "kiosk/core/domain/requests.h"
#include "sync/protocol.h"
#include "sync/server/server_schema.h"
#include "sync/server/server_store.h"
#include "sync/server/server_support.h"
#include "tests/support/test_util.h"

namespace eric::test {
namespace {

using nlohmann::json;

ImmersionRequestPayload sample_immersion() {
  ImmersionRequestPayload p;
  p.form_token = "ft-1";
  p.code = "IM-7K2P";
  p.slot_id = "slot-1";
  p.offer_id = "offer-1";
  p.employer_id = "emp-1";
  p.objective = "discover";
  p.first_name = "Inès";
  p.phone = "0612345678";
  p.email = "ines@example.org";
  p.message = "Je suis disponible le matin.";
  p.consent = {"J'accepte…", "v2", "2027-11-22 14:05:10"};
  p.site_id = "eric-martigues";
  p.terminal = "t-1";
  return p;
}

// Written by the terminal's writer, read by the server's reader: every field comes back.
template <class P> P round_trip(const P& written) {
  P read;
  const json j = json::parse(request_payload_json(written));
  Status s = read_request_payload(j, read);
  EXPECT_TRUE(s.ok) << s.message_fr;
  return read;
}

TEST(RequestPayloads, EveryTypeIsReadBackFieldForField) {
  const ImmersionRequestPayload imm = sample_immersion();
  const ImmersionRequestPayload imm2 = round_trip(imm);
  EXPECT_EQ(imm2.form_token, imm.form_token);
  EXPECT_EQ(imm2.code, imm.code);
  EXPECT_EQ(imm2.slot_id, imm.slot_id);
  EXPECT_EQ(imm2.offer_id, imm.offer_id);
  EXPECT_EQ(imm2.employer_id, imm.employer_id);
  EXPECT_EQ(imm2.objective, imm.objective);
  EXPECT_EQ(imm2.first_name, imm.first_name);
  EXPECT_EQ(imm2.phone, imm.phone);
  EXPECT_EQ(imm2.email, imm.email);
  EXPECT_EQ(imm2.message, imm.message);
  EXPECT_EQ(imm2.consent.text, imm.consent.text);
  EXPECT_EQ(imm2.consent.text_version, imm.consent.text_version);
  EXPECT_EQ(imm2.consent.at, imm.consent.at);
  EXPECT_EQ(imm2.site_id, imm.site_id);
  EXPECT_EQ(imm2.terminal, imm.terminal);

  const WorkshopRegistrationPayload ws{"ws-1", "Nadia", "06 12 34 56 78", true};
  const WorkshopRegistrationPayload ws2 = round_trip(ws);
  EXPECT_EQ(ws2.workshop_id, ws.workshop_id);
  EXPECT_EQ(ws2.first_name, ws.first_name);
  EXPECT_EQ(ws2.contact, ws.contact);
  EXPECT_EQ(ws2.walk_in, ws.walk_in);

  const HelpTicketPayload help{"eric-martigues", "2027-11-22", "A-004", "cv", true};
  const HelpTicketPayload help2 = round_trip(help);
  EXPECT_EQ(help2.site_id, help.site_id);
  EXPECT_EQ(help2.day, help.day);
  EXPECT_EQ(help2.number, help.number);
  EXPECT_EQ(help2.reason, help.reason);
  EXPECT_EQ(help2.urgent_today, help.urgent_today);

  const FeedbackPayload fb{2, {"too_hard", "no_offer"}, "jobs"};
  const FeedbackPayload fb2 = round_trip(fb);
  EXPECT_EQ(fb2.rating, fb.rating);
  EXPECT_EQ(fb2.reasons, fb.reasons);
  EXPECT_EQ(fb2.path, fb.path);

  const UsagePayload usage{"2027-11-21", {{"jobs.search|M1607", 12}, {"home", 40}}};
  const UsagePayload usage2 = round_trip(usage);
  EXPECT_EQ(usage2.day, usage.day);
  EXPECT_EQ(usage2.counters, usage.counters);
}

// The wire stays as PROTOCOL.md and the terminals already in the field write it.
TEST(RequestPayloads, TheWireKeepsItsShape) {
  EXPECT_EQ(request_payload_json(WorkshopRegistrationPayload{"ws-1", "Nadia", "", false}),
            R"({"first_name":"Nadia","workshop_id":"ws-1"})");
  EXPECT_EQ(request_payload_json(WorkshopRegistrationPayload{"ws-1", "Nadia", "n@x.fr", true}),
            R"({"contact":"n@x.fr","first_name":"Nadia","walk_in":true,"workshop_id":"ws-1"})");
  EXPECT_EQ(request_payload_json(FeedbackPayload{3, {}, "help"}),
            R"({"path":"help","rating":3,"reasons":[]})");
  EXPECT_EQ(request_payload_json(UsagePayload{"2027-11-21", {{"home", 4}}}),
            R"({"counters":{"home":4},"day":"2027-11-21"})");
  const json imm = json::parse(request_payload_json(sample_immersion()));
  EXPECT_EQ(imm["consent"]["text_version"], "v2");
  EXPECT_EQ(imm.size(), 13u);
}

// Each field of each type, mistyped, is refused with a sentence that names it.
template <class P> void expect_each_field_refused(const json& good, const std::string& what) {
  P read;
  ASSERT_TRUE(read_request_payload(good, read).ok) << what;
  for (auto it = good.begin(); it != good.end(); ++it) {
    json bad = good;
    // A number where text or a list is expected; text where a number or a flag is.
    bad[it.key()] = it->is_string() || it->is_array() || it->is_object() ? json(42) : json("x");
    Status s = read_request_payload(bad, read);
    EXPECT_FALSE(s.ok) << what << "." << it.key();
    EXPECT_EQ(s.code, "bad_payload");
    EXPECT_NE(s.message_fr.find("« " + it.key() + " »"), std::string::npos) << s.message_fr;
  }
}

TEST(RequestPayloads, EachMistypedFieldIsRefusedByName) {
  expect_each_field_refused<ImmersionRequestPayload>(
      json::parse(request_payload_json(sample_immersion())), "immersion_request");
  expect_each_field_refused<WorkshopRegistrationPayload>(
      json::parse(request_payload_json(WorkshopRegistrationPayload{"ws", "N", "c", true})),
      "workshop_registration");
  expect_each_field_refused<HelpTicketPayload>(
      json::parse(request_payload_json(HelpTicketPayload{"s", "d", "n", "r", true})),
      "help_ticket");
  expect_each_field_refused<FeedbackPayload>(
      json::parse(request_payload_json(FeedbackPayload{1, {"a"}, "jobs"})), "feedback");
  expect_each_field_refused<UsagePayload>(
      json::parse(request_payload_json(UsagePayload{"2027-11-21", {{"home", 1}}})), "usage");
}

TEST(RequestPayloads, MissingRequiredFieldsAndOutOfRangeNumbersAreRefused) {
  FeedbackPayload fb;
  EXPECT_FALSE(read_request_payload(json{{"path", "jobs"}}, fb).ok);               // no rating
  EXPECT_FALSE(read_request_payload(json{{"rating", 2.5}}, fb).ok);                // not whole
  EXPECT_FALSE(read_request_payload(json{{"rating", true}}, fb).ok);               // a flag
  EXPECT_TRUE(read_request_payload(json{{"rating", 2}}, fb).ok);                   // reasons absent
  EXPECT_TRUE(fb.reasons.empty());
  UsagePayload u;
  EXPECT_FALSE(read_request_payload(json::parse(R"({"counters":{"a":18446744073709551615}})"), u).ok);
  EXPECT_FALSE(read_request_payload(json::parse(R"({"counters":{"a":1e300}})"), u).ok);
  EXPECT_FALSE(read_request_payload(json::parse(R"({"day":"2027-11-21"})"), u).ok);
  WorkshopRegistrationPayload w;
  EXPECT_FALSE(read_request_payload(json{{"workshop_id", "ws"}}, w).ok);           // no first_name
  EXPECT_FALSE(read_request_payload(json{{"workshop_id", "ws"}, {"first_name", std::string(5000, 'a')}}, w).ok);
  EXPECT_FALSE(read_request_payload(json::array(), w).ok);
}

TEST(JsonDepth, DeepNestingIsRefusedWithoutRecursion) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_FALSE(json_depth_within(deep));
  EXPECT_TRUE(parse_bounded_json(deep).is_discarded());
  EXPECT_TRUE(json_depth_within(std::string(32, '[') + std::string(32, ']')));
  EXPECT_FALSE(json_depth_within(std::string(33, '[') + std::string(33, ']')));
  // Brackets inside strings, escaped quotes included, are text, not nesting.
  EXPECT_TRUE(json_depth_within(R"({"a":"[[[[\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})"));
  EXPECT_FALSE(parse_bounded_json(R"({"a":[1,{"b":[2]}]})").is_discarded());
  // The terminal's readers of server answers refuse a deep page as malformed.
  CatalogPage page;
  const std::string deep_page =
      R"({"cursor":"1","full":false,"has_more":false,"changes":[)" + deep + "]}";
  Status s = parse_catalog_page(deep_page, page);
  EXPECT_EQ(s.code, "malformed_response");
  std::vector<OutboxAnswer> answers;
  EXPECT_EQ(parse_outbox_answers(R"({"results":)" + deep + "}", answers).code,
            "malformed_response");
}

// A server file as version 1 wrote it: opened by this server, it is migrated and keeps its data.
TEST(ServerSchema, AVersionOneFileIsMigratedWithItsData) {
  TempDir tmp;
  const std::string path = tmp.file("server-v1.db");
  {
    Status s;
    auto db = Database::open(path, s);
    ASSERT_TRUE(db) << s.message_fr;
    ASSERT_TRUE(db->exec(R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE records(type TEXT NOT NULL, id TEXT NOT NULL, site TEXT, data TEXT,
  cursor INTEGER NOT NULL UNIQUE, deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(type, id));
CREATE TABLE seats(type TEXT NOT NULL, id TEXT NOT NULL, capacity INTEGER NOT NULL,
  taken INTEGER NOT NULL, PRIMARY KEY(type, id));
CREATE TABLE terminals(id TEXT PRIMARY KEY, site TEXT NOT NULL, name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE enroll_codes(code_hash TEXT PRIMARY KEY, site TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at INTEGER NOT NULL, used_by TEXT);
CREATE TABLE requests(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, terminal TEXT NOT NULL,
  site TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL, status TEXT NOT NULL,
  ref TEXT NOT NULL, payload TEXT, created_at TEXT, received_at TEXT NOT NULL);
CREATE INDEX requests_target ON requests(type, target, status);
CREATE TABLE outbox_results(id TEXT PRIMARY KEY, terminal TEXT NOT NULL,
  item_hash TEXT NOT NULL, answer TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE status_changes(seq INTEGER PRIMARY KEY AUTOINCREMENT, site TEXT NOT NULL,
  item_id TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX status_changes_site ON status_changes(site, seq);
CREATE TABLE counts(site TEXT NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL,
  key TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(site, day, type, key));
PRAGMA user_version = 1;
INSERT INTO meta VALUES('cursor', 2);
INSERT INTO records VALUES('site', 's1', NULL, '{"id":"s1","name":"Site"}', 1, 0);
INSERT INTO records VALUES('job', 'j1', NULL, NULL, 2, 1);
INSERT INTO terminals VALUES('t-1', 's1', 'Accueil', 'hash', '2027-11-22T10:00:00Z');
INSERT INTO counts VALUES('s1', '2027-11-21', 'usage', 'home', 40);
INSERT INTO counts VALUES('s1', '2027-11-21', 'usage', 'overflowed', 1.8446744073709552e19);
)sql").ok);
  }
  Status s;
  auto db = server::open_server_db(path, s);
  ASSERT_TRUE(db) << s.message_fr;
  EXPECT_EQ(server::server_schema_version(*db), server::latest_server_schema_version());
  EXPECT_EQ(server::latest_server_schema_version(), 3);
  EXPECT_EQ(server::current_cursor(*db), 2);
  Statement facts(*db, "SELECT count(*) FROM employer_facts");  // version 3: the sources' employers
  ASSERT_TRUE(facts.step());
  EXPECT_EQ(facts.col_int(0), 0);
  Statement counts(*db, "SELECT key, n, typeof(n) FROM counts ORDER BY key");
  ASSERT_TRUE(counts.step());
  EXPECT_EQ(counts.col_text(0), "home");
  EXPECT_EQ(counts.col_int(1), 40);
  ASSERT_TRUE(counts.step());
  EXPECT_EQ(counts.col_text(0), "overflowed");
  EXPECT_EQ(counts.col_text(2), "integer");
  EXPECT_EQ(counts.col_int(1), std::numeric_limits<int64_t>::max());
  Statement terminals(*db, "SELECT name FROM terminals WHERE id = 't-1'");
  ASSERT_TRUE(terminals.step());
  EXPECT_EQ(terminals.col_text(0), "Accueil");
  server::CatalogPageAnswer page;
  ASSERT_TRUE(server::read_catalog_page(*db, "s1", "", 10, page).ok);
  EXPECT_EQ(page.count, 1);
  EXPECT_EQ(page.cursor, "2");  // the snapshot ends on the feed's end, past the tombstone
}

TEST(ServerSchema, ANewerFileIsRefused) {
  TempDir tmp;
  const std::string path = tmp.file("server-new.db");
  {
    Status s;
    auto db = Database::open(path, s);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("PRAGMA user_version = 99").ok);
  }
  Status s;
  EXPECT_FALSE(server::open_server_db(path, s));
  EXPECT_EQ(s.code, "schema_too_new");
}

TEST(AddressGate, BoundsEachAddressButNotTheLoopbackProxy) {
  server::AddressGate gate(2);
  {
    auto first = gate.enter("10.0.0.1");
    auto second = gate.enter("10.0.0.1");
    EXPECT_TRUE(first.admitted() && second.admitted());
    EXPECT_FALSE(gate.enter("10.0.0.1").admitted());
    EXPECT_TRUE(gate.enter("10.0.0.2").admitted());  // another address is not held back
    std::vector<server::AddressGate::Pass> proxied;
    for (int i = 0; i < 5; ++i) proxied.push_back(gate.enter("127.0.0.1"));
    for (const auto& p : proxied) EXPECT_TRUE(p.admitted());
  }
  // The requests ended: their places are free again.
  auto again = gate.enter("10.0.0.1");
  EXPECT_TRUE(again.admitted());
  EXPECT_TRUE(gate.enter("10.0.0.1").admitted());
}

}  // namespace
}  // namespace eric::test
