#include "record/record_builder.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/pipeline.h"
#include "support/test_support.h"

namespace registre {
namespace {

Person Named(std::string name) {
  Person p;
  p.name = std::move(name);
  return p;
}

// A RecordBuilder reuses the attendance it built for the previous record; the records must
// be exactly those built from scratch, whether the attendance repeats, changes or comes back.
TEST(RecordBuilderTest, SharedAttendanceGivesTheRecordsBuiltFromScratch) {
  Document doc = testing::MakeDocument("Présents : Anne A, Bruno B\nObjet : budget\n");
  RecordInputs in;
  in.doc = &doc;
  in.source = {"pv.txt", std::string(64, 'a'), "text"};
  in.range = Range{0, doc.folded().size()};
  in.sitting.attendance.has_lists = true;
  in.sitting.attendance.present = {Named("Anne A"), Named("Bruno B")};
  in.sitting.attendance.present_count = 3;  // a count_mismatch warning, repeated with it
  in.sitting.attendance.span = Range{0, 10};

  RecordBuilder builder;
  auto check = [&](int index) {
    in.index = index;
    nlohmann::json shared = builder.Build(in);
    EXPECT_EQ(shared, BuildRecord(in)) << "record " << index;
    return shared;
  };
  nlohmann::json first = check(0);
  EXPECT_FALSE(builder.attendance_repeated());
  nlohmann::json second = check(1);
  EXPECT_TRUE(builder.attendance_repeated());
  EXPECT_EQ(second["attendance"], first["attendance"]);
  EXPECT_EQ(second["warnings"].size(), 1u);  // the count mismatch, on every record

  in.sitting.attendance.present.push_back(Named("Claire C"));
  in.sitting.attendance.present_count = 3;
  nlohmann::json third = check(2);
  EXPECT_FALSE(builder.attendance_repeated());
  EXPECT_EQ(third["attendance"]["present"].size(), 3u);
  EXPECT_TRUE(third["warnings"].empty());

  in.sitting.attendance.present[2].proxy_to = PersonRef{"", "Anne A"};  // a change deep inside
  check(3);
  EXPECT_FALSE(builder.attendance_repeated());
  in.sitting.attendance = {};
  nlohmann::json none = check(4);
  EXPECT_TRUE(none["attendance"]["present"].empty());
}

// The pipeline flags the records whose attendance is the previous record's; the flag is
// what lets writers and the validator reuse their work, so it must never be wrong.
TEST(RecordBuilderTest, PipelineFlagsExactlyTheRepeatedAttendances) {
  int repeated = 0, documents = 0;
  for (const auto& f : std::filesystem::directory_iterator(testing::FixturesDir())) {
    if (f.path().extension() != ".txt") continue;
    auto result = testing::BundledPipeline().Extract(testing::ReadFileOrDie(f.path().string()),
                                                     f.path().filename().string());
    ASSERT_TRUE(result.ok()) << result.status().message();
    const DocumentResult& r = result.value();
    ASSERT_EQ(r.repeats_attendance.size(), r.records.size()) << f.path();
    ++documents;
    for (std::size_t k = 0; k < r.records.size(); ++k) {
      bool same = k > 0 && r.records[k]["attendance"] == r.records[k - 1]["attendance"];
      // A repeat is always flagged when the attendance was read the same; an equal JSON read
      // from different lists (never in practice) would merely not be flagged.
      if (r.repeats_attendance[k]) {
        EXPECT_TRUE(same) << f.path() << " record " << k;
      }
      repeated += r.repeats_attendance[k];
    }
  }
  EXPECT_GE(documents, 10);
  EXPECT_GE(repeated, 5);
}

}  // namespace
}  // namespace registre
