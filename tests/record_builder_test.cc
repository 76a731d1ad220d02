#include "record_builder.h"

#include <gtest/gtest.h>

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
  nlohmann::json second = check(1);
  EXPECT_EQ(second["attendance"], first["attendance"]);
  EXPECT_EQ(second["warnings"].size(), 1u);  // the count mismatch, on every record

  in.sitting.attendance.present.push_back(Named("Claire C"));
  in.sitting.attendance.present_count = 3;
  nlohmann::json third = check(2);
  EXPECT_EQ(third["attendance"]["present"].size(), 3u);
  EXPECT_TRUE(third["warnings"].empty());

  in.sitting.attendance.present[2].proxy_to = PersonRef{"", "Anne A"};  // a change deep inside
  check(3);
  in.sitting.attendance = {};
  nlohmann::json none = check(4);
  EXPECT_TRUE(none["attendance"]["present"].empty());
}

}  // namespace
}  // namespace registre
