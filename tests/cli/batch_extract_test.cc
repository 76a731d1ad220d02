// registre extract over many files: order, failures, resume after kill -9, shards.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "batch/progress.h"
#include "batch/run_log.h"
#include "support/batch_test_util.h"

namespace registre {
namespace {

using nlohmann::json;
using testing::BatchDir;
using testing::Extract;
using testing::Lines;
using testing::ReadAll;
using testing::WriteFile;

TEST(BatchExtractTest, FourJobsGiveTheOutputOfOneJob) {
  BatchDir d;
  const std::size_t files = testing::MakeCorpus(d / "in", 4);
  auto one = Extract({"-q", "--jobs", "1", d / "in"});
  auto four = Extract({"-q", "--jobs", "4", d / "in"});
  ASSERT_EQ(one.code, 0) << one.err;
  ASSERT_EQ(four.code, 0) << four.err;
  std::vector<std::string> records = Lines(one.out);
  ASSERT_GE(records.size(), files / 2);
  // Records come in input order: each copy's directory in turn, sorted file names inside.
  std::string last;
  for (const std::string& line : records) {
    std::string file = json::parse(line)["source"]["file"];
    EXPECT_LE(last, file);
    last = file;
  }
  EXPECT_EQ(four.out, one.out);
  auto to_file = Extract({"-q", "-j", "4", "-o", d / "out.jsonl", d / "in"});
  ASSERT_EQ(to_file.code, 0);
  EXPECT_EQ(ReadAll(d / "out.jsonl"), one.out);
  EXPECT_EQ(Lines(ReadAll(d / "out.jsonl.done")).size(), files);
}

TEST(BatchExtractTest, FailingFilesYieldOneErrorRecordEachAndTheRestGoesOn) {
  BatchDir d;
  testing::MakeCorpus(d / "in", 2);
  auto clean = Extract({"-q", "-j", "1", d / "in"});
  ASSERT_EQ(clean.code, 0);
  WriteFile(d / "in/000/m-empty.txt", "");
  WriteFile(d / "in/001/m-binary.txt", std::string("\x7f"
                                                   "ELF\0\0\0\x01\x02\x03\0\0",
                                                   12));
  // Found in a directory, the binary is no document: skipped and counted; named, it fails.
  auto run = Extract({"-j", "2", "--errors", d / "errors.jsonl", d / "in"});
  EXPECT_EQ(run.code, 1);
  EXPECT_EQ(run.out, clean.out);
  EXPECT_NE(run.err.find("skipped 1 files in the directories that are no documents (1 binary)"),
            std::string::npos)
      << run.err;
  std::vector<std::string> errors = Lines(ReadAll(d / "errors.jsonl"));
  ASSERT_EQ(errors.size(), 1u);
  json first = json::parse(errors[0]);
  EXPECT_EQ(first["path"], d / "in/000/m-empty.txt");
  EXPECT_EQ(first["sha256"], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(first["stage"], "extract");
  EXPECT_FALSE(first["message"].get<std::string>().empty());
  auto named = Extract({"-q", "--errors", d / "e1.jsonl", d / "in/001/m-binary.txt"});
  EXPECT_EQ(named.code, 1);
  EXPECT_NE(named.err.find("m-binary.txt"), std::string::npos);
  EXPECT_EQ(json::parse(Lines(ReadAll(d / "e1.jsonl")).at(0))["path"], d / "in/001/m-binary.txt");

  // A file that cannot be read has no sha256 and a "read" stage.
  auto missing =
      Extract({"-q", "--errors", d / "e2.jsonl", d / "in/000/dev-001.txt", d / "nope.txt"});
  EXPECT_EQ(missing.code, 1);
  json e = json::parse(ReadAll(d / "e2.jsonl"));
  EXPECT_EQ(e["stage"], "read");
  EXPECT_TRUE(e["sha256"].is_null());
  EXPECT_EQ(Lines(missing.out).size(), 2u);  // dev-001.txt holds two
}

TEST(BatchExtractTest, ShardOutputsTogetherAreTheWholeRunOnce) {
  BatchDir d;
  const std::size_t files = testing::MakeCorpus(d / "in", 3);
  auto whole = Extract({"-q", "-j", "1", d / "in"});
  std::multiset<std::string> merged;
  std::size_t listed = 0;
  for (int k = 0; k < 4; ++k) {
    std::string shard = std::to_string(k) + "/4";
    auto run = Extract({"-q", "-j", "2", "--shard", shard, d / "in"});
    ASSERT_EQ(run.code, 0);
    for (auto& l : Lines(run.out)) merged.insert(l);
    listed += Lines(Extract({"--list", "--shard", shard, d / "in"}).out).size();
  }
  auto lines = Lines(whole.out);
  EXPECT_EQ(merged, std::multiset<std::string>(lines.begin(), lines.end()));
  EXPECT_EQ(listed, files);
  EXPECT_EQ(Extract({"--shard", "4/4", d / "in"}).code, 2);
}

TEST(BatchExtractTest, UsageErrors) {
  EXPECT_EQ(Extract({"--resume", "x.txt"}).code, 2);  // no -o FILE to resume
  EXPECT_EQ(Extract({"--resume", "-o", "x.json", "-f", "json", "x.txt"}).code, 2);
  EXPECT_EQ(Extract({"--jobs", "-1", "x.txt"}).code, 2);
  EXPECT_EQ(Extract({"-f", "no-such-format", "x.txt"}).code, 2);
  EXPECT_EQ(Extract({}).code, 2);
  // What is wrong on one line, then where the help is (as coreutils do), not the help.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--bogus", "x.txt"}, {"-j", "x", "x.txt"}, {}}) {
    auto r = Extract(args);
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 2) << r.err;
    EXPECT_NE(r.err.find("\nTry 'registre extract --help'.\n"), std::string::npos) << r.err;
  }
}

// A special output gets no FILE.done beside it, and --resume with one says why it cannot.
TEST(BatchExtractTest, SpecialOutputsGetNoDoneLog) {
  BatchDir d;
  testing::MakeCorpus(d / "in", 1);
  EXPECT_EQ(Extract({"-q", "-o", "/dev/null", d / "in"}).code, 0);
  EXPECT_FALSE(std::filesystem::exists("/dev/null.done"));
  auto r = Extract({"-q", "--resume", "-o", "/dev/null", d / "in"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--resume needs -o FILE, a regular file: /dev/null"), std::string::npos)
      << r.err;
}

// The state a kill leaves: records of the document in flight, a half-written line.
TEST(BatchResumeTest, RecoverKeepsFinishedDocumentsOnly) {
  BatchDir d;
  const std::size_t files = testing::MakeCorpus(d / "in", 1);
  std::string out = d / "o.jsonl";
  ASSERT_EQ(Extract({"-q", "-o", out, "--errors", d / "e.jsonl", d / "in"}).code, 0);
  const std::string complete = ReadAll(out);
  std::vector<std::string> records = Lines(complete);
  std::vector<std::string> done = Lines(ReadAll(out + ".done"));
  ASSERT_GE(records.size(), 8u);
  ASSERT_EQ(done.size(), files);
  // Cut after the 4th done line: the 5th record is "in flight" (written, not done), and
  // half of the 6th was written.
  std::size_t finished = 0;
  std::string kept_done;
  for (std::size_t i = 0; i < 4; ++i) {
    kept_done += done[i] + "\n";
    finished += json::parse(done[i])["records"].get<std::size_t>();
  }
  std::string partial;
  for (std::size_t i = 0; i <= finished; ++i) partial += records[i] + "\n";
  partial += records[finished + 1].substr(0, 100);
  WriteFile(out, partial);
  WriteFile(out + ".done", kept_done + done[4].substr(0, 10));
  RecoveryReport report;
  auto got = Recover(RunFiles{out, d / "e.jsonl"}, &report);
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got.value().size(), 4u);
  EXPECT_EQ(report.records_kept, finished);
  EXPECT_EQ(report.records_dropped, 2u);
  EXPECT_EQ(Lines(ReadAll(out)),
            std::vector<std::string>(records.begin(), records.begin() + finished));
  EXPECT_EQ(ReadAll(out + ".done"), kept_done);
  // The resumed run completes the file exactly as an uninterrupted one.
  auto resumed = Extract({"-q", "--resume", "-o", out, "--errors", d / "e.jsonl", d / "in"});
  EXPECT_EQ(resumed.code, 0);
  EXPECT_EQ(ReadAll(out), complete);
}

TEST(BatchResumeTest, AChangedFileIsRedoneAndItsOldRecordsGo) {
  BatchDir d;
  const std::size_t files = testing::MakeCorpus(d / "in", 1);
  std::string out = d / "o.jsonl";
  ASSERT_EQ(Extract({"-q", "-o", out, d / "in"}).code, 0);
  std::string lyon = d / "in/000/lyon-cp-2023-2459.txt";
  WriteFile(lyon, ReadAll(std::string(REGISTRE_SOURCE_DIR) + "/fixtures/dev-001.txt"));
  auto resumed = Extract({"--resume", "-o", out, d / "in"});
  EXPECT_EQ(resumed.code, 0);
  EXPECT_NE(resumed.err.find(std::to_string(files - 1) +
                             " already done (0 of them failed), 1 changed and redone"),
            std::string::npos)
      << resumed.err;
  ASSERT_EQ(Extract({"-q", "-o", d / "fresh.jsonl", d / "in"}).code, 0);
  auto a = Lines(ReadAll(out)), b = Lines(ReadAll(d / "fresh.jsonl"));
  EXPECT_EQ(std::multiset<std::string>(a.begin(), a.end()),
            std::multiset<std::string>(b.begin(), b.end()));
  EXPECT_EQ(Lines(ReadAll(out + ".done")).size(), files);
}

// kill -9 at random moments, possibly during a resumed run too: the end result must be
// the uninterrupted run's output, byte for byte (inputs finish in order, so the resumed
// part appends to a prefix).
TEST(BatchResumeTest, KillNineAtRandomPointsThenResumeGivesEveryRecordOnce) {
  BatchDir d;
  std::size_t files = testing::MakeCorpus(d / "in", 10);
  WriteFile(d / "in/007/bad.txt", "");
  const std::vector<std::string> common = {"-q", "-j", "2", "--errors", "", "-o", "", d / "in"};
  auto args = [&](const std::string& name, bool resume) {
    std::vector<std::string> a = common;
    a[4] = d / (name + ".err");
    a[6] = d / (name + ".jsonl");
    if (resume) a.push_back("--resume");
    return a;
  };
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(testing::Wait(testing::Spawn(args("ref", false))), 1);  // bad.txt failed
  const auto full = std::chrono::steady_clock::now() - t0;
  const std::string reference = ReadAll(d / "ref.jsonl");
  ASSERT_GE(Lines(reference).size(), files / 2);
  ASSERT_EQ(Lines(ReadAll(d / "ref.jsonl.done")).size(), files + 1);

  std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<long> when(
      0, std::chrono::duration_cast<std::chrono::microseconds>(full).count());
  int killed_midway = 0;
  for (int attempt = 0; attempt < 6; ++attempt) {
    std::string name = "run" + std::to_string(attempt);
    // Attempts 0-2: one kill; 3-5: a kill, then a kill of the resumed run.
    int kills = attempt < 3 ? 1 : 2;
    for (int k = 0; k < kills; ++k) {
      pid_t pid = testing::Spawn(args(name, k > 0));
      std::this_thread::sleep_for(std::chrono::microseconds(when(rng)));
      kill(pid, SIGKILL);
      killed_midway += testing::Wait(pid) == 128 + SIGKILL;
    }
    int code = testing::Wait(testing::Spawn(args(name, true)));
    EXPECT_EQ(code, 1) << name;
    EXPECT_EQ(ReadAll(d / (name + ".jsonl")), reference) << name;
    EXPECT_EQ(ReadAll(d / (name + ".err")), ReadAll(d / "ref.err")) << name;
    EXPECT_EQ(Lines(ReadAll(d / (name + ".jsonl.done"))).size(), files + 1) << name;
  }
  EXPECT_GE(killed_midway, 3) << "the runs ended before the kills: the test tested nothing";
}

TEST(BatchProgressTest, LineShowsCountsRateAndEta) {
  std::string line = FormatProgress(ProgressSnapshot{250, 1000, 300, 2, 5000000, 10.0});
  EXPECT_EQ(line, "250/1000 files (25%), 300 records, 2 errors, 25.0 files/s, 0.5 MB/s, ETA 30s");
  EXPECT_EQ(FormatProgress(ProgressSnapshot{1000, 1000, 1, 0, 0, 4000.0}).find("ETA"),
            std::string::npos);
  EXPECT_NE(FormatProgress(ProgressSnapshot{1, 1000, 1, 0, 0, 4.0}).find("ETA 1h06m"),
            std::string::npos);
}

TEST(BatchProgressTest, DisabledProgressWritesNothing) {
  std::ostringstream err;
  {
    Progress p(err, 10, false, std::chrono::milliseconds(1));
    p.AddDone(1, false, 10);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(err.str(), "");
  std::ostringstream shown;
  {
    Progress p(shown, 10, true, std::chrono::milliseconds(1));
    p.AddDone(3, false, 10);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_NE(shown.str().find("1/10 files"), std::string::npos);
}

}  // namespace
}  // namespace registre
