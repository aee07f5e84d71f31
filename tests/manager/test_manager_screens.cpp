// The manager's screens headless over a real store (a terminal not enrolled): the PIN guard,
// the status, a setting saved, the outbox shown without personal data, a bundle import that
// fails in words, and the search for bundle files on a key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "kiosk/app/sync_link.h"
#include "kiosk/core/domain/pin.h"
#include "kiosk/ui/ui.h"
#include "screens/screens.h"
#include "sync/client.h"
#include "tests/support/headless_shell.h"
#include "tests/support/test_util.h"

namespace eric::test {
namespace {

class ManagerScreens : public HeadlessShell {
 protected:
  void SetUp() override {
    db = fresh_store(dir);
    ASSERT_TRUE(replace_catalog(*db, sample_catalog(), "2026-11-23 10:00").ok);
    ASSERT_TRUE(set_pin(*db, "manager", "1357").ok);
    services.db = db.get();
    services.site.name = "ERIC Cyber-base de Martigues";
    link = std::make_unique<SyncLink>(db->path(), SyncConfig{}, clock, std::function<void()>{});
    EXPECT_FALSE(link->start(*db));  // not enrolled: no worker
    services.sync = link.get();
    ASSERT_NO_FATAL_FAILURE(start_shell("2026-11-23 14:30"));
    services.catalog_updated_ms = clock.now_ms() - 4 * 3600 * 1000 - 30 * 60 * 1000;
  }
  void TearDown() override {
    HeadlessShell::TearDown();  // the app goes before the link it holds
    link.reset();
  }

  void enter() {
    play("tap \"Espace du personnel\"\ntype \"1357\"\ntap \"Valider\"\nexpect \"Espace responsable\"\n");
  }

  TempDir dir;
  std::unique_ptr<Database> db;
  std::unique_ptr<SyncLink> link;
};

TEST_F(ManagerScreens, NotReachableWithoutThePin) {
  for (const char* id : {"manager", "manager.outbox", "manager.import", "manager.settings"}) {
    ASSERT_TRUE(app->nav().open(id)) << id;
    run_frames(3);
    EXPECT_TRUE(app->nav().at_home()) << id;
  }
}

TEST_F(ManagerScreens, NotEnrolledSaysSoAndHow) {
  enter();
  play(
      "expect \"Catalogue local du terminal (mis à jour aujourd'hui à 10 h)\"\n"
      "expect \"Ce terminal n'est pas relié au serveur régional.\"\n"
      "expect \"eric-kioskctl enroll\"\n"
      "expect-not \"Synchroniser maintenant\"\n"
      "expect \"offres d'emploi\"\n"
      "tap \"Fermer l'espace responsable\"\n"
      "expect-not \"Espace responsable\"\n");
  EXPECT_EQ(app->shell().mode, Mode::Visitor);
  EXPECT_TRUE(app->nav().at_home());
}

TEST_F(ManagerScreens, TwoMinutesWithoutATouchLeaveTheManagerSpace) {
  enter();
  play("tap \"Réglages du terminal\"\nadvance 100\nexpect \"Réglages du terminal\"\n");
  EXPECT_EQ(app->shell().mode, Mode::Manager);
  play("advance 21\nexpect-not \"Réglages du terminal\"\n");
  EXPECT_EQ(app->shell().mode, Mode::Visitor);
  EXPECT_TRUE(app->nav().at_home());
}

TEST_F(ManagerScreens, IdleTimeOutIsSavedAndApplied) {
  enter();
  play("tap \"Réglages du terminal\"\nexpect \"1 min\"\ntap \"+\"\nexpect \"1 min 30 s\"\n");
  EXPECT_EQ(setting_get_or(*db, "idle_timeout", ""), "90");
  EXPECT_EQ(services.settings.idle_timeout_s, 90);
  EXPECT_EQ(app->idle().config().visitor_timeout_s, 90);
}

TEST_F(ManagerScreens, OutboxShowsStatesAndReasonsButNoPersonalData) {
  const int64_t now = clock.now_s();
  auto a = outbox_add(*db, "immersion_request",
                      R"({"slot_id":"s1","first_name":"Mireille","phone":"0612345678"})", now - 600,
                      now + 86400);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(outbox_mark(*db, a.value, OutboxState::rejected, "", "Ce créneau d'immersion est complet.",
                          "", 0).ok);
  auto b = outbox_add(*db, "help_ticket", R"({"reason":"cv"})", now - 60, 0);
  ASSERT_TRUE(b.ok());
  enter();
  play(
      "expect \"1 en attente, 1 refusé\"\n"
      "tap \"Suivi des envois\"\n"
      "expect \"Demande d'immersion · aujourd'hui à 14 h 20\"\n"
      "expect \"Ce créneau d'immersion est complet.\"\n"
      "expect \"Refusé\"\n"
      "expect \"Demande d'aide\"\n"
      "expect \"En attente\"\n"
      "expect-not \"Mireille\"\n"
      "expect-not \"0612345678\"\n");
}

// 1366x768, enrolled: the four counts and "Synchroniser maintenant" do not hold on one line
// there, so the button goes under them (beside them, it ran off the screen's right edge and
// the layout check failed the step).
TEST_F(ManagerScreens, OnAShortScreenTheOutboxSyncButtonGoesUnderItsCounts) {
  ASSERT_TRUE(setting_set(*db, kSettingServerUrl, "http://127.0.0.1:9").ok);
  ASSERT_TRUE(setting_set(*db, kSettingToken, "token-of-a-test").ok);
  ImGui::GetIO().DisplaySize = ImVec2(1366, 768);
  enter();
  play("tap \"Suivi des envois\"\nexpect \"Synchroniser maintenant\"\nexpect \"Refusés\"\n");
  const ui::ProbeItem* sync = nullptr;
  const ui::ProbeItem* refused = nullptr;
  for (const ui::ProbeItem& item : ui.probe.items()) {
    if (item.text == "Synchroniser maintenant" && item.tappable) sync = &item;
    if (item.text == "Refusés") refused = &item;
  }
  ASSERT_NE(sync, nullptr);
  ASSERT_NE(refused, nullptr);
  EXPECT_LE(sync->x + sync->w, 1366.0f);
  EXPECT_GT(sync->y, refused->y + refused->h);
  // Wide enough, it stays beside them.
  ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
  run_frames(3);
  sync = refused = nullptr;
  for (const ui::ProbeItem& item : ui.probe.items()) {
    if (item.text == "Synchroniser maintenant" && item.tappable) sync = &item;
    if (item.text == "Refusés") refused = &item;
  }
  ASSERT_NE(sync, nullptr);
  ASSERT_NE(refused, nullptr);
  EXPECT_LT(sync->y, refused->y);
  EXPECT_GT(sync->x, refused->x + refused->w);
}

// A portrait totem: the six counts in two even lines of three, the four tools two by two.
TEST_F(ManagerScreens, OnAPortraitScreenCountsAndToolsTakeEvenLines) {
  ImGui::GetIO().DisplaySize = ImVec2(1080, 1920);
  enter();
  play("expect \"ateliers\"\nexpect \"Espace animateur\"\n");
  auto y_of = [&](const std::string& text) {
    for (const ui::ProbeItem& item : ui.probe.items())
      if (item.text == text) return item.y;
    ADD_FAILURE() << "not on the screen: " << text;
    return -1.0f;
  };
  const float counts_1 = y_of("offres d'emploi"), counts_2 = y_of("sessions de formation");
  EXPECT_EQ(y_of("entreprises"), counts_1);
  EXPECT_EQ(y_of("formations"), counts_1);
  EXPECT_GT(counts_2, counts_1);
  EXPECT_EQ(y_of("créneaux d'immersion"), counts_2);
  EXPECT_EQ(y_of("ateliers"), counts_2);
  const float tools_1 = y_of("Suivi des envois"), tools_2 = y_of("Réglages du terminal");
  EXPECT_EQ(y_of("Importer un catalogue"), tools_1);
  EXPECT_GT(tools_2, tools_1);
  EXPECT_EQ(y_of("Espace animateur"), tools_2);
}

TEST_F(ManagerScreens, ABrokenBundleFailsInWords) {
  const int64_t jobs_before = catalog_counts(*db).jobs;
  const std::string path = dir.file("broken.bundle");
  std::ofstream(path) << "not a bundle\n{}";
  ASSERT_TRUE(link->start_import(path));
  while (link->import_state().running) std::this_thread::yield();
  const ImportLive r = link->import_state();
  EXPECT_TRUE(r.done);
  EXPECT_FALSE(r.status.ok);
  EXPECT_FALSE(r.status.message_fr.empty());
  enter();
  play("tap \"Importer un catalogue\"\nexpect \"L'import a échoué\"\n");
  // The catalog is still the one it was.
  EXPECT_GT(jobs_before, 0);
  EXPECT_EQ(catalog_counts(*db).jobs, jobs_before);
}

TEST(BundleFiles, FoundUnderTheRootsAndNothingElse) {
  TempDir dir;
  namespace fs = std::filesystem;
  const std::string root = dir.file("media");
  fs::create_directories(root + "/key/exports/2026");
  std::ofstream(root + "/key/catalogue.bundle") << "x";
  std::ofstream(root + "/key/exports/2026/changes.json") << "{}";
  std::ofstream(root + "/key/notes.txt") << "x";
  const auto found = find_bundle_files({root, dir.file("missing")}, 4, 10);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], root + "/key/catalogue.bundle");
  EXPECT_EQ(found[1], root + "/key/exports/2026/changes.json");
  // Depth 1: the key's own files only, not its sub-folders'.
  EXPECT_EQ(find_bundle_files({root}, 2, 10).size(), 1u);
}

}  // namespace
}  // namespace eric::test
