// The help screens headless over a real store: the called-ticket banner, the desk's guard,
// and the visitor path driven by the script language.
#include <gtest/gtest.h>
#include <imgui.h>

#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/pin.h"
#include "kiosk/core/domain/usage.h"
#include "kiosk/core/domain/workshops.h"
#include "kiosk/ui/ui.h"
#include "screens/screens.h"
#include "screens/ticket_banner.h"
#include "tests/help/help_test_util.h"
#include "tests/support/headless_shell.h"

namespace eric::test {
namespace {

class HelpScreens : public HeadlessShell {
 protected:
  void SetUp() override {
    db = help_store(dir);
    ASSERT_TRUE(set_pin(*db, "animator", "2468").ok);
    services.db = db.get();
    services.site.id = kSite;
    services.site.name = "ERIC Cyber-base de Martigues";
    ASSERT_NO_FATAL_FAILURE(start_shell("2025-06-02 10:00"));
  }

  // One frame with only the banner, as the shell will draw it over the page.
  bool banner_shows(std::string_view text) {
    ImGui::NewFrame();
    ui::begin_frame(ui);
    ScreenContext ctx = app->context();
    draw_called_ticket_banner(ctx);
    ui::end_frame(ui);
    ImGui::Render();
    for (const auto& item : ui.probe.items()) {
      if (item.kind == ui::ProbeKind::Banner && contains_ignoring_case(item.text, text))
        return true;
    }
    return false;
  }

  TempDir dir;
  std::unique_ptr<Database> db;
};

TEST_F(HelpScreens, StaffSpacesKeepTheirOwnTextSize) {
  const float at_a = ui.fonts.size(ui::FontRole::Body);
  play("tap \"A++\"\n");
  const float at_a_plus_plus = ui.fonts.size(ui::FontRole::Body);
  ASSERT_GT(at_a_plus_plus, at_a);
  // The desk's tables and the manager's tiles are laid out for A: a visitor's A++ stays
  // with the visitor.
  play("tap \"Espace du personnel\"\ntype \"2468\"\ntap \"Valider\"\nexpect \"Espace animateur\"\n");
  EXPECT_FLOAT_EQ(ui.fonts.size(ui::FontRole::Body), at_a);
  EXPECT_EQ(app->shell().text_size, 2) << "the visitor's choice is kept, only not drawn";
}

TEST_F(HelpScreens, CalledTicketBannerForThirtySecondsOnTheVisitorSide) {
  TicketRequest r;
  r.site_id = kSite;
  r.reason = "cv";
  auto t = take_ticket(*db, r, clock.now_s());
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(banner_shows("Ticket"));
  ASSERT_TRUE(call_ticket(*db, t.value.ticket.id, "animator", clock.now_s()).ok);
  EXPECT_TRUE(banner_shows("Ticket A001, présentez-vous au bureau d'accueil"));
  {
    ScreenContext ctx = app->context();
    EXPECT_EQ(called_ticket_banner_deadline_ms(ctx), (clock.now_s() + 30) * 1000);
  }
  // Never over the desk: the animator sees the call in the queue itself.
  app->shell().mode = Mode::Animator;
  EXPECT_FALSE(banner_shows("Ticket"));
  app->shell().mode = Mode::Visitor;
  clock.advance_ms(29 * 1000);
  EXPECT_TRUE(banner_shows("A001"));
  clock.advance_ms(1000);
  EXPECT_FALSE(banner_shows("A001"));
}

// A short screen at A++: the banner keeps to a quarter of the height in a smaller font, so
// the page under it stays usable for its 30 s (in Display it took a third of 1366x768).
TEST_F(HelpScreens, TheCalledTicketBannerKeepsToAQuarterOfAShortScreen) {
  ImGui::GetIO().DisplaySize = ImVec2(1366, 768);
  play("tap \"A++\"\n");
  TicketRequest r;
  r.site_id = kSite;
  r.reason = "cv";
  auto t = take_ticket(*db, r, clock.now_s());
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(call_ticket(*db, t.value.ticket.id, "animator", clock.now_s()).ok);
  EXPECT_TRUE(banner_shows("Ticket A001, présentez-vous au bureau d'accueil"));
  ScreenContext ctx = app->context();
  const float h = called_ticket_banner_height(ctx);
  EXPECT_GT(h, 0.0f);
  EXPECT_LE(h, 0.25f * 768);
}

// The shell writes between visitors: the counters held in memory, and once a day the
// housekeeping (yesterday's names cleared, yesterday's counters put in the outbox).
TEST_F(HelpScreens, AtHomeTheShellWritesCountersAndDoesTheDaysHousekeeping) {
  TicketRequest r;
  r.site_id = kSite;
  r.reason = "cv";
  r.first_name = "Sam";
  auto yesterday = take_ticket(*db, r, clock.now_s() - 86400);
  ASSERT_TRUE(yesterday.ok());
  services.usage.add("2025-06-02", "jobs.search", "family:F", 2);
  run_frames(1);
  EXPECT_TRUE(services.usage.empty());
  EXPECT_EQ(usage_get(*db, "2025-06-02", "jobs.search", "family:F"), 2);
  EXPECT_EQ(ticket_by_id(*db, yesterday.value.ticket.id)->first_name, "");
  int usage_items = 0;
  for (const OutboxItem& item : outbox_recent(*db, 10)) usage_items += item.type == "usage";
  EXPECT_EQ(usage_items, 1);  // yesterday's "help.ticket|cv"
  // Away from home, a visitor's counters wait in memory.
  play("tap \"Être aidé ou m'inscrire\"\n");
  services.usage.add("2025-06-02", "jobs.search", "family:F");
  run_frames(1);
  EXPECT_EQ(services.usage.held("2025-06-02", "jobs.search", "family:F"), 1);
}

// A portrait desk: a registration's "Présent" and "Absent" go under its words, where beside
// them they were drawn over the phone number; on a landscape screen they stay beside.
TEST_F(HelpScreens, OnAPortraitDeskTheAttendanceChipsLeaveThePhoneNumberReadable) {
  RegistrationRequest r;
  r.workshop_id = "w-today";
  r.first_name = "Inès";
  r.contact = "06 12 34 56 78";
  r.consent = true;
  ASSERT_TRUE(register_for_workshop(*db, r, clock.now_s()).ok());
  for (const ImVec2 screen : {ImVec2(1080, 1920), ImVec2(1920, 1080)}) {
    ImGui::GetIO().DisplaySize = screen;
    if (app->shell().mode != Mode::Animator)
      play("tap \"Espace du personnel\"\ntype \"2468\"\ntap \"Valider\"\n");
    play("tap \"Ateliers\"\ntap \"Atelier w-today\"\nexpect \"06 12 34 56 78\"\n");
    const ui::ProbeItem* line = nullptr;
    const ui::ProbeItem* present = nullptr;
    for (const ui::ProbeItem& item : ui.probe.items()) {
      if (item.text.find("06 12 34 56 78") != std::string::npos) line = &item;
      if (item.text == "Présent" && item.tappable) present = &item;
    }
    ASSERT_NE(line, nullptr);
    ASSERT_NE(present, nullptr);
    const bool apart = present->x >= line->x + line->w || present->y >= line->y + line->h;
    EXPECT_TRUE(apart) << screen.x << "x" << screen.y << ": the chip at (" << present->x << ", "
                       << present->y << ") covers the line ending at x = " << line->x + line->w;
    if (screen.x > screen.y) {
      EXPECT_LT(present->y, line->y + line->h) << "beside, not under";
    }
  }
}

TEST_F(HelpScreens, TheDeskIsNotReachableWithoutThePin) {
  ASSERT_TRUE(app->nav().open("desk"));
  run_frames(3);
  EXPECT_TRUE(app->nav().at_home());
  play("expect-not \"File d'attente\"\n");
}

TEST_F(HelpScreens, TicketPathAndDeskOrder) {
  play(
      "tap \"Être aidé ou m'inscrire\"\n"
      "tap \"Être aidé maintenant\"\n"
      "tap \"Mon CV\"\n"
      "tap \"Prendre un ticket\"\n"
      "expect \"A001\"\n"
      "expect \"Vous êtes le prochain\"\n"
      "tap \"Terminé\"\n"
      "expect \"Cette borne vous a-t-elle aidé ?\"\n"
      "tap \"Passer\"\n"
      "tap \"Être aidé ou m'inscrire\"\n"
      "tap \"Être aidé maintenant\"\n"
      "tap \"Autre chose\"\n"
      "tap \"Oui\"\n"
      "tap \"Prendre un ticket\"\n"
      "expect \"A002\"\n"
      "expect \"Vous êtes le prochain\"\n"
      "tap \"Terminé\"\n"
      "tap \"Passer\"\n"
      "tap \"Espace du personnel\"\n"
      "type \"2468\"\n"
      "tap \"Valider\"\n"
      "expect \"File d'attente (2)\"\n"
      "expect \"Prochain : A002\"\n"
      "tap \"Appeler\"\n"
      "expect \"appelé à 10 h\"\n"
      "tap \"Fermer l'espace animateur\"\n"
      "expect \"Bonjour\"\n");
  EXPECT_EQ(app->shell().mode, Mode::Visitor);
  auto called = ticket_called_recently(*db, kSite, clock.now_s());
  ASSERT_TRUE(called);
  EXPECT_EQ(called->number, "A002");
}

// The job detail opens the path with what the visitor was looking at; the animator sees it.
TEST_F(HelpScreens, ContextTravelsWithTheTicket) {
  ASSERT_TRUE(app->nav().open("help.start", {{"context", "Offre : Maçon (H/F)"}}));
  play(
      "expect \"Vous regardiez : Offre : Maçon (H/F)\"\n"
      "tap \"Être aidé maintenant\"\n"
      "tap \"Répondre à une offre\"\n"
      "tap \"Prendre un ticket\"\n"
      "expect \"A001\"\n"
      "expect \"Offre : Maçon (H/F)\"\n");
  auto queue = help_queue(*db, kSite, clock.now_s());
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].context, "Offre : Maçon (H/F)");
  EXPECT_EQ(queue[0].reason, "answer_offer");
  // The visitor leaves: nothing of theirs stays in the session, only when the visit began
  // (until the feedback question is answered, so the visit is counted once).
  play("tap \"Terminé\"\nexpect \"Cette borne vous a-t-elle aidé ?\"\n");
  Session left = app->session();
  EXPECT_NE(left.started_ms, 0);
  left.started_ms = 0;
  EXPECT_TRUE(left.empty());
  play("tap \"Passer\"\nexpect \"Que voulez-vous faire ?\"\n");
  EXPECT_TRUE(app->session().empty());
}

}  // namespace
}  // namespace eric::test
