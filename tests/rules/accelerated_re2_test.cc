#include "rules/accelerated_re2.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "support/test_support.h"
#include "text/folding.h"

namespace registre {
namespace {

using Starts = std::vector<std::string>;

TEST(AcceleratedRE2Test, KnowsItsStartsOnlyForPatternsThatCompile) {
  RE2::Options options;
  options.set_log_errors(false);
  EXPECT_EQ(AcceleratedRE2(R"(apres\s+x)", options).literal_starts(), Starts({"apres"}));
  EXPECT_TRUE(AcceleratedRE2(R"(apres(x)", options).literal_starts().empty());
  RE2::Options latin1 = options;
  latin1.set_encoding(RE2::Options::EncodingLatin1);
  EXPECT_EQ(AcceleratedRE2(R"(apres\s+x)", latin1).literal_starts(), Starts());
}

// Search must answer exactly what RE2's unanchored Match answers: the same match, the same
// groups.
void ExpectSameAsMatch(const AcceleratedRE2& re, re2::StringPiece text) {
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> want(static_cast<std::size_t>(n)), got(want.size());
  bool want_found = re.Match(text, 0, text.size(), RE2::UNANCHORED, want.data(), n);
  bool got_found = re.Search(text, got.data(), n);
  ASSERT_EQ(got_found, want_found) << re.pattern();
  if (!want_found) return;
  for (int i = 0; i < n; ++i) {
    EXPECT_EQ(got[static_cast<std::size_t>(i)].data(), want[static_cast<std::size_t>(i)].data())
        << re.pattern() << " group " << i;
    EXPECT_EQ(got[static_cast<std::size_t>(i)].size(), want[static_cast<std::size_t>(i)].size())
        << re.pattern() << " group " << i;
  }
  EXPECT_EQ(re.Search(text, nullptr, 0), want_found);
}

TEST(AcceleratedRE2Test, FindsWhatMatchFindsWithManyFailedAttempts) {
  RE2::Options options;
  AcceleratedRE2 re(R"(\b(?:tenue?|reuni)\b[^.\n]{0,20}?\b(?:a|en)\s+(?P<place>[a-z]+))", options);
  ASSERT_EQ(re.literal_starts(), Starts({"reuni", "tenu"}));
  // Twenty failed starts (more than the attempts tried before the unanchored fallback) and
  // one that matches, with words glued to them ("detenu" is not a start after \b).
  std::string text;
  for (int i = 0; i < 20; ++i) text += "tenu. reunion detenu ";
  ExpectSameAsMatch(re, text);
  text += "la seance tenue en mairie";
  ExpectSameAsMatch(re, text);
  ExpectSameAsMatch(re, "reuni a lyon, tenue en mairie");
  ExpectSameAsMatch(re, "");
}

// Every shipped grammar pattern that is accelerated, on every fixture's folded text and on
// windows of it: the same answers as RE2, groups included.
TEST(AcceleratedRE2Test, GrammarPatternsAnswerAsRE2OnTheFixtures) {
  const Grammar& grammar = testing::BundledGrammar();
  std::vector<const AcceleratedRE2*> patterns;
  int twins = 0;
  for (const std::string& section : grammar.SectionNames())
    for (const GrammarEntry& e : grammar.Section(section))
      if (e.regex && e.regex->ok() &&
          (!e.regex->literal_starts().empty() || e.regex->has_ascii_twin() ||
           !e.regex->required().empty())) {
        patterns.push_back(e.regex.get());
        twins += e.regex->has_ascii_twin();
      }
  ASSERT_GE(patterns.size(), 30u);
  ASSERT_GE(twins, 3);
  std::mt19937 random(7);
  int texts = 0;
  for (const auto& f : std::filesystem::directory_iterator(testing::FixturesDir())) {
    if (f.path().extension() != ".txt") continue;
    ++texts;
    const std::string folded = Fold(testing::ReadFileOrDie(f.path().string())).text;
    for (const AcceleratedRE2* re : patterns) {
      SCOPED_TRACE(f.path().filename().string());
      ExpectSameAsMatch(*re, folded);
      for (int w = 0; w < 20; ++w) {
        std::size_t a = random() % (folded.size() + 1);
        std::size_t b = a + random() % 2000;
        ExpectSameAsMatch(*re, re2::StringPiece(folded).substr(a, b - a));
      }
    }
  }
  EXPECT_GE(texts, 10);
}

TEST(AcceleratedRE2Test, TakesTheGroupsOfAnAsciiSpanFromItsTwin) {
  RE2::Options options;
  // A counted repetition of a UTF-8 class makes a large program; the Latin-1 twin is small.
  AcceleratedRE2 re(R"(^\s*(?:[-•]\s*)?(?P<t>[a-z"'(].{6,110}?)\s*:?\s*$)", options);
  ASSERT_TRUE(re.has_ascii_twin());
  ExpectSameAsMatch(re, "- approbation du compte de gestion 2020 :");
  ExpectSameAsMatch(re, "\xe2\x80\xa2 approbation du compte de gestion 2020");  // a bullet
  ExpectSameAsMatch(re, "approbation du budget \xc3\xa9lectrique");  // not ASCII: no twin
  ExpectSameAsMatch(re, "trop court");
  ExpectSameAsMatch(re, "a" + std::string(120, 'b'));  // longer than the repetition allows
  // Where a character is several bytes the twin would cut the groups elsewhere: not used.
  AcceleratedRE2 counted(R"((?P<a>.{2})(?P<b>.{0,40})$)", options);
  ASSERT_TRUE(counted.has_ascii_twin());
  ExpectSameAsMatch(counted, "ab\xc3\xa9lu");
  ExpectSameAsMatch(counted, "\xc3\xa9lu");
  EXPECT_FALSE(AcceleratedRE2(R"(^(?P<t>[a-z]+)$)", options).has_ascii_twin());
}

}  // namespace
}  // namespace registre
