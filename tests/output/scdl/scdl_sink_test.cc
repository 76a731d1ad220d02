// End to end: every fixture record through the SCDL sink, then the written CSV read back
// and checked against every SCDL rule, and the rejects file against what was refused.
#include "output/scdl/scdl_sink.h"

#include <gtest/gtest.h>

#include <sstream>

#include "output/scdl/scdl_rules.h"
#include "support/test_util.h"

namespace registre {
namespace {

using testing::ParseCsv;
using testing::ReadFile;
using testing::ScratchDir;

struct ScdlRun {
  std::vector<std::vector<std::string>> rows;     // header first
  std::vector<std::vector<std::string>> rejects;  // header first
  std::vector<std::string> write_errors;
  std::vector<std::string> summary;
};

ScdlRun Export(const ScratchDir& dir, std::map<std::string, std::string> params, char sep = ',') {
  SinkOptions options{"scdl", dir / "deliberations.csv", std::move(params)};
  auto sink = MakeScdlSink(options);
  EXPECT_TRUE(sink.ok()) << sink.status().message();
  ScdlRun run;
  if (!sink.ok()) return run;
  for (const auto& record : testing::AllFixtureRecords()) {
    Status s = sink.value()->Write(record);
    if (!s.ok()) run.write_errors.push_back(s.message());
  }
  EXPECT_TRUE(sink.value()->Finish().ok());
  run.summary = sink.value()->Summary();
  run.rows = ParseCsv(ReadFile(dir / "deliberations.csv"), sep);
  run.rejects = ParseCsv(ReadFile(dir / "deliberations.rejects.csv"), sep);
  return run;
}

std::map<std::string, std::string> WithSiretMap() {
  return {{"siret-map", testing::SourceDir() + "/tests/data/sirets.csv"}};
}

const std::vector<std::string>* RowWithId(const ScdlRun& run, const std::string& id) {
  for (const auto& row : run.rows) {
    if (row[kDelibId] == id) return &row;
  }
  return nullptr;
}

TEST(ScdlSink, HeaderIsThe17ColumnsInOrder) {
  ScratchDir dir("scdl-header");
  ScdlRun run = Export(dir, WithSiretMap());
  ASSERT_FALSE(run.rows.empty());
  std::vector<std::string> expected(kScdlColumnNames.begin(), kScdlColumnNames.end());
  EXPECT_EQ(run.rows[0], expected);
  EXPECT_EQ(ReadFile(dir / "deliberations.csv").substr(0, 19), "COLL_NOM,COLL_SIRET");
}

TEST(ScdlSink, EveryWrittenRowPassesEveryRule) {
  ScratchDir dir("scdl-rules");
  ScdlRun run = Export(dir, WithSiretMap());
  ASSERT_EQ(run.rows.size(), 1u + 4u);  // Lyon, Sourdeval x2, Saclas 2011-02-001
  for (size_t i = 1; i < run.rows.size(); ++i) {
    ASSERT_EQ(run.rows[i].size(), kScdlColumnCount);
    ScdlRow row;
    std::copy(run.rows[i].begin(), run.rows[i].end(), row.begin());
    auto violations = CheckScdlRow(row);
    EXPECT_TRUE(violations.empty()) << row[kDelibId] << ": " << violations[0].reason;
    EXPECT_TRUE(IsValidSiret(row[kCollSiret])) << row[kDelibId];
  }
}

TEST(ScdlSink, LyonRowMapsTheRecord) {
  ScratchDir dir("scdl-lyon");
  ScdlRun run = Export(dir, WithSiretMap());
  const auto* lyon = RowWithId(run, "CP-2023-2459");
  ASSERT_NE(lyon, nullptr);
  EXPECT_EQ((*lyon)[kCollNom], "Métropole de Lyon");
  EXPECT_EQ((*lyon)[kCollSiret], "20004697700019");  // found by the SIREN of the @ctes id
  EXPECT_EQ((*lyon)[kDelibDate], "2023-07-10");
  EXPECT_EQ((*lyon)[kDelibMatiereCode], "1.4");  // inferred: "avenant", "convention"
  EXPECT_EQ((*lyon)[kDelibMatiereNom], "commande publique/autres types de contrats");
  EXPECT_EQ((*lyon)[kDelibObjet],
            "Guichet numérique métropolitain Toodego - Avenant de prolongation de la convention "
            "partenariale de mise en oeuvre");
  EXPECT_EQ((*lyon)[kPrefDate], "2023-07-11");
  EXPECT_EQ((*lyon)[kVoteEffectif], "");  // no vote counts printed: the group stays empty
}

TEST(ScdlSink, SplitVoteFillsTheVoteColumns) {
  ScratchDir dir("scdl-vote");
  ScdlRun run = Export(dir, WithSiretMap());
  const auto* budget = RowWithId(run, "2021-004");
  ASSERT_NE(budget, nullptr);
  EXPECT_EQ((*budget)[kCollSiret], "21500510900016");  // by name, case-insensitively
  EXPECT_EQ((*budget)[kVoteEffectif], "27");
  EXPECT_EQ((*budget)[kVoteReel], "25");
  EXPECT_EQ((*budget)[kVotePour], "20");
  EXPECT_EQ((*budget)[kVoteContre], "3");
  EXPECT_EQ((*budget)[kVoteAbstention], "2");
  EXPECT_EQ((*budget)[kDelibMatiereCode], "7.1");
  const auto* grant = RowWithId(run, "2021-005");
  ASSERT_NE(grant, nullptr);
  EXPECT_EQ((*grant)[kDelibMatiereCode], "7.5");  // printed "7.5.2", cut to level 2
  EXPECT_EQ((*grant)[kDelibMatiereNom], "finances locales/subventions");
  EXPECT_EQ((*grant)[kDelibObjet],
            "Subvention à l'association « Les Amis du Rex » pour l'année 2021");
}

TEST(ScdlSink, RecordWithoutNumberIsRejectedWithItsReason) {
  ScratchDir dir("scdl-reject");
  ScdlRun run = Export(dir, WithSiretMap());
  ASSERT_EQ(run.write_errors.size(), 1u);
  EXPECT_NE(run.write_errors[0].find("c8747ded880477ad-0"), std::string::npos);
  EXPECT_NE(run.write_errors[0].find("DELIB_ID (the record has no number)"), std::string::npos);
  EXPECT_EQ(run.write_errors[0].find("COLL_SIRET"), std::string::npos);
  ASSERT_GE(run.rejects.size(), 3u);
  EXPECT_EQ(run.rejects[0][0], "RECORD_ID");
  bool id_line = false;
  for (const auto& line : run.rejects) {
    if (line[0] == "c8747ded880477ad-0" && line[2] == "rejected" && line[3] == "DELIB_ID") {
      id_line = true;
      EXPECT_EQ(line[5], "Commune de Saclas");  // the row as mapped follows
    }
  }
  EXPECT_TRUE(id_line);
  EXPECT_EQ(RowWithId(run, ""), nullptr);
}

TEST(ScdlSink, WithoutAKnownSiretEveryRowIsRejected) {
  ScratchDir dir("scdl-nosiret");
  ScdlRun run = Export(dir, {});
  EXPECT_EQ(run.rows.size(), 1u);  // the header alone
  ASSERT_EQ(run.write_errors.size(), 5u);
  EXPECT_NE(
      run.write_errors[0].find("COLL_SIRET (no SIRET known for authority 'Métropole de Lyon' (give "
                               "--authority-siret or --siret-map))"),
      std::string::npos)
      << run.write_errors[0];
}

TEST(ScdlSink, InconsistentOptionalColumnsAreEmptiedNotPublished) {
  ScratchDir dir("scdl-empty");
  ScdlRun run = Export(dir, WithSiretMap());
  const auto* row = RowWithId(run, "2011-02-001");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ((*row)[kVoteReel], "");  // 11 votes cast for 9 voters: all five emptied
  EXPECT_EQ((*row)[kVoteEffectif], "");
  EXPECT_EQ((*row)[kPrefDate], "");  // transmitted before the sitting
  bool vote_logged = false, pref_logged = false;
  for (const auto& line : run.rejects) {
    if (line[0] != "c8747ded880477ad-1") continue;
    EXPECT_EQ(line[2], "emptied");
    vote_logged |= line[3] == "VOTE_EFFECTIF";
    pref_logged |= line[3] == "PREF_DATE";
  }
  EXPECT_TRUE(vote_logged);
  EXPECT_TRUE(pref_logged);
}

TEST(ScdlSink, SummaryCountsRejectsAndInferredSubjects) {
  ScratchDir dir("scdl-summary");
  ScdlRun run = Export(dir, WithSiretMap());
  auto has = [&](const std::string& line) {
    return std::find(run.summary.begin(), run.summary.end(), line) != run.summary.end();
  };
  EXPECT_TRUE(has("scdl: 4 rows written to " + dir / "deliberations.csv"));
  EXPECT_TRUE(has("scdl: 1 rows rejected for a required column (see " +
                  dir / "deliberations.rejects.csv" + ")"));
  // Lyon (1.4), Sourdeval budget (7.1), Saclas delegate (5.3); the grant's 7.5 was printed.
  EXPECT_TRUE(has("scdl: 3 subjects inferred from the object (matter.derived)"));
}

TEST(ScdlSink, SemicolonSeparatorAndQuoting) {
  ScratchDir dir("scdl-semicolon");
  ScdlRun run = Export(dir,
                       {{"separator", ";"},
                        {"authority-siret", "20004697700019"},
                        {"siret-map", testing::SourceDir() + "/tests/data/sirets.csv"}},
                       ';');
  std::string text = ReadFile(dir / "deliberations.csv");
  EXPECT_EQ(text.substr(0, 20), "COLL_NOM;COLL_SIRET;");
  EXPECT_NE(text.find("\r\n"), std::string::npos);
  const auto* lyon = RowWithId(run, "CP-2023-2459");
  ASSERT_NE(lyon, nullptr);
  EXPECT_EQ(lyon->size(), kScdlColumnCount);
}

TEST(ScdlSink, QuotesFieldsHoldingSeparatorOrQuotes) {
  ScratchDir dir("scdl-quote");
  nlohmann::json record = testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0);
  record["object"] = "Avenant \"Toodego\", convention; suite";
  auto sink = MakeScdlSink({"scdl", dir / "out.csv", {{"authority-siret", "20004697700019"}}});
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE(sink.value()->Write(record).ok());
  ASSERT_TRUE(sink.value()->Finish().ok());
  std::string text = ReadFile(dir / "out.csv");
  EXPECT_NE(text.find(",\"Avenant \"\"Toodego\"\", convention; suite\","), std::string::npos);
  EXPECT_EQ(ParseCsv(text, ',')[1][kDelibObjet], "Avenant \"Toodego\", convention; suite");
}

// A cell a spreadsheet would run as a formula is written with a leading apostrophe, and
// the value comes back by removing it; `formulas=keep` writes it as it is (for programs).
TEST(ScdlSink, FormulasAreNeutralisedUnlessKept) {
  auto write = [](const ScratchDir& dir, const std::string& object,
                  std::map<std::string, std::string> params) {
    nlohmann::json record = testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0);
    record["object"] = object;
    params["authority-siret"] = "20004697700019";
    auto sink = MakeScdlSink({"scdl", dir / "out.csv", params});
    EXPECT_TRUE(sink.ok());
    if (!sink.ok()) return std::string();
    Status written = sink.value()->Write(record);
    EXPECT_TRUE(written.ok()) << object << ": " << written.message();
    EXPECT_TRUE(sink.value()->Finish().ok());
    return ParseCsv(ReadFile(dir / "out.csv"), ',')[1][kDelibObjet];
  };
  ScratchDir dir("scdl-formulas");
  // (The words after the formula give the row its subject.)
  for (const std::string start : {"=1+1", "+33 1 23", "-2", "@SUM(A1)", "\tx"}) {
    const std::string formula = start + " Avenant à la convention";
    std::string cell = write(dir, formula, {});
    EXPECT_EQ(cell, "'" + formula);
    EXPECT_EQ(cell.substr(1), formula);  // round trip: one apostrophe removed
    EXPECT_EQ(write(dir, formula, {{"formulas", "keep"}}), formula);
  }
  EXPECT_EQ(write(dir, "Avenant à la convention = 2 €", {}), "Avenant à la convention = 2 €");
  EXPECT_FALSE(MakeScdlSink({"scdl", dir / "a.csv", {{"formulas", "maybe"}}}).ok());
}

TEST(ScdlSink, BadParamsAreRefusedUpFront) {
  ScratchDir dir("scdl-params");
  EXPECT_FALSE(MakeScdlSink({"scdl", dir / "a.csv", {{"separator", "::"}}}).ok());
  EXPECT_FALSE(MakeScdlSink({"scdl", dir / "a.csv", {{"authority-siret", "12345678901234"}}}).ok());
  EXPECT_FALSE(MakeScdlSink({"scdl", dir / "a.csv", {{"siret-map", dir / "missing.csv"}}}).ok());
}

TEST(ScdlSink, SiretContradictingTheSirenIsRefused) {
  ScratchDir dir("scdl-siren");
  // Lyon's @ctes id names SIREN 200046977; a Sourdeval SIRET cannot be Lyon's.
  auto sink = MakeScdlSink({"scdl", dir / "a.csv", {{"authority-siret", "21500510900016"}}});
  ASSERT_TRUE(sink.ok());
  Status s = sink.value()->Write(testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("does not belong to the authority's SIREN 200046977"),
            std::string::npos);
  EXPECT_TRUE(sink.value()->Finish().ok());
}

// Without a file the rows go to the stream the command gives as standard output, and
// nowhere else: a sink given no stream is refused rather than writing to std::cout.
TEST(ScdlSink, WithoutAFileWritesToTheGivenStandardOutput) {
  std::ostringstream standard_output;
  SinkOptions options{"scdl", "", WithSiretMap(), &standard_output};
  auto sink = MakeScdlSink(options);
  ASSERT_TRUE(sink.ok()) << sink.status().message();
  ASSERT_TRUE(sink.value()->Write(testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0)).ok());
  ASSERT_TRUE(sink.value()->Finish().ok());
  auto rows = ParseCsv(standard_output.str(), ',');
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][kCollNom], "COLL_NOM");
  EXPECT_EQ(rows[1][kDelibId], "CP-2023-2459");

  auto refused = MakeScdlSink({"scdl", "-", WithSiretMap()});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace registre
