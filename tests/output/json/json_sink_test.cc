// The JSON and JSON Lines sinks: the bytes they write, where they write them.
#include "output/json/json_sink.h"

#include <gtest/gtest.h>

#include <sstream>

#include "support/test_util.h"

namespace registre {
namespace {

using nlohmann::json;
using testing::ReadFile;
using testing::ScratchDir;

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

}  // namespace
}  // namespace registre
