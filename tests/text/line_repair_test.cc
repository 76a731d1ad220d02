#include "text/line_repair.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace registre {
namespace {

// The endings the bundled grammar gives ([table.line_repair]).
const std::vector<std::string> kEndings = {"s", "e", "es"};

MappedText Mapped(const std::string& s) {
  MappedText m;
  for (std::size_t i = 0; i < s.size(); ++i) m.Push(s[i], static_cast<uint32_t>(i));
  return m;
}

std::string Repaired(const std::string& line) {
  MappedText in = Mapped(line), out;
  LineRepairer(in, out, kEndings).Repair(0, line.size());
  EXPECT_EQ(out.src.size(), out.s.size());
  return out.s;
}

TEST(LineRepairTest, LetterSpacedWordsAreRejoined) {
  EXPECT_EQ(Repaired("D E L I B E R E"), "DELIBERE");
  EXPECT_EQ(Repaired("V I L L E  D E  P O R N I C"), "VILLE DE PORNIC");
}

// The opposite case: three short real words stay apart.
TEST(LineRepairTest, ShortWordsStayWords) { EXPECT_EQ(Repaired("il y a à voir"), "il y a à voir"); }

TEST(LineRepairTest, JustificationSplitsAndSpaceRuns) {
  EXPECT_EQ(Repaired("Présent  s   :"), "Présents :");
  EXPECT_EQ(Repaired("  colonne   une     colonne deux "), "colonne une colonne deux");
}

// The endings are the grammar's: without them a split stays apart.
TEST(LineRepairTest, SplitEndingsComeFromTheGivenList) {
  MappedText in = Mapped("Présent  s   :"), out;
  const std::vector<std::string> none;
  LineRepairer(in, out, none).Repair(0, in.s.size());
  EXPECT_EQ(out.s, "Présent s :");
}

TEST(LineRepairTest, AKeptSpaceMapsToTheLastSpaceItReplaces) {
  MappedText in = Mapped("a    b"), out;
  LineRepairer(in, out, kEndings).Repair(0, 6);
  ASSERT_EQ(out.s, "a b");
  EXPECT_EQ(out.src[1], 4u);
}

}  // namespace
}  // namespace registre
