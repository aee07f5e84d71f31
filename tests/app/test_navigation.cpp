// The navigation stack and the screen registry.
#include <gtest/gtest.h>

#include "kiosk/app/navigator.h"

namespace eric {
namespace {

class FakeScreen : public Screen {
 public:
  FakeScreen(std::string id, int* destroyed) : id_(std::move(id)), destroyed_(destroyed) {}
  ~FakeScreen() override {
    if (destroyed_) ++*destroyed_;
  }
  std::string_view id() const override { return id_; }
  void draw(ScreenContext&) override {}
  std::string arg;

 private:
  std::string id_;
  int* destroyed_;
};

struct Fixture : ::testing::Test {
  int destroyed = 0;
  ScreenRegistry registry;
  void SetUp() override {
    for (const char* id : {"home", "jobs.what", "jobs.results"}) {
      registry.add(id, [this, id](const ScreenArgs& args) {
        auto s = std::make_unique<FakeScreen>(id, &destroyed);
        auto it = args.find("trade");
        if (it != args.end()) s->arg = it->second;
        return s;
      });
    }
  }
};

using Registry = Fixture;
using Navigation = Fixture;

TEST_F(Registry, CreatesByIdAndRefusesUnknownIds) {
  EXPECT_TRUE(registry.has("home"));
  EXPECT_FALSE(registry.has("nope"));
  EXPECT_EQ(registry.create("nope"), nullptr);
  auto s = registry.create("jobs.results", {{"trade", "F1703"}});
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->id(), "jobs.results");
  EXPECT_EQ(static_cast<FakeScreen*>(s.get())->arg, "F1703");
  EXPECT_EQ(registry.ids(), (std::vector<std::string>{"home", "jobs.results", "jobs.what"}));
}

TEST_F(Registry, ALaterFactoryReplacesAnEarlierOne) {
  registry.add("jobs.what", [](const ScreenArgs&) {
    return std::make_unique<FakeScreen>("replaced", nullptr);
  });
  EXPECT_EQ(registry.create("jobs.what")->id(), "replaced");
}

TEST_F(Navigation, OpenBackHome) {
  Navigator nav(registry);
  EXPECT_EQ(nav.top(), nullptr);
  ASSERT_TRUE(nav.reset_to("home"));
  EXPECT_TRUE(nav.at_home());
  EXPECT_TRUE(nav.open("jobs.what"));
  EXPECT_TRUE(nav.open("jobs.results", {{"trade", "F1703"}}));
  EXPECT_FALSE(nav.open("missing"));
  EXPECT_EQ(nav.ids(), (std::vector<std::string_view>{"home", "jobs.what", "jobs.results"}));
  EXPECT_FALSE(nav.at_home());
  nav.back();
  EXPECT_EQ(nav.top()->id(), "jobs.what");
  nav.open("jobs.results");
  nav.home();
  EXPECT_TRUE(nav.at_home());
  EXPECT_EQ(nav.top()->id(), "home");
  nav.back();  // never below home
  nav.home();
  EXPECT_EQ(nav.depth(), 1u);
  EXPECT_EQ(nav.top()->id(), "home");
}

TEST_F(Navigation, ScreensLeavingTheStackLiveUntilCollect) {
  Navigator nav(registry);
  nav.reset_to("home");
  nav.open("jobs.what");
  Screen* leaving = nav.top();
  nav.back();  // as a screen would from inside its own draw()
  EXPECT_EQ(destroyed, 0);
  EXPECT_EQ(leaving->id(), "jobs.what");  // still alive: no use after free
  nav.collect();
  EXPECT_EQ(destroyed, 1);
}

TEST_F(Navigation, GenerationMovesWithEveryChange) {
  Navigator nav(registry);
  nav.reset_to("home");
  const unsigned g0 = nav.generation();
  nav.open("jobs.what");
  EXPECT_GT(nav.generation(), g0);
  const unsigned g1 = nav.generation();
  nav.back();
  EXPECT_GT(nav.generation(), g1);
  const unsigned g2 = nav.generation();
  nav.back();  // nothing to do on home
  EXPECT_EQ(nav.generation(), g2);
}

}  // namespace
}  // namespace eric
