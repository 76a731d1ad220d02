#include "extract/headings.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace registre {
namespace {

std::vector<HeadingCandidate> Headings(const Document& doc) {
  const Grammar& g = testing::BundledGrammar();
  static const LazyRegex not_title = g.Union({"segment.title"}, "not_title");
  return FindHeadings(doc, g, not_title, WeakTitleWeights(g));
}

// The evidence a weak title is weighed on, by name.
std::map<std::string, double> Evidence(const ScoredTitle& s) {
  std::map<std::string, double> out;
  for (std::size_t f = 0; f < kWeakTitleEvidenceCount; ++f)
    if (s.evidence[f] != 0) out[kWeakTitleEvidence[f]] = s.evidence[f];
  return out;
}

// A title set apart between two votes inside a numbered theme is weighed with what
// surrounds it; with the bundled weights (the rule: no weak title after a rule heading) it
// opens nothing, and weights that favour a title after a decision make it a heading: the
// weights are data read from the grammar.
TEST(HeadingsTest, AWeakTitleIsWeighedOnItsEvidenceAndTheGrammarsWeights) {
  Document doc = testing::MakeDocument(
      "PV\n\n1. Budget :\n\nApprobation du compte de gestion 2020\n\nLe compte est conforme.\n"
      "Vote : pour à l'unanimité\n\nFixation des taux des taxes communales\n\n"
      "Le conseil décide de maintenir les taux.\nVote : pour à l'unanimité\n\nLa séance est "
      "levée.\n");
  const Grammar& g = testing::BundledGrammar();
  const LazyRegex not_title = g.Union({"segment.title"}, "not_title");
  std::vector<ScoredTitle> scored;
  std::vector<HeadingCandidate> c = FindHeadings(doc, g, not_title, WeakTitleWeights(g), &scored);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(doc.Text(c[0].title), "Budget");
  std::vector<std::string> titles;
  for (const ScoredTitle& s : scored) titles.push_back(doc.Text(s.title));
  ASSERT_EQ(titles, (std::vector<std::string>{"Approbation du compte de gestion 2020",
                                              "Fixation des taux des taxes communales"}));
  std::map<std::string, double> first = Evidence(scored[0]), second = Evidence(scored[1]);
  EXPECT_EQ(first.count("after_decision"), 0u);
  EXPECT_EQ(first.count("item_undecided"), 1u);
  EXPECT_EQ(second.count("after_decision"), 1u);
  EXPECT_EQ(second.count("item_undecided"), 0u);
  for (const auto* e : {&first, &second}) {
    EXPECT_EQ(e->count("inside_item"), 1u);
    EXPECT_EQ(e->count("section_decides"), 1u);
    EXPECT_EQ(e->count("blank_before"), 1u);
  }
  EXPECT_LT(scored[1].score, 0);

  std::vector<double> favour(kWeakTitleEvidenceCount, 0);
  favour[0] = -1;  // bias
  for (std::size_t f = 0; f < kWeakTitleEvidenceCount; ++f)
    if (std::string(kWeakTitleEvidence[f]) == "after_decision") favour[f] = 2;
  c = FindHeadings(doc, g, not_title, favour);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1].kind, HeadingKind::kTitle);
  EXPECT_EQ(doc.Text(c[1].title), "Fixation des taux des taxes communales");
  EXPECT_DOUBLE_EQ(c[1].score, 1);
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

// "DE N°1 Title": a rank, read as an item label (no number); a date at a line start
// ("25 FEVRIER 2021 – ...") is no item 25.
TEST(HeadingsTest, ARankIsAnItemAndADateIsNot) {
  Document doc = testing::MakeDocument(
      "ORDRE DU JOUR CONSEIL COMMUNAUTAIRE\n\n25 FEVRIER 2021 – CHAMPENOUX – 18H30\n\n"
      "DE N°1 Renouvellement du contrat carte bancaire\n\nLe conseil approuve.\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(doc.Text(c[0].title), "Renouvellement du contrat carte bancaire");
  EXPECT_TRUE(c[0].number.empty());
}

// A deliberation number whose degree sign was lost in transcription ("DELIBERATION N
// CP/2024/12"); without separators "N 12" stays no number.
TEST(HeadingsTest, ANumberWithoutItsDegreeSign) {
  Document doc = testing::MakeDocument(
      "PV\n\nDELIBERATION N CP/2024/12 - Subvention au club\n\nLe conseil décide.\n\n"
      "Délibération n 12 du conseil\n\nTexte.\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(doc.Text(c[0].number), "CP/2024/12");
  EXPECT_EQ(doc.Text(c[0].title), "Subvention au club");
  for (const HeadingCandidate& h : c) EXPECT_NE(doc.Text(h.number), "12");
}

// "* - Adoption du Procès-verbal ..." with a star bullet is the procedural item.
TEST(HeadingsTest, AStarredApprovalOfTheMinutesIsProcedural) {
  Document doc = testing::MakeDocument(
      "PV\n\nPrésents : M. A.\n\n* - Adoption du Procès-verbal de la séance du 9 février 2009\n"
      ". Pour : 60\n\n1 - Budget\n\nLe conseil décide.\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_FALSE(c.empty());
  EXPECT_TRUE(c[0].procedural);
}

// A long title running into the visas is cut before "Vu", even after a capitalised word;
// "Vu" inside a short title is kept (only titles over the length limit are cut).
TEST(HeadingsTest, ALongTitleIsCutBeforeItsVisas) {
  Document doc = testing::MakeDocument(
      "PV\n\nDE N°2 Création et composition de la Commission Intercommunale des Impôts Directs "
      "Vu le code général des collectivités territoriales, notamment son article 1650 A\n\n"
      "Le conseil approuve.\n\n3 - Travaux Vu Le Jour\n\nLe conseil approuve.\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(doc.Text(c[0].title),
            "Création et composition de la Commission Intercommunale des Impôts Directs");
  EXPECT_EQ(doc.Text(c[1].title), "Travaux Vu Le Jour");
}

// Flattened text: the title runs on into the sentence a civility opens; a title alone on its
// line may end on a name, and a civility after "à" belongs to the title.
TEST(HeadingsTest, ATitleThatRunsOnIsCutBeforeTheCivilityOpeningTheText) {
  Document doc = testing::MakeDocument(
      "PV\n\n1 - Election du bureau du 3 mars 2015 Monsieur le Président donne lecture du "
      "rapport.\n\nLe conseil approuve.\n\n2 - Contrat de travail Mme Durand\n\nLe conseil "
      "approuve.\n\n3 - Indemnité allouée à Madame la Trésorière de la commune qui en fait la "
      "demande\n\nLe conseil approuve.\n");
  std::vector<HeadingCandidate> c = Headings(doc);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(doc.Text(c[0].title), "Election du bureau du 3 mars 2015");
  EXPECT_EQ(doc.Text(c[1].title), "Contrat de travail Mme Durand");
  EXPECT_EQ(doc.Text(c[2].title),
            "Indemnité allouée à Madame la Trésorière de la commune qui en fait la demande");
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
