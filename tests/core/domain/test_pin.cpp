// Tests of PIN hashing and of the lock after five wrong PINs.
#include <gtest/gtest.h>

#include "kiosk/core/domain/pin.h"
#include "tests/support/test_util.h"

namespace eric {
namespace {

TEST(Pin, HashIsArgon2idAndChecks) {
  test::TempDir dir;
  auto db = test::fresh_store(dir);
  ASSERT_TRUE(db);
  EXPECT_FALSE(has_pin(*db, "animator"));
  EXPECT_FALSE(check_pin(*db, "animator", "1234", 0).ok);  // no PIN set: nothing opens
  ASSERT_TRUE(set_pin(*db, "animator", "2468").ok);
  EXPECT_TRUE(has_pin(*db, "animator"));
  EXPECT_FALSE(has_pin(*db, "manager"));
  Statement s(*db, "SELECT hash FROM pins WHERE role = 'animator'");
  ASSERT_TRUE(s.step());
  const std::string hash = s.col_text(0);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("2468"), std::string::npos);
  EXPECT_TRUE(check_pin(*db, "animator", "2468", 100).ok);
  PinCheck wrong = check_pin(*db, "animator", "2469", 100);
  EXPECT_FALSE(wrong.ok);
  EXPECT_FALSE(wrong.locked);
  EXPECT_EQ(wrong.attempts_left, 4);
  EXPECT_FALSE(check_pin(*db, "manager", "2468", 100).ok);  // roles are separate
}

TEST(Pin, RefusesBadPins) {
  test::TempDir dir;
  auto db = test::fresh_store(dir);
  ASSERT_TRUE(db);
  EXPECT_EQ(set_pin(*db, "manager", "123").code, "bad_pin");
  EXPECT_EQ(set_pin(*db, "manager", "12a4").code, "bad_pin");
  EXPECT_EQ(set_pin(*db, "manager", "1234567890123").code, "bad_pin");
  EXPECT_FALSE(has_pin(*db, "manager"));
}

TEST(Pin, FiveWrongPinsLockForFiveMinutes) {
  test::TempDir dir;
  auto db = test::fresh_store(dir);
  ASSERT_TRUE(db);
  ASSERT_TRUE(set_pin(*db, "manager", "13579").ok);
  const int64_t t0 = 1'700'000'000;
  for (int i = 1; i <= 4; ++i) {
    PinCheck r = check_pin(*db, "manager", "00000", t0 + i);
    EXPECT_FALSE(r.ok);
    EXPECT_FALSE(r.locked);
    EXPECT_EQ(r.attempts_left, 5 - i);
  }
  PinCheck fifth = check_pin(*db, "manager", "00000", t0 + 5);
  EXPECT_FALSE(fifth.ok);
  EXPECT_TRUE(fifth.locked);
  EXPECT_EQ(fifth.seconds_left, 300);
  // The right PIN during the lock still fails.
  PinCheck during = check_pin(*db, "manager", "13579", t0 + 65);
  EXPECT_FALSE(during.ok);
  EXPECT_TRUE(during.locked);
  EXPECT_EQ(during.seconds_left, 240);
  // The lock survives a restart of the program.
  db.reset();
  db = test::fresh_store(dir);
  EXPECT_TRUE(check_pin(*db, "manager", "13579", t0 + 304).locked);
  // After five minutes it opens, with a fresh count.
  PinCheck after = check_pin(*db, "manager", "00000", t0 + 305);
  EXPECT_FALSE(after.locked);
  EXPECT_EQ(after.attempts_left, 4);
  EXPECT_TRUE(check_pin(*db, "manager", "13579", t0 + 306).ok);
  EXPECT_EQ(check_pin(*db, "manager", "0", t0 + 307).attempts_left, 4);  // reset by success
}

TEST(Pin, NewPinClearsTheLock) {
  test::TempDir dir;
  auto db = test::fresh_store(dir);
  ASSERT_TRUE(db);
  ASSERT_TRUE(set_pin(*db, "animator", "1111").ok);
  for (int i = 0; i < 5; ++i) check_pin(*db, "animator", "9999", 10);
  EXPECT_TRUE(check_pin(*db, "animator", "1111", 11).locked);
  ASSERT_TRUE(set_pin(*db, "animator", "2222").ok);  // the manager resets it
  EXPECT_TRUE(check_pin(*db, "animator", "2222", 12).ok);
  EXPECT_FALSE(check_pin(*db, "animator", "1111", 13).ok);
}

}  // namespace
}  // namespace eric
