// The regional server under abuse, over real sockets: nested and oversized bodies, invalid
// JSON, bad tokens, bad parameters, slow clients and a burst of 500 connections. Each gets a
// clear 4xx, the server never falls over, its memory stays bounded and another terminal is
// still served. Bounded: a few seconds.
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <limits>
#include <memory>
#include <thread>
#include <vector>

#include "kiosk/core/domain/requests.h"
#include "sync/server/server_outbox.h"
#include "tests/sync/fixture.h"
#include "tests/sync/raw_http.h"

namespace eric::test {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string setting(Database& db, const char* key) {
  Statement st(db, "SELECT value FROM settings WHERE key = ?");
  st.bind(1, key);
  return st.step() ? st.col_text(0) : std::string();
}

// How much the server may grow over the abuse test. Measured without sanitizers: 11 MB before,
// 19 MB after. Under AddressSanitizer freed blocks wait in its quarantine (256 MiB by
// default) before they are reused, so resident memory says little there.
#if defined(__SANITIZE_ADDRESS__)
constexpr int64_t kRssGrowthBoundKib = (64 + 256) * 1024;
#else
constexpr int64_t kRssGrowthBoundKib = 64 * 1024;
#endif

// The resident memory of a process, in KiB (0 when unknown).
int64_t rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
  }
  return 0;
}

json item(const std::string& type, const json& payload) {
  return json{{"id", new_uuid_v4()}, {"type", type}, {"created_at", "2027-11-22 14:05:10"},
              {"payload", payload}};
}

class ServerAbuse : public ::testing::Test {
 protected:
  void SetUp() override {
    server_db = tmp.file("server.db");
    make_demo_server_db(server_db, 30);
    server_cmd({"edit", "--db", server_db, "upsert", "immersion_slot",
                R"({"id":"slot-1","offer_id":"x","start":"2027-12-01","end":"2027-12-05","days":5,"capacity":3,"taken":0})"});
    server = std::make_unique<ServerProcess>(ServerProcess::Options{server_db, "", "", "", 0});
    ASSERT_FALSE(server->url().empty());
    term = make_terminal(tmp, "t1", server_db, server->url());
    token = setting(*term.db, kSettingToken);
    ASSERT_FALSE(token.empty());
  }

  std::string auth() const { return "Authorization: Bearer " + token + "\r\n"; }
  std::string post_outbox(const std::string& body, const std::string& type = "application/json") {
    return http_exchange(server->port(),
                         http_request("POST", "/v1/outbox", auth() + "Content-Type: " + type + "\r\n", body));
  }
  std::string get(const std::string& target, const std::string& source = "127.0.0.1") {
    return http_exchange(server->port(), http_request("GET", target, auth()), 10000, source);
  }
  // Milliseconds /v1/health takes to answer 200 (a large number when it does not).
  int64_t health_ms(const std::string& source = "127.0.0.1") {
    const auto start = Clock::now();
    const std::string a = http_exchange(server->port(), http_request("GET", "/v1/health", ""), 5000, source);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    return http_status(a) == 200 ? ms : 999999;
  }

  TempDir tmp;
  std::string server_db;
  std::unique_ptr<ServerProcess> server;
  Terminal term;
  std::string token;
};

TEST_F(ServerAbuse, DeeplyNestedBodiesAre400AndTheServerKeepsServing) {
  // The request of the report: a feedback payload nesting arrays 100,000 deep (~200 KB).
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string body = R"({"items":[{"id":")" + new_uuid_v4() +
                           R"(","type":"feedback","created_at":"2027-11-22 14:05:10","payload":{"rating":2,"reasons":)" +
                           deep + "}}]}";
  const std::string a = post_outbox(body);
  EXPECT_EQ(http_status(a), 400) << a.substr(0, 300);
  EXPECT_NE(http_body(a).find("bad_request"), std::string::npos);
  const std::string enroll = http_exchange(
      server->port(), http_request("POST", "/v1/enroll", "Content-Type: application/json\r\n",
                                   R"({"enrollment_code":)" + deep + "}"));
  EXPECT_EQ(http_status(enroll), 400);
  EXPECT_LT(health_ms(), 1000);
  EXPECT_TRUE(sync_once(*term.db, test_config()).status.ok);
}

TEST_F(ServerAbuse, CursorsAndLimitsOutsideTheProtocolAre400) {
  for (const char* since : {"abc", "-1", "1.2.3", "12345678901234567890123", "1.", ".5", "1.-2"}) {
    EXPECT_EQ(http_status(get(std::string("/v1/catalog?since=") + since)), 400) << since;
  }
  for (const char* limit : {"0", "-5", "abc", "99999999999999999999999"}) {
    EXPECT_EQ(http_status(get(std::string("/v1/catalog?limit=") + limit)), 400) << limit;
    EXPECT_EQ(http_status(get(std::string("/v1/outbox/status?limit=") + limit)), 400) << limit;
  }
  EXPECT_EQ(http_status(get("/v1/outbox/status?since=abc")), 400);
  EXPECT_EQ(http_status(get("/v1/outbox/status?since=12345678901234567890123")), 400);
  // What the protocol allows still works: a snapshot, a small page, a huge limit (lowered).
  const json first = json::parse(http_body(get("/v1/catalog?limit=3")));
  EXPECT_TRUE(first["full"].get<bool>());
  EXPECT_EQ(first["changes"].size(), 3u);
  EXPECT_EQ(http_status(get("/v1/catalog?since=" + first["cursor"].get<std::string>())), 200);
  EXPECT_EQ(http_status(get("/v1/catalog?since=0&limit=1000000")), 200);
  EXPECT_EQ(http_status(get("/v1/catalog?since=")), 200);
}

TEST_F(ServerAbuse, AJsonBodyIsReadWhateverItsContentTypeSays) {
  // 9 KB of valid items: over cpp-httplib's 8 KiB limit for form-encoded bodies.
  json items = json::array();
  for (int i = 0; i < 40; ++i) {
    items.push_back(item("help_ticket", {{"reason", "cv"}, {"number", std::string(150, 'n')}}));
  }
  const std::string body = json{{"items", items}}.dump();
  ASSERT_GT(body.size(), 9000u);
  for (const char* type : {"application/x-www-form-urlencoded", "text/plain", "application/json"}) {
    const std::string a = post_outbox(body, type);
    EXPECT_EQ(http_status(a), 200) << type << " " << a.substr(0, 200);
  }
  const std::string none = http_exchange(server->port(), http_request("POST", "/v1/outbox", auth(), body));
  EXPECT_EQ(http_status(none), 200);
  const std::string multipart = post_outbox(body, "multipart/form-data; boundary=x");
  EXPECT_EQ(http_status(multipart), 415);
  EXPECT_NE(http_body(multipart).find("unsupported_media_type"), std::string::npos);
}

TEST_F(ServerAbuse, UsageCountsAreWholeNumbersThatNeverOverflow) {
  const int64_t max = std::numeric_limits<int64_t>::max();
  const json huge = {{"day", "2027-11-21"}, {"counters", {{"home", max}}}};
  const json answer = json::parse(http_body(post_outbox(
      json{{"items", {item("usage", huge), item("usage", huge)}}}.dump())));
  for (const json& r : answer["results"]) {
    EXPECT_EQ(r["status"], "rejected");
    EXPECT_EQ(r["reason"], "bad_payload");
  }
  // Sums stop at the largest whole count instead of turning into a float.
  {
    Status s;
    auto db = Database::open(server_db, s);
    ASSERT_TRUE(db);
    Statement put(*db, "INSERT INTO counts(site, day, type, key, n) "
                       "VALUES('eric-martigues', '2027-11-21', 'usage', 'home', ?)");
    put.bind(1, max - 5);
    ASSERT_TRUE(put.run().ok);
  }
  const json big = {{"day", "2027-11-21"}, {"counters", {{"home", server::kMaxUsageCount}}}};
  const json ok = json::parse(http_body(post_outbox(json{{"items", {item("usage", big)}}}.dump())));
  EXPECT_EQ(ok["results"][0]["status"], "accepted") << ok.dump();
  Status s;
  auto db = Database::open(server_db, s);
  Statement st(*db, "SELECT n, typeof(n) FROM counts WHERE key = 'home' AND day = '2027-11-21'");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.col_int(0), max);
  EXPECT_EQ(st.col_text(1), "integer");
}

// One item per malformed field, in one batch: each gets its own refusal naming the field,
// and a good item in the same batch is accepted.
TEST_F(ServerAbuse, EachMalformedFieldIsRefusedPerItem) {
  const std::vector<std::pair<json, std::string>> cases = {
      {item("feedback", {{"rating", "2"}, {"path", "jobs"}}), "rating"},
      {item("feedback", {{"rating", 2}, {"reasons", "clear"}}), "reasons"},
      {item("feedback", {{"rating", 2}, {"path", 3}}), "path"},
      {item("usage", {{"day", "2027-11-21"}, {"counters", {{"home", 1.5}}}}), "counters"},
      {item("usage", {{"day", 20271121}, {"counters", json::object()}}), "day"},
      {item("help_ticket", {{"reason", json::array()}}), "reason"},
      {item("help_ticket", {{"urgent_today", "yes"}}), "urgent_today"},
      {item("workshop_registration", {{"workshop_id", 7}, {"first_name", "N"}}), "workshop_id"},
      {item("workshop_registration", {{"workshop_id", "w"}}), "first_name"},
      {item("workshop_registration", {{"workshop_id", "w"}, {"first_name", "N"}, {"walk_in", 1}}), "walk_in"},
      {item("immersion_request", {{"slot_id", "slot-1"}, {"first_name", "K"}, {"phone", 612345678}}), "phone"},
      {item("immersion_request", {{"slot_id", "slot-1"}, {"first_name", "K"}, {"email", "k@x.fr"}, {"consent", "yes"}}), "consent"},
      {item("immersion_request", {{"first_name", "K"}, {"email", "k@x.fr"}}), "slot_id"},
  };
  json items = json::array();
  for (const auto& [i, field] : cases) items.push_back(i);
  items.push_back(item("immersion_request", {{"slot_id", "slot-1"}, {"first_name", "K"}, {"email", "k@x.fr"}}));
  const std::string a = post_outbox(json{{"items", items}}.dump());
  ASSERT_EQ(http_status(a), 200) << a;
  const json results = json::parse(http_body(a))["results"];
  ASSERT_EQ(results.size(), cases.size() + 1);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(results[i]["status"], "rejected") << cases[i].second;
    EXPECT_EQ(results[i]["reason"], "bad_payload") << cases[i].second;
    EXPECT_NE(results[i]["message"].get<std::string>().find("« " + cases[i].second + " »"),
              std::string::npos) << results[i].dump();
  }
  EXPECT_EQ(results.back()["status"], "accepted") << results.back().dump();
}

// What the terminal's writer put in the outbox is what the server stored, field for field.
TEST_F(ServerAbuse, ATerminalsRequestIsReadByTheServerFieldForField) {
  ImmersionRequestPayload p;
  p.form_token = "ft-9";
  p.code = "IM-9ZZZ";
  p.slot_id = "slot-1";
  p.offer_id = "x";
  p.objective = "discover";
  p.first_name = "Inès";
  p.email = "ines@example.org";
  p.message = "Disponible le matin";
  p.consent = {"J'accepte", "v3", "2027-11-22 14:05:10"};
  p.site_id = "eric-martigues";
  p.terminal = "t-1";
  auto added = outbox_add(*term.db, kImmersionRequestType, request_payload_json(p),
                           std::time(nullptr), 0);
  ASSERT_TRUE(added.ok());
  SyncResult r = sync_once(*term.db, test_config());
  ASSERT_TRUE(r.status.ok) << r.status.message_fr;
  EXPECT_EQ(r.outbox_accepted, 1);
  Status s;
  auto db = Database::open(server_db, s);
  Statement st(*db, "SELECT payload FROM requests WHERE id = ?");
  st.bind(1, added.value);
  ASSERT_TRUE(st.step());
  ImmersionRequestPayload q;
  ASSERT_TRUE(read_request_payload(json::parse(st.col_text(0)), q).ok);
  EXPECT_EQ(request_payload_json(q), request_payload_json(p));
  EXPECT_EQ(q.first_name, "Inès");
  EXPECT_EQ(q.consent.text_version, "v3");
}

TEST_F(ServerAbuse, SlowClientsLeaveHealthChecksAnsweredWithinASecond) {
  // More slow clients than the 8 workers the server used to have: each sends a request line,
  // then a header line every 300 ms, never the end of its headers.
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 24; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server->port(), "127.0.0.2"));
    ASSERT_GE(slow.back()->fd(), 0);
    ASSERT_TRUE(slow.back()->send_text("GET /v1/health HTTP/1.1\r\nHost: x\r\n"));
  }
  for (int round = 0; round < 6; ++round) {
    for (auto& c : slow) (void)c->send_text("X-Slow: " + std::to_string(round) + "\r\n");  // may be cut: fine
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_LT(health_ms(), 1000) << "round " << round;
  }
  slow.clear();  // closed: their workers are free again
  // A slow body holds a worker too: one address gets at most its bound at once; the rest
  // hear 429 at once, and other addresses are still served.
  std::vector<std::unique_ptr<RawConnection>> bodies;
  int refused = 0;
  for (int i = 0; i < 12; ++i) {
    bodies.push_back(std::make_unique<RawConnection>(server->port(), "127.0.0.3"));
    ASSERT_TRUE(bodies.back()->send_text("POST /v1/outbox HTTP/1.1\r\nHost: x\r\n" + auth() +
                                         "Content-Length: 100000\r\n\r\n{\"items\":["));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (auto& c : bodies) {
    const std::string a = c->read_all(50);
    if (http_status(a) == 429) ++refused;
  }
  EXPECT_EQ(refused, 12 - 8);
  EXPECT_LT(health_ms(), 1000);
  EXPECT_LT(health_ms("127.0.0.4"), 1000);
}

TEST_F(ServerAbuse, HostileRequestsGetClearAnswersAndAnotherTerminalIsServed) {
  const int64_t rss_before = rss_kib(server->pid());
  ASSERT_GT(rss_before, 0);
  const int port = server->port();
  // Bad and missing tokens, invalid JSON, oversized bodies, unknown paths.
  EXPECT_EQ(http_status(http_exchange(port, http_request("GET", "/v1/catalog", ""))), 401);
  EXPECT_EQ(http_status(http_exchange(port, http_request("GET", "/v1/catalog", "Authorization: Bearer nope\r\n"))), 401);
  EXPECT_EQ(http_status(http_exchange(port, http_request("GET", "/v1/catalog", "Authorization: Basic eA==\r\n"))), 401);
  EXPECT_EQ(http_status(post_outbox("{\"items\": [")), 400);
  EXPECT_EQ(http_status(post_outbox("\xff\xfe not json")), 400);
  EXPECT_EQ(http_status(post_outbox("[]")), 400);
  EXPECT_EQ(http_status(post_outbox(R"({"items":[{"id":"not-a-uuid"}]})")), 400);
  EXPECT_EQ(http_status(post_outbox(std::string(1536 * 1024, ' ') + "{}")), 413);
  EXPECT_EQ(http_status(get("/v2/anything")), 404);
  // A compressed body that inflates past the limit (16 MiB of spaces in ~16 KB) is cut at
  // 1 MiB of inflated bytes, not inflated whole.
  const std::string spaces(16 << 20, ' ');
  std::string packed(compressBound(spaces.size()), '\0');
  uLongf packed_size = packed.size();
  ASSERT_EQ(compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
                      reinterpret_cast<const Bytef*>(spaces.data()), spaces.size(), 9), Z_OK);
  packed.resize(packed_size);
  EXPECT_EQ(http_status(http_exchange(port, http_request("POST", "/v1/outbox",
                                                         auth() + "Content-Encoding: deflate\r\n",
                                                         packed))), 413);
  // 500 connections at once from five addresses, each asking for the health page.
  std::vector<std::unique_ptr<RawConnection>> burst;
  for (int i = 0; i < 500; ++i) {
    burst.push_back(std::make_unique<RawConnection>(port, "127.0.1." + std::to_string(1 + i % 5)));
    ASSERT_GE(burst.back()->fd(), 0) << i;
  }
  const auto start = Clock::now();
  for (auto& c : burst) ASSERT_TRUE(c->send_text(http_request("GET", "/v1/health", "")));
  int ok = 0, busy = 0, other = 0;
  for (auto& c : burst) {
    const int status = http_status(c->read_all(10000));
    (status == 200 ? ok : status == 429 ? busy : other)++;
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  EXPECT_EQ(other, 0) << ok << " ok, " << busy << " busy";
  EXPECT_EQ(ok + busy, 500);
  EXPECT_GT(ok, 0);
  EXPECT_LT(ms, 10000);
  std::printf("500 connections: %d answered 200, %d answered 429, in %lld ms\n", ok, busy,
              static_cast<long long>(ms));
  // Another terminal is served, and the server's memory stayed bounded.
  Terminal other_terminal = make_terminal(tmp, "t2", server_db, server->url());
  SyncResult r = sync_once(*other_terminal.db, test_config());
  EXPECT_TRUE(r.status.ok) << r.status.message_fr;
  const int64_t rss_after = rss_kib(server->pid());
  std::printf("server RSS: %lld KiB before, %lld KiB after\n", static_cast<long long>(rss_before),
              static_cast<long long>(rss_after));
  EXPECT_LT(rss_after, rss_before + kRssGrowthBoundKib);
}

// The administrator's commands read JSON too (a record on the command line, a changes file):
// nested past the bound, it is refused in words and nothing is written.
TEST(ServerAdmin, EditAndImportChangesRefuseDeeplyNestedJson) {
  TempDir tmp;
  const std::string db = tmp.file("server.db");
  make_demo_server_db(db, 5);
  const std::string cursor = json::parse(server_cmd({"info", "--db", db}))["cursor"];
  // 50,000 deep fits in one argument (an argument may hold 128 KiB).
  const std::string deep = std::string(50000, '[') + std::string(50000, ']');
  const CommandResult edit = run({server_bin(), "edit", "--db", db, "upsert", "job",
                                  R"({"id":"job-deep","title":"Soudeur","extra":)" + deep + "}"});
  EXPECT_EQ(edit.exit_code, 2) << edit.err;
  EXPECT_NE(edit.err.find("the record is nested deeper than 32 levels"), std::string::npos)
      << edit.err;

  const std::string file = tmp.file("changes.json");
  write_file(file, R"({"changes":[{"type":"job","id":"job-deep","record":)" +
                       std::string(100000, '[') + std::string(100000, ']') + "}]}");
  const CommandResult changes = run({server_bin(), "import-changes", "--db", db, file});
  EXPECT_EQ(changes.exit_code, 2) << changes.err;
  EXPECT_NE(changes.err.find("is nested deeper than 32 levels"), std::string::npos)
      << changes.err;
  EXPECT_EQ(json::parse(server_cmd({"info", "--db", db}))["cursor"], cursor);

  // What the protocol nests (a record is an object of plain fields) still goes through.
  server_cmd({"edit", "--db", db, "upsert", "job", R"({"id":"job-ok","title":"Soudeur"})"});
  EXPECT_NE(json::parse(server_cmd({"info", "--db", db}))["cursor"], cursor);
}

}  // namespace
}  // namespace eric::test
