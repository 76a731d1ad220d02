// The sample records under tests/data/records are what every output test feeds the sinks:
// they must satisfy the record schema, and the Lyon one must hold the numbers the issue
// names (59 present, 6 excused with proxies, 65 members in office).
#include <gtest/gtest.h>

#include "record/schema_validator.h"
#include "support/test_util.h"

namespace registre {
namespace {

using testing::AllFixtureRecords;
using testing::FixtureRecord;

TEST(Fixtures, EveryRecordValidatesAgainstTheSchema) {
  auto validator = SchemaValidator::Load(testing::SchemaPath());
  ASSERT_TRUE(validator.ok()) << validator.status().message();
  auto records = AllFixtureRecords();
  ASSERT_GE(records.size(), 5u);
  for (const auto& r : records) {
    Status s = validator.value()->Validate(r);
    EXPECT_TRUE(s.ok()) << r["id"] << ": " << s.message();
  }
}

TEST(Fixtures, LyonHoldsTheSeedNumbers) {
  auto lyon = FixtureRecord("lyon-cp-2023-2459.jsonl", 0);
  EXPECT_EQ(lyon["attendance"]["present"].size(), 59u);
  EXPECT_EQ(lyon["attendance"]["excused"].size(), 6u);
  EXPECT_EQ(lyon["attendance"]["members_in_office"], 65);
  for (const auto& e : lyon["attendance"]["excused"]) EXPECT_TRUE(e["proxy_to"].is_object());
}

}  // namespace
}  // namespace registre
