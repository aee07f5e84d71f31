// Tests of the local tables: settings, sync state and the outbox.
#include <gtest/gtest.h>

#include <set>

#include "kiosk/core/storage/store.h"
#include "tests/support/test_util.h"

namespace eric {
namespace {

class Local : public ::testing::Test {
 protected:
  void SetUp() override {
    db = test::fresh_store(dir);
    ASSERT_TRUE(db);
  }
  test::TempDir dir;
  std::unique_ptr<Database> db;
};

TEST_F(Local, SettingsGetSet) {
  EXPECT_FALSE(setting_get(*db, "site_id"));
  EXPECT_EQ(setting_get_or(*db, "idle_timeout_s", "60"), "60");
  ASSERT_TRUE(setting_set(*db, "site_id", "eric-martigues").ok);
  ASSERT_TRUE(setting_set(*db, "site_id", "eric-istres").ok);
  EXPECT_EQ(setting_get(*db, "site_id").value_or(""), "eric-istres");
  ASSERT_TRUE(setting_set(*db, "empty", "").ok);
  ASSERT_TRUE(setting_get(*db, "empty"));
}

TEST_F(Local, SyncStateRoundTripAndSurvivesReopen) {
  SyncState empty = load_sync_state(*db);
  EXPECT_EQ(empty.cursor, "");
  EXPECT_EQ(empty.last_success, 0);
  SyncState st;
  st.cursor = "c-42";
  st.last_attempt = 1700000100;
  st.last_success = 1700000000;
  st.last_error_code = "http_503";
  st.last_error_message = "Le serveur régional est indisponible.";
  st.last_changes = 17;
  ASSERT_TRUE(save_sync_state(*db, st).ok);
  db.reset();
  db = test::fresh_store(dir);
  SyncState back = load_sync_state(*db);
  EXPECT_EQ(back.cursor, "c-42");
  EXPECT_EQ(back.last_attempt, 1700000100);
  EXPECT_EQ(back.last_success, 1700000000);
  EXPECT_EQ(back.last_error_code, "http_503");
  EXPECT_EQ(back.last_error_message, st.last_error_message);
  EXPECT_EQ(back.last_changes, 17);
  // Inside the caller's transaction (the sync writes its cursor with the catalog).
  {
    Transaction tx(*db);
    st.cursor = "c-43";
    ASSERT_TRUE(save_sync_state(*db, st).ok);
    ASSERT_TRUE(sync_value_set(*db, "etag", "\"c-43\"").ok);
  }  // rolled back
  EXPECT_EQ(load_sync_state(*db).cursor, "c-42");
  EXPECT_FALSE(sync_value_get(*db, "etag"));
}

// xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx in lower-case hex (checked by hand: GCC 12's
// <regex> sets off a false -Wmaybe-uninitialized in optimized sanitizer builds).
bool is_uuid_v4(const std::string& u) {
  if (u.size() != 36) return false;
  for (size_t i = 0; i < u.size(); ++i) {
    const char c = u[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return u[14] == '4' && (u[19] == '8' || u[19] == '9' || u[19] == 'a' || u[19] == 'b');
}

TEST_F(Local, UuidsAreVersion4AndDistinct) {
  EXPECT_FALSE(is_uuid_v4("123e4567-e89b-12d3-a456-426614174000"));  // version 1
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string u = new_uuid_v4();
    EXPECT_TRUE(is_uuid_v4(u)) << u;
    seen.insert(u);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST_F(Local, OutboxLifecycle) {
  auto a = outbox_add(*db, "immersion_request", R"({"slot_id":"sl1","first_name":"Inès"})", 1000, 5000);
  auto b = outbox_add(*db, "feedback", R"({"rating":2})", 1001, 0);
  auto c = outbox_add(*db, "help_ticket", R"({"number":"A001"})", 1002, 0);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_NE(a.value, b.value);

  auto pending = outbox_pending(*db, 1002, 10);
  ASSERT_EQ(pending.size(), 3u);
  EXPECT_EQ(pending[0].id, a.value);  // oldest first
  EXPECT_EQ(pending[0].type, "immersion_request");
  EXPECT_EQ(pending[0].payload_json, R"({"slot_id":"sl1","first_name":"Inès"})");
  EXPECT_EQ(pending[0].state, OutboxState::pending);
  EXPECT_EQ(pending[0].attempts, 0);
  EXPECT_EQ(pending[0].purge_after, 5000);
  EXPECT_EQ(outbox_pending(*db, 1002, 1).size(), 1u);
  EXPECT_EQ(outbox_pending(*db, 999, 10).size(), 0u);  // not yet created: not due

  ASSERT_TRUE(outbox_mark(*db, a.value, OutboxState::sending, "", "", "", 1003).ok);
  ASSERT_TRUE(outbox_mark(*db, b.value, OutboxState::sending, "", "", "", 1003).ok);
  EXPECT_EQ(outbox_pending(*db, 2000, 10).size(), 1u);  // only c
  // a: accepted; b: network failure, retry later.
  ASSERT_TRUE(outbox_mark(*db, a.value, OutboxState::accepted, "IMM-77", "", "", 0).ok);
  ASSERT_TRUE(outbox_mark(*db, b.value, OutboxState::pending, "", "", "Délai dépassé", 1600).ok);
  auto due = outbox_pending(*db, 1500, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, c.value);
  due = outbox_pending(*db, 1600, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, b.value);
  EXPECT_EQ(due[0].attempts, 1);
  EXPECT_EQ(due[0].last_error, "Délai dépassé");

  ASSERT_TRUE(outbox_mark(*db, c.value, OutboxState::rejected, "", "full", "", 0).ok);
  auto got = outbox_get(*db, a.value);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->state, OutboxState::accepted);
  EXPECT_EQ(got->server_ref, "IMM-77");
  EXPECT_EQ(got->attempts, 1);
  EXPECT_EQ(outbox_get(*db, c.value)->reason, "full");

  OutboxCounts n = outbox_counts_by_state(*db);
  EXPECT_EQ(n.pending, 1);
  EXPECT_EQ(n.sending, 0);
  EXPECT_EQ(n.accepted, 1);
  EXPECT_EQ(n.rejected, 1);
  auto recent = outbox_recent(*db, 2);
  ASSERT_EQ(recent.size(), 2u);
  EXPECT_EQ(recent[0].id, c.value);

  Status missing = outbox_mark(*db, "no-such-id", OutboxState::accepted, "", "", "", 0);
  EXPECT_FALSE(missing.ok);
  EXPECT_EQ(missing.code, "not_found");
}

TEST_F(Local, OutboxRefusesBadInputAndRequeuesAfterACrash) {
  auto bad = outbox_add(*db, "feedback", "{not json", 1, 0);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status.code, "bad_input");
  EXPECT_FALSE(outbox_add(*db, "", "{}", 1, 0).ok());
  auto a = outbox_add(*db, "feedback", "{}", 1, 0);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(outbox_mark(*db, a.value, OutboxState::sending, "", "", "", 0).ok);
  EXPECT_TRUE(outbox_pending(*db, 10, 10).empty());
  // The program restarts: what was being sent goes out again (the server deduplicates).
  ASSERT_TRUE(outbox_requeue_sending(*db).ok);
  EXPECT_EQ(outbox_pending(*db, 10, 10).size(), 1u);
}

TEST_F(Local, OutboxSurvivesReopen) {
  auto a = outbox_add(*db, "feedback", R"({"rating":1})", 7, 0);
  ASSERT_TRUE(a.ok());
  db.reset();
  db = test::fresh_store(dir);
  auto got = outbox_get(*db, a.value);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->payload_json, R"({"rating":1})");
}

TEST_F(Local, PurgeRemovesPersonalDataWhenDue) {
  auto delivered = outbox_add(*db, "workshop_registration", R"({"first_name":"Léa"})", 10, 100);
  auto undelivered = outbox_add(*db, "immersion_request", R"({"first_name":"Sam"})", 10, 100);
  auto later = outbox_add(*db, "immersion_request", R"({"first_name":"Max"})", 10, 500);
  auto anonymous = outbox_add(*db, "usage", R"({"searches":3})", 10, 0);
  ASSERT_TRUE(delivered.ok() && undelivered.ok() && later.ok() && anonymous.ok());
  ASSERT_TRUE(outbox_mark(*db, delivered.value, OutboxState::accepted, "R1", "", "", 0).ok);
  {
    Statement s(*db,
                "INSERT INTO workshop_registrations(id, workshop_id, first_name, contact, created_at,"
                " outbox_id) VALUES('r1', 'w1', 'Léa', '06 00 00 00 00', 10, ?1)");
    s.bind(1, delivered.value);
    ASSERT_TRUE(s.run().ok);
  }
  EXPECT_EQ(outbox_purge(*db, 99).value, 0);
  auto purged = outbox_purge(*db, 100);
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(purged.value, 2);
  auto d = outbox_get(*db, delivered.value);
  EXPECT_EQ(d->payload_json, "{}");
  EXPECT_TRUE(d->purged);
  EXPECT_EQ(d->state, OutboxState::accepted);
  EXPECT_EQ(d->server_ref, "R1");
  auto u = outbox_get(*db, undelivered.value);
  EXPECT_EQ(u->payload_json, "{}");
  EXPECT_EQ(u->state, OutboxState::rejected);
  EXPECT_EQ(u->reason, "purged_undelivered");
  EXPECT_EQ(outbox_get(*db, later.value)->payload_json, R"({"first_name":"Max"})");
  EXPECT_EQ(outbox_get(*db, anonymous.value)->payload_json, R"({"searches":3})");
  Statement r(*db, "SELECT first_name, contact FROM workshop_registrations WHERE id = 'r1'");
  ASSERT_TRUE(r.step());
  EXPECT_EQ(r.col_text(0), "");
  EXPECT_EQ(r.col_text(1), "");
  EXPECT_EQ(outbox_purge(*db, 100000).value, 1);  // only "later" is left to purge
  EXPECT_EQ(outbox_purge(*db, 100000).value, 0);
}

}  // namespace
}  // namespace eric
