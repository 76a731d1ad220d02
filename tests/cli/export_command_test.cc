// `registre export` as a user runs it: options, exit codes, messages, files written.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "support/test_util.h"

namespace registre {
namespace {

using testing::ReadFile;
using testing::RecordsDir;
using testing::ScratchDir;

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome Export(std::vector<std::string> args) {
  std::ostringstream out, err;
  int code = RunExportCommand(args, out, err);
  return {code, out.str(), err.str()};
}

TEST(ExportCommand, ScdlFromJsonLines) {
  ScratchDir dir("export-scdl");
  Outcome r = Export({"--to", "scdl", "-o", dir / "delib.csv", "--authority-siret",
                      "20004697700019", RecordsDir() + "/lyon-cp-2023-2459.jsonl"});
  EXPECT_EQ(r.code, kExitOk) << r.err;
  auto rows = testing::ParseCsv(ReadFile(dir / "delib.csv"), ',');
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0], "Métropole de Lyon");
  EXPECT_NE(r.err.find("scdl: 1 rows written to " + dir / "delib.csv"), std::string::npos);
  EXPECT_NE(r.err.find("export: 1 records read, 0 not written"), std::string::npos);
}

// --formulas keep writes a cell as it is; the default neutralises it (output/scdl).
TEST(ExportCommand, FormulasOption) {
  ScratchDir dir("export-formulas");
  const std::string input = dir / "in.jsonl";
  nlohmann::json record = testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0);
  record["object"] = "=1+1 " + record["object"].get<std::string>();
  { std::ofstream(input) << record.dump() << "\n"; }
  for (const std::string mode : {"neutralise", "keep"}) {
    Outcome r = Export({"--to", "scdl", "-o", dir / "delib.csv", "--authority-siret",
                        "20004697700019", "--formulas", mode, input});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    auto rows = testing::ParseCsv(ReadFile(dir / "delib.csv"), ',');
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][6].substr(0, 5), mode == "keep" ? "=1+1 " : "'=1+1");
  }
}

TEST(ExportCommand, RejectedRowsMakeExitCodeOneAndAreNamed) {
  ScratchDir dir("export-reject");
  Outcome r = Export({"--to", "scdl", "-o", dir / "delib.csv", "--separator", ";", "--siret-map",
                      testing::SourceDir() + "/tests/data/sirets.csv", "--rejects",
                      dir / "rejected.csv", RecordsDir() + "/saclas-cm-2011-05-12.jsonl"});
  EXPECT_EQ(r.code, kExitSomeFailed);
  EXPECT_NE(r.err.find("saclas-cm-2011-05-12.jsonl:1: record c8747ded880477ad-0: SCDL row "
                       "rejected: DELIB_ID (the record has no number)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(ReadFile(dir / "rejected.csv").find("c8747ded880477ad-0;001.txt;rejected;DELIB_ID"),
            std::string::npos);
  EXPECT_EQ(testing::ParseCsv(ReadFile(dir / "delib.csv"), ';').size(), 2u);
}

TEST(ExportCommand, BadLinesAreReportedAndTheRestWritten) {
  ScratchDir dir("export-bad");
  std::string input = dir / "mixed.jsonl";
  {
    std::ofstream f(input);
    f << ReadFile(RecordsDir() + "/lyon-cp-2023-2459.jsonl") << "{not json\n"
      << "{\"schema_version\": \"1.0\"}\n\n";
  }
  Outcome r = Export({"--to", "jsonl", "-o", dir / "out.jsonl", input});
  EXPECT_EQ(r.code, kExitSomeFailed);
  EXPECT_NE(r.err.find("mixed.jsonl:2: not a JSON value"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:3: record does not match the schema"), std::string::npos);
  EXPECT_EQ(testing::ReadJsonLines(dir / "out.jsonl").size(), 1u);
}

TEST(ExportCommand, MissingInputFileIsAFailureNotAUsageError) {
  ScratchDir dir("export-missing");
  Outcome r = Export({"--to", "jsonl", "-o", dir / "out.jsonl", dir / "nope.jsonl"});
  EXPECT_EQ(r.code, kExitSomeFailed);
  EXPECT_NE(r.err.find("nope.jsonl: cannot open"), std::string::npos);
}

TEST(ExportCommand, UsageErrors) {
  EXPECT_EQ(Export({"--to", "scdl"}).code, kExitUsage);                             // no input
  EXPECT_EQ(Export({RecordsDir() + "/lyon-cp-2023-2459.jsonl"}).code, kExitUsage);  // no --to
  Outcome unknown = Export({"--to", "pdf", RecordsDir() + "/lyon-cp-2023-2459.jsonl"});
  EXPECT_EQ(unknown.code, kExitUsage);
  EXPECT_NE(unknown.err.find("unknown output format 'pdf'"), std::string::npos);
  EXPECT_EQ(Export({"--to", "scdl", "--bogus", "x.jsonl"}).code, kExitUsage);
  Outcome bad_siret = Export({"--to", "scdl", "--authority-siret", "20004697700018", "x.jsonl"});
  EXPECT_EQ(bad_siret.code, kExitUsage);
  EXPECT_NE(bad_siret.err.find("is not a valid SIRET"), std::string::npos);
}

TEST(ExportCommand, SqliteAndAknFromAllFixtures) {
  ScratchDir dir("export-all");
  std::vector<std::string> files = testing::FixtureFiles();
  std::vector<std::string> sqlite = {"--to", "sqlite", "-o", dir / "corpus.db"};
  sqlite.insert(sqlite.end(), files.begin(), files.end());
  Outcome db = Export(sqlite);
  EXPECT_EQ(db.code, kExitOk) << db.err;
  EXPECT_NE(db.err.find("sqlite: 5 deliberations written"), std::string::npos) << db.err;
  std::vector<std::string> akn = {"--to", "akn", "-o", dir / "akn"};
  akn.insert(akn.end(), files.begin(), files.end());
  Outcome xml = Export(akn);
  EXPECT_EQ(xml.code, kExitOk) << xml.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "akn/metropole-de-lyon_2023-07-10_cp-2023-2459.xml"));
  EXPECT_EQ(Export({"--to", "sqlite", files[0]}).code, kExitUsage);  // no -o
}

TEST(ExportCommand, HelpListsTheFormats) {
  Outcome r = Export({"--help"});
  EXPECT_EQ(r.code, kExitOk);
  EXPECT_NE(r.out.find("--to"), std::string::npos);
  EXPECT_NE(r.out.find("scdl, sqlite, akn, json or jsonl"), std::string::npos);
}

}  // namespace
}  // namespace registre
