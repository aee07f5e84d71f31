// Workshops: upcoming list, seats left, refused registrations, attendance across a reopen,
// walk-ins, and the immersion requests the desk lists.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/usage.h"
#include "kiosk/core/domain/workshops.h"
#include "kiosk/core/words/workshop_words.h"
#include "tests/help/help_test_util.h"
#include "tests/support/status_assert.h"

namespace eric::test {
namespace {

RegistrationRequest reg(const std::string& workshop, const std::string& name,
                        const std::string& contact = "") {
  RegistrationRequest r;
  r.workshop_id = workshop;
  r.first_name = name;
  r.contact = contact;
  r.consent = true;
  return r;
}

TEST(Workshops, UpcomingOfThisSiteSoonestFirst) {
  TempDir dir;
  auto db = help_store(dir);
  auto list = upcoming_workshops(*db, kSite, at("2025-06-02 10:00"));
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].workshop.id, "w-today");
  EXPECT_EQ(list[1].workshop.id, "w-full");
  EXPECT_EQ(list[2].workshop.id, "w-last");
  EXPECT_EQ(list[3].workshop.id, "w-later");
  EXPECT_EQ(list[0].seats_left, 6);
  EXPECT_TRUE(list[1].full());
  // Once it has started, today's workshop is no longer offered to visitors.
  EXPECT_EQ(upcoming_workshops(*db, kSite, at("2025-06-02 14:00"))[0].workshop.id, "w-full");
  // The desk sees today and the six days after, started ones included.
  auto desk = desk_workshops(*db, kSite, at("2025-06-02 15:00"));
  ASSERT_EQ(desk.size(), 3u);
  EXPECT_EQ(desk[0].workshop.id, "w-today");
  EXPECT_EQ(desk[2].workshop.id, "w-last");
}

TEST(Workshops, RegistrationTakesASeatAndWritesTheOutbox) {
  TempDir dir;
  auto db = help_store(dir);
  const int64_t now = at("2025-06-02 10:00");
  auto r = register_for_workshop(*db, reg("w-last", "Inès", "06 12 34 56 78"), now);
  ASSERT_TRUE(r.ok()) << r.status.message_fr;
  EXPECT_EQ(workshop_card(*db, "w-last")->seats_left, 0);
  EXPECT_EQ(workshop_card(*db, "w-last")->pending_local, 1);
  auto items = outbox_pending(*db, now + 1, 10);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].type, "workshop_registration");
  const auto payload = nlohmann::json::parse(items[0].payload_json);
  EXPECT_EQ(payload["workshop_id"], "w-last");
  EXPECT_EQ(payload["first_name"], "Inès");
  EXPECT_EQ(payload["contact"], "06 12 34 56 78");
  EXPECT_GT(items[0].purge_after, now);
  auto regs = workshop_registrations(*db, "w-last");
  ASSERT_EQ(regs.size(), 1u);
  EXPECT_EQ(regs[0].first_name, "Inès");
  EXPECT_EQ(regs[0].attendance, "unknown");
  EXPECT_FALSE(regs[0].walk_in);
  EXPECT_EQ(usage_get(*db, "2025-06-02", "workshop.registration", "cv"), 1);

  // The server refused it: the seat is free again.
  EXPECT_TRUE(outbox_mark(*db, items[0].id, OutboxState::rejected, "", "Cet atelier est complet.", "", 0).ok);
  EXPECT_EQ(workshop_card(*db, "w-last")->seats_left, 1);
  EXPECT_EQ(workshop_registrations(*db, "w-last")[0].delivery, OutboxState::rejected);
}

TEST(Workshops, FullWorkshopRefused) {
  TempDir dir;
  auto db = help_store(dir);
  const int64_t now = at("2025-06-02 10:00");
  auto full = register_for_workshop(*db, reg("w-full", "Sam"), now);
  EXPECT_FALSE(full.ok());
  EXPECT_EQ(full.status.code, "workshop_full");
  EXPECT_FALSE(full.status.message_fr.empty());
  // The last seat goes to the first one; the second is refused.
  ASSERT_TRUE(register_for_workshop(*db, reg("w-last", "Max"), now).ok());
  auto late = register_for_workshop(*db, reg("w-last", "Léa"), now + 5);
  EXPECT_EQ(late.status.code, "workshop_full");
  EXPECT_EQ(workshop_registrations(*db, "w-last").size(), 1u);
  EXPECT_EQ(outbox_pending(*db, now + 10, 10).size(), 1u);  // nothing written for Léa
  // A walk-in is refused too when no seat is left.
  EXPECT_EQ(add_walk_in(*db, "w-full", "Tom", "animator", now).status.code, "workshop_full");
}

TEST(Workshops, OtherRefusals) {
  TempDir dir;
  auto db = help_store(dir);
  const int64_t now = at("2025-06-02 10:00");
  EXPECT_EQ(register_for_workshop(*db, reg("nope", "Sam"), now).status.code, "not_found");
  EXPECT_EQ(register_for_workshop(*db, reg("w-cancelled", "Sam"), now).status.code,
            "workshop_cancelled");
  EXPECT_EQ(register_for_workshop(*db, reg("w-past", "Sam"), now).status.code,
            "workshop_started");
  EXPECT_EQ(register_for_workshop(*db, reg("w-later", "  "), now).status.code,
            "bad_first_name");
  EXPECT_EQ(register_for_workshop(*db, reg("w-later", "Sam", "06 12"), now).status.code,
            "bad_phone");
  EXPECT_EQ(register_for_workshop(*db, reg("w-later", "Sam", "sam@"), now).status.code,
            "bad_email");
  RegistrationRequest no_consent = reg("w-later", "Sam");
  no_consent.consent = false;
  EXPECT_EQ(register_for_workshop(*db, no_consent, now).status.code, "no_consent");
  EXPECT_TRUE(register_for_workshop(*db, reg("w-later", "Sam", "sam@exemple.fr"), now).ok());
  EXPECT_TRUE(workshop_registrations(*db, "w-today").empty());
}

TEST(Workshops, ContactCheck) {
  EXPECT_TRUE(check_contact("").ok);
  EXPECT_TRUE(check_contact("0612345678").ok);
  EXPECT_TRUE(check_contact("+33 6 12 34 56 78").ok);
  EXPECT_TRUE(check_contact("ines.b@mail.fr").ok);
  EXPECT_FALSE(check_contact("061234").ok);
  EXPECT_FALSE(check_contact("ines@mail").ok);
  EXPECT_FALSE(check_contact("@mail.fr").ok);
  EXPECT_FALSE(check_contact("06-AB").ok);
}

TEST(Workshops, AttendancePersistsAcrossReopen) {
  TempDir dir;
  const int64_t now = at("2025-06-02 10:00");
  std::string id;
  {
    auto db = help_store(dir);
    auto r = register_for_workshop(*db, reg("w-today", "Inès"), now);
    ASSERT_TRUE(r.ok());
    id = r.value.id;
    ASSERT_TRUE(set_attendance(*db, id, Attendance::present, "animator", now + 60).ok);
    auto walk = add_walk_in(*db, "w-today", "Karim", "animator", now + 120);
    ASSERT_TRUE(walk.ok()) << walk.status.message_fr;
    EXPECT_EQ(set_attendance(*db, "missing", Attendance::absent, "animator", now).code,
              "not_found");
  }
  Status st;
  auto db = open_store(dir.file("k.db"), st);
  ASSERT_TRUE(st.ok);
  auto regs = workshop_registrations(*db, "w-today");
  ASSERT_EQ(regs.size(), 2u);
  EXPECT_EQ(regs[0].id, id);
  EXPECT_EQ(regs[0].attendance, "present");
  EXPECT_EQ(regs[1].first_name, "Karim");
  EXPECT_EQ(regs[1].attendance, "present");
  EXPECT_TRUE(regs[1].walk_in);
  EXPECT_EQ(workshop_card(*db, "w-today")->seats_left, 4);  // 8 - 2 - 2 pending here
  EXPECT_EQ(desk_action_count(*db, "attendance_present"), 1);
  EXPECT_EQ(desk_action_count(*db, "walk_in"), 1);
  ASSERT_TRUE(set_attendance(*db, id, Attendance::absent, "animator", now + 180).ok);
  EXPECT_EQ(workshop_registrations(*db, "w-today")[0].attendance, "absent");
}

TEST(Workshops, PurgeClearsRegistrationNames) {
  TempDir dir;
  auto db = help_store(dir);
  const int64_t now = at("2025-06-02 10:00");
  ASSERT_TRUE(register_for_workshop(*db, reg("w-later", "Inès", "ines@mail.fr"), now).ok());
  ASSERT_TRUE(outbox_purge(*db, now + personal_data_retention_seconds(*db) + 1).ok());
  auto regs = workshop_registrations(*db, "w-later");
  ASSERT_EQ(regs.size(), 1u);
  EXPECT_EQ(regs[0].first_name, "");
  EXPECT_EQ(regs[0].contact, "");
}

TEST(Workshops, ImmersionRequestsForTheDesk) {
  TempDir dir;
  auto db = help_store(dir);
  I18n i18n;
  ASSERT_TRUE(test::ok(i18n.load_dir(ERIC_TEST_ASSETS "/i18n")));
  auto a = outbox_add(*db, "immersion_request",
                      R"({"slot_id":"sl1","first_name":"Inès","phone":"0612345678"})", 100, 5000);
  auto b = outbox_add(*db, "immersion_request",
                      R"({"slot_id":"gone","first_name":"Sam","email":"sam@mail.fr"})", 200, 5000);
  EXPECT_TRUE(outbox_add(*db, "help_ticket", R"({"number":"A001"})", 300, 0).ok());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(outbox_mark(*db, b.value, OutboxState::rejected, "", "Ce créneau d'immersion est complet.", "",
              0).ok);
  auto rows = immersion_requests_here(*db);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].first_name, "Sam");  // newest first
  EXPECT_EQ(rows[0].contact, "sam@mail.fr");
  EXPECT_EQ(rows[1].contact, "0612345678");
  EXPECT_EQ(rows[1].employer_name, "Boulangerie Dupont");
  EXPECT_EQ(rows[1].trade_label, "Vente en alimentation");
  EXPECT_EQ(rows[1].slot_start, "2025-06-10");
  EXPECT_EQ(immersion_status_words(rows[1], i18n), "En attente d'envoi");
  EXPECT_EQ(immersion_status_words(rows[0], i18n),
            "Refusée : Ce créneau d'immersion est complet.");
  EXPECT_TRUE(outbox_purge(*db, 6000).ok());
  rows = immersion_requests_here(*db);
  EXPECT_EQ(rows[1].first_name, "");
  EXPECT_TRUE(rows[1].purged);
}

}  // namespace
}  // namespace eric::test
