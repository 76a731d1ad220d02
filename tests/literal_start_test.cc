#include "literal_start.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "folding.h"
#include "support/test_support.h"

namespace registre {
namespace {

using Starts = std::vector<std::string>;

TEST(LiteralStartsTest, ReadsALeadingLiteral) {
  EXPECT_EQ(LiteralStarts(R"(apres\s+(?:en\s+)?avoir)"), Starts({"apres"}));
  EXPECT_EQ(LiteralStarts(R"(\bl'an\s+(?P<y>\d+))"), Starts({"l'an"}));
  // A quantifier makes the last letter optional.
  EXPECT_EQ(LiteralStarts(R"(\bpresidente?\s+de)"), Starts({"president"}));
  EXPECT_EQ(LiteralStarts(R"(\bconvoque(?:e|s)?\b)"), Starts({"convoque"}));
}

TEST(LiteralStartsTest, ReadsEachAlternativeOfALeadingGroup) {
  EXPECT_EQ(LiteralStarts(R"(\b(?:reuni|reunie|rassemble|tenue?)\b[^.\n]{0,60}?)"),
            Starts({"rassemble", "reuni", "tenu"}));
  EXPECT_EQ(LiteralStarts(R"(\b(?:convocation|convoque(?:e|s|es)?|date\s+d'envoi)\b)"),
            Starts({"convocation", "convoque", "date"}));
}

TEST(LiteralStartsTest, GivesNoneWhenAMatchMayStartOtherwise) {
  for (const char* p : {
           R"(^\s*vu\s+le)",               // anchored: nothing to skip to
           R"((?m)^objet\s*:)",            // a flag
           R"(\b(?:a\s+l'|l')unanimite)",  // an alternative shorter than four bytes
           R"((?:abcd)?efgh)",             // an optional group
           R"((?:abcd|efgh)*ijkl)",        // a repeated group
           R"(abcd|efgh)",                 // a top-level alternation
           R"(abcd[(]|efgh)",              // ... after a class holding a parenthesis
           R"(abcd[]|]x|efgh)",            // ... after a class opening with ']'
           R"([abc]defg)",                 // a class
           R"((?P<n>abcd))",               // a capturing group
           R"(\Qabcd\E)",                  // quoted text
           R"(abc\s+)",                    // too short
           R"(\d{4})",
       }) {
    EXPECT_EQ(LiteralStarts(p), Starts()) << p;
  }
  EXPECT_EQ(LiteralStarts(R"(abcd[]|]x)"), Starts({"abcd"}));
}

TEST(LiteralStartsTest, KeepsTheShorterOfTwoLiteralsOneStarts) {
  EXPECT_EQ(LiteralStarts(R"(\b(?:membres|membre|conseillers?)\s)"),
            Starts({"conseiller", "membre"}));
}

TEST(LiteralSkipRE2Test, KnowsItsStartsOnlyForPatternsThatCompile) {
  RE2::Options options;
  options.set_log_errors(false);
  EXPECT_EQ(LiteralSkipRE2(R"(apres\s+x)", options).literal_starts(), Starts({"apres"}));
  EXPECT_TRUE(LiteralSkipRE2(R"(apres(x)", options).literal_starts().empty());
  RE2::Options latin1 = options;
  latin1.set_encoding(RE2::Options::EncodingLatin1);
  EXPECT_EQ(LiteralSkipRE2(R"(apres\s+x)", latin1).literal_starts(), Starts());
}

// Search must answer exactly what RE2's unanchored Match answers: the same match, the same
// groups.
void ExpectSameAsMatch(const LiteralSkipRE2& re, re2::StringPiece text) {
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

TEST(LiteralSkipRE2Test, FindsWhatMatchFindsWithManyFailedAttempts) {
  RE2::Options options;
  LiteralSkipRE2 re(R"(\b(?:tenue?|reuni)\b[^.\n]{0,20}?\b(?:a|en)\s+(?P<place>[a-z]+))", options);
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

// Every shipped grammar pattern that has literal starts, on every fixture's folded text and
// on windows of it: the same answers as RE2.
TEST(LiteralSkipRE2Test, GrammarPatternsAnswerAsRE2OnTheFixtures) {
  const Grammar& grammar = testing::BundledGrammar();
  std::vector<const LiteralSkipRE2*> patterns;
  for (const std::string& section : grammar.SectionNames())
    for (const GrammarEntry& e : grammar.Section(section))
      if (e.regex && e.regex->ok() && !e.regex->literal_starts().empty())
        patterns.push_back(e.regex.get());
  ASSERT_GE(patterns.size(), 30u);
  std::mt19937 random(7);
  int texts = 0;
  for (const auto& f : std::filesystem::directory_iterator(testing::FixturesDir())) {
    if (f.path().extension() != ".txt") continue;
    ++texts;
    const std::string folded = Fold(testing::ReadFileOrDie(f.path().string())).text;
    for (const LiteralSkipRE2* re : patterns) {
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

}  // namespace
}  // namespace registre
