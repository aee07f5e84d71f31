// RAII over sqlite3 (see db.h): opening with the kiosk's pragmas, statements, transactions.
#include "kiosk/core/storage/db.h"

#include <sqlite3.h>

#include <string>

#include "kiosk/core/base/text_fold.h"

namespace eric {

namespace {

std::string code_for(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY: return "sqlite_busy";
    case SQLITE_LOCKED: return "sqlite_locked";
    case SQLITE_NOMEM: return "sqlite_nomem";
    case SQLITE_READONLY: return "sqlite_readonly";
    case SQLITE_IOERR: return "sqlite_ioerr";
    case SQLITE_CORRUPT: return "sqlite_corrupt";
    case SQLITE_FULL: return "sqlite_full";
    case SQLITE_CANTOPEN: return "sqlite_cantopen";
    case SQLITE_CONSTRAINT: return "sqlite_constraint";
    case SQLITE_NOTADB: return "sqlite_notadb";
    case SQLITE_RANGE: return "sqlite_range";
    default: return "sqlite_error";
  }
}

std::string sentence_for(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "La base de données est occupée, nouvel essai dans un instant.";
    case SQLITE_FULL: return "Le disque de la borne est plein.";
    case SQLITE_IOERR: return "Erreur de lecture ou d'écriture sur le disque de la borne.";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "La base de données de la borne est endommagée.";
    case SQLITE_CANTOPEN: return "Impossible d'ouvrir la base de données de la borne.";
    case SQLITE_READONLY: return "La base de données de la borne est en lecture seule.";
    default: return "Erreur interne de la base de données de la borne.";
  }
}

// eric_fold(text): the same folding as fold_text, so SQL (migrations, rebuilds) and C++
// agree on what a searchable word is.
void sql_fold(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int n = sqlite3_value_bytes(argv[0]);
  std::string folded = fold_text(std::string_view(text ? text : "", text ? static_cast<size_t>(n) : 0));
  sqlite3_result_text(ctx, folded.c_str(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

void sql_fold_commune(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int n = sqlite3_value_bytes(argv[0]);
  std::string folded =
      fold_commune_query(std::string_view(text ? text : "", text ? static_cast<size_t>(n) : 0));
  sqlite3_result_text(ctx, folded.c_str(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

}  // namespace

void configure_sqlite_for_process() {
  // SQLITE_MISUSE once SQLite is initialised: the setting then stays as it was.
  (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

std::unique_ptr<Database> Database::open(const std::string& path, Status& status,
                                         const OpenOptions& options) {
  int flags = SQLITE_OPEN_NOMUTEX;  // one connection per thread, by design
  if (options.read_only) {
    flags |= SQLITE_OPEN_READONLY;
  } else {
    flags |= SQLITE_OPEN_READWRITE;
    if (options.create) flags |= SQLITE_OPEN_CREATE;
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close_v2(raw);
    status = Status::error(code_for(rc), sentence_for(rc) + " (" + detail + ")");
    return nullptr;
  }
  std::unique_ptr<Database> db(new Database(raw, path, options.busy_timeout_ms));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  sqlite3_create_function_v2(raw, "eric_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             sql_fold, nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(raw, "eric_fold_commune", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                             nullptr, sql_fold_commune, nullptr, nullptr, nullptr);
  // WAL lets the UI read the old catalog while the sync worker writes the new one.
  // synchronous=FULL: a visitor's request in the outbox must survive a power cut.
  std::string pragmas = "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA cache_size=-16000;";
  if (!options.read_only) pragmas = "PRAGMA journal_mode=WAL; " + pragmas;
  if (!options.auto_checkpoint) pragmas += " PRAGMA wal_autocheckpoint=0;";
  Status s = db->exec(pragmas);
  if (!s.ok) {
    status = s;
    return nullptr;
  }
  // Touch the file so a non-database file is reported now, not at the first query.
  s = db->exec("SELECT count(*) FROM sqlite_schema;");
  if (!s.ok) {
    status = s;
    return nullptr;
  }
  status = Status::success();
  return db;
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Result<WalPages> Database::checkpoint() {
  Result<WalPages> r;
  int in_log = 0, copied = 0;
  const int rc =
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &in_log, &copied);
  if (rc != SQLITE_OK) {
    r.status = error_status(rc, "checkpoint");
    return r;
  }
  r.value.in_log = in_log;
  r.value.copied = copied;
  return r;
}

Status Database::error_status(int rc, std::string_view what) const {
  std::string msg = sentence_for(rc);
  msg += " (";
  msg += what;
  msg += ": ";
  msg += db_ ? sqlite3_errmsg(db_) : "no connection";
  msg += ")";
  return Status::error(code_for(rc), std::move(msg));
}

Status Database::exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (err) sqlite3_free(err);
  if (rc != SQLITE_OK) {
    last_status_ = error_status(rc, "exec");
    return last_status_;
  }
  return Status::success();
}

int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }
bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
std::string Database::last_error() const { return db_ ? sqlite3_errmsg(db_) : ""; }

// ---------------------------------------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql, bool persistent) : db_(&db) {
  unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0;
  int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()), flags,
                              &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    fail(rc, "prepare");
  } else if (!stmt_) {
    status_ = Status::error("sqlite_error", "Requête vide.");
  }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), status_(std::move(other.status_)) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

void Statement::fail(int rc, std::string_view what) {
  if (!status_.ok) return;  // keep the first failure: it is the cause
  status_ = db_->error_status(rc, what);
  db_->set_last_status(status_);
}

Statement& Statement::bind(int index, int64_t value) {
  if (!stmt_) return *this;
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) fail(rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (!stmt_) return *this;
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) fail(rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (!stmt_) return *this;
  // An empty view may have no data; SQLite would bind that as NULL, and bind_null says so.
  int rc = sqlite3_bind_text(stmt_, index, text.data() ? text.data() : "",
                             static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(rc, "bind");
  return *this;
}

Statement& Statement::bind_ref(int index, std::string_view text) {
  if (!stmt_) return *this;
  int rc = sqlite3_bind_text(stmt_, index, text.data() ? text.data() : "",
                             static_cast<int>(text.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK) fail(rc, "bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (!stmt_) return *this;
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) fail(rc, "bind");
  return *this;
}

bool Statement::step() {
  if (!stmt_ || !status_.ok) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) fail(rc, "step");
  return false;
}

Status Statement::run() {
  while (step()) {
  }
  Status s = status_;
  reset();
  return s;
}

void Statement::reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  status_ = Status::success();
}

int Statement::column_count() const { return stmt_ ? sqlite3_column_count(stmt_) : 0; }
bool Statement::is_null(int col) const {
  return !stmt_ || sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
int64_t Statement::col_int(int col) const { return stmt_ ? sqlite3_column_int64(stmt_, col) : 0; }
double Statement::col_double(int col) const { return stmt_ ? sqlite3_column_double(stmt_, col) : 0; }
std::string Statement::col_text(int col) const { return std::string(col_view(col)); }
std::string_view Statement::col_view(int col) const {
  if (!stmt_) return {};
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string_view(reinterpret_cast<const char*>(p),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

// ---------------------------------------------------------------------------------------------

Transaction::Transaction(Database& db, LockWait wait) : db_(db) {
  if (wait == LockWait::No) sqlite3_busy_timeout(db_.handle(), 0);
  status_ = db_.exec("BEGIN IMMEDIATE;");
  if (wait == LockWait::No) sqlite3_busy_timeout(db_.handle(), db_.busy_timeout_ms());
  active_ = status_.ok;
}

Transaction::~Transaction() { rollback(); }

Status Transaction::commit() {
  if (!active_) {
    return status_.ok ? Status::error("no_transaction", "Aucune transaction en cours.") : status_;
  }
  Status s = db_.exec("COMMIT;");
  if (!s.ok) {
    rollback();
    return s;
  }
  active_ = false;
  return s;
}

void Transaction::rollback() {
  if (!active_) return;
  active_ = false;
  // A failed ROLLBACK leaves the transaction to SQLite, which rolls it back when the
  // connection closes; nothing is written either way, and a destructor cannot report.
  if (db_.in_transaction()) (void)db_.exec("ROLLBACK;");
}

}  // namespace eric
