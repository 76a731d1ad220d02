#include "extract/agenda.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace registre {
namespace {

// The candidates of `text` after the agenda pass: true where a candidate is set aside.
std::vector<bool> Agenda(const std::string& text) {
  Document doc = testing::MakeDocument(text);
  const Grammar& g = testing::BundledGrammar();
  static const LazyRegex not_title = g.Union({"segment.title"}, "not_title");
  std::vector<HeadingCandidate> c = FindHeadings(doc, g, not_title, WeakTitleWeights(g));
  MarkAgendas(doc, g, &c);
  std::vector<bool> out;
  for (const HeadingCandidate& h : c) out.push_back(h.agenda);
  return out;
}

TEST(AgendaTest, ARunOfHeadingsWithNothingBetweenIsAList) {
  EXPECT_EQ(Agenda("Ordre du jour\n1/ Taxe\n2/ Voirie\n3/ Budget\n\n"
                   "1/ Taxe d'aménagement\n\nLe conseil décide.\n\n"
                   "2/ Voirie communale\n\nLe conseil décide.\n"),
            (std::vector<bool>{true, true, true, false, false}));
}

// The opposite case: headings with text between them are deliberations.
TEST(AgendaTest, HeadingsWithTextBetweenAreKept) {
  EXPECT_EQ(Agenda("PV\n\n1/ Taxe d'aménagement\n\nLe conseil décide.\n\n"
                   "2/ Voirie communale\n\nLe conseil décide.\n"),
            (std::vector<bool>{false, false}));
}

// "1/" after "3/" restarts the numbering: the list ends there.
TEST(AgendaTest, ARestartEndsTheList) {
  std::vector<bool> a =
      Agenda("Ordre du jour\n1/ Taxe\n2/ Voirie\n\n1/ Taxe d'aménagement\n\nLe conseil décide.\n");
  ASSERT_EQ(a.size(), 3u);
  EXPECT_FALSE(a[2]);
}

// A heading that names itself an item ("POINT" ending the line above after reflow) is never
// a sub-point, whatever its number.
TEST(AgendaTest, AnExplicitPointIsNoSubItem) {
  EXPECT_EQ(Agenda("PV\n\n5. Election des adjoints au maire\n\nTexte sans vote. POINT\n"
                   "2 - Formation du bureau\n\nTexte.\n"),
            (std::vector<bool>{false, false}));
}

// The opposite case: the same restart without the word is a sub-point of item 5.
TEST(AgendaTest, ARestartBeforeTheVoteIsASubItem) {
  EXPECT_EQ(Agenda("PV\n\n5. Election des adjoints au maire\n\nTexte sans vote.\n\n"
                   "2 - Formation du bureau\n\nTexte.\n"),
            (std::vector<bool>{false, true}));
}

// Two items whose long titles share their first words are two items, not a list entry and
// its repeat.
TEST(AgendaTest, TitlesSharingTheirStartAreNoRepeat) {
  EXPECT_EQ(Agenda("PV\n\n79 - Méthode et durées d'amortissement du Budget Principal\n\n"
                   "Texte.\n\n. Pour : 54\n\n"
                   "80 - Méthode et durées d'amortissement du Budget Annexe de l'Eau\n\nTexte.\n"),
            (std::vector<bool>{false, false}));
}

}  // namespace
}  // namespace registre
