// End to end: the real extractor over fixtures/*.txt, then every output format, as a user
// would chain `registre extract` and `registre export`.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "support/test_support.h"
#include "support/test_util.h"

namespace registre {
namespace {

namespace fs = std::filesystem;

// Extracts every text fixture into one JSON Lines file; returns its path.
std::string ExtractFixtures(const testing::ScratchDir& dir) {
  std::string out = dir / "records.jsonl";
  std::ofstream file(out, std::ios::binary);
  for (const auto& e : fs::directory_iterator(testing::FixturesDir())) {
    if (e.path().extension() != ".txt") continue;
    auto r = testing::BundledPipeline().Extract(testing::ReadFileOrDie(e.path()),
                                                e.path().filename().string());
    EXPECT_TRUE(r.ok()) << e.path();
    if (!r.ok()) continue;
    for (const auto& record : r.value().records) file << record.dump() << "\n";
  }
  return out;
}

int Export(const std::vector<std::string>& args, std::string* err = nullptr) {
  std::ostringstream out, errors;
  int code = RunExportCommand(args, out, errors);
  if (err) *err = errors.str();
  return code;
}

long long QueryInt(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  long long value = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return value;
}

TEST(OutputsEndToEnd, SqliteHoldsTheLyonSeedAsExtracted) {
  testing::ScratchDir dir("e2e-sqlite");
  std::string records = ExtractFixtures(dir);
  std::string err;
  ASSERT_EQ(Export({"--to", "sqlite", "-o", dir / "corpus.db", records}, &err), kExitOk) << err;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "corpus.db").c_str(), &db), SQLITE_OK);
  const std::string lyon = "(SELECT id FROM deliberations WHERE number = 'CP-2023-2459')";
  EXPECT_EQ(
      QueryInt(db, "SELECT members_in_office FROM deliberations WHERE number = 'CP-2023-2459'"),
      65);
  EXPECT_EQ(
      QueryInt(
          db,
          "SELECT count(*) FROM attendance WHERE status = 'present' AND deliberation_id = " + lyon),
      59);
  EXPECT_EQ(QueryInt(db,
                     "SELECT count(*) FROM attendance WHERE proxy_holder_id IS NOT NULL AND "
                     "deliberation_id = " +
                         lyon),
            6);
  long long rows = QueryInt(db, "SELECT count(*) FROM deliberations");
  sqlite3_close(db);
  // Re-running over the same records updates in place.
  ASSERT_EQ(Export({"--to", "sqlite", "-o", dir / "corpus.db", records}, &err), kExitOk) << err;
  ASSERT_EQ(sqlite3_open((dir / "corpus.db").c_str(), &db), SQLITE_OK);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM deliberations"), rows);
  sqlite3_close(db);
}

TEST(OutputsEndToEnd, ScdlRowsFollowTheRulesOrAreRejectedWithAReason) {
  testing::ScratchDir dir("e2e-scdl");
  std::string records = ExtractFixtures(dir);
  std::string err;
  // 21690123100011: a SIRET with a valid checksum standing for every authority here.
  int code = Export({"--to", "scdl", "-o", dir / "out.csv", "--rejects", dir / "rejects.csv",
                     "--authority-siret", "21690123100011", records},
                    &err);
  EXPECT_NE(code, kExitUsage) << err;
  std::string csv = testing::ReadFile(dir / "out.csv");
  std::string rejects = testing::ReadFile(dir / "rejects.csv");
  std::size_t rows = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) - 1;
  // The rejects file has one line per (record, field) problem; count rejected records.
  std::set<std::string> rejected_ids;
  std::istringstream lines(rejects);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::stringstream cs(line);
    std::string cell;
    for (int k = 0; k < 3 && std::getline(cs, cell, ','); ++k) cells.push_back(cell);
    ASSERT_EQ(cells.size(), 3u) << line;
    if (cells[2] == "rejected") rejected_ids.insert(cells[0]);
    EXPECT_NE(line.find(','), std::string::npos);
  }
  std::size_t rejected = rejected_ids.size();
  EXPECT_GT(rows, 0u) << err;
  std::size_t total = testing::ReadJsonLines(records).size();
  EXPECT_EQ(rows + rejected, total) << "every record is written or rejected";
  // The Lyon record has everything SCDL requires.
  EXPECT_NE(csv.find("CP-2023-2459"), std::string::npos);
}

TEST(OutputsEndToEnd, EveryAknFileValidatesAgainstTheXsd) {
  std::string xsd = testing::SourceDir() + "/schemas/akn/akomantoso30.xsd";
  ASSERT_TRUE(fs::exists(xsd)) << xsd;
  ASSERT_EQ(std::system("xmllint --version >/dev/null 2>&1"), 0)
      << "xmllint is not installed (libxml2-utils: scripts/install-deps)";
  testing::ScratchDir dir("e2e-akn");
  std::string records = ExtractFixtures(dir);
  std::string err;
  Export({"--to", "akn", "-o", dir / "akn", records}, &err);
  int files = 0;
  std::string cmd = "xmllint --noout --schema '" + xsd + "'";
  for (const auto& e : fs::directory_iterator(dir / "akn")) {
    ++files;
    cmd += " '" + e.path().string() + "'";
  }
  EXPECT_GT(files, 10);
  // One xmllint run for all files: it exits non-zero when any of them does not validate.
  EXPECT_EQ(std::system((cmd + " >/dev/null 2>" + (dir / "xmllint.log")).c_str()), 0)
      << testing::ReadFile(dir / "xmllint.log");
}

}  // namespace
}  // namespace registre
