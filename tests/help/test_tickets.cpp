// Help tickets: numbering per site and day, queue order, desk actions, counts, the banner query.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/housekeeping.h"
#include "kiosk/core/domain/usage.h"
#include "tests/help/help_test_util.h"

namespace eric::test {
namespace {

TicketRequest req(const std::string& reason, bool urgent, const std::string& name = "") {
  TicketRequest r;
  r.site_id = kSite;
  r.reason = reason;
  r.urgent_today = urgent;
  r.first_name = name;
  return r;
}

TEST(Tickets, NumberFormat) {
  EXPECT_EQ(ticket_number(1), "A001");
  EXPECT_EQ(ticket_number(12), "A012");
  EXPECT_EQ(ticket_number(999), "A999");
  EXPECT_EQ(ticket_number(1000), "B001");
}

TEST(Tickets, NumberedPerSiteAndDay) {
  TempDir dir;
  auto db = help_store(dir);
  const int64_t t0 = at("2025-06-02 09:00");
  auto a = take_ticket(*db, req("cv", false), t0);
  auto b = take_ticket(*db, req("other", false), t0 + 60);
  ASSERT_TRUE(a.ok()) << a.status.message_fr;
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a.value.ticket.number, "A001");
  EXPECT_EQ(b.value.ticket.number, "A002");
  EXPECT_EQ(a.value.ticket.day, "2025-06-02");
  // Another site keeps its own numbers.
  TicketRequest other = req("cv", false);
  other.site_id = "eric-istres";
  auto c = take_ticket(*db, other, t0 + 120);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value.ticket.number, "A001");
  // The next day starts again at A001.
  auto d = take_ticket(*db, req("cv", false), at("2025-06-03 09:00"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.value.ticket.number, "A001");
  auto e = take_ticket(*db, req("cv", false), at("2025-06-03 09:05"));
  EXPECT_EQ(e.value.ticket.number, "A002");
}

TEST(Tickets, RefusesUnknownReason) {
  TempDir dir;
  auto db = help_store(dir);
  auto r = take_ticket(*db, req("poker", false), at("2025-06-02 09:00"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status.code, "bad_input");
  EXPECT_TRUE(help_queue(*db, kSite, at("2025-06-02 09:00")).empty());
}

TEST(Tickets, OutboxItemCarriesNothingPersonal) {
  TempDir dir;
  auto db = help_store(dir);
  TicketRequest r = req("email_account", true, "Inès");
  r.context = "Offre : Maçon (H/F)";
  const int64_t now = at("2025-06-02 09:00");
  auto t = take_ticket(*db, r, now);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value.ticket.first_name, "Inès");
  EXPECT_EQ(t.value.ticket.context, "Offre : Maçon (H/F)");
  auto items = outbox_pending(*db, now + 1, 10);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].type, "help_ticket");
  EXPECT_EQ(items[0].payload_json.find("Inès"), std::string::npos);
  EXPECT_EQ(items[0].payload_json.find("Maçon"), std::string::npos);
  const auto payload = nlohmann::json::parse(items[0].payload_json);
  EXPECT_EQ(payload["number"], "A001");
  EXPECT_EQ(payload["reason"], "email_account");
  EXPECT_EQ(payload["urgent_today"], true);
  EXPECT_EQ(items[0].purge_after, now + 30 * 86400);
  EXPECT_EQ(usage_get(*db, "2025-06-02", "help.ticket", "email_account"), 1);
}

// Urgent first, then arrival: the same queue whichever of the two came first.
TEST(Tickets, UrgentFirstInBothOrders) {
  for (bool urgent_first : {true, false}) {
    TempDir dir;
    auto db = help_store(dir);
    const int64_t t0 = at("2025-06-02 09:00");
    auto first = take_ticket(*db, req("cv", urgent_first), t0);
    auto second = take_ticket(*db, req("other", !urgent_first), t0 + 30);
    ASSERT_TRUE(first.ok() && second.ok());
    const auto& urgent = urgent_first ? first.value : second.value;
    const auto& normal = urgent_first ? second.value : first.value;
    auto queue = help_queue(*db, kSite, t0 + 60);
    ASSERT_EQ(queue.size(), 2u);
    EXPECT_EQ(queue[0].id, urgent.ticket.id) << "urgent_first=" << urgent_first;
    EXPECT_TRUE(queue[0].urgent_today);
    EXPECT_EQ(queue[1].id, normal.ticket.id);
    EXPECT_EQ(people_ahead(*db, urgent.ticket.id), 0);
    EXPECT_EQ(people_ahead(*db, normal.ticket.id), 1);
  }
}

TEST(Tickets, ArrivalOrderWithinUrgency) {
  TempDir dir;
  auto db = help_store(dir);
  const int64_t t0 = at("2025-06-02 09:00");
  // Same second: the earlier row is the earlier arrival.
  auto a = take_ticket(*db, req("cv", false), t0);
  auto b = take_ticket(*db, req("cv", false), t0);
  auto c = take_ticket(*db, req("cv", true), t0 + 5);
  auto d = take_ticket(*db, req("cv", true), t0 + 10);
  auto queue = help_queue(*db, kSite, t0 + 20);
  ASSERT_EQ(queue.size(), 4u);
  EXPECT_EQ(queue[0].number, c.value.ticket.number);
  EXPECT_EQ(queue[1].number, d.value.ticket.number);
  EXPECT_EQ(queue[2].number, a.value.ticket.number);
  EXPECT_EQ(queue[3].number, b.value.ticket.number);
  EXPECT_EQ(b.value.people_ahead, 1);  // at the time it was taken
  EXPECT_EQ(people_ahead(*db, b.value.ticket.id), 3);
  EXPECT_EQ(d.value.people_ahead, 1);
}

TEST(Tickets, CallReceiveAbsentAndCounts) {
  TempDir dir;
  auto db = help_store(dir);
  const int64_t t0 = at("2025-06-02 09:00");
  auto a = take_ticket(*db, req("cv", false), t0);
  auto b = take_ticket(*db, req("cv", false), t0 + 60);
  auto c = take_ticket(*db, req("cv", false), t0 + 120);
  ASSERT_TRUE(call_ticket(*db, a.value.ticket.id, "animator", t0 + 300).ok);
  ASSERT_TRUE(ticket_received(*db, a.value.ticket.id, "animator", t0 + 320).ok);
  ASSERT_TRUE(ticket_received(*db, b.value.ticket.id, "animator", t0 + 660).ok);  // never called
  ASSERT_TRUE(call_ticket(*db, c.value.ticket.id, "animator", t0 + 700).ok);
  ASSERT_TRUE(ticket_absent(*db, c.value.ticket.id, "animator", t0 + 800).ok);
  // A closed ticket cannot be closed again.
  EXPECT_EQ(ticket_received(*db, c.value.ticket.id, "animator", t0 + 900).code, "closed");
  EXPECT_EQ(call_ticket(*db, 9999, "animator", t0 + 900).code, "not_found");

  auto a2 = ticket_by_id(*db, a.value.ticket.id);
  ASSERT_TRUE(a2);
  EXPECT_EQ(a2->called_at, t0 + 300);
  EXPECT_EQ(a2->served_at, t0 + 320);
  EXPECT_EQ(a2->outcome, TicketOutcome::served);
  EXPECT_EQ(ticket_by_id(*db, c.value.ticket.id)->outcome, TicketOutcome::absent);
  EXPECT_TRUE(take_ticket(*db, req("other", true), t0 + 900).ok());

  const HelpDayCounts counts = help_day_counts(*db, kSite, t0 + 1000);
  EXPECT_EQ(counts.waiting, 1);
  EXPECT_EQ(counts.received, 2);
  EXPECT_EQ(counts.absent, 1);
  EXPECT_EQ(counts.average_wait_s, (300 + 600) / 2);  // a: arrival to call; b: to reception
  EXPECT_EQ(help_queue(*db, kSite, t0 + 1000).size(), 1u);

  // Every action logged and counted, without names.
  EXPECT_EQ(desk_action_count(*db, "ticket_call"), 2);
  EXPECT_EQ(desk_action_count(*db, "ticket_received"), 2);
  EXPECT_EQ(desk_action_count(*db, "ticket_absent"), 1);
  EXPECT_EQ(usage_get(*db, "2025-06-02", "desk.ticket_call", ""), 2);
}

TEST(Tickets, CalledBannerLastsThirtySeconds) {
  TempDir dir;
  auto db = help_store(dir);
  const int64_t t0 = at("2025-06-02 09:00");
  auto a = take_ticket(*db, req("cv", false), t0);
  auto b = take_ticket(*db, req("cv", false), t0 + 10);
  EXPECT_FALSE(ticket_called_recently(*db, kSite, t0 + 20));
  EXPECT_TRUE(call_ticket(*db, a.value.ticket.id, "animator", t0 + 100).ok);
  auto shown = ticket_called_recently(*db, kSite, t0 + 100);
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->number, "A001");
  EXPECT_TRUE(ticket_called_recently(*db, kSite, t0 + 129));
  EXPECT_FALSE(ticket_called_recently(*db, kSite, t0 + 130));
  EXPECT_FALSE(ticket_called_recently(*db, "eric-istres", t0 + 100));
  // The latest call wins; a received ticket is no longer announced.
  EXPECT_TRUE(call_ticket(*db, b.value.ticket.id, "animator", t0 + 140).ok);
  EXPECT_TRUE(call_ticket(*db, a.value.ticket.id, "animator", t0 + 145).ok);
  EXPECT_EQ(ticket_called_recently(*db, kSite, t0 + 150)->number, "A001");
  EXPECT_TRUE(ticket_received(*db, a.value.ticket.id, "animator", t0 + 150).ok);
  EXPECT_EQ(ticket_called_recently(*db, kSite, t0 + 151)->number, "A002");
}

TEST(Tickets, PurgesNamesOfEarlierDays) {
  TempDir dir;
  auto db = help_store(dir);
  TicketRequest r = req("cv", false, "Sam");
  r.context = "Offre : Cuisinier";
  auto old = take_ticket(*db, r, at("2025-06-02 09:00"));
  auto today = take_ticket(*db, r, at("2025-06-03 09:00"));
  auto purged = help_purge_personal(*db, at("2025-06-03 10:00"));
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(purged.value, 1);
  EXPECT_EQ(ticket_by_id(*db, old.value.ticket.id)->first_name, "");
  EXPECT_EQ(ticket_by_id(*db, old.value.ticket.id)->context, "");
  EXPECT_EQ(ticket_by_id(*db, today.value.ticket.id)->first_name, "Sam");
}

TEST(Tickets, HousekeepingClearsNamesPurgesExpiredDataAndReportsYesterday) {
  TempDir dir;
  auto db = help_store(dir);
  EXPECT_TRUE(setting_set(*db, "retention_days", "1").ok);
  auto old = take_ticket(*db, req("cv", true, "Sam"), at("2025-06-02 09:00"));
  ASSERT_TRUE(old.ok());
  const int64_t next_day = at("2025-06-03 10:00");  // 25 hours later: past the retention
  auto today = take_ticket(*db, req("other", false, "Léa"), next_day - 60);
  ASSERT_TRUE(today.ok());

  auto done = run_housekeeping(*db, next_day);
  ASSERT_TRUE(done.ok()) << done.status.message_fr;
  EXPECT_EQ(done.value.tickets_cleared, 1);
  EXPECT_EQ(done.value.outbox_items_purged, 1);
  EXPECT_EQ(done.value.usage_reports, 1);  // yesterday's "help.ticket|cv"
  EXPECT_EQ(ticket_by_id(*db, old.value.ticket.id)->first_name, "");
  EXPECT_EQ(ticket_by_id(*db, today.value.ticket.id)->first_name, "Léa");
  bool reported = false;
  for (const OutboxItem& item : outbox_recent(*db, 10)) {
    if (item.type != "usage") continue;
    const auto payload = nlohmann::json::parse(item.payload_json);
    EXPECT_EQ(payload["day"], "2025-06-02");
    EXPECT_EQ(payload["counters"]["help.ticket|cv"], 1);
    reported = true;
  }
  EXPECT_TRUE(reported);
  // Run again: nothing left to do.
  auto again = run_housekeeping(*db, next_day + 60);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value.tickets_cleared + again.value.outbox_items_purged +
                again.value.usage_reports, 0);
}

TEST(Tickets, RetentionSetting) {
  TempDir dir;
  auto db = help_store(dir);
  EXPECT_EQ(personal_data_retention_seconds(*db), 30 * 86400);
  EXPECT_TRUE(setting_set(*db, "retention_days", "7").ok);
  EXPECT_EQ(personal_data_retention_seconds(*db), 7 * 86400);
  EXPECT_TRUE(setting_set(*db, "retention_days", "soon").ok);
  EXPECT_EQ(personal_data_retention_seconds(*db), 30 * 86400);
}

}  // namespace
}  // namespace eric::test
