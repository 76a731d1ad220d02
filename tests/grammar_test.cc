#include "grammar.h"

#include <gtest/gtest.h>

#include "pipeline.h"

namespace registre {
namespace {

TEST(GrammarTest, LoadsSectionsTablesAndDefines) {
  Grammar g;
  ASSERT_TRUE(
      g.AddText("[define]\nnum = (?:un|deux)\n"
                "[table.months]\njanvier = 1\n"
                "[vote]\nfor = pour\\s*:\\s*(?P<n>\\d+|{{num}})\nfor = (?P<n>\\d+) voix pour\n",
                "test.grammar")
          .ok());
  EXPECT_EQ(g.Lookup("table.months", "janvier"), "1");
  ASSERT_EQ(g.Patterns("vote", "for").size(), 2u);
  std::string n;
  EXPECT_TRUE(RE2::PartialMatch("pour : deux", *g.Pattern("vote", "for"), &n));
  EXPECT_EQ(n, "deux");
}

TEST(GrammarTest, BadPatternNamesFileAndLine) {
  Grammar g;
  Status s = g.AddText("# comment\n[s]\nk = (unclosed\n", "rules.grammar");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("rules.grammar:3"), std::string::npos) << s.message();
}

TEST(GrammarTest, RejectsEntryOutsideSectionAndDuplicateSection) {
  Grammar a;
  EXPECT_FALSE(a.AddText("k = v\n", "x.grammar").ok());
  Grammar b;
  Status s = b.AddText("[s]\nk = a\n[s]\nk = b\n", "y.grammar");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("y.grammar:3"), std::string::npos);
  Grammar c;
  EXPECT_FALSE(c.AddText("[s]\nno equals sign here\n", "z.grammar").ok());
}

TEST(GrammarTest, BundledGrammarLoadsAndHasWhatExtractorsNeed) {
  auto g = Grammar::LoadDirectory(DefaultGrammarDir());
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_FALSE(g.value()->Section("attendance.labels").empty());
  EXPECT_TRUE(g.value()->Require({{"segment.heading", "item"}, {"section.formula", "line"}}).ok());
  EXPECT_FALSE(g.value()->Require({{"segment.heading", "no_such_key"}}).ok());
}

TEST(GrammarTest, MissingDirectoryIsAnError) {
  auto g = Grammar::LoadDirectory("/nonexistent/grammars");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("/nonexistent/grammars"), std::string::npos);
}

}  // namespace
}  // namespace registre
