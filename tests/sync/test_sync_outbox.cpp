// The outbox against the real server: exactly once through duplicates and lost answers, the
// last seat of a slot taken offline by two terminals, later declines, and the worker thread.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <thread>

#include "kiosk/core/domain/usage.h"
#include "sync/client_http.h"
#include "sync/protocol.h"
#include "sync/worker.h"
#include "tests/sync/fixture.h"

namespace eric::test {
namespace {

std::string add_item(Database& db, const std::string& type, const nlohmann::json& payload) {
  auto r = outbox_add(db, type, payload.dump(), std::time(nullptr), 0);
  EXPECT_TRUE(r.ok()) << r.status.message_fr;
  return r.value;
}

nlohmann::json server_info(const std::string& db) {
  return nlohmann::json::parse(server_cmd({"info", "--db", db}));
}

int64_t requests(const nlohmann::json& info, const std::string& key) {
  return info["requests"].value(key, int64_t{0});
}

class OutboxSync : public ::testing::Test {
 protected:
  void SetUp() override {
    server_db = tmp.file("server.db");
    make_demo_server_db(server_db, 60);
    // A slot with one seat left, and a workshop of the site with room.
    server_cmd({"edit", "--db", server_db, "upsert", "immersion_slot",
                R"({"id":"slot-last","offer_id":"x","start":"2027-12-01","end":"2027-12-05","days":5,"capacity":1,"taken":0})"});
    server_cmd({"edit", "--db", server_db, "upsert", "workshop",
                R"({"id":"ws-cv","site_id":"eric-martigues","kind":"cv","title":"Atelier CV","start":"2027-11-25 14:00","end":"2027-11-25 16:00","capacity":8})"});
    fault = tmp.file("fault");
    server = std::make_unique<ServerProcess>(ServerProcess::Options{server_db, fault, "", "", 0});
    ASSERT_FALSE(server->url().empty());
  }
  TempDir tmp;
  std::string server_db, fault;
  std::unique_ptr<ServerProcess> server;
};

TEST_F(OutboxSync, LostAnswersAndDuplicatesLeaveOneRecordEach) {
  Terminal t = make_terminal(tmp, "t1", server_db, server->url());
  const std::string reg = add_item(*t.db, "workshop_registration",
                                   {{"workshop_id", "ws-cv"}, {"first_name", "Nadia"}});
  const std::string ticket = add_item(*t.db, "help_ticket", {{"reason", "cv"}, {"urgent_today", false}});
  const std::string imm = add_item(*t.db, "immersion_request",
                                   {{"slot_id", "slot-last"}, {"first_name", "Karim"},
                                    {"phone", "0600000000"}, {"objective", "discover"}});
  // The server does the work, then the answer is cut off on the way back.
  write_file(fault, "truncate - /v1/outbox");
  SyncResult lost = sync_once(*t.db, test_config());
  EXPECT_FALSE(lost.status.ok);
  EXPECT_EQ(outbox_get(*t.db, reg)->state, OutboxState::pending);
  EXPECT_FALSE(outbox_get(*t.db, reg)->last_error.empty());
  EXPECT_EQ(server_info(server_db)["outbox_results"].get<int64_t>(), 3);

  write_file(fault, "");
  SyncResult again = sync_once(*t.db, test_config());
  ASSERT_TRUE(again.status.ok) << again.status.message_fr;
  EXPECT_EQ(again.outbox_accepted, 3);
  for (const auto& id : {reg, ticket, imm}) {
    EXPECT_EQ(outbox_get(*t.db, id)->state, OutboxState::accepted) << id;
  }
  EXPECT_EQ(outbox_get(*t.db, imm)->server_ref.rfind("IMM-", 0), 0u);
  EXPECT_GE(outbox_get(*t.db, reg)->attempts, 2);

  // The same items posted again by hand: the first answers come back, nothing is added.
  HttpClient http(HttpOptions{});
  nlohmann::json items = nlohmann::json::array();
  for (const auto& id : {reg, imm}) {
    auto item = *outbox_get(*t.db, id);
    items.push_back({{"id", id}, {"type", item.type}, {"created_at", "2027-11-22 10:00:00"},
                     {"payload", nlohmann::json::parse(item.payload_json)}});
  }
  HttpResponse r;
  ASSERT_TRUE(http.post_json(server->url() + "/v1/outbox",
                             {"Authorization: Bearer " + setting_get_or(*t.db, kSettingToken, "")},
                             nlohmann::json{{"items", items}}.dump(), r).ok);
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<OutboxAnswer> answers;
  ASSERT_TRUE(parse_outbox_answers(r.body, answers).ok);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_TRUE(answers[0].replay);
  EXPECT_EQ(answers[1].ref, outbox_get(*t.db, imm)->server_ref);

  const auto info = server_info(server_db);
  EXPECT_EQ(requests(info, "workshop_registration:accepted"), 1);
  EXPECT_EQ(requests(info, "immersion_request:accepted"), 1);
  EXPECT_EQ(info["outbox_results"].get<int64_t>(), 3);
}

TEST_F(OutboxSync, LastSeatGoesToExactlyOneTerminal) {
  Terminal a = make_terminal(tmp, "a", server_db, server->url());
  Terminal b = make_terminal(tmp, "b", server_db, server->url());
  ASSERT_TRUE(sync_once(*a.db, test_config()).status.ok);
  ASSERT_TRUE(sync_once(*b.db, test_config()).status.ok);
  // Both terminals take the last seat while offline.
  const nlohmann::json payload = {{"slot_id", "slot-last"}, {"first_name", "Léa"},
                                  {"email", "lea@example.org"}, {"objective", "confirm"}};
  const std::string ia = add_item(*a.db, "immersion_request", payload);
  const std::string ib = add_item(*b.db, "immersion_request", payload);
  // They come back online at the same moment.
  SyncResult ra, rb;
  std::thread ta([&] { ra = sync_once(*a.db, test_config()); });
  std::thread tb([&] { rb = sync_once(*b.db, test_config()); });
  ta.join();
  tb.join();
  ASSERT_TRUE(ra.status.ok) << ra.status.message_fr;
  ASSERT_TRUE(rb.status.ok) << rb.status.message_fr;
  const OutboxItem xa = *outbox_get(*a.db, ia), xb = *outbox_get(*b.db, ib);
  EXPECT_EQ((xa.state == OutboxState::accepted) + (xb.state == OutboxState::accepted), 1);
  const OutboxItem& loser = xa.state == OutboxState::rejected ? xa : xb;
  EXPECT_EQ(loser.state, OutboxState::rejected);
  EXPECT_NE(loser.reason.find("complet"), std::string::npos) << loser.reason;
  EXPECT_EQ(requests(server_info(server_db), "immersion_request:accepted"), 1);
  // The seat count reaches both catalogs.
  for (Database* db : {a.db.get(), b.db.get()}) {
    ASSERT_TRUE(sync_once(*db, test_config()).status.ok);
    EXPECT_EQ(query_int(*db, "SELECT taken FROM immersion_slots WHERE id = 'slot-last'"), 1);
  }
}

TEST_F(OutboxSync, FinishedDaysUsageCountersReachTheRegionOnce) {
  Terminal t = make_terminal(tmp, "t1", server_db, server->url());
  ASSERT_TRUE(usage_add(*t.db, "2020-03-02", "jobs.search_no_result", "words:astronaute", 3).ok);
  ASSERT_TRUE(usage_add(*t.db, "2020-03-02", "visit.start", "jobs.what", 7).ok);
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  nlohmann::json info = server_info(server_db);
  EXPECT_EQ(info["counts"].value("usage:jobs.search_no_result|words:astronaute", int64_t{0}), 3)
      << info.dump();
  EXPECT_EQ(info["counts"].value("usage:visit.start|jobs.what", int64_t{0}), 7);
  EXPECT_EQ(query_int(*t.db, "SELECT count(*) FROM outbox WHERE type = 'usage'"), 1);
  EXPECT_EQ(query_int(*t.db, "SELECT count(*) FROM outbox WHERE type = 'usage' AND state = 'accepted'"), 1);
  // The next sync sends nothing new: the day was reported once.
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  info = server_info(server_db);
  EXPECT_EQ(info["counts"].value("usage:visit.start|jobs.what", int64_t{0}), 7);
  EXPECT_EQ(query_int(*t.db, "SELECT count(*) FROM outbox WHERE type = 'usage'"), 1);
}

TEST_F(OutboxSync, FeedbackIsCountedByRatingPathAndReason) {
  Terminal t = make_terminal(tmp, "t1", server_db, server->url());
  add_item(*t.db, "feedback", {{"rating", 1}, {"reasons", {"too_hard", "too_slow"}}, {"path", "help"}});
  add_item(*t.db, "feedback", {{"rating", 1}, {"reasons", {"too_hard"}}, {"path", "jobs"}});
  const std::string bad = add_item(*t.db, "feedback", {{"rating", 3}, {"reasons", "clear"}, {"path", "jobs"}});
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  const nlohmann::json counts = server_info(server_db)["counts"];
  EXPECT_EQ(counts.value("feedback:rating:1", int64_t{0}), 2) << counts.dump();
  EXPECT_EQ(counts.value("feedback:reason:too_hard", int64_t{0}), 2);
  EXPECT_EQ(counts.value("feedback:reason:too_slow", int64_t{0}), 1);
  EXPECT_EQ(counts.value("feedback:path:help", int64_t{0}), 1);
  EXPECT_FALSE(counts.contains("feedback:rating:3"));
  // Reasons that are not a list are refused, with the reason on the terminal.
  const OutboxItem refused = *outbox_get(*t.db, bad);
  EXPECT_EQ(refused.state, OutboxState::rejected);
  EXPECT_NE(refused.reason.find("incomplète"), std::string::npos) << refused.reason;
}

TEST_F(OutboxSync, DeclinedRequestReachesTheTerminal) {
  Terminal t = make_terminal(tmp, "t1", server_db, server->url());
  const std::string id = add_item(*t.db, "immersion_request",
                                  {{"slot_id", "slot-last"}, {"first_name", "Tom"},
                                   {"phone", "0611111111"}, {"objective", "discover"}});
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  ASSERT_EQ(outbox_get(*t.db, id)->state, OutboxState::accepted);
  server_cmd({"decline", "--db", server_db, "--request", id, "--reason", "atelier fermé"});
  SyncResult r = sync_once(*t.db, test_config());
  ASSERT_TRUE(r.status.ok) << r.status.message_fr;
  EXPECT_EQ(r.status_changes, 1);
  const OutboxItem item = *outbox_get(*t.db, id);
  EXPECT_EQ(item.state, OutboxState::rejected);
  EXPECT_NE(item.reason.find("atelier fermé"), std::string::npos) << item.reason;
  // The seat is free again, in the terminal's catalog too.
  EXPECT_EQ(query_int(*t.db, "SELECT taken FROM immersion_slots WHERE id = 'slot-last'"), 0);
}

TEST_F(OutboxSync, CancelledWorkshopReachesItsRegistrations) {
  Terminal t = make_terminal(tmp, "t1", server_db, server->url());
  const std::string id = add_item(*t.db, "workshop_registration",
                                  {{"workshop_id", "ws-cv"}, {"first_name", "Inès"}});
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  ASSERT_EQ(outbox_get(*t.db, id)->state, OutboxState::accepted);
  server_cmd({"edit", "--db", server_db, "upsert", "workshop",
              R"({"id":"ws-cv","site_id":"eric-martigues","kind":"cv","title":"Atelier CV","capacity":8,"cancelled":true})"});
  ASSERT_TRUE(sync_once(*t.db, test_config()).status.ok);
  EXPECT_EQ(outbox_get(*t.db, id)->state, OutboxState::rejected);
  EXPECT_EQ(query_int(*t.db, "SELECT cancelled FROM workshops WHERE id = 'ws-cv'"), 1);
}

TEST_F(OutboxSync, WorkerSyncsAtStartAndOnDemandAndStops) {
  Terminal t = make_terminal(tmp, "t1", server_db, server->url());
  std::mutex m;
  std::condition_variable cv;
  int finished = 0, progress = 0;
  bool all_ok = true;
  SyncConfig config = test_config();
  config.interval_s = 3600;
  {
    SyncWorker worker(t.dir + "/cache.db", config, [&](const SyncEvent& e) {
      std::lock_guard<std::mutex> lock(m);
      if (e.kind == SyncEvent::Kind::progress) ++progress;
      if (e.kind == SyncEvent::Kind::finished) {
        ++finished;
        all_ok = all_ok && e.result.status.ok;
        cv.notify_all();
      }
    });
    worker.start();
    {
      std::unique_lock<std::mutex> lock(m);
      ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return finished >= 1; }));
    }
    add_item(*t.db, "feedback", {{"rating", 3}, {"path", "jobs"}});
    worker.request_now();
    {
      std::unique_lock<std::mutex> lock(m);
      ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return finished >= 2; }));
    }
    worker.stop();
  }
  EXPECT_TRUE(all_ok);
  EXPECT_GT(progress, 0);
  EXPECT_EQ(outbox_counts_by_state(*t.db).accepted, 1);
  EXPECT_EQ(catalog_counts(*t.db).jobs, 60);
}

}  // namespace
}  // namespace eric::test
