// Usage counters: the UI's tally that never waits for the sync's write lock, and the daily
// reports that carry finished days to the region through the outbox.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/core/domain/usage.h"
#include "kiosk/core/storage/store.h"
#include "tests/support/test_util.h"

namespace eric::test {
namespace {

TEST(UsageTally, AddsUpInMemoryThenWritesOnFlush) {
  TempDir dir;
  auto db = fresh_store(dir);
  UsageTally tally;
  tally.add("2026-11-23", "jobs.search", "family:F");
  tally.add("2026-11-23", "jobs.search", "family:F", 2);
  tally.add("2026-11-23", "visit.start", "");
  EXPECT_EQ(tally.held("2026-11-23", "jobs.search", "family:F"), 3);
  EXPECT_EQ(tally.size(), 2u);
  EXPECT_EQ(usage_get(*db, "2026-11-23", "jobs.search", "family:F"), 0);  // not written yet

  ASSERT_TRUE(tally.flush(*db).ok);
  EXPECT_TRUE(tally.empty());
  EXPECT_EQ(usage_get(*db, "2026-11-23", "jobs.search", "family:F"), 3);
  // A second flush adds to what the file has.
  tally.add("2026-11-23", "jobs.search", "family:F");
  ASSERT_TRUE(tally.flush(*db).ok);
  EXPECT_EQ(usage_get(*db, "2026-11-23", "jobs.search", "family:F"), 4);
  EXPECT_EQ(usage_get(*db, "2026-11-23", "visit.start", ""), 1);
}

TEST(UsageTally, ABusyFileKeepsTheCountersWithoutWaiting) {
  TempDir dir;
  auto ui = fresh_store(dir);
  Status st;
  auto worker = Database::open(ui->path(), st);  // stands for the sync worker's connection
  ASSERT_TRUE(worker) << st.message_fr;
  UsageTally tally;
  tally.add("2026-11-23", "jobs.search", "trade:F1703", 5);
  {
    Transaction apply(*worker);  // a catalog apply holds the write lock
    ASSERT_TRUE(apply.ok());
    const Status busy = tally.flush(*ui);
    EXPECT_FALSE(busy.ok);
    EXPECT_EQ(busy.code, "sqlite_busy");
    EXPECT_EQ(tally.held("2026-11-23", "jobs.search", "trade:F1703"), 5);
    // The connection keeps its usual patience for the writes that must wait.
    EXPECT_EQ(ui->busy_timeout_ms(), OpenOptions{}.busy_timeout_ms);
  }
  ASSERT_TRUE(tally.flush(*ui).ok);
  EXPECT_TRUE(tally.empty());
  EXPECT_EQ(usage_get(*ui, "2026-11-23", "jobs.search", "trade:F1703"), 5);
}

TEST(UsageTally, MemoryStaysBoundedWhenTheFileIsNeverFree) {
  UsageTally tally;
  for (size_t i = 0; i < UsageTally::kMaxHeld + 100; ++i) {
    tally.add("2026-11-23", "jobs.search", "words:w" + std::to_string(i));
  }
  EXPECT_EQ(tally.size(), UsageTally::kMaxHeld + 1);
  EXPECT_EQ(tally.held("2026-11-23", "usage.overflow", ""), 100);
  // Counters already held still add up.
  tally.add("2026-11-23", "jobs.search", "words:w0");
  EXPECT_EQ(tally.held("2026-11-23", "jobs.search", "words:w0"), 2);
}

std::vector<nlohmann::json> usage_items(Database& db) {
  std::vector<nlohmann::json> out;
  for (const OutboxItem& item : outbox_pending(db, 1 << 30, 100)) {
    if (item.type == "usage") out.push_back(nlohmann::json::parse(item.payload_json));
  }
  return out;
}

TEST(UsageReports, OneItemPerFinishedDayAndNeverTwice) {
  TempDir dir;
  auto db = fresh_store(dir);
  ASSERT_TRUE(usage_add(*db, "2026-11-20", "jobs.search", "trade:F1703", 4).ok);
  ASSERT_TRUE(usage_add(*db, "2026-11-20", "visit.start", "", 9).ok);
  ASSERT_TRUE(usage_add(*db, "2026-11-22", "jobs.search_no_result", "words:astronaute").ok);
  ASSERT_TRUE(usage_add(*db, "2026-11-23", "jobs.search", "family:F").ok);  // today: not yet

  auto sent = usage_report_finished_days(*db, "2026-11-23", 1000);
  ASSERT_TRUE(sent.ok()) << sent.status.message_fr;
  EXPECT_EQ(sent.value, 2);
  auto items = usage_items(*db);
  ASSERT_EQ(items.size(), 2u);
  const nlohmann::json& first = items[0]["day"] == "2026-11-20" ? items[0] : items[1];
  const nlohmann::json& second = items[0]["day"] == "2026-11-20" ? items[1] : items[0];
  EXPECT_EQ(first["counters"],
            nlohmann::json({{"jobs.search|trade:F1703", 4}, {"visit.start", 9}}));
  EXPECT_EQ(second["day"], "2026-11-22");
  EXPECT_EQ(second["counters"], nlohmann::json({{"jobs.search_no_result|words:astronaute", 1}}));
  // Nothing personal: these items are never purged.
  for (const OutboxItem& item : outbox_pending(*db, 1 << 30, 100)) EXPECT_EQ(item.purge_after, 0);

  // Again the same day: nothing new. The next day: yesterday goes, alone.
  EXPECT_EQ(usage_report_finished_days(*db, "2026-11-23", 1001).value, 0);
  auto next = usage_report_finished_days(*db, "2026-11-24", 2000);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next.value, 1);
  items = usage_items(*db);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(setting_get_or(*db, "usage_reported_through", ""), "2026-11-23");
}

TEST(UsageReports, KeysThatAreNotUtf8AreReplacedNotThrownOn) {
  TempDir dir;
  auto db = fresh_store(dir);
  ASSERT_TRUE(usage_add(*db, "2026-11-20", "jobs.search", std::string("words:ma\xff\xfe")).ok);
  auto sent = usage_report_finished_days(*db, "2026-11-23", 1000);
  ASSERT_TRUE(sent.ok()) << sent.status.message_fr;
  ASSERT_EQ(usage_items(*db).size(), 1u);
}

}  // namespace
}  // namespace eric::test
