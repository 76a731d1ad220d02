#include "base/status.h"

#include <gtest/gtest.h>

namespace registre {
namespace {

TEST(StatusTest, EachConstructorGivesItsCode) {
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::InvalidInput("x").code(), StatusCode::kInvalidInput);
  EXPECT_EQ(Status::Io("x").code(), StatusCode::kIo);
  EXPECT_EQ(Status::BadGrammar("x").code(), StatusCode::kBadGrammar);
  EXPECT_EQ(Status::ResourceLimit("x").code(), StatusCode::kResourceLimit);
  EXPECT_EQ(Status::Usage("x").code(), StatusCode::kUsage);
  EXPECT_EQ(Status::Internal("x").code(), StatusCode::kInternal);
  EXPECT_FALSE(Status::Io("x").ok());
}

// Context goes before the message; the kind of failure stays.
TEST(StatusTest, AnnotateKeepsTheCode) {
  Status s = Status::Io("write failed: No space left on device").Annotate("out.jsonl");
  EXPECT_EQ(s.code(), StatusCode::kIo);
  EXPECT_EQ(s.message(), "out.jsonl: write failed: No space left on device");
  EXPECT_TRUE(Status::Ok().Annotate("out.jsonl").ok());
}

TEST(StatusTest, ResultCarriesTheStatusOfItsError) {
  Result<int> bad = Status::ResourceLimit("file too large");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kResourceLimit);
  Result<int> good = 3;
  EXPECT_TRUE(good.status().ok());
  EXPECT_EQ(good.value(), 3);
}

}  // namespace
}  // namespace registre
