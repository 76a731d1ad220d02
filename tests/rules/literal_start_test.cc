#include "rules/literal_start.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

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
           R"(abcd|efg)",                  // one alternative too short
           R"(abcd[(]|ef)",                // ... after a class holding a parenthesis
           R"(abcd[]|]x|ef)",              // ... after a class opening with ']'
           R"([abc]defg)",                 // a class
           R"((?P<n>abcd)|x)",
           R"((?P<n!>abcd))",  // not a group name
           R"(\Qabcd\E)",      // quoted text
           R"(abc\s+)",        // too short
           R"(\d{4})",
       }) {
    EXPECT_EQ(LiteralStarts(p), Starts()) << p;
  }
  EXPECT_EQ(LiteralStarts(R"(abcd[]|]x)"), Starts({"abcd"}));
}

TEST(LiteralStartsTest, ReadsAlternationsAndNamedGroups) {
  EXPECT_EQ(LiteralStarts(R"(abcd|efgh)"), Starts({"abcd", "efgh"}));
  EXPECT_EQ(LiteralStarts(R"(abcd[(]|efgh)"), Starts({"abcd", "efgh"}));
  EXPECT_EQ(LiteralStarts(R"(abcd[]|]x|efgh)"), Starts({"abcd", "efgh"}));
  EXPECT_EQ(LiteralStarts(R"(\b(?P<name>(?:commune|ville|mairie)\s+de))"),
            Starts({"commune", "mairie", "ville"}));
  EXPECT_EQ(LiteralStarts(R"((?:\bvote\s*:)|(?:\b(?:contre|pour\s)))"),
            Starts({"contre", "pour", "vote"}));
}

TEST(LiteralStartsTest, KeepsTheShorterOfTwoLiteralsOneStarts) {
  EXPECT_EQ(LiteralStarts(R"(\b(?:membres|membre|conseillers?)\s)"),
            Starts({"conseiller", "membre"}));
}

TEST(RequiredLiteralsTest, ReadsTheTopLevelRunsAndGroups) {
  using Sets = std::vector<std::vector<std::string>>;
  EXPECT_EQ(RequiredLiterals(R"(\b(?:conseil|bureau)\s+(?P<f>prend\s+acte|prennent\s+acte)\b)"),
            Sets({{"bureau", "conseil"}, {"prend", "prennent"}}));
  EXPECT_EQ(RequiredLiterals(R"((?m)^\s*(?:objet|objet\s+de\s+la\s+decision)\s*:\s*(?P<t>.+)$)"),
            Sets({{"objet"}}));
  // Optional parts and quantified letters are not required.
  EXPECT_EQ(RequiredLiterals(R"(\bne\s+prend?(?:nent)?\s+pas\s+part\s+au\s+vote)"),
            Sets({{"pren"}, {"part"}, {"vote"}}));
  EXPECT_EQ(RequiredLiterals(R"((?:abcd)?efgh(?:ijkl|mnop)*)"), Sets({{"efgh"}}));
  for (const char* none : {R"(abcd|efgh)", R"((?i)abcdef)", R"(abcd(?x)efgh)", R"(\d+\s+\w+)"})
    EXPECT_EQ(RequiredLiterals(none), Sets()) << none;
}

// A pattern whose text lacks a required literal is not searched: the answer is still RE2's.
TEST(RequiredLiteralsTest, TextsWithoutTheLiteralHaveNoMatch) {
  RE2 re(R"(\b(?:conseil|bureau)\s+(?P<f>prend\s+acte|prennent\s+acte)\b)");
  for (const char* text : {"le conseil prend acte", "le bureau prennent acte", "le conseil decide",
                           "prend acte du conseil"}) {
    bool has_one_of_each = true;
    for (const auto& any_of : RequiredLiterals(re.pattern())) {
      bool found = false;
      for (const std::string& l : any_of)
        found = found || std::string(text).find(l) != std::string::npos;
      has_one_of_each = has_one_of_each && found;
    }
    if (RE2::PartialMatch(text, re)) {
      EXPECT_TRUE(has_one_of_each) << text;
    }
  }
}

TEST(WithoutUpperBoundsTest, DropsTheUpperBoundOfCountedRepetitionsOnly) {
  EXPECT_EQ(WithoutUpperBounds(R"([a-z' -]{1,40}?\s*,)"), R"([a-z' -]{1,}?\s*,)");
  EXPECT_EQ(WithoutUpperBounds(R"(.{6,110}?x{0,2}y{3}z{2,})"), R"(.{6,}?x{0,}y{3}z{2,})");
  // Braces that are not a repetition stay as written: escaped, in a class, in \x{..}.
  for (const char* same : {R"(\{1,2\})", R"([{1,2}])", R"(\x{2013}{1})", R"(\p{L}+)", R"(a{,3})",
                           R"(a{1,b})", "a{1,2"})
    EXPECT_EQ(WithoutUpperBounds(same), same);
  // The result is a pattern RE2 accepts, matching more.
  RE2 loose(WithoutUpperBounds(R"(^[a-z]{1,3}$)"));
  ASSERT_TRUE(loose.ok()) << loose.error();
  EXPECT_TRUE(RE2::FullMatch("abcdef", loose));
}

}  // namespace
}  // namespace registre
