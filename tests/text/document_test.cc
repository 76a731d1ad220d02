#include "text/document.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace registre {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  NormalisedText n;
  n.text = text;
  n.folded = Fold(text);
  Document doc(std::move(n));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc.lines().size(); ++i) out.emplace_back(doc.LineFolded(i));
  return out;
}

// Lines end at each line break and at the end of the text: the rules and the line tables
// of every stage index these, so a trailing or doubled break must keep its empty line.
TEST(DocumentTest, LinesEndAtEachBreakAndAtTheEnd) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Lines("Vu le code\nDÉLIBÈRE"), (V{"vu le code", "delibere"}));
  EXPECT_EQ(Lines("a\n"), (V{"a", ""}));
  EXPECT_EQ(Lines("a\n\nb"), (V{"a", "", "b"}));
  EXPECT_EQ(Lines("\n"), (V{"", ""}));
  EXPECT_EQ(Lines(""), (V{""}));
}

// A line is blank when it is empty or holds only spaces; Text folds breaks and spaces.
TEST(DocumentTest, BlankLinesAndTextOfARange) {
  NormalisedText n;
  n.text = "Vu le code\n   \n\nDÉLIBÈRE  :\n x";
  n.folded = Fold(n.text);
  Document doc(std::move(n));
  std::vector<bool> blank;
  for (std::size_t i = 0; i < doc.lines().size(); ++i) blank.push_back(doc.LineBlank(i));
  EXPECT_EQ(blank, (std::vector<bool>{false, true, true, false, false}));
  EXPECT_EQ(doc.Text(Range{0, doc.folded().size()}), "Vu le code DÉLIBÈRE : x");
  EXPECT_EQ(doc.Text(Range{3, 3}), "");
}

}  // namespace
}  // namespace registre
