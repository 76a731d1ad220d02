#include "literal_start.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace registre
