// Tests of the sqlite3 wrapper: opening, statements, transactions, errors as values.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "kiosk/core/storage/db.h"
#include "tests/support/test_util.h"

namespace eric {
namespace {

TEST(Database, OpensWithWalForeignKeysAndFullSync) {
  test::TempDir dir;
  Status st;
  auto db = Database::open(dir.file("a.db"), st);
  ASSERT_TRUE(db) << st.message_fr;
  Statement mode(*db, "PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.col_text(0), "wal");
  Statement fk(*db, "PRAGMA foreign_keys");
  ASSERT_TRUE(fk.step());
  EXPECT_EQ(fk.col_int(0), 1);
  Statement sync(*db, "PRAGMA synchronous");
  ASSERT_TRUE(sync.step());
  EXPECT_EQ(sync.col_int(0), 2);  // FULL
}

TEST(Database, RefusesAFileThatIsNotADatabase) {
  test::TempDir dir;
  {
    std::ofstream f(dir.file("junk.db"));
    f << "this is not a database, just some text long enough to be read as a header........";
  }
  Status st;
  auto db = Database::open(dir.file("junk.db"), st);
  EXPECT_FALSE(db);
  EXPECT_FALSE(st.ok);
  EXPECT_EQ(st.code, "sqlite_notadb");
  EXPECT_FALSE(st.message_fr.empty());
}

TEST(Database, MissingFileWithoutCreateIsAnError) {
  test::TempDir dir;
  Status st;
  OpenOptions o;
  o.create = false;
  auto db = Database::open(dir.file("missing.db"), st, o);
  EXPECT_FALSE(db);
  EXPECT_EQ(st.code, "sqlite_cantopen");
}

TEST(Statement, BindsAndReadsEveryType) {
  test::TempDir dir;
  Status st;
  auto db = Database::open(dir.file("a.db"), st);
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->exec("CREATE TABLE t(i INTEGER, d REAL, s TEXT, n TEXT)").ok);
  Statement ins(*db, "INSERT INTO t VALUES(?1, ?2, ?3, ?4)");
  ins.bind(1, int64_t{1} << 40).bind(2, 2.5).bind(3, std::string_view("Maçon")).bind_null(4);
  ASSERT_TRUE(ins.run().ok);
  ins.bind(1, 7).bind(2, -1.0).bind(3, "x").bind(4, "y");
  ASSERT_TRUE(ins.run().ok);  // reused after run()'s reset
  Statement q(*db, "SELECT i, d, s, n FROM t ORDER BY i DESC");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.col_int(0), int64_t{1} << 40);
  EXPECT_DOUBLE_EQ(q.col_double(1), 2.5);
  EXPECT_EQ(q.col_text(2), "Maçon");
  EXPECT_TRUE(q.is_null(3));
  EXPECT_EQ(q.col_text(3), "");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.col_int(0), 7);
  EXPECT_FALSE(q.step());
  EXPECT_TRUE(q.ok());
}

TEST(Statement, PrepareErrorIsAValue) {
  test::TempDir dir;
  Status st;
  auto db = Database::open(dir.file("a.db"), st);
  ASSERT_TRUE(db);
  Statement bad(*db, "SELECT * FROM no_such_table");
  EXPECT_FALSE(bad.ok());
  EXPECT_FALSE(bad.step());
  EXPECT_EQ(bad.status().code, "sqlite_error");
  EXPECT_FALSE(db->last_status().ok);
  EXPECT_NE(db->last_error().find("no_such_table"), std::string::npos);
}

TEST(Statement, ConstraintFailureIsReported) {
  test::TempDir dir;
  Status st;
  auto db = Database::open(dir.file("a.db"), st);
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->exec("CREATE TABLE t(k TEXT PRIMARY KEY)").ok);
  Statement ins(*db, "INSERT INTO t VALUES(?1)");
  ins.bind(1, "a");
  ASSERT_TRUE(ins.run().ok);
  ins.bind(1, "a");
  Status s = ins.run();
  EXPECT_FALSE(s.ok);
  EXPECT_EQ(s.code, "sqlite_constraint");
}

TEST(Transaction, RollsBackUnlessCommitted) {
  test::TempDir dir;
  Status st;
  auto db = Database::open(dir.file("a.db"), st);
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->exec("CREATE TABLE t(k INTEGER)").ok);
  {
    Transaction tx(*db);
    ASSERT_TRUE(tx.ok());
    EXPECT_TRUE(db->in_transaction());
    ASSERT_TRUE(db->exec("INSERT INTO t VALUES(1)").ok);
  }
  EXPECT_FALSE(db->in_transaction());
  {
    Transaction tx(*db);
    ASSERT_TRUE(db->exec("INSERT INTO t VALUES(2)").ok);
    ASSERT_TRUE(tx.commit().ok);
  }
  Statement q(*db, "SELECT group_concat(k) FROM t");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.col_text(0), "2");
}

TEST(Transaction, SecondWriterWaitsThenGetsBusy) {
  test::TempDir dir;
  Status st;
  OpenOptions quick;
  quick.busy_timeout_ms = 50;
  auto a = Database::open(dir.file("a.db"), st);
  auto b = Database::open(dir.file("a.db"), st, quick);
  ASSERT_TRUE(a && b);
  Transaction ta(*a);
  ASSERT_TRUE(ta.ok());
  Transaction tb(*b);
  EXPECT_FALSE(tb.ok());
  EXPECT_EQ(tb.status().code, "sqlite_busy");
  EXPECT_FALSE(tb.commit().ok);
}

// Writes about 2,000 pages (8 MB) in one transaction: beyond SQLite's automatic checkpoint.
void write_many_pages(Database& db) {
  ASSERT_TRUE(db.exec("CREATE TABLE IF NOT EXISTS big(x BLOB);").ok);
  Transaction tx(db);
  Statement ins(db, "INSERT INTO big(x) VALUES(randomblob(4000))");
  for (int i = 0; i < 2000; ++i) ASSERT_TRUE(ins.run().ok);
  ASSERT_TRUE(tx.commit().ok);
}

TEST(Database, WithoutAutoCheckpointTheLogWaitsForCheckpoint) {
  test::TempDir dir;
  Status st;
  auto automatic = Database::open(dir.file("auto.db"), st);
  OpenOptions manual_options;
  manual_options.auto_checkpoint = false;
  auto manual = Database::open(dir.file("manual.db"), st, manual_options);
  ASSERT_TRUE(automatic && manual);
  write_many_pages(*automatic);
  write_many_pages(*manual);
  // The automatic connection copied the log into the file on commit; the other did not.
  EXPECT_GT(std::filesystem::file_size(dir.file("auto.db")), 8'000'000u);
  EXPECT_LT(std::filesystem::file_size(dir.file("manual.db")), 1'000'000u);
  auto done = manual->checkpoint();
  ASSERT_TRUE(done.ok()) << done.status.message_fr;
  EXPECT_GT(done.value.in_log, 2000);
  EXPECT_EQ(done.value.copied, done.value.in_log);
  EXPECT_GT(std::filesystem::file_size(dir.file("manual.db")), 8'000'000u);
}

TEST(Transaction, WithoutWaitABusyFileFailsAtOnce) {
  test::TempDir dir;
  Status st;
  auto a = Database::open(dir.file("a.db"), st);
  OpenOptions patient;
  patient.busy_timeout_ms = 60000;
  auto b = Database::open(dir.file("a.db"), st, patient);
  ASSERT_TRUE(a && b);
  Transaction ta(*a);
  ASSERT_TRUE(ta.ok());
  const auto t0 = std::chrono::steady_clock::now();
  Transaction tb(*b, LockWait::No);
  EXPECT_FALSE(tb.ok());
  EXPECT_EQ(tb.status().code, "sqlite_busy");
  // Not a speed test: "at once" only means it did not sit out its minute of busy timeout.
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(30));
  EXPECT_EQ(b->busy_timeout_ms(), 60000);  // and the connection keeps its patience
  ta.rollback();
  Transaction again(*b, LockWait::No);
  EXPECT_TRUE(again.ok());
}

TEST(Database, FoldFunctionIsAvailableInSql) {
  test::TempDir dir;
  Status st;
  auto db = Database::open(dir.file("a.db"), st);
  ASSERT_TRUE(db);
  Statement q(*db, "SELECT eric_fold('Maçon / Maçonne'), eric_fold_commune('St-Raphaël')");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.col_text(0), "macon maconne");
  EXPECT_EQ(q.col_text(1), "saint raphael");
}

}  // namespace
}  // namespace eric
