// RAII over sqlite3: a connection, prepared statements and write transactions, errors as values.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "kiosk/core/base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace eric {

struct OpenOptions {
  bool read_only = false;
  bool create = true;            // create the file when missing (ignored when read_only)
  int busy_timeout_ms = 5000;    // the UI and the sync worker share the file
  // SQLite copies the write-ahead log back into the file on the commit that finds it longer
  // than 1000 pages, on whichever connection that is. false: never on commit; the owner
  // calls Database::checkpoint() when it suits (see kiosk_connection() in store.h).
  bool auto_checkpoint = true;
};

// To call first in main, before any thread or connection: SQLite keeps no memory statistics
// (no program reads them, and they took a process-wide mutex on every allocation: 2 % of an
// import's instructions). Later calls change nothing.
void configure_sqlite_for_process();

// Pages of the write-ahead log, as a checkpoint found and left them.
struct WalPages {
  int64_t in_log = 0;
  int64_t copied = 0;  // into the database file (all of them unless a reader held some back)
};

// One connection. Each thread owns its own (the UI and the sync worker each open one).
class Database {
 public:
  // Opens (or creates) the file and sets WAL, foreign keys, synchronous=FULL and the busy
  // timeout. Returns nullptr and fills `status` when the file cannot be used.
  static std::unique_ptr<Database> open(const std::string& path, Status& status,
                                        const OpenOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without parameters (schema, pragmas, BEGIN/COMMIT).
  Status exec(std::string_view sql);

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  int64_t last_insert_rowid() const;
  int changes() const;  // rows changed by the last statement
  bool in_transaction() const;

  // The last failure seen on this connection (by exec, a Statement, or a read query of the
  // store that returned an empty answer because of an error).
  const Status& last_status() const { return last_status_; }
  void set_last_status(Status s) { last_status_ = std::move(s); }
  // sqlite3_errmsg of the connection, for logs.
  std::string last_error() const;

  // Builds a Status from a SQLite result code and the connection's message.
  Status error_status(int rc, std::string_view what) const;

  // How long a statement waits for another connection's write lock (OpenOptions).
  int busy_timeout_ms() const { return busy_timeout_ms_; }

  // Copies the write-ahead log into the database file without waiting for or blocking
  // readers and writers (a passive checkpoint).
  Result<WalPages> checkpoint();

 private:
  Database(sqlite3* db, std::string path, int busy_timeout_ms)
      : db_(db), path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}
  sqlite3* db_ = nullptr;
  std::string path_;
  int busy_timeout_ms_ = 0;
  Status last_status_;
};

// A prepared statement. Binds are 1-based like SQLite's; columns are 0-based.
// The first failure (prepare, bind or step) is kept in status() and copied to the database.
class Statement {
 public:
  Statement(Database& db, std::string_view sql, bool persistent = false);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;

  bool ok() const { return status_.ok; }
  const Status& status() const { return status_; }

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value ? 1 : 0)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);  // copied by SQLite (SQLITE_TRANSIENT)
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind_null(int index);
  // Binds without copying: the text must stay alive and unchanged until the statement is
  // stepped to its end and reset (bulk writes bind record fields this way).
  Statement& bind_ref(int index, std::string_view text);

  // true: a row is ready; false: done or failed (then !ok()).
  bool step();
  // Steps to the end and resets: for INSERT/UPDATE/DELETE.
  Status run();
  // Clears the bindings and rewinds, keeping the statement for reuse. Also clears a failure.
  void reset();

  int column_count() const;
  bool is_null(int col) const;
  int64_t col_int(int col) const;
  double col_double(int col) const;
  std::string col_text(int col) const;
  std::string_view col_view(int col) const;  // valid until the next step/reset

 private:
  void fail(int rc, std::string_view what);
  Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

// Whether taking the write lock may wait for another connection (the sync worker holds it
// for the whole apply of a catalog, which can last seconds).
enum class LockWait { UpToBusyTimeout, No };

// BEGIN IMMEDIATE (take the write lock now, so a long write never fails half-way with BUSY);
// rolls back in the destructor unless commit() succeeded. With LockWait::No, a lock held
// elsewhere gives at once a failed transaction with code "sqlite_busy".
class Transaction {
 public:
  explicit Transaction(Database& db, LockWait wait = LockWait::UpToBusyTimeout);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  bool ok() const { return status_.ok; }
  const Status& status() const { return status_; }
  Status commit();
  void rollback();
  bool active() const { return active_; }

 private:
  Database& db_;
  Status status_;
  bool active_ = false;
};

}  // namespace eric
