// The regional server's own SQLite store: the catalog as a change feed with cursors, terminals
// and enrolment codes, seat counts. Its schema is the server's, not the terminal's.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/storage/db.h"
#include "sync/protocol.h"

namespace eric::server {

// Opens (creating when needed) a server database and brings its schema up to date.
std::unique_ptr<Database> open_server_db(const std::string& path, Status& status);

// Connections for the HTTP threads: each request borrows one, so no connection is ever used
// by two threads at once.
class ConnectionPool {
 public:
  explicit ConnectionPool(std::string path) : path_(std::move(path)) {}
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Database> db) : pool_(pool), db_(std::move(db)) {}
    ~Lease() { if (db_) pool_.give_back(std::move(db_)); }
    Lease(Lease&&) = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Database* get() const { return db_.get(); }
   private:
    ConnectionPool& pool_;
    std::unique_ptr<Database> db_;
  };
  Lease acquire(Status& status);

 private:
  void give_back(std::unique_ptr<Database> db);
  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Database>> free_;
};

// UTC "YYYY-MM-DDTHH:MM:SSZ" now, for server-side timestamps.
std::string utc_now();

// Writes catalog changes in one transaction; every upsert or delete takes the next cursor.
// The server keeps seat counts itself: an upserted slot or workshop keeps its current
// `taken`, whatever the edit says.
class ServerCatalogWriter {
 public:
  explicit ServerCatalogWriter(Database& db);
  bool ok() const { return status_.ok; }
  const Status& status() const { return status_; }
  Status upsert(Record record);
  Status remove(RecordType type, const std::string& id);
  Status apply(const CatalogChange& change);
  Status commit();
  int64_t written() const { return written_; }
  // The cursor the last upsert or delete took (0 before any): importers keep it to notice
  // a record edited by other means since.
  int64_t last_cursor() const { return next_ > 0 ? next_ - 1 : 0; }

 private:
  int64_t next_cursor();
  Database& db_;
  Transaction tx_;
  Status status_;
  std::unique_ptr<Statement> upsert_;  // prepared once: a demo catalog is 100k upserts
  int64_t next_ = 0;
  int64_t written_ = 0;
};

int64_t current_cursor(Database& db);   // the last cursor handed out (0 for an empty feed)
int64_t history_floor(Database& db);    // tombstones at or below were compacted away

struct CatalogPageAnswer {
  std::string body;   // the JSON text of the page
  std::string cursor;
  bool full = false;
  bool has_more = false;
  int64_t count = 0;
};
// Reads the page after `since` (empty: a full snapshot) for the site. `since` older than the
// history floor or newer than the feed (another database) also gives a full snapshot. The
// pages of a snapshot that has more to come carry a cursor "X.F" (position, floor).
Status read_catalog_page(Database& db, const std::string& site, const std::string& since,
                         int64_t limit, CatalogPageAnswer& out);
// True when the site has a change after `since` (a valid, kept cursor).
bool has_changes_after(Database& db, const std::string& site, int64_t since);
// Parses a cursor text; false when it is not a number.
bool parse_cursor(const std::string& text, int64_t& out);

// Removes tombstones at or below `up_to` (default: all) and raises the history floor.
Status compact_history(Database& db, int64_t up_to, int64_t& removed);

// Enrolment.
Status create_enroll_code(Database& db, const std::string& site, std::string& code);
struct Enrollment {
  std::string terminal_id;
  std::string site_id;
  std::string token;
};
Status enroll_terminal(Database& db, const std::string& code, const std::string& site_or_empty,
                       const std::string& name, Enrollment& out);
struct Terminal {
  std::string id;
  std::string site;
};
std::optional<Terminal> find_terminal(Database& db, const std::string& token);

// The whole catalog the site sees, as a bundle file (see PROTOCOL.md).
Status export_bundle(Database& db, const std::string& site, std::string& file);

}  // namespace eric::server
