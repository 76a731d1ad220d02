#include "text/hyphenation.h"

#include <gtest/gtest.h>

namespace registre {
namespace {

TEST(HyphenationTest, ABrokenWordLosesItsHyphen) {
  EXPECT_EQ(HyphenJoin("la com-", "mune de Pornic"), Join::kDropHyphen);
  EXPECT_EQ(HyphenJoin("délibé-", "ration"), Join::kDropHyphen);
}

// The opposite cases: a compound or a capital after the break keeps the hyphen.
TEST(HyphenationTest, CompoundsAndCapitalsKeepTheHyphen) {
  EXPECT_EQ(HyphenJoin("M. Jean-", "Pierre DUPONT"), Join::kKeepHyphen);
  EXPECT_EQ(HyphenJoin("soit vingt-", "deux voix"), Join::kKeepHyphen);
  EXPECT_EQ(HyphenJoin("il peut-", "être dit"), Join::kKeepHyphen);
  EXPECT_EQ(HyphenJoin("visés ci-", "dessus"), Join::kKeepHyphen);
  EXPECT_EQ(HyphenJoin("le vice-", "président"), Join::kKeepHyphen);
}

TEST(HyphenationTest, NoWordBreakWithoutAWordBeforeTheHyphen) {
  EXPECT_EQ(HyphenJoin("budget -", "suite"), Join::kNone);
  EXPECT_EQ(HyphenJoin("exercice 2022-", "2023"), Join::kNone);
  EXPECT_EQ(HyphenJoin("com-", ""), Join::kNone);
  EXPECT_EQ(HyphenJoin("sans tiret", "suite"), Join::kNone);
}

TEST(HyphenationTest, OcrNotSignIsDroppedOrMadeAHyphen) {
  EXPECT_EQ(HyphenJoin("la com\u00AC", "mune"), Join::kOcrDrop);
  EXPECT_EQ(HyphenJoin("M. Jean\u00AC", "Pierre"), Join::kOcrToHyphen);
}

}  // namespace
}  // namespace registre
