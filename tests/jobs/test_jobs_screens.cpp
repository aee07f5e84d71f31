// The job discovery screens driven headless by scripts, on the sample catalog: two taps to a
// list, search as you type, where, filters, paging, no dead end, detail, actions, idle wipe.
#include <gtest/gtest.h>

#include <memory>

#include "kiosk/core/domain/usage.h"
#include "kiosk/ui/widgets.h"
#include "tests/jobs/jobs_fixture.h"

namespace eric::jobs_test {
namespace {

// Stands for the screens of other paths, to see what they are opened with.
class StubScreen : public Screen {
 public:
  StubScreen(std::string id, ScreenArgs args, std::shared_ptr<ScreenArgs> seen)
      : id_(std::move(id)) {
    *seen = std::move(args);
  }
  std::string_view id() const override { return id_; }
  void draw(ScreenContext& ctx) override { ui::text(ctx.ui, "stub " + id_); }

 private:
  std::string id_;
};

class JobsScreens : public HeadlessJobs {
 protected:
  void SetUp() override {
    HeadlessJobs::SetUp();
    for (const char* id : {"immersion.results", "help.start"}) {
      auto seen = std::make_shared<ScreenArgs>();
      opened_with[id] = seen;
      registry.add(id, [id = std::string(id), seen](const ScreenArgs& a) {
        return std::make_unique<StubScreen>(id, a, seen);
      });
    }
  }
  std::map<std::string, std::shared_ptr<ScreenArgs>> opened_with;

  // A counter of today: what the shell already wrote plus what it still holds.
  int64_t counted(std::string_view name, std::string_view key) {
    return usage_get(*db, kToday, name, key) + services.usage.held(kToday, name, key);
  }
};

TEST_F(JobsScreens, TwoTapsFromHomeToJobsNearTheSite) {
  play(
      "tap \"Trouver un métier ou un emploi\"\n"
      "expect \"Quel métier vous intéresse ?\"\n"
      "tap \"Bâtiment\"\n"
      "expect \"45 offres trouvées, les plus proches d'abord\"\n"
      "expect \"Près de Martigues · 30 km autour\"\n"
      "expect \"Maçon n° 0\"\n"
      "expect \"à moins d'1 km\"\n"
      "expect \"BTP Provence · CDD de 6 mois · 35 h par semaine\"\n"
      "expect \"Formation financée par la Région\"\n");
  EXPECT_EQ(top_id(), "jobs.results");
  EXPECT_EQ(app->session().trade_family, "F");
  EXPECT_TRUE(active_chip("Tous les contrats"));
  EXPECT_EQ(counted("jobs.search", "family:F"), 1);
}

TEST_F(JobsScreens, ContractChipsFilterAndStayInTheSession) {
  open("jobs.results", {{"family", "F"}});
  play("tap \"CDI\"\nexpect \"15 offres trouvées\"\n");
  EXPECT_TRUE(active_chip("CDI"));
  EXPECT_FALSE(active_chip("Tous les contrats"));
  EXPECT_EQ(app->session().values["jobs.contracts"], "CDI");
  play("tap \"Intérim\"\nexpect \"30 offres trouvées\"\n");
  play("tap \"Tous les contrats\"\nexpect \"45 offres trouvées\"\n");
  EXPECT_EQ(app->session().values.count("jobs.contracts"), 0u);
  // Cooks have no region-funded training: the funded filter leaves none, and says why.
  app->session().place_commune = "13047";
  open("jobs.results", {{"family", "G"}});
  play("expect \"1 offre trouvée\"\n"
       "tap \"Avec une formation financée\"\n"
       "expect \"Aucune offre trouvée ici.\"\n"
       "expect \"ils cachent peut-être des offres\"\n"
       "tap \"Enlever les filtres\"\n"
       "expect \"1 offre trouvée\"\n");
}

TEST_F(JobsScreens, TheListLoadsPagesAsItIsDragged) {
  open("jobs.results", {{"trade", "F1703"}, {"label", "Maçon / Maçonne"}});
  play("expect \"Maçon n° 0\"\nexpect-not \"Maçon n° 40\"\n");
  for (int i = 0; i < 12 && !visible("Maçon n° 44"); ++i)
    play("drag 900 1000 900 300\nframes 30\n");
  EXPECT_TRUE(visible("Maçon n° 44"));
  EXPECT_FALSE(visible("Maçon n° 0 "));
  // A card opens its offer.
  play("tap \"Maçon n° 4\"\nexpect \"Les formations financées qui mènent à ce métier\"\n");
  EXPECT_EQ(top_id(), "job.detail");
  EXPECT_EQ(app->session().job_id.substr(0, 2), "m4");
}

TEST_F(JobsScreens, NoResultIsNoDeadEnd) {
  open("jobs.results", {{"trade", "F1701"}, {"label", "Coffreur / Coffreuse"}});
  play(
      "expect \"Aucune offre trouvée ici.\"\n"
      "expect \"Il n'y a pas d'offre à moins de 30 km de Martigues en ce moment.\"\n"
      "expect \"Des métiers proches, avec des offres :\"\n"
      "expect \"Maçonnerie\"\n"
      "expect-not \"Construction en béton\"\n"  // the trade searched is not offered again
      "tap \"Chercher plus loin (50 km)\"\n"
      "expect \"Chercher plus loin (100 km)\"\n");
  EXPECT_EQ(app->session().radius_km, 50);
  EXPECT_EQ(counted("jobs.search_no_result", "trade:F1701"), 2);
  play("tap \"Chercher plus loin (100 km)\"\n"
       "tap \"Chercher plus loin (200 km)\"\n"
       "expect \"1 offre trouvée\"\n"
       "expect \"Coffreur bancheur\"\n");
  EXPECT_EQ(counted("jobs.search", "trade:F1701"), 4);
  EXPECT_EQ(counted("jobs.search_no_result", "trade:F1701"), 3);
  // Trades of the same family open their own list.
  app->session().radius_km = 0;
  open("jobs.results", {{"trade", "F1701"}, {"label", "Coffreur / Coffreuse"}});
  play("tap \"Maçonnerie\"\nexpect \"45 offres trouvées\"\n");
  // Words that find nothing: back to the families, and the folded words are counted.
  open("jobs.results", {{"words", "Astronaute"}});
  play("expect \"Aucune offre trouvée ici.\"\ntap \"Choisir une famille de métiers\"\n");
  EXPECT_EQ(counted("jobs.search_no_result", "words:astronaute"), 1);
}

TEST_F(JobsScreens, SearchSuggestsAsYouTypeForgivingAccents) {
  play(
      "tap \"Trouver un métier ou un emploi\"\n"
      "tap \"Écrire un métier\"\n"
      "type \"macon\"\n"
      "expect \"Maçon / Maçonne\"\n");
  EXPECT_EQ(app->session().search_words, "macon");
  play("tap \"Maçon / Maçonne\"\nexpect \"45 offres trouvées\"\n");
  EXPECT_EQ(top_id(), "jobs.results");
  ScreenContext ctx = app->context();
  EXPECT_EQ(app->nav().top()->title(ctx), "Maçon / Maçonne");
  EXPECT_EQ(app->session().trade_code, "F1703");
  // Back on the search: what was typed is still there; other words, other suggestions.
  play("tap \"Retour\"\nexpect \"macon\"\n");
  for (int i = 0; i < 5; ++i) play("tap \"Effacer\"\n");
  play("type \"aide soignant\"\nexpect \"Aide-soignant / Aide-soignante\"\n");
  for (int i = 0; i < 13; ++i) play("tap \"Effacer\"\n");
  play("type \"cuisi\"\nexpect \"Cuisinier / Cuisinière\"\n");
  for (int i = 0; i < 5; ++i) play("tap \"Effacer\"\n");
  // An employer searches its words.
  play("type \"btp\"\ntap \"BTP Provence · employeur\"\nexpect \"« BTP Provence »\"\n");
  EXPECT_EQ(top_id(), "jobs.results");
}

TEST_F(JobsScreens, TheKeyboardOkSearchesTheWords) {
  open("jobs.what");
  play("tap \"Écrire un métier\"\ntype \"maçon\"\ntap \"Valider\"\nexpect \"« maçon »\"\n");
  EXPECT_EQ(top_id(), "jobs.results");
  play("expect \"45 offres trouvées\"\n");
}

TEST_F(JobsScreens, TheImmersionPickerOpensImmersionResults) {
  play("tap \"Essayer un métier en entreprise\"\n"
       "expect \"Quel métier voulez-vous essayer ?\"\n"
       "tap \"Santé\"\n"
       "expect \"stub immersion.results\"\n");
  EXPECT_EQ(opened_with["immersion.results"]->at("family"), "J");
}

TEST_F(JobsScreens, WhereByPostalCodeOrNameIntoTheSession) {
  open("pick.where", {{"path", "jobs"}});
  EXPECT_TRUE(active_chip("Près d'ici : Martigues"));
  EXPECT_TRUE(active_chip("30 km"));
  play("tap \"Taper un code postal\"\n"
       "type \"83700\"\n"
       "tap \"Saint-Raphaël (83700)\"\n"
       "tap \"10 km\"\n");
  EXPECT_EQ(app->session().place_commune, "83118");
  EXPECT_EQ(app->session().place_label, "Saint-Raphaël (83700)");
  EXPECT_EQ(app->session().radius_km, 10);
  EXPECT_EQ(app->session().values.count("pick.where.typed"), 0u);
  EXPECT_TRUE(active_chip("Saint-Raphaël (83700)"));
  EXPECT_FALSE(active_chip("Près d'ici : Martigues"));
  play("expect \"Près de Saint-Raphaël · 10 km autour\"\n");
  // By name, forgiving "St", accents, case and hyphens.
  play("tap \"Taper le nom d'une commune\"\n"
       "type \"st raphael\"\n"
       "expect \"Saint-Raphaël\"\n"
       "tap \"Fermer le clavier\"\n");
  play("tap \"Taper un code postal\"\ntype \"13500\"\ntap \"Martigues (13500)\"\n");
  EXPECT_EQ(app->session().place_commune, "13056");
  play("tap \"Taper un code postal\"\ntype \"99999\"\n"
       "expect \"Aucune commune n'a ce code postal.\"\n"
       "tap \"Fermer le clavier\"\n"
       "tap \"Près d'ici : Martigues\"\n");
  EXPECT_TRUE(app->session().place_commune.empty());
  play("tap \"Voir les offres\"\n");
  EXPECT_TRUE(app->nav().at_home());  // opened straight from home in this test
}

TEST_F(JobsScreens, ResultsFollowTheChosenPlace) {
  open("jobs.results", {{"family", "F"}});
  play("tap \"Changer de lieu\"\n"
       "tap \"Taper le nom d'une commune\"\n"
       "type \"Saint Raphael\"\n"
       "tap \"Saint-Raphaël\"\n"
       "tap \"Voir les offres\"\n"
       "expect \"Près de Saint-Raphaël · 30 km autour\"\n"
       "expect \"1 offre trouvée\"\n"
       "expect \"Coffreur bancheur\"\n");
  EXPECT_EQ(top_id(), "jobs.results");
}

TEST_F(JobsScreens, JobDetailListsFundedSessionsNearestFirst) {
  open("job.detail", {{"id", "m00"}});
  play(
      "expect \"Maçon n° 0\"\n"
      "expect \"à moins d'1 km · Martigues\"\n"
      "expect \"BTP Provence\"\n"
      "expect \"1 900 € brut par mois\"\n"
      "expect \"Les formations financées qui mènent à ce métier\"\n"
      "expect \"du 5 janvier au 30 juin 2027 · AFPA Istres\"\n"
      "expect \"du 1er février au 15 juillet 2027\"\n"
      "expect \"du 1er mars au 30 septembre 2027\"\n"
      "expect-not \"du 1er avril\"\n"
      "tap \"Voir plus\"\n");
  for (int i = 0; i < 4 && !visible("du 3 mai au 30 novembre 2027"); ++i)
    play("drag 900 850 900 250\nframes 30\n");
  EXPECT_TRUE(visible("du 1er avril au 30 octobre 2027"));
  EXPECT_TRUE(visible("du 3 mai au 30 novembre 2027"));
  EXPECT_FALSE(visible("Voir plus"));
  play("tap \"CAP Maçon\"\nexpect \"Les prochaines sessions\"\n");
  EXPECT_EQ(top_id(), "training.detail");
}

TEST_F(JobsScreens, DetailActionsOpenTheOtherPaths) {
  open("job.detail", {{"id", "g1"}});
  play("expect \"Aucune formation financée ne commence bientôt pour ce métier.\"\n"
       "tap \"Parler à un animateur\"\n");
  EXPECT_EQ(top_id(), "help.start");
  EXPECT_EQ(opened_with["help.start"]->at("context"),
            "Offre : Cuisinier de collectivité — Restaurant Le Port");
  play("tap \"Retour\"\ntap \"Essayer ce métier\"\n");
  EXPECT_EQ(top_id(), "immersion.results");
  EXPECT_EQ(opened_with["immersion.results"]->at("trade"), "G1602");
  EXPECT_EQ(app->session().trade_code, "G1602");
  play("tap \"Retour\"\ntap \"Emporter\"\n"
       "expect \"Emporter sur votre téléphone\"\n"
       "expect \"[QR] Cuisinier de collectivité\"\n"
       "tap \"C'est fait\"\n");
  // Taking the offer away ends the job path on the feedback question.
  EXPECT_EQ(top_id(), "feedback");
  play("expect \"Cette borne vous a-t-elle aidé ?\"\ntap \"Passer\"\n");
  EXPECT_EQ(counted("path.done", "jobs"), 1);
  EXPECT_TRUE(app->nav().at_home());
  // An offer with its origin address carries the address.
  open("job.takeaway", {{"id", "m01"}});
  play("expect \"[QR] https://candidat.francetravail.fr/offres/recherche/detail/m01\"\n"
       "expect \"Votre téléphone ouvrira l'offre sur internet.\"\n");
}

TEST_F(JobsScreens, TrainingDetailShowsItsSessionsAndActions) {
  open("training.detail", {{"id", "t1"}});
  play("expect \"CAP Maçon\"\n"
       "expect \"AFPA Istres\"\n"
       "expect \"Financée par la Région\"\n"
       "expect \"800 heures\"\n"
       "expect \"Sans diplôme\"\n"
       "expect \"Maçonnerie\"\n"
       "expect \"du 5 janvier au 30 juin 2027\"\n"
       "tap \"Parler à un animateur\"\n");
  EXPECT_EQ(opened_with["help.start"]->at("context"), "Formation : CAP Maçon — AFPA Istres");
  play("tap \"Retour\"\ntap \"Emporter\"\nexpect \"[QR] CAP Maçon\"\n");
  open("training.detail", {{"id", "nope"}});
  play("expect \"Cette formation n'est plus proposée.\"\n");
  open("job.detail", {{"id", "nope"}});
  play("expect \"Cette offre n'est plus disponible.\"\n");
}

TEST_F(JobsScreens, IdleTimeoutWipesThePlaceAndTheWords) {
  play(
      "tap \"Trouver un métier ou un emploi\"\n"
      "tap \"Écrire un métier\"\n"
      "type \"macon\"\n"
      "tap \"Fermer le clavier\"\n"
      "tap \"Bâtiment\"\n"
      "tap \"Changer de lieu\"\n"
      "tap \"Taper un code postal\"\n"
      "type \"83700\"\n"
      "tap \"Saint-Raphaël (83700)\"\n"
      "tap \"50 km\"\n"
      "tap \"Voir les offres\"\n"
      "tap \"CDI\"\n");
  EXPECT_FALSE(app->session().empty());
  play("advance 61\nexpect \"Vous êtes toujours là ?\"\nadvance 15\n"
       "expect \"Bonjour ! Que voulez-vous faire ?\"\n");
  EXPECT_TRUE(app->session().empty());
  play("tap \"Trouver un métier ou un emploi\"\n"
       "expect \"Près de Martigues · 30 km autour\"\n"
       "tap \"Écrire un métier\"\n"
       "expect \"Fermer le clavier\"\n"
       "expect-not \"macon\"\n");
  EXPECT_TRUE(app->session().search_words.empty());
}

TEST_F(JobsScreens, EveryTextExistsInBothLanguages) {
  for (const char* lang : {"fr", "en"}) {
    i18n.set_language(lang);
    const std::pair<const char*, ScreenArgs> screens[] = {
        {"jobs.what", {}},
        {"pick.where", {{"path", "jobs"}}},
        {"jobs.results", {{"family", "F"}}},
        {"jobs.results", {{"trade", "F1701"}, {"label", "Coffreur"}}},
        {"job.detail", {{"id", "m00"}}},
        {"job.detail", {{"id", "g1"}}},
        {"training.detail", {{"id", "t1"}}},
        {"job.takeaway", {{"id", "g1"}}},
    };
    for (const auto& [id, args] : screens) {
      open(id, args);
      for (const auto& item : ui.probe.items())
        EXPECT_EQ(item.text.find("[jobs."), std::string::npos) << lang << " " << id << ": " << item.text;
    }
    app->nav().home();
  }
  i18n.set_language("en");
  open("jobs.results", {{"family", "F"}});
  EXPECT_TRUE(visible("45 jobs found, nearest first"));
  EXPECT_TRUE(visible("Near Martigues · within 30 km"));
  i18n.set_language("fr");
}

}  // namespace
}  // namespace eric::jobs_test
