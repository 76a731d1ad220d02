#include "output/sqlite/sqlite_sink.h"

#include <map>

#include "output/record_fields.h"
#include "output/sqlite/sqlite_db.h"
#include "output/sqlite/sqlite_schema.h"
#include "text/folding.h"

namespace registre {
namespace {

using nlohmann::json;

constexpr size_t kRecordsPerTransaction = 500;

// Every statement the sink runs per record, prepared once.
const std::map<std::string, std::string>& StatementSql() {
  static const std::map<std::string, std::string> kSql = {
      {"document",
       "INSERT INTO documents (sha256, file, format) VALUES (?1, ?2, ?3) ON CONFLICT (sha256) "
       "DO UPDATE SET file = excluded.file, format = excluded.format RETURNING id"},
      {"forget", "DELETE FROM deliberations WHERE id = ?1"},
      {"deliberation",
       "INSERT INTO deliberations (id, document_id, record_index, authority, authority_type, "
       "authority_siren, assembly, assembly_kind, session_date, number, object, matter_code, "
       "matter_name, matter_derived, members_in_office, present_count, voting_count, formula, "
       "record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
       "?17, ?18, ?19)"},
      {"person",
       "INSERT INTO persons (authority_key, authority, name_key, name, civility) "
       "VALUES (?1, ?2, ?3, ?4, ?5) "
       "ON CONFLICT (authority_key, name_key) DO UPDATE SET civility = "
       "coalesce(persons.civility, excluded.civility) RETURNING id"},
      {"role", "INSERT INTO roles VALUES (?1, ?2, ?3, ?4)"},
      {"attendance", "INSERT INTO attendance VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
      {"vote", "INSERT INTO votes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
      {"vote_position", "INSERT INTO vote_positions VALUES (?1, ?2, ?3, ?4)"},
      {"article", "INSERT INTO articles VALUES (?1, ?2, ?3, ?4, ?5)"},
      {"visa", "INSERT INTO visas VALUES (?1, ?2, ?3)"},
      {"considerant", "INSERT INTO considerants VALUES (?1, ?2, ?3)"},
      {"warning", "INSERT INTO warnings VALUES (?1, ?2, ?3, ?4)"},
  };
  return kSql;
}

void BindAll(SqliteStatement&, int) {}
template <typename First, typename... Rest>
void BindAll(SqliteStatement& stmt, int index, const First& first, const Rest&... rest) {
  stmt.Bind(index, first);
  BindAll(stmt, index + 1, rest...);
}

std::optional<long long> BoolToInt(std::optional<bool> b) {
  if (!b) return std::nullopt;
  return *b ? 1 : 0;
}

class SqliteSink : public RecordSink {
 public:
  SqliteSink(std::unique_ptr<SqliteDb> db, std::string path)
      : db_(std::move(db)), path_(std::move(path)) {}

  Status Prepare() {
    for (const auto& [name, sql] : StatementSql()) {
      auto stmt = db_->Prepare(sql);
      if (!stmt.ok()) return stmt.status();
      statements_[name] = std::move(stmt).value();
    }
    return Status::Ok();
  }

  Status Write(const json& record) override {
    std::string id = OptString(record, "/id").value_or("");
    if (!in_transaction_) {
      if (Status s = db_->Exec("BEGIN"); !s.ok()) return Failed(id, s);
      in_transaction_ = true;
    }
    if (Status s = db_->Exec("SAVEPOINT record"); !s.ok()) return Failed(id, s);
    Status s = WriteRecord(id, record);
    if (!s.ok()) {
      db_->Exec("ROLLBACK TO record");
      db_->Exec("RELEASE record");
      return Failed(id, s);
    }
    if (Status r = db_->Exec("RELEASE record"); !r.ok()) return Failed(id, r);
    ++written_;
    if (written_ % kRecordsPerTransaction == 0) return Commit();
    return Status::Ok();
  }

  Status Finish() override {
    if (!in_transaction_) db_->Exec("BEGIN");
    in_transaction_ = true;
    Status s = db_->Exec(
        "DELETE FROM persons WHERE id NOT IN (SELECT person_id FROM attendance UNION "
        "SELECT proxy_holder_id FROM attendance WHERE proxy_holder_id IS NOT NULL UNION "
        "SELECT person_id FROM roles UNION SELECT person_id FROM vote_positions);"
        "DELETE FROM documents WHERE id NOT IN (SELECT document_id FROM deliberations);");
    if (!s.ok()) return s.Annotate(path_);
    return Commit();
  }

  std::vector<std::string> Summary() const override {
    return {"sqlite: " + std::to_string(written_) + " deliberations written to " + path_ + " (" +
            std::to_string(replaced_) + " replaced an earlier version)"};
  }

 private:
  Status Failed(const std::string& id, const Status& s) {
    return s.Annotate(path_ + ": record " + id);
  }

  Status Commit() {
    in_transaction_ = false;
    Status s = db_->Exec("COMMIT");
    return s.Annotate(path_);
  }

  SqliteStatement& Stmt(const std::string& name) { return *statements_.at(name); }

  template <typename... Args>
  Status Run(const std::string& name, const Args&... args) {
    SqliteStatement& stmt = Stmt(name);
    BindAll(stmt, 1, args...);
    return stmt.Run();
  }

  // Runs a statement with RETURNING id and gives the id.
  template <typename... Args>
  Result<long long> RunReturningId(const std::string& name, const Args&... args) {
    SqliteStatement& stmt = Stmt(name);
    BindAll(stmt, 1, args...);
    Result<bool> row = stmt.Step();
    if (!row.ok() || !row.value()) {
      stmt.Reset();
      return row.ok() ? Status::Internal("sqlite: no id returned") : row.status();
    }
    long long id = stmt.ColumnInt(0);
    Status done = stmt.Run();
    if (!done.ok()) return done;
    return id;
  }

  Status WriteRecord(const std::string& id, const json& record) {
    auto document =
        RunReturningId("document", OptString(record, "/source/sha256"),
                       OptString(record, "/source/file"), OptString(record, "/source/format"));
    if (!document.ok()) return document.status();
    if (Status s = Run("forget", id); !s.ok()) return s;
    replaced_ += sqlite3_changes(db_->handle()) > 0 ? 1 : 0;
    if (Status s = WriteDeliberation(id, document.value(), record); !s.ok()) return s;
    authority_ = OptString(record, "/authority/name");
    authority_key_ = FoldKey(authority_.value_or(""));
    using Part = Status (SqliteSink::*)(const std::string&, const json&);
    for (Part part : {&SqliteSink::WriteRoles, &SqliteSink::WriteAttendance, &SqliteSink::WriteVote,
                      &SqliteSink::WriteTexts}) {
      if (Status s = (this->*part)(id, record); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status WriteDeliberation(const std::string& id, long long document, const json& r) {
    return Run("deliberation", id, document, OptInt(r, "/source/index"),
               OptString(r, "/authority/name"), OptString(r, "/authority/type"),
               OptString(r, "/authority/siren"), OptString(r, "/assembly/name"),
               OptString(r, "/assembly/kind"), OptString(r, "/session/date"),
               OptString(r, "/number"), OptString(r, "/object"), OptString(r, "/matter/code"),
               OptString(r, "/matter/name"),
               std::optional<long long>(OptBool(r, "/matter/derived").value_or(false) ? 1 : 0),
               OptInt(r, "/attendance/members_in_office"), OptInt(r, "/attendance/present_count"),
               OptInt(r, "/attendance/voting_count"), OptString(r, "/decision/formula"),
               std::optional<std::string>(r.dump()));
  }

  // The person row for a record's person object, created on first sight.
  Result<long long> PersonId(const json& person) {
    std::string name = person.value("name", "");
    std::string key = FoldKey(name);
    if (key.empty()) key = name;
    std::optional<std::string> civility;
    if (person.contains("civility") && person["civility"].is_string()) {
      civility = person["civility"].get<std::string>();
    }
    return RunReturningId("person", authority_key_, authority_, key, name, civility);
  }

  Status WriteRoles(const std::string& id, const json& r) {
    std::vector<std::pair<std::string, const json*>> roles;
    if (r.value("president", json()).is_object()) roles.push_back({"president", &r["president"]});
    if (r.value("rapporteur", json()).is_object()) {
      roles.push_back({"rapporteur", &r["rapporteur"]});
    }
    for (const json& s : ArrayAt(r, "/secretaries")) roles.push_back({"secretary", &s});
    std::map<std::string, long long> seq;
    for (const auto& [role, person] : roles) {
      auto pid = PersonId(*person);
      if (!pid.ok()) return pid.status();
      if (Status s = Run("role", id, seq[role]++, role, pid.value()); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status WriteAttendance(const std::string& id, const json& r) {
    for (const char* status : {"present", "excused", "absent"}) {
      long long seq = 0;
      for (const json& person : ArrayAt(r, std::string("/attendance/") + status)) {
        auto pid = PersonId(person);
        if (!pid.ok()) return pid.status();
        std::optional<long long> holder;
        if (person.contains("proxy_to") && person["proxy_to"].is_object()) {
          auto h = PersonId(person["proxy_to"]);
          if (!h.ok()) return h.status();
          holder = h.value();
        }
        Status s = Run("attendance", id, std::string(status), seq++, pid.value(), holder,
                       OptString(person, "/note"));
        if (!s.ok()) return s;
      }
    }
    return Status::Ok();
  }

  Status WriteVote(const std::string& id, const json& r) {
    const json& vote = r.value("vote", json::object());
    bool stated = false;
    for (const char* key :
         {"unanimous", "for", "against", "abstention", "not_voting", "result", "text"}) {
      stated |= vote.contains(key) && !vote[key].is_null();
    }
    if (stated) {
      Status s = Run("vote", id, BoolToInt(OptBool(r, "/vote/unanimous")), OptInt(r, "/vote/for"),
                     OptInt(r, "/vote/against"), OptInt(r, "/vote/abstention"),
                     OptInt(r, "/vote/not_voting"), OptString(r, "/vote/result"),
                     OptString(r, "/vote/text"));
      if (!s.ok()) return s;
    }
    for (const char* position : {"against", "abstention", "not_voting"}) {
      long long seq = 0;
      for (const json& person : ArrayAt(r, std::string("/vote/") + position + "_names")) {
        auto pid = PersonId(person);
        if (!pid.ok()) return pid.status();
        Status s = Run("vote_position", id, std::string(position), seq++, pid.value());
        if (!s.ok()) return s;
      }
    }
    return Status::Ok();
  }

  Status WriteTexts(const std::string& id, const json& r) {
    long long seq = 0;
    for (const json& a : ArrayAt(r, "/decision/articles")) {
      Status s = Run("article", id, seq++, OptString(a, "/label"), OptInt(a, "/number"),
                     OptString(a, "/text"));
      if (!s.ok()) return s;
    }
    for (const auto& [table, pointer] :
         {std::pair{"visa", "/visas"}, std::pair{"considerant", "/considerants"}}) {
      seq = 0;
      for (const json& item : ArrayAt(r, pointer)) {
        if (Status s = Run(table, id, seq++, OptString(item, "/text")); !s.ok()) return s;
      }
    }
    seq = 0;
    for (const json& w : ArrayAt(r, "/warnings")) {
      Status s = Run("warning", id, seq++, OptString(w, "/code"), OptString(w, "/message"));
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  std::unique_ptr<SqliteDb> db_;
  std::string path_;
  std::map<std::string, std::unique_ptr<SqliteStatement>> statements_;
  std::optional<std::string> authority_;  // of the record being written
  std::string authority_key_;
  bool in_transaction_ = false;
  size_t written_ = 0;
  size_t replaced_ = 0;
};

// Creates the tables in a new database, or checks an existing one is ours.
Status PrepareSchema(SqliteDb& db, const std::string& path) {
  auto version = db.Prepare("PRAGMA user_version");
  if (!version.ok()) return version.status();
  auto row = version.value()->Step();
  if (!row.ok()) return row.status().Annotate(path);
  long long found = version.value()->ColumnInt(0);
  version.value()->Reset();
  if (found != 0 && found != kSqliteSchemaVersion) {
    return Status::InvalidInput(path + ": database schema version " + std::to_string(found) +
                                " is not the one this registre writes (" +
                                std::to_string(kSqliteSchemaVersion) + ")");
  }
  Status s = db.Exec("PRAGMA foreign_keys = ON");
  if (s.ok()) s = db.Exec(kSqliteSchema);
  if (s.ok()) s = db.Exec("PRAGMA user_version = " + std::to_string(kSqliteSchemaVersion));
  return s.Annotate(path);
}

}  // namespace

Result<std::unique_ptr<RecordSink>> MakeSqliteSink(const std::string& path) {
  if (path.empty() || path == "-") {
    return Status::Usage("the sqlite format writes a database file: give one with -o");
  }
  auto db = SqliteDb::Open(path);
  if (!db.ok()) return db.status();
  if (Status s = PrepareSchema(*db.value(), path); !s.ok()) return s;
  auto sink = std::make_unique<SqliteSink>(std::move(db).value(), path);
  if (Status s = sink->Prepare(); !s.ok()) return s;
  return std::unique_ptr<RecordSink>(std::move(sink));
}

}  // namespace registre
