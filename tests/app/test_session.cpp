// The visitor session forgets everything on wipe().
#include <gtest/gtest.h>

#include "kiosk/app/session.h"

namespace eric {
namespace {

Session filled() {
  Session s;
  s.place_commune = "13056";
  s.place_label = "Martigues (13500)";
  s.radius_km = 20;
  s.search_words = "maçon";
  s.trade_family = "F";
  s.trade_code = "F1703";
  s.job_id = "job-1";
  s.training_id = "prf-1";
  s.immersion_slot_id = "slot-1";
  s.workshop_id = "ws-1";
  s.first_name = "Inès";
  s.phone = "0612345678";
  s.email = "ines@example.org";
  s.consent = true;
  s.help_reason = "cv";
  s.urgent_today = true;
  s.values["immersion.note"] = "le matin";
  s.started_ms = 1234;
  return s;
}

TEST(Session, EveryFilledFieldMakesItNotEmpty) {
  EXPECT_FALSE(filled().empty());
  Session s;
  s.consent = true;
  EXPECT_FALSE(s.empty());
  Session t;
  t.values["x"] = "";
  EXPECT_FALSE(t.empty());
}

TEST(Session, WipeClearsEveryField) {
  Session s = filled();
  s.wipe();
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s, Session{});
  EXPECT_TRUE(s.first_name.empty());
  EXPECT_TRUE(s.phone.empty());
  EXPECT_TRUE(s.email.empty());
  EXPECT_TRUE(s.values.empty());
  EXPECT_EQ(s.radius_km, 0);
  EXPECT_FALSE(s.consent);
  EXPECT_FALSE(s.urgent_today);
  EXPECT_EQ(s.started_ms, 0);
}

TEST(Session, WipeOfAnEmptySessionIsHarmless) {
  Session s;
  s.wipe();
  EXPECT_TRUE(s.empty());
}

}  // namespace
}  // namespace eric
