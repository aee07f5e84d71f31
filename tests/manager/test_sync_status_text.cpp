// The sync status in plain words, over a fixed clock: up to date, failed with the retry, not
// enrolled, never synchronised, running.
#include <gtest/gtest.h>

#include "kiosk/app/sync_status_text.h"
#include "kiosk/core/base/clock.h"
#include "kiosk/core/words/i18n.h"
#include "tests/support/status_assert.h"

namespace eric {
namespace {

int64_t at(const std::string& local) {
  int64_t ms = 0;
  EXPECT_TRUE(Clock::parse_local(local, ms)) << local;
  return ms / 1000;
}

class SyncStatusWords : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(test::ok(i18n.load_dir(ERIC_TEST_ASSETS "/i18n")));
    i18n.set_language("fr");
    now = at("2026-11-23 14:30");
  }
  SyncStatusFacts enrolled_ok(const std::string& when) {
    SyncStatusFacts f;
    f.enrolled = true;
    f.last_success_s = at(when);
    f.last_attempt_s = f.last_success_s;
    f.next_attempt_s = f.last_success_s + 300;
    return f;
  }
  I18n i18n;
  int64_t now = 0;
};

TEST_F(SyncStatusWords, UpToDateToday) {
  const SyncStatusText s = sync_status_text(enrolled_ok("2026-11-23 14:05"), now, i18n);
  EXPECT_EQ(s.main, "Catalogue à jour : aujourd'hui à 14 h 05");
  EXPECT_EQ(s.problem, "");
  EXPECT_TRUE(s.ok);
  EXPECT_FALSE(s.failed);
}

TEST_F(SyncStatusWords, UpToDateYesterdayAndEarlier) {
  EXPECT_EQ(sync_status_text(enrolled_ok("2026-11-22 18:00"), now, i18n).main,
            "Catalogue à jour : hier à 18 h");
  EXPECT_EQ(sync_status_text(enrolled_ok("2026-11-20 14:05"), now, i18n).main,
            "Catalogue à jour : 20 novembre à 14 h 05");
  // Another year says which.
  EXPECT_EQ(sync_status_text(enrolled_ok("2025-12-30 09:15"), now, i18n).main,
            "Catalogue à jour : 30 décembre 2025 à 9 h 15");
}

TEST_F(SyncStatusWords, FailureSaysWhyAndWhenTheNextTryComes) {
  SyncStatusFacts f = enrolled_ok("2026-11-23 14:05");
  f.last_attempt_s = now - 30;
  f.last_error_code = "server_unreachable";
  f.last_error_message = "Le serveur ne répond pas.";
  f.next_attempt_s = now + 210;  // 3 min 30 s: rounded up
  const SyncStatusText s = sync_status_text(f, now, i18n);
  EXPECT_EQ(s.main, "Catalogue à jour : aujourd'hui à 14 h 05");
  EXPECT_EQ(s.problem,
            "Dernière tentative échouée : le serveur ne répond pas. Nouvel essai dans 4 min.");
  EXPECT_FALSE(s.ok);
  EXPECT_TRUE(s.failed);

  f.next_attempt_s = now + 60;
  EXPECT_EQ(sync_status_text(f, now, i18n).problem,
            "Dernière tentative échouée : le serveur ne répond pas. Nouvel essai dans 1 min.");
  f.next_attempt_s = now - 5;  // overdue: the worker is about to try
  EXPECT_EQ(sync_status_text(f, now, i18n).problem,
            "Dernière tentative échouée : le serveur ne répond pas. Nouvel essai dans un instant.");
}

TEST_F(SyncStatusWords, UnknownCodeUsesTheClientSentence) {
  SyncStatusFacts f = enrolled_ok("2026-11-23 14:05");
  f.last_attempt_s = now;
  f.last_error_code = "http_418";
  f.last_error_message = "Le serveur a refusé la demande (erreur 418).";
  f.next_attempt_s = now + 1800;
  EXPECT_EQ(sync_status_text(f, now, i18n).problem,
            "Dernière tentative échouée : le serveur a refusé la demande (erreur 418). "
            "Nouvel essai dans 30 min.");
}

TEST_F(SyncStatusWords, NeverSynchronisedAndFailing) {
  SyncStatusFacts f;
  f.enrolled = true;
  f.last_attempt_s = now;
  f.last_error_code = "timeout";
  f.next_attempt_s = now + 45;
  const SyncStatusText s = sync_status_text(f, now, i18n);
  EXPECT_EQ(s.main, "Le catalogue n'a encore jamais été reçu du serveur régional.");
  EXPECT_EQ(s.problem,
            "Dernière tentative échouée : le serveur met trop de temps à répondre. "
            "Nouvel essai dans 1 min.");
  EXPECT_FALSE(s.ok);
  // A catalog imported from a key meanwhile: its date, still never received.
  f.catalog_updated_ms = at("2026-11-22 09:00") * 1000;
  EXPECT_EQ(sync_status_text(f, now, i18n).main,
            "Catalogue local du terminal (mis à jour hier à 9 h)");
}

TEST_F(SyncStatusWords, NotEnrolledSaysSoWithTheLocalCatalog) {
  SyncStatusFacts f;
  f.catalog_updated_ms = at("2026-11-23 10:00") * 1000;
  const SyncStatusText s = sync_status_text(f, now, i18n);
  EXPECT_EQ(s.main, "Catalogue local du terminal (mis à jour aujourd'hui à 10 h)");
  EXPECT_EQ(s.problem, "Ce terminal n'est pas relié au serveur régional.");
  EXPECT_FALSE(s.ok);
  f.catalog_updated_ms = 0;
  EXPECT_EQ(sync_status_text(f, now, i18n).main, "Ce terminal n'a pas encore de catalogue.");
}

TEST_F(SyncStatusWords, RunningHidesTheOldFailure) {
  SyncStatusFacts f = enrolled_ok("2026-11-23 14:05");
  f.last_attempt_s = now;
  f.last_error_code = "server_unreachable";
  f.running = true;
  EXPECT_EQ(sync_status_text(f, now, i18n).problem, "Synchronisation en cours…");
  EXPECT_FALSE(sync_status_text(f, now, i18n).failed);
}

TEST_F(SyncStatusWords, EnglishToo) {
  i18n.set_language("en");
  SyncStatusFacts f = enrolled_ok("2026-11-23 14:05");
  f.last_attempt_s = now;
  f.last_error_code = "server_unreachable";
  f.next_attempt_s = now + 240;
  const SyncStatusText s = sync_status_text(f, now, i18n);
  EXPECT_NE(s.main.find("Catalogue up to date: today at"), std::string::npos) << s.main;
  EXPECT_EQ(s.problem.rfind("Last attempt failed: the server does not answer. Next try in 4 min.", 0), 0u)
      << s.problem;
}

TEST(ManagerStrings, EveryFrenchKeyHasItsEnglishText) {
  I18n i18n;
  ASSERT_TRUE(test::ok(i18n.load_dir(ERIC_TEST_ASSETS "/i18n")));
  int manager_keys = 0;
  for (const std::string& key : i18n.keys("fr")) {
    if (key.rfind("manager.", 0) != 0 || key.rfind("manager.min.", 0) == 0) continue;
    ++manager_keys;
    EXPECT_TRUE(i18n.has("en", key)) << key;
  }
  EXPECT_GT(manager_keys, 50);
}

// Records set aside are said in words, whatever else is said; none, nothing is said.
TEST_F(SyncStatusWords, RecordsSetAsideAreCountedInWords) {
  SyncStatusFacts f = enrolled_ok("2026-11-23 14:05");
  EXPECT_EQ(sync_status_text(f, now, i18n).rejected, "");
  f.rejected_records = 1;
  EXPECT_EQ(sync_status_text(f, now, i18n).rejected,
            "1 fiche reçue du serveur régional est mise de côté car illisible ; le reste du "
            "catalogue est utilisé normalement.");
  f.rejected_records = 12;
  const SyncStatusText s = sync_status_text(f, now, i18n);
  EXPECT_EQ(s.rejected.rfind("12 fiches reçues du serveur régional sont mises de côté", 0), 0u)
      << s.rejected;
  EXPECT_TRUE(s.ok);  // the catalog is up to date: nothing failed
}

// A sync killed before its end (kill -9, power cut) is said as such, with the next try.
TEST_F(SyncStatusWords, AnInterruptedSyncIsSaid) {
  SyncStatusFacts f = enrolled_ok("2026-11-23 14:05");
  f.last_attempt_s = now - 60;
  f.last_error_code = "interrupted";
  f.next_attempt_s = now + 120;
  const SyncStatusText s = sync_status_text(f, now, i18n);
  EXPECT_TRUE(s.failed);
  EXPECT_EQ(s.problem,
            "Dernière tentative échouée : la synchronisation a été arrêtée avant sa fin "
            "(programme ou borne arrêtés). Nouvel essai dans 2 min.");
}

}  // namespace
}  // namespace eric
