#include "extract/headings.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace registre {
namespace {

std::vector<HeadingCandidate> Headings(const Document& doc) {
  const Grammar& g = testing::BundledGrammar();
  static const LazyRegex not_title = g.Union({"segment.title"}, "not_title");
  return FindHeadings(doc, g, not_title);
}

TEST(HeadingsTest, NumberedHeadingsGiveTheirNumberAndTitle) {
  Document doc = testing::MakeDocument(
      "Conseil municipal du 23 juillet 2020\n\n2020-038 SUBVENTION EXCEPTIONNELLE\n\n"
      "Le Conseil Municipal après en avoir délibéré, accepte.\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(doc.Text(c[0].number), "2020-038");
  EXPECT_EQ(doc.Text(c[0].title), "SUBVENTION EXCEPTIONNELLE");
  EXPECT_FALSE(c[0].agenda);
}

// The opposite case: a date at the start of running text is no item heading.
TEST(HeadingsTest, ADateInRunningTextIsNoHeading) {
  Document doc = testing::MakeDocument(
      "Le conseil s'est réuni.\n\n31 décembre 2023 le délai est passé et rien n'a été fait.\n");
  EXPECT_TRUE(Headings(doc).empty());
}

TEST(HeadingsTest, CandidatesComeInLineOrder) {
  Document doc = testing::MakeDocument(
      "PV\n\n1/ Taxe d'aménagement\n\nLe conseil décide.\n\n2/ Voirie communale\n\n"
      "Le conseil décide.\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_LT(c[0].line, c[1].line);
}

}  // namespace
}  // namespace registre
