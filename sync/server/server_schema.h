// The regional server's database schema: versioned with PRAGMA user_version and brought up to
// date by forward-only migrations, each in its own transaction (as the terminal's store,
// kiosk/core/storage/schema.h). Read transactions are RAII too.
#pragma once

#include "kiosk/core/storage/db.h"

namespace eric::server {

// Version 1: catalog feed, seats, terminals, enrolment codes, requests, outbox answers,
//            status changes, counts (what every server before versions wrote).
// Version 2: counts that an overflow turned into floats become the largest whole count.
int latest_server_schema_version();
int server_schema_version(Database& db);  // 0 for a new file

// Applies every migration above the file's version, in order. Refuses a file made by a newer
// server ("schema_too_new").
Status migrate_server_db(Database& db);

// A read transaction (BEGIN DEFERRED): the reads between its start and its end see one state
// of the file, and it ends in the destructor whatever happens (reads only: nothing to keep).
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  bool ok() const { return status_.ok; }
  const Status& status() const { return status_; }

 private:
  Database& db_;
  Status status_;
};

}  // namespace eric::server
