// The kill-at-a-step test hook (see test_hook.h).
#include "kiosk/core/base/test_hook.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace eric {
namespace {

struct KillTarget {
  std::string step;  // empty: no hook
  long occurrence = 1;
};

// Read at each step (steps are a few per sync or request): a process forked from one that
// had no hook, with the variable set since, still gets it.
KillTarget kill_target() {
  KillTarget t;
  const char* env = std::getenv("ERIC_TEST_KILL_AT");
  if (!env || !*env) return t;
  t.step = env;
  const auto hash = t.step.find('#');
  if (hash != std::string::npos) {
    t.occurrence = std::strtol(t.step.c_str() + hash + 1, nullptr, 10);
    if (t.occurrence < 1) t.occurrence = 1;
    t.step.resize(hash);
  }
  return t;
}

}  // namespace

void reached_step(const char* name) {
  const KillTarget target = kill_target();
  if (target.step.empty() || target.step != name) return;
  static std::atomic<long> seen{0};
  const long n = ++seen;
  if (n != target.occurrence) return;
  char line[160];
  const int len = std::snprintf(line, sizeof line, "reached %s #%ld\n", name, n);
  // write(2), not stdio: nothing buffered may be lost, and the kill follows at once. The note
  // is for the test's log only: if it cannot be written, the kill still says enough.
  if (len > 0) (void)!write(STDERR_FILENO, line, static_cast<std::size_t>(len));
  raise(SIGKILL);
}

}  // namespace eric
