// "Did this kiosk help you?": the checks on an answer and the one outbox item it becomes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/core/domain/feedback.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/words/i18n.h"
#include "tests/support/status_assert.h"
#include "tests/support/test_util.h"

namespace eric::test {
namespace {

int64_t outbox_rows(Database& db) { return static_cast<int64_t>(outbox_recent(db, 100).size()); }

TEST(Feedback, AGoodAnswerBecomesOneOutboxItemWithNothingToPurge) {
  TempDir dir;
  auto db = fresh_store(dir);
  auto added = feedback_add(*db, kFeedbackYes, {"quick", "clear"}, "jobs", 1'800'000'000);
  ASSERT_TRUE(added.ok()) << added.status.message_fr;
  ASSERT_EQ(outbox_rows(*db), 1);
  auto item = outbox_get(*db, added.value);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->type, "feedback");
  EXPECT_EQ(item->state, OutboxState::pending);
  EXPECT_EQ(item->created_at, 1'800'000'000);
  EXPECT_EQ(item->purge_after, 0);
  const auto payload = nlohmann::json::parse(item->payload_json);
  EXPECT_EQ(payload["rating"], 3);
  EXPECT_EQ(payload["path"], "jobs");
  // In the chips' order, whatever the order of the taps.
  EXPECT_EQ(payload["reasons"], nlohmann::json::array({"clear", "quick"}));
  // Exactly these three fields: there is no place for anything typed.
  EXPECT_EQ(payload.size(), 3u);
}

TEST(Feedback, NoReasonIsAnEmptyListAndEveryPathIsAccepted) {
  TempDir dir;
  auto db = fresh_store(dir);
  int64_t t = 100;
  for (std::string_view path : feedback_paths()) {
    auto added = feedback_add(*db, kFeedbackALittle, {}, path, ++t);
    ASSERT_TRUE(added.ok()) << path << ": " << added.status.message_fr;
    const auto payload = nlohmann::json::parse(outbox_get(*db, added.value)->payload_json);
    EXPECT_EQ(payload["reasons"], nlohmann::json::array());
    EXPECT_EQ(payload["path"], std::string(path));
  }
  EXPECT_EQ(outbox_rows(*db), 4);
}

TEST(Feedback, ABadAnswerIsRefusedAndWritesNothing) {
  TempDir dir;
  auto db = fresh_store(dir);
  struct Case {
    const char* why;
    int rating;
    std::vector<std::string> reasons;
    std::string path;
  };
  const std::vector<Case> cases = {
      {"rating 0", 0, {}, "jobs"},
      {"rating 4", 4, {}, "jobs"},
      {"negative rating", -1, {}, "help"},
      {"unknown path", 3, {}, "manager"},
      {"empty path", 3, {}, ""},
      {"unknown reason", 3, {"great"}, "jobs"},
      {"free text as a reason", 1, {"Le monsieur était gentil"}, "help"},
      {"a bad reason after Oui", 3, {"too_hard"}, "jobs"},
      {"a good reason after Non", 1, {"clear"}, "jobs"},
      {"the same reason twice", 2, {"too_slow", "too_slow"}, "immersion"},
  };
  for (const Case& c : cases) {
    auto added = feedback_add(*db, c.rating, c.reasons, c.path, 100);
    EXPECT_FALSE(added.ok()) << c.why;
    EXPECT_EQ(added.status.code, "bad_input") << c.why;
    EXPECT_FALSE(added.status.message_fr.empty()) << c.why;
    EXPECT_TRUE(added.value.empty()) << c.why;
  }
  EXPECT_EQ(outbox_rows(*db), 0);
}

TEST(Feedback, ChipsDependOnTheRatingAndAreAllKnownReasons) {
  EXPECT_TRUE(feedback_reasons(0).empty());
  EXPECT_TRUE(feedback_reasons(4).empty());
  for (int rating = kFeedbackNo; rating <= kFeedbackYes; ++rating) {
    ASSERT_FALSE(feedback_reasons(rating).empty()) << rating;
    EXPECT_LE(feedback_reasons(rating).size(), 6u) << "a few chips, not a form";
    for (std::string_view code : feedback_reasons(rating)) {
      EXPECT_TRUE(is_feedback_reason(code)) << code;
      // Every chip offered for a rating is accepted with it.
      EXPECT_TRUE(feedback_check(rating, {std::string(code)}, "help").ok) << code;
    }
  }
  // "Oui" asks what helped; "Non" and "Un peu" what went wrong.
  EXPECT_EQ(feedback_reasons(kFeedbackNo).front(), feedback_reasons(kFeedbackALittle).front());
  EXPECT_NE(feedback_reasons(kFeedbackNo).front(), feedback_reasons(kFeedbackYes).front());
  EXPECT_FALSE(is_feedback_reason(""));
  EXPECT_FALSE(is_feedback_path("JOBS"));
}

TEST(Feedback, EveryAnswerIsItsOwnItem) {
  // Two visitors giving the same answer are two answers: each call queues one item.
  TempDir dir;
  auto db = fresh_store(dir);
  auto a = feedback_add(*db, kFeedbackNo, {"nothing_near"}, "immersion", 10);
  auto b = feedback_add(*db, kFeedbackNo, {"nothing_near"}, "immersion", 10);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a.value, b.value);
  EXPECT_EQ(outbox_rows(*db), 2);
}

TEST(Feedback, EveryFaceAndChipHasFrenchAndEnglishWords) {
  I18n i18n;
  ASSERT_TRUE(test::ok(i18n.load_dir(ERIC_SOURCE_DIR "/assets/i18n")));
  for (int rating = kFeedbackNo; rating <= kFeedbackYes; ++rating) {
    std::vector<std::string> keys = {"feedback.rating." + std::to_string(rating)};
    for (std::string_view code : feedback_reasons(rating))
      keys.push_back("feedback.reason." + std::string(code));
    for (const std::string& key : keys) {
      EXPECT_TRUE(i18n.has("fr", key)) << key;
      EXPECT_TRUE(i18n.has("en", key)) << key;
    }
  }
}

}  // namespace
}  // namespace eric::test
