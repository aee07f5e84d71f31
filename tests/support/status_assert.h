// GoogleTest's view of the project's Status: ASSERT_TRUE(test::ok(call())) fails with the
// status's code and French sentence.
#pragma once

#include <gtest/gtest.h>

#include "kiosk/core/base/status.h"

namespace eric::test {

inline ::testing::AssertionResult ok(const Status& s) {
  if (s.ok) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << s.code << ": " << s.message_fr;
}

}  // namespace eric::test
