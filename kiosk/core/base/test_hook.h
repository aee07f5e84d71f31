// A test hook that kills the process at a named step, so a crash test kills at the step it
// names instead of after a delay that may fall anywhere.
//
//   ERIC_TEST_KILL_AT=STEP     the process raises SIGKILL the first time it reaches STEP
//   ERIC_TEST_KILL_AT=STEP#N   ... the N-th time (N from 1; "sync.page_staged#3")
//
// Before it dies it writes "reached STEP #N" on standard error, so the test's log says where.
// Without the variable a step costs one getenv (a few steps per sync or request).
#pragma once

namespace eric {

// Steps of a visitor's request and of a sync (the names tests use).
namespace step {
inline constexpr const char* kRequestFormSent = "request.form_sent";      // a form was submitted
inline constexpr const char* kOutboxWritten = "request.outbox_written";   // its item committed
inline constexpr const char* kDeliveryStarted = "delivery.started";       // items marked sending
inline constexpr const char* kDeliverySent = "delivery.sent";             // POST answered
inline constexpr const char* kAnswerRecorded = "delivery.answer_recorded";// answers committed
inline constexpr const char* kPageStaged = "sync.page_staged";            // a catalog page read
inline constexpr const char* kApplyWritten = "sync.apply_written";        // writes done, no commit
inline constexpr const char* kApplyCommitted = "sync.apply_committed";    // catalog committed
inline constexpr const char* kCheckpointed = "sync.checkpointed";         // log copied to the file
}  // namespace step

void reached_step(const char* name);

}  // namespace eric
