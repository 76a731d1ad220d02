// The JSON and JSON Lines sinks: the bytes they write, where they write them.
#include "output/json/json_sink.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "support/test_util.h"

namespace registre {
namespace {

using nlohmann::json;
using testing::ReadFile;
using testing::ScratchDir;

// The records of a procès-verbal (its items share the sitting's attendance), and for each
// whether its attendance is the one of the record before, as the pipeline flags them.
struct Document {
  std::vector<json> records;
  std::vector<bool> repeats_attendance;
};

Document GoldenDocument(const std::string& name) {
  Document d;
  d.records = testing::ReadJsonLines(testing::SourceDir() + "/tests/golden/" + name);
  for (std::size_t k = 0; k < d.records.size(); ++k) {
    d.repeats_attendance.push_back(k > 0 &&
                                   d.records[k]["attendance"] == d.records[k - 1]["attendance"]);
  }
  return d;
}

// What a JSON Lines file of `records` must hold: nlohmann's one-line dump of each.
std::string DumpedLines(const std::vector<json>& records) {
  std::string text;
  for (const json& r : records) {
    text += r.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  return text;
}

TEST(JsonSink, JsonLinesFileHoldsOneDumpedRecordPerLine) {
  ScratchDir dir("jsonl-file");
  const std::vector<json> records = testing::AllFixtureRecords();
  auto sink = MakeJsonSink({"jsonl", dir / "r.jsonl", {}});
  ASSERT_TRUE(sink.ok()) << sink.status().message();
  for (const json& r : records) ASSERT_TRUE(sink.value()->Write(r).ok());
  ASSERT_TRUE(sink.value()->Finish().ok());
  EXPECT_EQ(ReadFile(dir / "r.jsonl"), DumpedLines(records));
}

TEST(JsonSink, WithoutAFileWritesToTheGivenStandardOutput) {
  const std::vector<json> records = testing::AllFixtureRecords();
  for (const char* output : {"", "-"}) {
    std::ostringstream standard_output;
    auto sink = MakeJsonSink({"jsonl", output, {}, &standard_output});
    ASSERT_TRUE(sink.ok()) << sink.status().message();
    for (const json& r : records) ASSERT_TRUE(sink.value()->Write(r).ok());
    ASSERT_TRUE(sink.value()->Finish().ok());
    EXPECT_EQ(standard_output.str(), DumpedLines(records)) << "output '" << output << "'";
  }
}

// A library that is given no stream has none: it does not fall back on std::cout.
TEST(JsonSink, WithoutAFileOrAStreamItIsRefused) {
  for (const char* format : {"jsonl", "json"}) {
    auto sink = MakeJsonSink({format, "", {}});
    ASSERT_FALSE(sink.ok()) << format;
    EXPECT_EQ(sink.status().code(), StatusCode::kInternal);
  }
}

TEST(JsonSink, JsonIsOneArray) {
  const std::vector<json> records = testing::AllFixtureRecords();
  std::ostringstream none, two;
  auto empty = MakeJsonSink({"json", "", {}, &none});
  ASSERT_TRUE(empty.ok());
  ASSERT_TRUE(empty.value()->Finish().ok());
  EXPECT_EQ(none.str(), "[]\n");
  auto sink = MakeJsonSink({"json", "", {}, &two});
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE(sink.value()->Write(records[0]).ok());
  ASSERT_TRUE(sink.value()->Write(records[1]).ok());
  ASSERT_TRUE(sink.value()->Finish().ok());
  EXPECT_EQ(json::parse(two.str()), json::array({records[0], records[1]}));
  EXPECT_EQ(two.str(), "[\n" + records[0].dump(1) + ",\n" + records[1].dump(1) + "\n]\n");
}

TEST(JsonSink, AnUnwritableFileIsAnIoError) {
  ScratchDir dir("jsonl-unwritable");
  auto sink = MakeJsonSink({"jsonl", dir / "no/such/dir/r.jsonl", {}});
  ASSERT_FALSE(sink.ok());
  EXPECT_EQ(sink.status().code(), StatusCode::kIo);
  EXPECT_NE(sink.status().message().find("r.jsonl: cannot open for writing"), std::string::npos);
}

// The attendance-repeat copy is a speed-up only: documents written whole, their repeated
// attendances copied, give the bytes of nlohmann's dump of each record.
TEST(JsonSink, DocumentsWithRepeatedAttendanceGiveEachRecordsOwnDump) {
  ScratchDir dir("jsonl-documents");
  std::vector<json> all;
  std::size_t repeated = 0;
  auto sink = MakeJsonSink({"jsonl", dir / "r.jsonl", {}});
  ASSERT_TRUE(sink.ok());
  for (const char* name : {"pv-couthenans-2023.jsonl", "lyon-cp-2023-2459.jsonl",
                           "pv-preuilly-2020.jsonl", "pv-couthenans-2023.jsonl"}) {
    Document d = GoldenDocument(name);
    repeated += std::count(d.repeats_attendance.begin(), d.repeats_attendance.end(), true);
    ASSERT_TRUE(sink.value()->WriteDocument(d.records, &d.repeats_attendance).ok());
    ASSERT_TRUE(sink.value()->WriteDocument({}, nullptr).ok());
    all.insert(all.end(), d.records.begin(), d.records.end());
  }
  ASSERT_TRUE(sink.value()->Finish().ok());
  ASSERT_GT(repeated, 20u) << "the documents repeat no attendance: the copy is not tested";
  EXPECT_EQ(ReadFile(dir / "r.jsonl"), DumpedLines(all));
}

// The flag is trusted, not checked (that is what makes it cheap): a record flagged gets the
// attendance bytes of the record before it in the same document, never of another document.
TEST(JsonSink, ARepeatedAttendanceIsCopiedFromThePreviousRecordOfTheDocument) {
  std::vector<json> records = GoldenDocument("pv-preuilly-2020.jsonl").records;
  records.resize(2);
  records[1]["attendance"]["present_count"] = 99;
  std::ostringstream standard_output;
  auto sink = MakeJsonSink({"jsonl", "", {}, &standard_output});
  ASSERT_TRUE(sink.ok());
  const std::vector<bool> second_repeats = {false, true};
  ASSERT_TRUE(sink.value()->WriteDocument(records, &second_repeats).ok());
  // A new document: its first record is written itself, whatever its flag says.
  const std::vector<bool> first_repeats = {true};
  ASSERT_TRUE(sink.value()->WriteDocument({records[1]}, &first_repeats).ok());
  ASSERT_TRUE(sink.value()->Finish().ok());
  std::vector<std::string> lines;
  std::istringstream in(standard_output.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(json::parse(lines[1])["attendance"], records[0]["attendance"]);
  EXPECT_EQ(json::parse(lines[2])["attendance"]["present_count"], 99);
}

// What the run log's done line relies on: a document is in the file when WriteDocument
// returns, with nothing left in a buffer of ours.
TEST(JsonSink, ADocumentIsInTheFileWhenWriteDocumentReturns) {
  ScratchDir dir("jsonl-through");
  Document d = GoldenDocument("pv-couthenans-2023.jsonl");
  auto sink = MakeJsonSink({"jsonl", dir / "r.jsonl", {}});
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE(sink.value()->WriteDocument(d.records, &d.repeats_attendance).ok());
  EXPECT_EQ(ReadFile(dir / "r.jsonl"), DumpedLines(d.records));
  ASSERT_TRUE(sink.value()->Write(d.records[0]).ok());
  EXPECT_EQ(ReadFile(dir / "r.jsonl"), DumpedLines(d.records) + DumpedLines({d.records[0]}));
  EXPECT_TRUE(sink.value()->Finish().ok());
}

TEST(JsonSink, AppendKeepsWhatTheFileHoldsAndOtherwiseItIsTruncated) {
  ScratchDir dir("jsonl-append");
  const json record = testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0);
  auto write_once = [&](bool append) {
    SinkOptions options{"jsonl", dir / "r.jsonl", {}};
    options.append = append;
    auto sink = MakeJsonSink(options);
    ASSERT_TRUE(sink.ok());
    ASSERT_TRUE(sink.value()->Write(record).ok());
    ASSERT_TRUE(sink.value()->Finish().ok());
  };
  write_once(false);
  write_once(true);
  EXPECT_EQ(ReadFile(dir / "r.jsonl"), DumpedLines({record, record}));
  write_once(false);
  EXPECT_EQ(ReadFile(dir / "r.jsonl"), DumpedLines({record}));
}

TEST(JsonSink, AFullDiskIsAnIoErrorNamingTheFile) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  auto sink = MakeJsonSink({"jsonl", "/dev/full", {}});
  ASSERT_TRUE(sink.ok()) << sink.status().message();
  Status s = sink.value()->Write(testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIo);
  EXPECT_NE(s.message().find("/dev/full: write failed"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace registre
