#include "rules/grammar.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "base/home.h"
#include "pipeline/pipeline.h"

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

// A word list of a table: every value of one key, in file order, and nothing of the others.
TEST(GrammarTest, ValuesListsOneKeyInOrder) {
  Grammar g;
  ASSERT_TRUE(g.AddText("[table.words]\narticle = le\nother = x\narticle = la\narticle = l'\n",
                        "test.grammar")
                  .ok());
  EXPECT_EQ(g.Values("table.words", "article"), (std::vector<std::string>{"le", "la", "l'"}));
  EXPECT_TRUE(g.Values("table.words", "missing").empty());
  EXPECT_TRUE(g.Values("table.none", "article").empty());
}

// Sets are anchored when every pattern starts with '^'; the answers must not change, so
// each case here is checked against running the patterns one by one.
TEST(GrammarTest, SectionSetsAnswerAsThePatternsDo) {
  Grammar g;
  ASSERT_TRUE(g.AddText("[line]\nk = ^\\s*vu\\b\nk = ^(?:considerant|[|]x)\n"
                        "[branch]\nk = ^a|b\n"
                        "[multi]\nk = (?m)^objet\n"
                        "[escaped]\nk = ^\\(|z\n",
                        "t.grammar")
                  .ok());
  struct Case {
    const char* section;
    const char* text;
    bool expected;
  } cases[] = {
      {"line", "  vu le code", true}, {"line", "le vu", false},    {"line", "|x", true},
      {"line", "considerant", true},  {"branch", "xxb", true},     {"branch", "a", true},
      {"branch", "c", false},         {"multi", "x\nobjet", true}, {"escaped", "yz", true},
      {"escaped", "(", true},         {"escaped", "y(", false},
  };
  for (const Case& c : cases) {
    bool any = false;
    for (const GrammarEntry& e : g.Section(c.section))
      any = any || RE2::PartialMatch(c.text, *e.regex);
    EXPECT_EQ(any, c.expected) << c.section << " / " << c.text;
    EXPECT_EQ(g.AnyMatch(c.section, c.text), c.expected) << c.section << " / " << c.text;
  }
}

TEST(GrammarTest, UnionStartsWhereTheEarliestEntryDoes) {
  Grammar g;
  ASSERT_TRUE(g.AddText("[a]\nx = \\bcontre\\s*:\\s*(?P<n>\\d+)\ny = (?P<n>\\d+) voix pour\n"
                        "[b]\nz = unanimit[ée]\n"
                        "[lines]\nk = ^\\s*vu\\b\nk = ^(considerant)\nother = ^objet\n",
                        "u.grammar")
                  .ok());
  LazyRegex all = g.Union({"a", "b"});
  ASSERT_TRUE(all && all->ok()) << all->error();
  re2::StringPiece m;
  const std::string text = "adopte : 12 voix pour, contre : 3, unanimite";
  ASSERT_TRUE(all->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1));
  EXPECT_EQ(m.data() - text.data(), 9);  // "12 voix pour", before "contre" and "unanimite"
  LazyRegex lines = g.Union({"lines"}, "k");
  ASSERT_TRUE(lines && lines->ok()) << lines->error();
  EXPECT_TRUE(RE2::PartialMatch("  vu le code", *lines));
  EXPECT_TRUE(RE2::PartialMatch("considerant que", *lines));
  EXPECT_FALSE(RE2::PartialMatch("le vu", *lines));
  EXPECT_FALSE(RE2::PartialMatch("objet", *lines));  // another key
  EXPECT_FALSE(g.Union({"missing"}));
}

// A screen over several sections answers what each section's own set answers, even for
// anchored sections (whose own set is anchored) and sections the screen shares a text with.
TEST(GrammarTest, SectionScreenAnswersAsEachSectionDoes) {
  Grammar g;
  ASSERT_TRUE(g.AddText("[labels]\npresent = \\bpresents?\\s*:\nexcused = \\bexcuses?\\b\n"
                        "[lines]\nk = ^\\s*vu\\b\nk = ^objet\n"
                        "[counts]\nn = (?P<n>\\d+)\\s+votants\nm = en\\s+exercice\n",
                        "s.grammar")
                  .ok());
  SectionScreen screen(g, {"labels", "lines", "counts"});
  for (const char* text : {"presents : a, b\nexcuses : c\n12 votants", "  vu le code, excuses",
                           "objet : x", "le vu, 3 votants", "", "nothing here"}) {
    std::vector<std::vector<int>> which = screen.Match(text);
    ASSERT_EQ(which.size(), 3u);
    int s = 0;
    bool any = false;
    for (const char* section : {"labels", "lines", "counts"}) {
      std::vector<int> alone;
      if (!g.AnyMatch(section, text, &alone)) alone.clear();
      EXPECT_EQ(which[static_cast<std::size_t>(s++)], alone) << section << " / " << text;
      any = any || !alone.empty();
    }
    EXPECT_EQ(screen.Any(text), any) << text;
  }
}

// The loose screens (Candidates, MayMatch, SectionScreen kSuperset) never miss an entry that
// matches, and may add one whose counted repetition the text exceeds; callers confirm.
TEST(GrammarTest, LooseScreensAreSupersetsOfTheExactAnswers) {
  Grammar g;
  ASSERT_TRUE(g.AddText("[s]\nshort = \\bm\\.\\s+[a-z]{1,5}\\s*,\\s*rapporteur\n"
                        "plain = \\bobjet\\s*:\nanchored = ^\\d{1,2}\\)\\s\n",
                        "l.grammar")
                  .ok());
  SectionScreen loose(g, {"s"}, SectionScreen::Answers::kSuperset);
  for (const char* text : {"m. dupont, rapporteur", "m. dupontel, rapporteur", "objet : x",
                           "12) point", "123) point", "rien", ""}) {
    std::vector<int> exact;
    if (!g.AnyMatch("s", text, &exact)) exact.clear();
    std::vector<int> candidates;
    for (const GrammarEntry& e : g.Candidates("s", text))
      candidates.push_back(static_cast<int>(&e - g.Section("s").data()));
    EXPECT_TRUE(std::includes(candidates.begin(), candidates.end(), exact.begin(), exact.end()))
        << text;
    EXPECT_EQ(loose.Match(text)[0], candidates) << text;
    EXPECT_EQ(g.MayMatch("s", text), !candidates.empty()) << text;
  }
  // "dupontel" is longer than [a-z]{1,5}: only the loose screens report the entry.
  EXPECT_FALSE(g.AnyMatch("s", "m. dupontel, rapporteur"));
  EXPECT_EQ(g.Candidates("s", "m. dupontel, rapporteur").size(), 1u);
  EXPECT_FALSE(g.MayMatch("s", "rien"));
  EXPECT_FALSE(g.MayMatch("missing", "rien"));
}

// A pattern that parses but is too large for RE2 to compile is only found when first used
// (patterns compile lazily): it is reported with its file and line, once, as a warning the
// grammar keeps (the library prints nothing), and never matches.
TEST(GrammarTest, PatternTooLargeToCompileIsReportedWhereItIsUsed) {
  std::string huge;
  for (int i = 0; i < 60; ++i) huge += "(?:.{1000})";
  Grammar g;
  ASSERT_TRUE(g.AddText("[big]\nk = " + huge + "\n", "big.grammar").ok());
  ::testing::internal::CaptureStderr();
  const RE2* re = g.Pattern("big", "k");
  ASSERT_NE(re, nullptr);
  EXPECT_FALSE(re->ok());
  g.Pattern("big", "k");  // used again: still one warning
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  std::vector<std::string> warnings = g.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].find("big.grammar:2: pattern cannot be compiled, it will never match"), 0u)
      << warnings[0];
  EXPECT_FALSE(RE2::PartialMatch(std::string(70000, 'x'), *re));
}

TEST(GrammarTest, EveryBundledPatternCompiles) {
  const std::string dir = DefaultGrammarDir();
  auto g = Grammar::LoadDirectory(dir);
  ASSERT_TRUE(g.ok()) << g.status().message();
  int patterns = 0;
  for (const std::string& section : g.value()->SectionNames()) {
    for (const GrammarEntry& e : g.value()->Section(section)) {
      if (!e.regex) continue;  // tables and defines
      EXPECT_TRUE(e.regex->ok()) << e.where << ": " << e.regex->error();
      ++patterns;
    }
  }
  EXPECT_GT(patterns, 150);
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
  const DeclaredSection ok[] = {{"segment.heading", "item", "n"}, {"section.formula", "line", "f"}};
  EXPECT_TRUE(g.value()->CheckDeclared(ok, "grammars").ok());
  const DeclaredSection no_key[] = {{"segment.heading", "no_such_key", ""}};
  Status s = g.value()->CheckDeclared(no_key, "grammars");
  EXPECT_EQ(s.code(), StatusCode::kBadGrammar);
  EXPECT_NE(
      s.message().find("10-record.grammar: section [segment.heading] lacks key 'no_such_key'"),
      std::string::npos)
      << s.message();
}

// A weight that is no number is refused at start-up, naming its file, section and key;
// numbers in any usual spelling pass.
TEST(GrammarTest, AWeightThatIsNoNumberIsRefused) {
  const DeclaredSection weights[] = {{"table.w_weights", "bias", ""}};
  Grammar good;
  ASSERT_TRUE(good.AddText("[table.w_weights]\nbias = -1.5\nother = 2e-3\n", "w.grammar").ok());
  EXPECT_TRUE(good.CheckDeclared(weights, "grammars").ok());
  Grammar bad;
  ASSERT_TRUE(bad.AddText("[table.w_weights]\nbias = -1.5\nother = high\n", "w.grammar").ok());
  Status s = bad.CheckDeclared(weights, "grammars");
  EXPECT_EQ(s.code(), StatusCode::kBadGrammar);
  EXPECT_NE(
      s.message().find("w.grammar: section [table.w_weights] key 'other': 'high' is no number"),
      std::string::npos)
      << s.message();
}

TEST(GrammarTest, MissingDirectoryIsAnError) {
  auto g = Grammar::LoadDirectory("/nonexistent/grammars");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("/nonexistent/grammars"), std::string::npos);
}

}  // namespace
}  // namespace registre
