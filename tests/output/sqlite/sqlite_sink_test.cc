// The SQLite database as a researcher uses it: the example queries of docs/outputs.md run
// against the sample records and give the expected numbers (Lyon: 65 in office, 59
// present, 6 proxies), and re-running over the same records updates in place.
#include "output/sqlite/sqlite_sink.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>

#include "support/test_util.h"

namespace registre {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using testing::ScratchDir;

// The ```sql blocks of docs/outputs.md that start with "-- query: NAME".
std::map<std::string, std::string> DocumentedQueries() {
  std::string doc = testing::ReadFile(testing::SourceDir() + "/docs/outputs.md");
  const std::string open = "```sql\n-- query: ";
  std::map<std::string, std::string> queries;
  for (size_t at = doc.find(open); at != std::string::npos; at = doc.find(open, at)) {
    size_t name_start = at + open.size();
    size_t name_end = doc.find('\n', name_start);
    size_t close = doc.find("```", name_end);
    if (name_end == std::string::npos || close == std::string::npos) break;
    queries[doc.substr(name_start, name_end - name_start)] =
        doc.substr(name_end + 1, close - name_end - 1);
    at = close;
  }
  return queries;
}

Rows Query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db) << "\n"
      << sql;
  Rows rows;
  while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const unsigned char* text = sqlite3_column_text(stmt, c);
      row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

std::string Scalar(const std::string& db, const std::string& sql) {
  Rows rows = Query(db, sql);
  return rows.empty() || rows[0].empty() ? "" : rows[0][0];
}

void WriteAllFixtures(const std::string& db, std::vector<std::string>* summary = nullptr) {
  auto sink = MakeSqliteSink(db);
  ASSERT_TRUE(sink.ok()) << sink.status().message();
  for (const auto& record : testing::AllFixtureRecords()) {
    Status s = sink.value()->Write(record);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  ASSERT_TRUE(sink.value()->Finish().ok());
  if (summary) *summary = sink.value()->Summary();
}

const std::vector<std::string>* Find(const Rows& rows, size_t column, const std::string& value) {
  for (const auto& row : rows) {
    if (row.at(column) == value) return &row;
  }
  return nullptr;
}

class SqliteSinkTest : public ::testing::Test {
 protected:
  void SetUp() override { WriteAllFixtures(db_); }
  ScratchDir dir_{"sqlite"};
  std::string db_ = dir_ / "corpus.db";
  std::map<std::string, std::string> queries_ = DocumentedQueries();
};

TEST_F(SqliteSinkTest, DocumentsTheFiveExampleQueries) {
  for (const char* name : {"attendance-per-deliberation", "attendance-rate", "proxies",
                           "split-votes-per-session", "named-positions"}) {
    EXPECT_EQ(queries_.count(name), 1u) << name;
  }
}

TEST_F(SqliteSinkTest, LyonAttendanceNumbers) {
  Rows rows = Query(db_, queries_["attendance-per-deliberation"]);
  ASSERT_EQ(rows.size(), 5u);
  const auto* lyon = Find(rows, 1, "CP-2023-2459");
  ASSERT_NE(lyon, nullptr);
  // authority, number, date, in office, present, excused, absent, proxies
  EXPECT_EQ(*lyon, (std::vector<std::string>{"Métropole de Lyon", "CP-2023-2459", "2023-07-10",
                                             "65", "59", "6", "0", "6"}));
  // Every member in office is one person in the database.
  EXPECT_EQ(Scalar(db_,
                   "SELECT count(DISTINCT person_id) FROM attendance "
                   "WHERE deliberation_id = '6f40d1606731a2d2-0'"),
            "65");
}

TEST_F(SqliteSinkTest, AttendanceRateAcrossTwoDeliberationsOfOneSitting) {
  Rows rows = Query(db_, queries_["attendance-rate"]);
  const auto* laurent = Find(rows, 1, "LAURENT Sophie");
  ASSERT_NE(laurent, nullptr);
  EXPECT_EQ(*laurent, (std::vector<std::string>{"Commune de SOURDEVAL", "LAURENT Sophie", "2", "2",
                                                "100.0"}));
  const auto* dufay = Find(rows, 1, "DUFAY Sophie");
  ASSERT_NE(dufay, nullptr);
  EXPECT_EQ((*dufay)[4], "0.0");
  const auto* artigny = Find(rows, 1, "Artigny");
  ASSERT_NE(artigny, nullptr);
  EXPECT_EQ((*artigny)[2], "1");
  EXPECT_EQ((*artigny)[3], "0");
}

TEST_F(SqliteSinkTest, ProxiesGivenAndReceived) {
  Rows rows = Query(db_, queries_["proxies"]);
  int lyon_given = 0, lyon_received = 0;
  for (const auto& row : rows) {
    if (row[0] != "Métropole de Lyon") continue;
    lyon_given += std::stoi(row[2]);
    lyon_received += std::stoi(row[3]);
  }
  EXPECT_EQ(lyon_given, 6);
  EXPECT_EQ(lyon_received, 6);
  const auto* moreira = Find(rows, 1, "Moreira");
  ASSERT_NE(moreira, nullptr);
  EXPECT_EQ((*moreira)[2], "0");
  EXPECT_EQ((*moreira)[3], "1");
  // Sourdeval: one sitting, two deliberations, each proxy counted once per deliberation.
  const auto* laurent = Find(rows, 1, "LAURENT Sophie");
  ASSERT_NE(laurent, nullptr);
  EXPECT_EQ((*laurent)[3], "2");
}

TEST_F(SqliteSinkTest, SplitVotesPerSession) {
  Rows rows = Query(db_, queries_["split-votes-per-session"]);
  ASSERT_EQ(rows.size(), 3u);
  // authority, assembly, date, deliberations, with a vote, split
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Commune de Saclas", "Conseil municipal",
                                               "2011-05-12", "2", "1", "1"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"Commune de SOURDEVAL", "Conseil municipal",
                                               "2021-02-09", "2", "2", "1"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"Métropole de Lyon", "Commission permanente",
                                               "2023-07-10", "1", "0", "0"}));
}

TEST_F(SqliteSinkTest, NamedPositionsMatchAttendanceIgnoringCaseAndAccents) {
  Rows rows = Query(db_, queries_["named-positions"]);
  ASSERT_EQ(rows.size(), 5u);
  // "ROGER Mickael" in the vote sentence is "ROGER Mickaël" of the attendance list, and
  // "Hili Damien" is "HILI Damien": both keep the name as first printed.
  EXPECT_NE(Find(rows, 0, "ROGER Mickaël"), nullptr);
  EXPECT_NE(Find(rows, 0, "HILI Damien"), nullptr);
  EXPECT_EQ(Scalar(db_, "SELECT count(*) FROM persons WHERE name_key = 'roger mickael'"), "1");
}

TEST_F(SqliteSinkTest, DeliberationKeepsItsRecordAndTexts) {
  std::string json = Scalar(db_, "SELECT record FROM deliberations WHERE number = '2021-004'");
  EXPECT_EQ(nlohmann::json::parse(json),
            testing::FixtureRecord("sourdeval-cm-2021-02-09.jsonl", 0));
  EXPECT_EQ(
      Scalar(db_, "SELECT count(*) FROM articles WHERE deliberation_id = '6f40d1606731a2d2-0'"),
      "2");
  EXPECT_EQ(Scalar(db_, "SELECT count(*) FROM visas WHERE deliberation_id = '6f40d1606731a2d2-0'"),
            "2");
  EXPECT_EQ(Scalar(db_, "SELECT code FROM warnings"), "count_mismatch");
  EXPECT_EQ(Scalar(db_, "SELECT count(*) FROM documents"), "3");
  EXPECT_EQ(Scalar(db_,
                   "SELECT p.name FROM roles r JOIN persons p ON p.id = r.person_id "
                   "WHERE r.role = 'president' AND r.deliberation_id = '6f40d1606731a2d2-0'"),
            "Bruno Bernard");
}

TEST_F(SqliteSinkTest, RerunUpdatesInPlace) {
  auto count = [&](const std::string& table) {
    return Scalar(db_, "SELECT count(*) FROM " + table);
  };
  std::map<std::string, std::string> before;
  for (const char* t : {"documents", "deliberations", "persons", "attendance", "votes",
                        "vote_positions", "articles", "visas", "warnings", "roles"}) {
    before[t] = count(t);
  }
  std::vector<std::string> summary;
  WriteAllFixtures(db_, &summary);
  for (const auto& [table, n] : before) EXPECT_EQ(count(table), n) << table;
  EXPECT_EQ(summary.at(0),
            "sqlite: 5 deliberations written to " + db_ + " (5 replaced an earlier version)");
}

TEST_F(SqliteSinkTest, ChangedRecordReplacesItsRowsAndDropsOrphans) {
  nlohmann::json lyon = testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0);
  lyon["attendance"]["excused"] = nlohmann::json::array();
  lyon["vote"]["unanimous"] = true;
  auto sink = MakeSqliteSink(db_);
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE(sink.value()->Write(lyon).ok());
  ASSERT_TRUE(sink.value()->Finish().ok());
  EXPECT_EQ(Scalar(db_,
                   "SELECT count(*) FROM attendance WHERE deliberation_id = "
                   "'6f40d1606731a2d2-0'"),
            "59");
  EXPECT_EQ(Scalar(db_, "SELECT count(*) FROM persons WHERE name = 'Artigny'"), "0");
  EXPECT_EQ(Scalar(db_, "SELECT unanimous FROM votes WHERE deliberation_id = '6f40d1606731a2d2-0'"),
            "1");
}

TEST(SqliteSink, NeedsAnOutputFile) {
  auto sink = MakeSqliteSink("");
  ASSERT_FALSE(sink.ok());
  EXPECT_NE(sink.status().message().find("give one with -o"), std::string::npos);
}

TEST(SqliteSink, RefusesAForeignDatabaseVersion) {
  ScratchDir dir("sqlite-version");
  sqlite3* db = nullptr;
  sqlite3_open((dir / "other.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 7", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto sink = MakeSqliteSink(dir / "other.db");
  ASSERT_FALSE(sink.ok());
  EXPECT_NE(sink.status().message().find("schema version 7"), std::string::npos);
}

}  // namespace
}  // namespace registre
