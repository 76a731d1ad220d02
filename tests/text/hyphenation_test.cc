#include "text/hyphenation.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace registre {
namespace {

using testing::BundledTextRules;

TEST(HyphenationTest, ABrokenWordLosesItsHyphen) {
  EXPECT_EQ(HyphenJoin("la com-", "mune de Pornic", BundledTextRules()), Join::kDropHyphen);
  EXPECT_EQ(HyphenJoin("délibé-", "ration", BundledTextRules()), Join::kDropHyphen);
}

// The opposite cases: a compound or a capital after the break keeps the hyphen.
TEST(HyphenationTest, CompoundsAndCapitalsKeepTheHyphen) {
  EXPECT_EQ(HyphenJoin("M. Jean-", "Pierre DUPONT", BundledTextRules()), Join::kKeepHyphen);
  EXPECT_EQ(HyphenJoin("soit vingt-", "deux voix", BundledTextRules()), Join::kKeepHyphen);
  EXPECT_EQ(HyphenJoin("il peut-", "être dit", BundledTextRules()), Join::kKeepHyphen);
  EXPECT_EQ(HyphenJoin("visés ci-", "dessus", BundledTextRules()), Join::kKeepHyphen);
  EXPECT_EQ(HyphenJoin("le vice-", "président", BundledTextRules()), Join::kKeepHyphen);
}

TEST(HyphenationTest, NoWordBreakWithoutAWordBeforeTheHyphen) {
  EXPECT_EQ(HyphenJoin("budget -", "suite", BundledTextRules()), Join::kNone);
  EXPECT_EQ(HyphenJoin("exercice 2022-", "2023", BundledTextRules()), Join::kNone);
  EXPECT_EQ(HyphenJoin("com-", "", BundledTextRules()), Join::kNone);
  EXPECT_EQ(HyphenJoin("sans tiret", "suite", BundledTextRules()), Join::kNone);
}

TEST(HyphenationTest, OcrNotSignIsDroppedOrMadeAHyphen) {
  EXPECT_EQ(HyphenJoin("la com\u00AC", "mune", BundledTextRules()), Join::kOcrDrop);
  EXPECT_EQ(HyphenJoin("M. Jean\u00AC", "Pierre", BundledTextRules()), Join::kOcrToHyphen);
}

// The compounds are the grammar's ([table.hyphenation], [table.numbers]), not the code's.
TEST(HyphenationTest, CompoundsComeFromTheGrammar) {
  TextRules rules = BundledTextRules();
  EXPECT_EQ(HyphenJoin("le vice-", "président", rules), Join::kKeepHyphen);
  EXPECT_EQ(HyphenJoin("mil-", "neuf", rules), Join::kKeepHyphen);  // both in [table.numbers]
  rules.keep_left.clear();
  rules.keep_right.clear();
  EXPECT_EQ(HyphenJoin("le vice-", "président", rules), Join::kDropHyphen);
}

}  // namespace
}  // namespace registre
