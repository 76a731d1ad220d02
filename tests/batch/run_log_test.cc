// The run log: a run's records through its sink, error records and done lines, in the
// order and at the moment the resume guarantees need (docs/batch.md).
#include "batch/run_log.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "base/sha256.h"
#include "support/test_support.h"
#include "support/test_util.h"

namespace registre {
namespace {

using nlohmann::json;
using testing::ReadFile;
using testing::ScratchDir;

struct Extracted {
  std::string path, sha256;
  DocumentResult result;
};

Extracted ExtractFixture(const std::string& name) {
  Extracted e;
  e.path = testing::FixturesDir() + "/" + name;
  std::string bytes = testing::ReadFileOrDie(e.path);
  e.sha256 = Sha256Hex(bytes);
  auto result = testing::BundledPipeline().Extract(bytes, e.path, e.sha256);
  EXPECT_TRUE(result.ok()) << result.status().message();
  if (result.ok()) e.result = std::move(result).value();
  return e;
}

std::string DumpedLines(const std::vector<json>& records) {
  std::string text;
  for (const json& r : records) {
    text += r.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  return text;
}

std::vector<json> JsonLines(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

// Each commit is on disk when Commit returns, records first, then the error record, then
// the done line; an input that could not be read gets an error record and no done line.
TEST(RunLog, EachCommitIsOnDiskWhenItReturnsWithItsDoneLineLast) {
  ScratchDir dir("runlog-commit");
  const RunFiles files{dir / "r.jsonl", dir / "errors.jsonl"};
  auto log = RunLog::Open(files, false);
  ASSERT_TRUE(log.ok()) << log.status().message();
  Extracted pv = ExtractFixture("pv-couthenans-2023.txt");
  ASSERT_GT(pv.result.records.size(), 2u);
  ASSERT_TRUE(
      log.value()
          ->Commit(pv.path, pv.sha256, pv.result.records, nullptr, &pv.result.repeats_attendance)
          .ok());
  EXPECT_EQ(ReadFile(files.output), DumpedLines(pv.result.records));
  EXPECT_EQ(JsonLines(ReadFile(files.done())),
            std::vector<json>({{{"path", pv.path},
                                {"sha256", pv.sha256},
                                {"records", pv.result.records.size()},
                                {"failed", false}}}));

  const ErrorRecord empty{"extract", "empty file"};
  ASSERT_TRUE(log.value()->Commit("empty.txt", Sha256Hex(""), {}, &empty).ok());
  const ErrorRecord unreadable{"read", "cannot open"};
  ASSERT_TRUE(log.value()->Commit("missing.txt", "", {}, &unreadable).ok());
  EXPECT_EQ(ReadFile(files.output), DumpedLines(pv.result.records));
  std::vector<json> done = JsonLines(ReadFile(files.done()));
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(
      done[1],
      json({{"path", "empty.txt"}, {"sha256", Sha256Hex("")}, {"records", 0}, {"failed", true}}));
  EXPECT_EQ(JsonLines(ReadFile(files.errors)), std::vector<json>({{{"path", "empty.txt"},
                                                                   {"sha256", Sha256Hex("")},
                                                                   {"stage", "extract"},
                                                                   {"message", "empty file"}},
                                                                  {{"path", "missing.txt"},
                                                                   {"sha256", nullptr},
                                                                   {"stage", "read"},
                                                                   {"message", "cannot open"}}}));
  EXPECT_TRUE(log.value()->Close().ok());
}

// The attendance-repeat copy on the run log's path gives each record's own bytes, on real
// pipeline output, and what is written is what Recover then keeps.
TEST(RunLog, RecordsAreTheBytesOfTheirOwnDumpAndRecoverKeepsThemAll) {
  ScratchDir dir("runlog-bytes");
  const RunFiles files{dir / "r.jsonl", ""};
  std::vector<json> all;
  std::size_t repeated = 0;
  {
    auto log = RunLog::Open(files, false);
    ASSERT_TRUE(log.ok());
    for (const char* name : {"pv-preuilly-2020.txt", "lyon-cp-2023-2459.txt",
                             "pv-couthenans-2023.txt", "dev-001.txt"}) {
      Extracted e = ExtractFixture(name);
      const auto& flags = e.result.repeats_attendance;
      repeated += std::count(flags.begin(), flags.end(), true);
      ASSERT_TRUE(log.value()->Commit(e.path, e.sha256, e.result.records, nullptr, &flags).ok());
      all.insert(all.end(), e.result.records.begin(), e.result.records.end());
    }
    ASSERT_TRUE(log.value()->Close().ok());
  }
  ASSERT_GT(repeated, 20u) << "no attendance repeated: the copy is not tested";
  EXPECT_EQ(ReadFile(files.output), DumpedLines(all));
  RecoveryReport report;
  auto done = Recover(files, &report);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(done.value().size(), 4u);
  EXPECT_EQ(report.records_kept, all.size());
  EXPECT_EQ(report.records_dropped, 0u);
}

TEST(RunLog, AppendContinuesTheRunAndOtherwiseItStartsAfresh) {
  ScratchDir dir("runlog-append");
  const RunFiles files{dir / "r.jsonl", ""};
  Extracted lyon = ExtractFixture("lyon-cp-2023-2459.txt");
  Extracted pv = ExtractFixture("pv-preuilly-2020.txt");
  auto commit_one = [&](const Extracted& e, bool append) {
    auto log = RunLog::Open(files, append);
    ASSERT_TRUE(log.ok());
    ASSERT_TRUE(
        log.value()
            ->Commit(e.path, e.sha256, e.result.records, nullptr, &e.result.repeats_attendance)
            .ok());
    ASSERT_TRUE(log.value()->Close().ok());
  };
  commit_one(lyon, false);
  commit_one(pv, true);
  std::vector<json> both = lyon.result.records;
  both.insert(both.end(), pv.result.records.begin(), pv.result.records.end());
  EXPECT_EQ(ReadFile(files.output), DumpedLines(both));
  EXPECT_EQ(JsonLines(ReadFile(files.done())).size(), 2u);
  commit_one(pv, false);
  EXPECT_EQ(ReadFile(files.output), DumpedLines(pv.result.records));
  EXPECT_EQ(JsonLines(ReadFile(files.done())).size(), 1u);
}

// Without an output file the records go to the format's sink (here JSON, which closes its
// array when the log is closed); there is no done log.
TEST(RunLog, WithoutAnOutputFileRecordsGoToTheFormatsSink) {
  ScratchDir dir("runlog-sink");
  const RunFiles files{"", dir / "errors.jsonl"};
  std::ostringstream standard_output;
  const SinkOptions json_out{"json", "", {}, &standard_output};
  auto log = RunLog::Open(files, false, &json_out);
  ASSERT_TRUE(log.ok()) << log.status().message();
  Extracted pv = ExtractFixture("pv-preuilly-2020.txt");
  ASSERT_TRUE(
      log.value()
          ->Commit(pv.path, pv.sha256, pv.result.records, nullptr, &pv.result.repeats_attendance)
          .ok());
  EXPECT_EQ(standard_output.str().find("\n]\n"), std::string::npos);
  ASSERT_TRUE(log.value()->Close().ok());
  EXPECT_EQ(json::parse(standard_output.str()), json(pv.result.records));
  EXPECT_EQ(ReadFile(files.errors), "");
  // No done log, nor any other file.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(RunLog, BadSinksAreRefused) {
  ScratchDir dir("runlog-refused");
  std::ostringstream standard_output;
  const SinkOptions scdl{"scdl", "", {}, &standard_output};
  auto both = RunLog::Open(RunFiles{dir / "r.jsonl", ""}, false, &scdl);
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.status().code(), StatusCode::kInternal);
  const SinkOptions unknown{"yaml", "", {}, &standard_output};
  auto bad = RunLog::Open(RunFiles{"", ""}, false, &unknown);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kUsage);
  auto unwritable = RunLog::Open(RunFiles{dir / "no/dir/r.jsonl", ""}, false);
  ASSERT_FALSE(unwritable.ok());
  EXPECT_EQ(unwritable.status().code(), StatusCode::kIo);
}

}  // namespace
}  // namespace registre
