// Test helpers of the help path: a store in a temp dir with one site and a few workshops.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "kiosk/core/base/clock.h"
#include "kiosk/core/storage/store.h"
#include "tests/support/test_util.h"

namespace eric::test {

inline constexpr const char* kSite = "eric-martigues";

// Epoch seconds of a local civil time "YYYY-MM-DD HH:MM".
inline int64_t at(const std::string& local) {
  int64_t ms = 0;
  EXPECT_TRUE(Clock::parse_local(local, ms)) << local;
  return ms / 1000;
}

inline Workshop make_workshop(const std::string& id, const std::string& start, int capacity,
                              int taken) {
  Workshop w;
  w.id = id;
  w.site_id = kSite;
  w.kind = "cv";
  w.title = "Atelier " + id;
  w.start = start;
  w.end = start.substr(0, 11) + "17:00";
  w.capacity = capacity;
  w.taken = taken;
  w.place = "Salle informatique";
  w.animator = "Nadia";
  return w;
}

// The sample catalog with the help tests' workshops (Monday 2025-06-02 is "today").
inline std::unique_ptr<Database> help_store(const TempDir& dir, const std::string& name = "k.db") {
  auto db = fresh_store(dir, name);
  Catalog c = sample_catalog();
  c.workshops = {
      make_workshop("w-today", "2025-06-02 14:00", 8, 2),
      make_workshop("w-full", "2025-06-03 09:30", 6, 6),
      make_workshop("w-last", "2025-06-04 09:30", 3, 2),
      make_workshop("w-later", "2025-06-20 09:30", 10, 0),
      make_workshop("w-past", "2025-05-20 09:30", 10, 0),
  };
  Workshop other = make_workshop("w-other-site", "2025-06-03 14:00", 10, 0);
  other.site_id = "eric-istres";
  c.workshops.push_back(other);
  Workshop cancelled = make_workshop("w-cancelled", "2025-06-05 14:00", 10, 0);
  cancelled.cancelled = true;
  c.workshops.push_back(cancelled);
  EXPECT_TRUE(replace_catalog(*db, c).ok);
  return db;
}

}  // namespace eric::test
