#include "output/sqlite/sqlite_db.h"

namespace registre {

void SqliteStatement::Bind(int index, const std::optional<std::string>& text) {
  if (!text) {
    sqlite3_bind_null(stmt_, index);
    return;
  }
  sqlite3_bind_text(stmt_, index, text->data(), static_cast<int>(text->size()), SQLITE_TRANSIENT);
}

void SqliteStatement::Bind(int index, std::optional<long long> value) {
  if (!value) {
    sqlite3_bind_null(stmt_, index);
    return;
  }
  sqlite3_bind_int64(stmt_, index, *value);
}

Result<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Status::Io(std::string("sqlite: ") + sqlite3_errmsg(db_));
}

Status SqliteStatement::Run() {
  Result<bool> step = Step();
  while (step.ok() && step.value()) step = Step();
  Reset();
  return step.status();
}

std::string SqliteStatement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::Io(path + ": cannot open database: " + message);
  }
  return std::unique_ptr<SqliteDb>(new SqliteDb(db));
}

Status SqliteDb::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return Status::Ok();
  std::string text = message ? message : "unknown error";
  sqlite3_free(message);
  return Status::Io("sqlite: " + text);
}

Result<std::unique_ptr<SqliteStatement>> SqliteDb::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    return Status::Io(std::string("sqlite: ") + sqlite3_errmsg(db_) + " in: " + sql);
  }
  return std::make_unique<SqliteStatement>(db_, stmt);
}

}  // namespace registre
