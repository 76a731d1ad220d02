// A thin RAII layer over the SQLite C API: a connection and prepared statements whose
// errors come back as Status values carrying SQLite's message, never as exceptions.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>

#include "base/status.h"

namespace registre {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are 1-based; nullopt binds NULL. Bind errors surface at Step.
  void Bind(int index, const std::optional<std::string>& text);
  void Bind(int index, std::optional<long long> value);
  // Runs one step: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion and makes the statement ready for new bindings.
  Status Run();
  long long ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }
  std::string ColumnText(int column) const;
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDb {
 public:
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path);
  ~SqliteDb() { sqlite3_close(db_); }
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  Status Exec(const std::string& sql);
  Result<std::unique_ptr<SqliteStatement>> Prepare(const std::string& sql);
  sqlite3* handle() { return db_; }

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace registre
