// The staff pad: the PIN says the role, five wrong PINs lock the pad, the lock ends with time.
#include <gtest/gtest.h>

#include "kiosk/core/domain/help_desk.h"
#include "kiosk/core/domain/pin.h"
#include "kiosk/core/domain/staff_access.h"
#include "tests/help/help_test_util.h"

namespace eric::test {
namespace {

class StaffPad : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = help_store(dir_);
    ASSERT_TRUE(set_pin(*db_, "animator", "2468").ok);
    ASSERT_TRUE(set_pin(*db_, "manager", "1357").ok);
  }
  TempDir dir_;
  std::unique_ptr<Database> db_;
  Clock clock_ = Clock::fixed_at(int64_t{1748851200} * 1000);  // 2025-06-02
};

TEST_F(StaffPad, ThePinSaysTheRole) {
  EXPECT_EQ(staff_login(*db_, "2468", clock_.now_s()).role, StaffRole::animator);
  EXPECT_EQ(staff_login(*db_, "1357", clock_.now_s()).role, StaffRole::manager);
  const StaffLogin wrong = staff_login(*db_, "1111", clock_.now_s());
  EXPECT_EQ(wrong.role, StaffRole::none);
  EXPECT_FALSE(wrong.locked);
  EXPECT_EQ(wrong.attempts_left, 4);
  EXPECT_EQ(desk_action_count(*db_, "login"), 2);
  EXPECT_EQ(desk_action_count(*db_, "login_refused"), 1);
}

TEST_F(StaffPad, FiveWrongPinsLockThePadUntilTheLockEnds) {
  for (int i = 0; i < 4; ++i) {
    const StaffLogin r = staff_login(*db_, "0000", clock_.now_s());
    EXPECT_FALSE(r.locked) << i;
    EXPECT_EQ(r.attempts_left, 4 - i);
    clock_.advance_ms(1000);
  }
  const StaffLogin fifth = staff_login(*db_, "0000", clock_.now_s());
  EXPECT_TRUE(fifth.locked);
  EXPECT_EQ(fifth.seconds_left, kPinLockSeconds);
  EXPECT_EQ(staff_pad_lock_seconds(*db_, clock_.now_s()), kPinLockSeconds);

  // Both right PINs are refused while the pad is locked, and the countdown runs.
  clock_.advance_ms(60 * 1000);
  StaffLogin r = staff_login(*db_, "2468", clock_.now_s());
  EXPECT_EQ(r.role, StaffRole::none);
  EXPECT_TRUE(r.locked);
  EXPECT_EQ(r.seconds_left, kPinLockSeconds - 60);
  EXPECT_EQ(staff_login(*db_, "1357", clock_.now_s()).role, StaffRole::none);
  clock_.advance_ms((kPinLockSeconds - 61) * 1000);
  EXPECT_EQ(staff_pad_lock_seconds(*db_, clock_.now_s()), 1);
  EXPECT_EQ(staff_login(*db_, "2468", clock_.now_s()).role, StaffRole::none);

  // Once it has ended, the right PIN opens, and the count starts afresh.
  clock_.advance_ms(1000);
  EXPECT_EQ(staff_pad_lock_seconds(*db_, clock_.now_s()), 0);
  EXPECT_EQ(staff_login(*db_, "2468", clock_.now_s()).role, StaffRole::animator);
  EXPECT_EQ(staff_login(*db_, "9999", clock_.now_s()).attempts_left, 4);
  EXPECT_GE(desk_action_count(*db_, "login_locked"), 3);
}

TEST_F(StaffPad, ManagerEntriesDoNotLockTheAnimator) {
  // Each manager entry is first tried as the animator's PIN: it must not add up to a lock.
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(staff_login(*db_, "1357", clock_.now_s()).role, StaffRole::manager) << i;
  }
  EXPECT_EQ(staff_pad_lock_seconds(*db_, clock_.now_s()), 0);
  for (int i = 0; i < 3; ++i) staff_login(*db_, "0000", clock_.now_s());
  EXPECT_EQ(staff_login(*db_, "2468", clock_.now_s()).role, StaffRole::animator);
  // The right PIN cleared the count: four more wrong ones do not lock.
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(staff_login(*db_, "0000", clock_.now_s()).locked);
}

TEST(StaffPadNoPin, SaysNoPinIsSet) {
  TempDir dir;
  auto db = help_store(dir);
  const StaffLogin r = staff_login(*db, "2468", 1000);
  EXPECT_TRUE(r.no_pin);
  EXPECT_EQ(r.role, StaffRole::none);
}

}  // namespace
}  // namespace eric::test
