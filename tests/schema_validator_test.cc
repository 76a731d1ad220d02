#include "schema_validator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline.h"

namespace registre {
namespace {

namespace fs = std::filesystem;

class SchemaValidatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = SchemaValidator::Load(DefaultSchemaPath());
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    validator_ = std::move(loaded.value());
    // Real records: the golden outputs of the fixtures, many of them items of one sitting.
    for (const auto& f : fs::directory_iterator(fs::path(REGISTRE_SOURCE_DIR) / "tests/golden")) {
      std::ifstream in(f.path());
      for (std::string line; std::getline(in, line);) records_.push_back(nlohmann::json::parse(line));
    }
    ASSERT_GT(records_.size(), 20u);
  }
  std::unique_ptr<SchemaValidator> validator_;
  std::vector<nlohmann::json> records_;
};

TEST_F(SchemaValidatorTest, RealRecordsPass) {
  SchemaValidator::Seen seen;
  for (const auto& r : records_) {
    EXPECT_TRUE(validator_->Validate(r).ok()) << r["id"];
    EXPECT_TRUE(validator_->Validate(r, &seen).ok()) << r["id"];
  }
}

TEST_F(SchemaValidatorTest, ABadAttendanceFailsAfterAGoodOneWasSeen) {
  SchemaValidator::Seen seen;
  const nlohmann::json& good = records_.front();
  ASSERT_TRUE(validator_->Validate(good, &seen).ok());
  nlohmann::json bad = good;
  bad["attendance"]["present_count"] = "quinze";
  Status s = validator_->Validate(bad, &seen);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("attendance"), std::string::npos) << s.message();
  bad = good;
  bad["attendance"]["present"].push_back({{"name", 12}});
  EXPECT_FALSE(validator_->Validate(bad, &seen).ok());
  // The good one still passes after the failures (they were not remembered as seen).
  EXPECT_TRUE(validator_->Validate(good, &seen).ok());
}

TEST_F(SchemaValidatorTest, TheRestOfARecordIsCheckedWhenItsAttendanceWasSeen) {
  SchemaValidator::Seen seen;
  const nlohmann::json& good = records_.front();
  ASSERT_TRUE(validator_->Validate(good, &seen).ok());
  nlohmann::json bad = good;
  bad["source"]["sha256"] = "not a hash";
  EXPECT_FALSE(validator_->Validate(bad, &seen).ok());
  bad = good;
  bad.erase("attendance");
  EXPECT_FALSE(validator_->Validate(bad, &seen).ok());
}

TEST_F(SchemaValidatorTest, SeenGivesTheSameVerdictsAsAFullCheck) {
  // Every record, and a copy broken in its attendance or elsewhere, in one series.
  SchemaValidator::Seen seen;
  for (const auto& r : records_) {
    nlohmann::json broken_attendance = r, broken_vote = r;
    broken_attendance["attendance"]["computed"]["present"] = -1;
    broken_vote["vote"] = "unanime";
    for (const nlohmann::json* x : {&r, static_cast<const nlohmann::json*>(&broken_attendance), &r,
                                    static_cast<const nlohmann::json*>(&broken_vote)}) {
      EXPECT_EQ(validator_->Validate(*x).ok(), validator_->Validate(*x, &seen).ok()) << r["id"];
    }
  }
}

}  // namespace
}  // namespace registre
