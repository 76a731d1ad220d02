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

// A title wrapped over two lines goes on in lower case, or up to the speaker's line.
TEST(HeadingsTest, AWrappedTitleGoesOnInLowerCaseOrUpToTheSpeaker) {
  Document doc = testing::MakeDocument(
      "PV\n\n13 - Contrat départemental de projet 2004-2009 du Montpelliérain -\n"
      "Programme d’action 2008\nM. SAUREL : Capitale régionale, la Ville assure des fonctions.\n\n"
      "14 - Autorisation de demande de subventions à l'Agence de l'Eau\n"
      "pour mettre en place un traitement\n\nRapporteur : Bernard FAVROLE\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(doc.Text(c[0].title),
            "Contrat départemental de projet 2004-2009 du Montpelliérain - Programme d’action "
            "2008");
  EXPECT_EQ(doc.Text(c[1].title),
            "Autorisation de demande de subventions à l'Agence de l'Eau pour mettre en place un "
            "traitement");
}

// The opposite case: a line that starts the body ("Mme X est désignée") is not the title's
// end, nor is a paragraph ending on a colon.
TEST(HeadingsTest, TheBodyUnderAHeadingIsNotItsTitle) {
  Document doc = testing::MakeDocument(
      "PV\n\n2. Désignation du secrétaire de séance\nMme Jocelyne COUGOULIC est désignée "
      "comme secrétaire\n\n3. Redevance pour occupation du domaine public\nA ce jour les "
      "modalités de calcul de la revalorisation\nsont révisées chaque année :\n\nTexte.\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(doc.Text(c[0].title), "Désignation du secrétaire de séance");
  EXPECT_EQ(doc.Text(c[1].title), "Redevance pour occupation du domaine public");
}

// A vote printed on the title's line is not part of the title.
TEST(HeadingsTest, AVoteOnTheTitleLineIsCutOff) {
  Document doc = testing::MakeDocument(
      "PV\n\nAPPROBATION DU PROCES-VERBAL DU COMITE SYNDICAL DU 10 NOVEMBRE 2020 A "
      "L’UNANIMITE\n\nTexte.\n\n1 - Budget primitif\n\nLe comité décide.\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(doc.Text(c[0].title),
            "APPROBATION DU PROCES-VERBAL DU COMITE SYNDICAL DU 10 NOVEMBRE 2020");
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
