// The immersion request's message goes to a French employer: it is written in French, dates
// included, whatever language the visitor reads the form in.
#include <gtest/gtest.h>

#include "screens/immersion_support.h"
#include "tests/jobs/jobs_fixture.h"

namespace eric::jobs_test {
namespace {

class ImmersionMessage : public HeadlessJobs {
 protected:
  void SetUp() override {
    Catalog c = sample_catalog();
    ImmersionOffer offer;
    offer.id = "io1";
    offer.employer_id = c.employers.front().id;
    offer.trade_code = "F1703";
    offer.contact_mode = "email";
    c.immersion_offers = {offer};
    c.immersion_slots = {{"is1", "io1", "2026-12-28", "2027-01-07", 5, "", 3, 0}};
    std::unique_ptr<Database> store = test::fresh_store(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(replace_catalog(*store, c, "2026-11-23 09:40").ok);
    ASSERT_NO_FATAL_FAILURE(start_on(std::move(store)));
  }
};

TEST_F(ImmersionMessage, IsFrenchWhateverTheVisitorsLanguage) {
  for (const char* lang : {"fr", "uk", "ar", "en"}) {
    SCOPED_TRACE(lang);
    i18n.set_language(lang);
    app->session().values[immersion::kObjective] = "discover";
    app->session().values.erase(immersion::kMessage);
    open("immersion.form", {{"slot", "is1"}});
    const std::string message = app->session().values[immersion::kMessage];
    EXPECT_NE(message.find("Bonjour, je voudrais découvrir"), std::string::npos) << message;
    EXPECT_NE(message.find("du 28 décembre 2026 au 7 janvier 2027"), std::string::npos)
        << message;
    app->nav().home();
    run_frames(2);
  }
}

}  // namespace
}  // namespace eric::jobs_test
