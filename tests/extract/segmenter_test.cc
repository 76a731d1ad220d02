#include "extract/segmenter.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace registre {
namespace {

struct Split {
  Document doc;
  Segmentation seg;
  std::vector<std::string> titles, numbers;
};

Split SplitText(const std::string& text) {
  Split s{testing::MakeDocument(text), {}, {}, {}};
  s.seg = Segmenter(testing::BundledGrammar()).Split(s.doc);
  for (const RecordSegment& r : s.seg.records) {
    s.titles.push_back(s.doc.Text(r.title));
    s.numbers.push_back(s.doc.Text(r.number));
  }
  return s;
}

TEST(SegmenterTest, NumberedHeadingsWithTitlesAndAgendaRecap) {
  Split s = SplitText(
      "Conseil municipal du 23 juillet 2020\nPrésents : M. A, M. B\n\n"
      "2020-038 SUBVENTION EXCEPTIONNELLE\n\nLe Conseil Municipal après en avoir délibéré, "
      "accepte.\n\n"
      "2020-039 DESIGNATION DES MEMBRES DE LA\nCOMMISSION LOCALE\n\nLe conseil municipal désigne "
      ":\n- M. X\n\n"
      "Récapitulatif :\n2020-038 Subvention exceptionnelle\n2020-039 Désignation des membres\n");
  EXPECT_EQ(s.numbers, (std::vector<std::string>{"2020-038", "2020-039"}));
  EXPECT_EQ(s.titles,
            (std::vector<std::string>{"SUBVENTION EXCEPTIONNELLE",
                                      "DESIGNATION DES MEMBRES DE LA COMMISSION LOCALE"}));
  EXPECT_GT(s.seg.head.size(), 0u);
}

TEST(SegmenterTest, NumberedItemsAfterAnAgendaListAndQuestionsDiverses) {
  Split s = SplitText(
      "CR du conseil municipal 24 février 2023\nOrdre du jour\n1/ Taxe\n2/ Voirie\n3/ Questions "
      "diverses\n\n"
      "1/ Délibération reversement taxe d’aménagement :\n\n10 votes pour. 2 Abstentions\n\n"
      "2/ Délibération pour le calcul de la longueur de la voie publique.\n\n12 votes pour\n\n"
      "3/ Questions diverses\n\nRien.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{
                          "Délibération reversement taxe d’aménagement",
                          "Délibération pour le calcul de la longueur de la voie publique"}));
}

TEST(SegmenterTest, ExposeSectionsAndRepeatedPageHeaderStayInOneDeliberation) {
  Split s = SplitText(
      "EXTRAIT DU REGISTRE DES DELIBERATIONS\n\nDélibération n° CP-2023-2459\n\nObjet : Guichet\n\n"
      "Vu le rapport exposant ce qui suit :\n\nI - Contexte\n\nTexte.\n\nII - Objet de "
      "l’avenant\n\n"
      "Délibération n° CP-2023-2459\n\nTexte.\n\nDELIBERE\n\n1° - Approuve.\n");
  ASSERT_EQ(s.seg.records.size(), 1u);
  EXPECT_EQ(s.numbers[0], "CP-2023-2459");
  EXPECT_EQ(s.seg.records[0].range.start, 0u);
}

TEST(SegmenterTest, NoDeliberationGivesAWarningAndNoRecord) {
  Split s = SplitText(
      "CONSEIL COMMUNAUTAIRE\nSEANCE DU 15 SEPTEMBRE 2015\nL’ordre du jour étant le suivant :\n"
      " Présentation du PACT\n PLUi : Plan de financement\n");
  EXPECT_TRUE(s.seg.records.empty());
  ASSERT_FALSE(s.seg.warnings.empty());
  EXPECT_EQ(s.seg.warnings[0].code, "no_deliberation");
}

TEST(SegmenterTest, WeakTitlesNeedADecisionUnderThem) {
  Split s = SplitText(
      "Séance du 18 juin 2015\nPrésents : M. A.\nLe quorum est atteint.\n"
      "Approbation du compte rendu de la dernière réunion :\n"
      "Le Conseil, après en avoir délibéré, approuve à l’unanimité.\n"
      "Informations sur les travaux\nLes travaux avancent bien.\n");
  EXPECT_EQ(s.titles,
            (std::vector<std::string>{"Approbation du compte rendu de la dernière réunion"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

TEST(SegmenterRulesTest, SubPointsInAnotherNumberingAreNotDeliberations) {
  Document doc = testing::MakeDocument(
      "CR du conseil municipal 5 novembre 2021\nPrésents : Jean-Pierre, Yves.\n\n"
      "1/ Recensement voirie communale :\n\nAdopté : 12 voix pour.\n\n"
      "2/ Renouvellement contrat GRDF :\n\n12 votes pour.\n\n"
      "3/ Questions diverses\n\nA/ Conformité de l’adressage :\n\nRien.\n\nB/ Caméra point "
      "vert\n\nÀ voir.\n");
  Segmentation seg = Segmenter(testing::BundledGrammar()).Split(doc);
  ASSERT_EQ(seg.records.size(), 2u);
  EXPECT_EQ(doc.Text(seg.records[1].title), "Renouvellement contrat GRDF");
}

TEST(SegmenterRulesTest, ProceduralItemsStandingAloneAreRecords) {
  Document doc = testing::MakeDocument(
      "SYNDICAT INTERCOMMUNAL DES EAUX\n\nCOMPTE RENDU DE LA REUNION DU 10 DECEMBRE 2019\n\n"
      "Etaient présents : Messieurs Leynaud, Chabal\n\n"
      "Désignation secrétaire de séance : Monsieur Christophe Vignal\n\n"
      "Approbation du Compte rendu du 29/10/2019\n\n"
      "Aucune observation n’étant faite, il est approuvé à l’unanimité des présents\n\n"
      "I Tarifs\n\nPrix du mètre cube d’eau.\n");
  Segmentation seg = Segmenter(testing::BundledGrammar()).Split(doc);
  std::vector<std::string> titles;
  for (const RecordSegment& r : seg.records) titles.push_back(doc.Text(r.title));
  EXPECT_EQ(titles,
            (std::vector<std::string>{"Désignation secrétaire de séance",
                                      "Approbation du Compte rendu du 29/10/2019", "Tarifs"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

TEST(SegmenterRulesTest, TableOfContentsHoldsNoDeliberation) {
  Document doc = testing::MakeDocument(
      "Procès-verbal de la séance publique du Conseil de communauté du 21 mai 2012\nSOMMAIRE\n"
      "Désignation d’un secrétaire de séance (p. 5)\nAppel nominal (p. 5)\n"
      "Approbation du procès-verbal de la séance publique du 19 mars 2012 (p. 5)\n\n"
      "2012-2962 Compte-rendu des décisions prises par le Bureau du 26 mars 2012 (p. 6)\n");
  Segmentation seg = Segmenter(testing::BundledGrammar()).Split(doc);
  EXPECT_TRUE(seg.records.empty());
}

}  // namespace
}  // namespace registre
