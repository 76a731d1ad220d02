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

// A press article: decision words in running prose, no heading, formula or vote. No
// record, and the warning says the evidence was weak.
TEST(SegmenterTest, DecisionWordsInProseMakeNoRecord) {
  Split s = SplitText(
      "Premières décisions prises\n\nLes conseillers régionaux ont néanmoins décidé de fixer "
      "à 55 le nombre de membres de la commission permanente. Le groupe avait proposé de "
      "réduire ce nombre.\n");
  EXPECT_TRUE(s.seg.records.empty());
  ASSERT_EQ(s.seg.warnings.size(), 1u);
  EXPECT_EQ(s.seg.warnings[0].code, "no_deliberation");
  EXPECT_NE(s.seg.warnings[0].message.find("weak"), std::string::npos);
}

// The opposite case: a headless act with its formula alone on its line is one record.
TEST(SegmenterTest, AHeadlessActWithItsFormulaIsOneRecord) {
  Split s = SplitText(
      "Le Conseil Municipal,\n\nVu le code général des collectivités territoriales,\n\n"
      "DECIDE :\n\nd'approuver la convention.\n");
  ASSERT_EQ(s.seg.records.size(), 1u);
  EXPECT_TRUE(s.seg.warnings.empty());
}

// A vote printed as "acceptée à l'unanimité" in a flattened text is an act too.
TEST(SegmenterTest, AnUnanimousVoteInAHeadlessTextIsOneRecord) {
  Split s = SplitText(
      "Le maire propose la candidature de M. RIOU en qualité de secrétaire de séance, qui est "
      "acceptée à l'unanimité.\n");
  EXPECT_EQ(s.seg.records.size(), 1u);
}

// A report proposing a vote ("Je vous propose de vous prononcer") adopts nothing.
TEST(SegmenterTest, AReportNotYetAdoptedMakesNoRecord) {
  Split s = SplitText(
      "Session de juin 2010\n\nADOPTION DU REGLEMENT INTERIEUR\n\nLe règlement a été adopté lors "
      "de la session du 15 avril. Je vous propose de vous prononcer sur les propositions.\n\n"
      "Le Président\n");
  EXPECT_TRUE(s.seg.records.empty());
}

// Capital initials at line starts in an attendance list are names, not items "b." "f.".
TEST(SegmenterTest, InitialsInAnAttendanceListAreNoItems) {
  Split s = SplitText(
      "COMPTE RENDU\n\nABSENTS EXCUSES AYANT DONNE POUVOIR\n\n"
      "B. BANDZWOLEK (Pouvoir à M. LEMONNIER),\nM. BIGOT (Pouvoir à A. FIDELIN),\n"
      "F. BESOMBES (Pouvoir à A. ECHIVARD),\n\nABSENTS EXCUSES\n\n"
      "C. CADORET, G. CASTEL, I. LE BRIGAND.\n");
  EXPECT_TRUE(s.seg.records.empty());
}

// The opposite case: a run of letter items is a list of items.
TEST(SegmenterTest, ARunOfLetterItemsIsKept) {
  Split s = SplitText(
      "DECISIONS DU MAIRE\n\nb) Régie de recettes Piscine – Création\n\nIl a été institué une "
      "régie. Le conseil décide.\n\nc) Régie d’avances – Création\n\nIl a été institué une "
      "régie. Le conseil décide.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Régie de recettes Piscine – Création",
                                                "Régie d’avances – Création"}));
}

// Beneficiaries of one subsidy and lots of one market, numbered again from 1 or 2 before the
// item's vote, stay inside their item.
TEST(SegmenterTest, SubItemsBeforeTheVoteStayInTheirItem) {
  Split s = SplitText(
      "PROCES-VERBAL\n\n"
      "48 - Attribution de subventions à diverses associations\n\n"
      "Mme X : il est proposé d'attribuer :\n\n2 - La Clé des Chants\n\nUne subvention de 500 "
      "€.\n\n"
      "3 - Césam Migration Santé\n\nUne subvention de 3 000 €.\n\n. Pour : 60\n. Adopté à "
      "l’unanimité.\n\n"
      "49 - Construction du local des Restos du Coeur\n\nLes lots sont attribués :\n\n"
      "1 – Démolition / Gros-Œuvre\n\n2 – Charpente / Couverture\n\n. Pour : 60\n. Adopté à "
      "l’unanimité.\n");
  EXPECT_EQ(s.titles,
            (std::vector<std::string>{"Attribution de subventions à diverses associations",
                                      "Construction du local des Restos du Coeur"}));
}

// The opposite case: after a vote, a numbering that starts again opens new items (a second
// part of the sitting).
TEST(SegmenterTest, ARestartAfterAVoteOpensItems) {
  Split s = SplitText(
      "PROCES-VERBAL\n\n5 - Tarifs de la cantine\n\nTexte.\n\n. Pour : 12\n. Adopté à "
      "l’unanimité.\n\n"
      "1 - Budget annexe de l'eau\n\nTexte.\n\n. Pour : 12\n. Adopté à l’unanimité.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Tarifs de la cantine", "Budget annexe de l'eau"}));
}

// An agenda printed over a page break (so not one run) is a lexicon: its lines that the
// items repeat are set aside, and the items numbered from 1 again are kept.
TEST(SegmenterTest, AgendaLinesRepeatedByTheItemsAreNoRecords) {
  Split s = SplitText(
      "PV\n\nORDRE DU JOUR\n\n1. Tarifications 2016\n2. Prime de Noël aux agents\n\n1\n\n"
      "3. Contribution au syndicat intercommunal\n4. Cession d’une mini-pelle\n______\n\n"
      "1. Tarifications 2016\n\nTexte.\n\nVote : Pour à l’unanimité\n\n"
      "2. Prime de Noël aux agents\n\nTexte.\n\nVote : Pour à l’unanimité\n\n"
      "3. Contribution au syndicat intercommunal\n\nTexte.\n\nVote : Pour à l’unanimité\n\n"
      "4. Cession d’une mini-pelle\n\nTexte.\n\nVote : Pour à l’unanimité\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Tarifications 2016", "Prime de Noël aux agents",
                                                "Contribution au syndicat intercommunal",
                                                "Cession d’une mini-pelle"}));
}

// The document's own title printed as item "1" and the mayor's information are no records;
// the approval of dated minutes is one.
TEST(SegmenterTest, TheDocumentTitleAndInformationAreNoRecords) {
  Split s = SplitText(
      "1 Procès-verbal de la séance du Conseil Municipal\n\nPrésents : MM. A, B.\n\n"
      "A – Informations du Maire :\n\nLe maire indique que trois décisions ont été prises. Le "
      "conseil décide.\n");
  EXPECT_TRUE(s.seg.records.empty());
  Split approval = SplitText(
      "PV\n\n19/1 Procès-verbal de la séance du 7 décembre 2018\n\nAdopté à l'unanimité.\n");
  EXPECT_EQ(approval.titles,
            (std::vector<std::string>{"Procès-verbal de la séance du 7 décembre 2018"}));
}

// "13/ Questions diverses" after "13/ Fréquence des conseils" still closes that item.
TEST(SegmenterTest, QuestionsDiversesWithTheSameNumberStillCloseTheItem) {
  Split s = SplitText(
      "PV\n\n12/ Travaux en forêt\n\nTexte.\n\n12 votes pour\n\n13/ Fréquence des conseils\n\n"
      "Les conseils auront lieu tous les 3 mois.\n\n13/ Questions diverses\n\nRien.\n");
  ASSERT_EQ(s.seg.records.size(), 2u);
  EXPECT_EQ(s.doc.Text(s.seg.records[1].range).find("Questions"), std::string::npos);
}

// A debate transcript: "24 Majorité municipale" in a vote table looks like item 24, but the
// text has no formula, tally, extract mark or attendance. No record, a weak-evidence warning.
TEST(SegmenterTest, ALoneWeakHeadingInATranscriptIsNoRecord) {
  Split s = SplitText(
      "Compte rendu du conseil municipal du 11 juillet 2011\n\nM. MEI : Avez-vous des remarques ? "
      "Non, alors je le soumets au vote.\n\nVOTE\nPOUR   ABSTENTION\n24 Majorité municipale\n"
      "M. Amic\n\nM. Sandillon : Vous nous proposez d’approuver le principe.\n");
  EXPECT_TRUE(s.seg.records.empty());
  ASSERT_EQ(s.seg.warnings.size(), 1u);
  EXPECT_NE(s.seg.warnings[0].message.find("weak"), std::string::npos);
}

// The opposite case: minutes cut before the vote keep their one titled item.
TEST(SegmenterTest, CutMinutesKeepTheirOneWeakItem) {
  Split s = SplitText(
      "CONSEIL MUNICIPAL DU 26 MARS 2021\n\nLe Conseil Municipal s’est réuni sous la présidence "
      "de M. BRARD.\nPrésents : M. BRARD, Mme HUGUES.\n\n"
      "1 - Composition des commissions municipales\n\nPar délibérations du 4 juin 2020, le "
      "conseil");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Composition des commissions municipales"}));
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

TEST(SegmenterRulesTest, TableOfContentsHoldsNoDeliberation) {
  Document doc = testing::MakeDocument(
      "Procès-verbal de la séance publique du Conseil de communauté du 21 mai 2012\nSOMMAIRE\n"
      "Désignation d’un secrétaire de séance (p. 5)\nAppel nominal (p. 5)\n"
      "Approbation du procès-verbal de la séance publique du 19 mars 2012 (p. 5)\n\n"
      "2012-2962 Compte-rendu des décisions prises par le Bureau du 26 mars 2012 (p. 6)\n");
  Segmentation seg = Segmenter(testing::BundledGrammar()).Split(doc);
  EXPECT_TRUE(seg.records.empty());
}

// A rank spelt as an ordinal opens an item ("1 ère DÉLIBÉRATION : Titre"); an initial at a
// line start ("E. DUPONT a donné") and a page counter do not.
TEST(SegmenterTest, AnOrdinalRankOpensAnItem) {
  Split s = SplitText(
      "COMMUNE DE X\nSéance du conseil municipal du 12 mars 2024\n\nPrésents : M. A, M. B\n\n"
      "1 ère DÉLIBÉRATION : Travaux de voirie\n\nLe Maire expose le projet.\nE. DUPONT a "
      "donné son avis.\nLe conseil municipal, après en avoir délibéré, DÉCIDE d'approuver les "
      "travaux.\n\nPage 1/9\n\n2ème délibération - Tarifs de la cantine\n\nLe conseil "
      "municipal, après en avoir délibéré, DÉCIDE de fixer les tarifs.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Travaux de voirie", "Tarifs de la cantine"}));
}

// Number shapes of the unseen documents: the year last, a rank after a code, a code after the
// word "Délibération", three parts; dates in an item's body open nothing.
TEST(SegmenterTest, NumberShapesWithTheYearLastOrACodeFirst) {
  const std::string head = "COMMUNE DE X\nSéance du conseil municipal du 12 mars 2024\n\n";
  const std::string decides =
      "\n\nLe conseil municipal, après en avoir délibéré, DÉCIDE d'approuver.\n\n";
  auto numbers = [&](const std::string& a, const std::string& b) {
    return SplitText(head + a + decides + b + decides).numbers;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(numbers("N°12/2024 Travaux de voirie", "N°13/2024 Tarifs"), (V{"12/2024", "13/2024"}));
  EXPECT_EQ(numbers("07-2024 - Travaux de voirie", "08-2024 - Tarifs"), (V{"07-2024", "08-2024"}));
  EXPECT_EQ(numbers("n°0101 - 3 Travaux de voirie", "n°0101 - 4 Tarifs"),
            (V{"0101 - 3", "0101 - 4"}));
  EXPECT_EQ(numbers("- Délibération A2412 – Travaux", "- Délibération A2413 – Tarifs"),
            (V{"A2412", "A2413"}));
  EXPECT_EQ(numbers("2024-02-003 Travaux de voirie", "2024-02-004 Tarifs"),
            (V{"2024-02-003", "2024-02-004"}));
  Split dated = SplitText(head +
                          "1. Travaux de voirie\n\nLe Maire rappelle :\n03/2024 le "
                          "bureau a reçu le rapport.\n07-2024 la commission a rendu son avis." +
                          decides + "2. Tarifs" + decides);
  EXPECT_EQ(dated.titles, (V{"Travaux de voirie", "Tarifs"}));
}

// A page counter glued before the letterhead of a flattened page ("1 MAIRIE DE X ...
// Présents : ...") is the document's head, not item 1: the sitting's items follow it.
TEST(SegmenterTest, ABareItemThatOpensTheSittingIsTheHead) {
  Split s = SplitText(
      "1 MAIRIE DE TRETS COMPTE RENDU DU CONSEIL MUNICIPAL\n"
      "Présents : M. Jean DUPONT, Mme Anne MARTIN.\n\n"
      "1. Tarifs de la cantine\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n\n"
      "2. Travaux de voirie\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Tarifs de la cantine", "Travaux de voirie"}));
  ASSERT_FALSE(s.seg.trace.empty());
  EXPECT_STREQ(s.seg.trace[0].fate, "sitting_head");
}

// Its opposite: an item whose section decides before any attendance line (an item that
// records a late arrival, "Présents : 12" after the vote) stays an item.
TEST(SegmenterTest, AnItemThatDecidesBeforeNamingThePresentStaysAnItem) {
  Split s = SplitText(
      "Séance du 4 mars 2019\n\n"
      "1. Tarifs de la cantine\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n"
      "Arrivée de M. X. Présents : 12\n\n"
      "2. Travaux de voirie\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Tarifs de la cantine", "Travaux de voirie"}));
}

// Headings of a flattened page carry their item's text on their line: two such items in a
// row are items, not an agenda; two title lines in a row still are an agenda.
TEST(SegmenterTest, HeadingsRunningOnWithTheirTextAreNoAgenda) {
  Split s = SplitText(
      "Séance du 4 mars 2019. Présents : M. A, M. B.\n\n"
      "1. Nomination d'un secrétaire de séance Conformément à l'article L 2121-15, M. Didier "
      "CHARTIER est désigné secrétaire de séance à l'unanimité par le conseil municipal.\n\n"
      "2. Tarifs de la cantine Le conseil municipal, après en avoir délibéré, décide à "
      "l'unanimité de fixer les tarifs de la cantine pour l'année scolaire 2019.\n");
  ASSERT_EQ(s.seg.records.size(), 2u);
  Split agenda = SplitText(
      "Ordre du jour\n1. Tarifs de la cantine\n2. Travaux de voirie\n\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n");
  EXPECT_TRUE(agenda.seg.records.size() < 2u) << agenda.seg.records.size();
}

// A procès-verbal written as Markdown by an OCR tool: its '##' headings, with the number
// sign read as "n²" or written in math mode, open the records.
TEST(SegmenterTest, MarkdownHeadingsOfAnOcrToolOpenRecords) {
  Split s = SplitText(
      "# COMMUNE DE SAINT-MARTIN\n\n## PROCÈS-VERBAL DU CONSEIL MUNICIPAL\n\n"
      "**Présents :** M. Jean DUPONT, Mme Anne MARTIN\n\n"
      "## Délibération n² 2024-01 : Tarifs de la cantine\n\n"
      "Le Conseil Municipal, après en avoir délibéré, **DÉCIDE** à l'unanimité.\n\n"
      "## Délibération $n^{\\circ}$ 2024-02 : Travaux de voirie\n\n"
      "Le Conseil Municipal, après en avoir délibéré, **DÉCIDE** à l'unanimité.\n");
  EXPECT_EQ(s.numbers, (std::vector<std::string>{"2024-01", "2024-02"}));
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Tarifs de la cantine", "Travaux de voirie"}));
}

// A cut procès-verbal: a page counter over the letterhead ("1/14 SYNDICAT ...") is its head,
// and the approval of the minutes on the last line, cut in its title, is its one record.
TEST(SegmenterTest, APageCounterOverTheHeadAndACutApprovalAtTheEnd) {
  Split s = SplitText(
      "1/14 SYNDICAT ENERGIES VIENNE PROCES-VERBAL\n\n"
      "Le Comité s'est réuni le 9 décembre 2014. Présents : M. A, M. B.\n\n"
      "Installation de Mme C.\n\nMme C est installée dans ses fonctions.\n\n"
      "Approbation du compte-rendu de la réunion du Conseil municipal du 23 novembre 2\n");
  ASSERT_EQ(s.seg.records.size(), 1u);
  EXPECT_TRUE(s.seg.records[0].procedural);
  EXPECT_EQ(s.titles[0].rfind("Approbation du compte-rendu", 0), 0u) << s.titles[0];
  // Its opposite: a lone item that decides keeps its heading, attendance under it or not.
  Split item = SplitText(
      "1/2 Tarifs de la cantine\nPrésents : M. A, M. B.\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n");
  ASSERT_EQ(item.seg.records.size(), 1u);
  EXPECT_EQ(item.titles[0], "Tarifs de la cantine");
}

// The agenda printed inside a paragraph (a flattened page) is no candidate; the items
// below it, one a line with nothing between them, repeat its titles: they are the items.
// Their opposite: a recap list after the items repeats the items' own headings and stays
// a list.
TEST(SegmenterTest, ItemsRepeatingAnAgendaPrintedInRunningText) {
  Split s = SplitText(
      "Séance du 4 mars 2021. Présents : M. A, M. B. Ordre du jour : 1) Approbation du "
      "compte-rendu de la réunion du 28 janvier 2021 2) Règlement intérieur du comité "
      "syndical 3) Questions diverses. Le quorum est atteint.\n"
      "1) Approbation du compte - rendu de la réunion du 28 janvier 2021 Adopté.\n"
      "2) Règlement intérieur du comité syndical Le comité approuve à l'unanimité.\n");
  EXPECT_EQ(s.seg.records.size(), 2u);
  Split recap = SplitText(
      "Séance du 4 mars 2021\n\n"
      "2021-01 Approbation du compte-rendu de la réunion du 28 janvier\n\n"
      "Le conseil, après en avoir délibéré, approuve à l'unanimité.\n\n"
      "2021-02 Règlement intérieur du comité syndical\n\n"
      "Le conseil, après en avoir délibéré, approuve à l'unanimité.\n\n"
      "Récapitulatif :\n2021-01 Approbation du compte-rendu de la réunion du 28 janvier\n"
      "2021-02 Règlement intérieur du comité syndical\n");
  EXPECT_EQ(recap.numbers, (std::vector<std::string>{"2021-01", "2021-02"}));
}

// A numbered heading under an item gives it its number when it restates the item; one
// that names another subject is the next item.
TEST(SegmenterTest, ANumberedHeadingUnderAnItemNamingAnotherSubjectIsTheNextItem) {
  Split s = SplitText(
      "Séance du 9 décembre 2024\n\n"
      "- APPROBATION DU PROCÈS-VERBAL DE LA SÉANCE PRÉCÉDENTE\n"
      "Le Conseil Municipal approuve le procès-verbal de la réunion du 4 octobre 2024.\n"
      "- Délibération D202455 – Décision Modificative au budget annexe\n"
      "Voté à l'unanimité.\n");
  EXPECT_EQ(s.numbers, (std::vector<std::string>{"", "D202455"}));
  Split same = SplitText(
      "Séance du 9 décembre 2024\n\n"
      "1 - Tarifs de la cantine\n"
      "Délibération n° 2024-12 : Tarifs de la cantine\n"
      "Le conseil décide à l'unanimité.\n");
  EXPECT_EQ(same.numbers, (std::vector<std::string>{"2024-12"}));
}

// A procès-verbal's affaires numbered 1, 2, 3 are its records even when the decisions the
// mayor took by delegation, read out at the end with their numbers, follow them; those
// decisions and a withdrawn affaire are no records.
TEST(SegmenterTest, AffairesThenTheMayorsDecisionsReadOut) {
  Split s = SplitText(
      "Séance du 24 avril 2014. Présents : M. A, M. B.\n\n"
      "1- Modification du nombre d'Adjoints au Maire\n\nLe conseil adopte à l'unanimité.\n\n"
      "2- AFFAIRE RETIREE\n"
      "3- Election d'un Adjoint au Maire\n\nLe conseil adopte à l'unanimité.\n\n"
      "4- Délégations du Conseil municipal au Maire\n\nLe conseil adopte à l'unanimité.\n\n"
      "Articles L 2122-22 et L 2122-23 du CGCT - Lecture des décisions prises.\n\n"
      "2014/0023 Attribution d'un marché passé selon une procédure adaptée\n"
      "     pour la mission d'assistance.\n\n"
      "2014/0024 Nécessité d'acquérir un logiciel pour la taxe locale\n"
      "     sur la publicité extérieure.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Modification du nombre d'Adjoints au Maire",
                                                "Election d'un Adjoint au Maire",
                                                "Délégations du Conseil municipal au Maire"}));
}

// A short line set apart that holds a sentence's end is running text, not a weak title;
// a title line without one still is.
TEST(SegmenterTest, ALineWithASentenceEndInsideIsNoTitle) {
  Split s = SplitText(
      "Séance du 24 avril 2014\n\n"
      "La synthèse des décisions vous a été distribuée. Il s'agit des marchés\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n\n"
      "Tarifs de la cantine scolaire\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Tarifs de la cantine scolaire"}));
}

// A headless text whose only act is a tally is one record when it is minutes (a labelled
// attendance), not when it is a news article that tells the votes.
TEST(SegmenterTest, ATallyMakesMinutesOneRecordButNotAnArticle) {
  Split minutes = SplitText(
      "Le conseil municipal s'est réuni le 4 mars 2019. Présents : M. A, M. B, Mme C. "
      "Le projet de plan local d'urbanisme est adopté par 11 voix pour et 1 abstention.\n");
  EXPECT_EQ(minutes.seg.records.size(), 1u);
  Split article = SplitText(
      "Le conseil municipal s'est réuni ce lundi 27 mars pour voter les budgets. Les taux "
      "d'imposition ont été approuvés à l'unanimité. D'autres délibérations ont été adoptées "
      "à l'unanimité. La séance a été levée à 22h20.\n");
  EXPECT_TRUE(article.seg.records.empty());
  ASSERT_FALSE(article.seg.warnings.empty());
  EXPECT_EQ(article.seg.warnings[0].code, "no_deliberation");
}

// A title in capitals under a section header in capitals, opening with its visas, is the
// item even when the text is cut before its decision; the agenda bullet that announced it
// is not.
TEST(SegmenterTest, ATitleUnderACapitalsHeaderOpeningWithVisas) {
  Split s = SplitText(
      "Le Conseil Municipal s'est réuni le 6 novembre 2024 autour des points suivants :\n\n"
      "  • Nomination d'un nouveau conseiller municipal\n"
      "  • Nomination d'un référent RGPD\n\n"
      "Approbation à l'unanimité du compte rendu du 4 septembre 2024\n"
      "DELIBERATIONS\n"
      "NOMINATION D'UN NOUVEAU CONSEILLER MUNICIPAL\n\n"
      "Vu le Code Général des Collectivités Territoriales\n"
      "Vu le Code Electoral et notamment l'article L.270\n\n"
      "Considérant le décès de Monsieur X ;\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"NOMINATION D'UN NOUVEAU CONSEILLER MUNICIPAL"}));
}

// A numbered paragraph of a report that opens with a pronoun is a sentence, not an item.
TEST(SegmenterTest, ANumberedSentenceIsNoItem) {
  Split s = SplitText(
      "Rapport du Président\n\n"
      "70) Je vous propose de vous prononcer sur les propositions formulées.\n"
      "Le conseil régional, après en avoir délibéré, approuve à l'unanimité.\n");
  EXPECT_TRUE(s.titles.empty() || s.titles[0].empty()) << s.titles[0];
}

// Titles their decision follows on their own line, after a colon, are items; a decision's
// points ("1) De fixer, à ...") are not items; a label line ("Présents : M. A") is no title.
TEST(SegmenterTest, InlineTitlesFollowedByTheirDecision) {
  Split s = SplitText(
      "Compte rendu du conseil municipal du 17 septembre 2020\n\n"
      "Présents : M. A, M. B. Secrétaire de séance : M. CORDIER\n\n"
      "Subvention : Après en avoir délibéré, le Conseil Municipal décide d'attribuer une "
      "subvention de 1500€ à l'association.\n\n"
      "Les crédits nécessaires sont prévus au budget primitif 2020.\n\n"
      "Délibération portant sur la modification du temps de travail du poste d'Adjoint "
      "technique : Après en avoir délibéré, à l'unanimité le conseil municipal décide\n\n"
      "1)    De fixer, à compter du 1er novembre, le temps de travail à 30 heures.\n"
      "2)    D'autoriser le Maire à signer.\n");
  EXPECT_EQ(s.titles,
            (std::vector<std::string>{"Subvention",
                                      "Délibération portant sur la modification du temps de "
                                      "travail du poste d'Adjoint technique"}));
}

// A theme over an item of another numbering style sets aside the theme only: "A - Demande"
// under "II - COMMUNAUTÉ" is an item, and so is "DEL2025-02" under "1. FINANCES".
TEST(SegmenterTest, AThemeOverAnItemOfAnotherStyle) {
  Split s = SplitText(
      "Séance du 30 juin 2003\n\n"
      "I - APPROBATION DU PROCÈS-VERBAL DE LA RÉUNION DU 30/05/2003\n"
      "Ce procès-verbal est adopté à l'unanimité.\n\n"
      "II - COMMUNAUTÉ D'AGGLOMÉRATION CAEN LA MER\n\n"
      "A - Demande d'adhésion de la Commune de SANNERVILLE\n"
      "Le conseil, après en avoir délibéré, émet un avis favorable à l'unanimité.\n");
  EXPECT_EQ(s.titles,
            (std::vector<std::string>{"APPROBATION DU PROCÈS-VERBAL DE LA RÉUNION DU 30/05/2003",
                                      "Demande d'adhésion de la Commune de SANNERVILLE"}));
}

// Procedural titles listed under "A l'ordre du jour :" with bullet lines between are the
// agenda; an approval under "ORDRE DU JOUR :" that decides on its line is the item.
TEST(SegmenterTest, ProceduralTitlesListedUnderTheAgenda) {
  Split s = SplitText(
      "Séance du 3 juin 2014\nSecrétaire de séance : M. X\nA l'ordre du jour :\no\n"
      "Approbation du compte rendu du conseil communautaire du 23 avril 2014\no\n"
      "Approbation du compte rendu du conseil communautaire du 28 avril 2014\no\n"
      "Création de deux postes de Vice-présidents\no\nQuestions diverses\n"
      "DELIBERATION N° 37-06-14\nAPPROBATION DES COMPTES RENDUS\n"
      "Le conseil, après en avoir délibéré, approuve à l'unanimité.\n");
  EXPECT_EQ(s.numbers, (std::vector<std::string>{"37-06-14"}));
  Split item = SplitText(
      "Séance du 3 décembre 2020\n\nORDRE DU JOUR :\n\n"
      "APPROBATION DU PROCES-VERBAL DU COMITE SYNDICAL DU 10 NOVEMBRE 2020 A L'UNANIMITE\n\n"
      "Le Président propose de rajouter un point à l'ordre du jour : délibération concernant "
      "la facturation du transport scolaire des élèves de la commune.\n");
  EXPECT_EQ(item.seg.records.size(), 1u);
}

// The installation of councillors that nobody votes on is no record; one the assembly
// votes on is.
TEST(SegmenterTest, AnInstallationIsARecordOnlyWhenVoted) {
  Split s = SplitText(
      "Séance du 28 mars 2014\n\n"
      "1. Installation des conseillers municipaux élus le 23 mars 2014\n"
      "Le Maire déclare les conseillers installés dans leurs fonctions.\n\n"
      "2. Election du Maire\n"
      "M. X est élu à la majorité absolue : 14 voix pour.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Election du Maire"}));
  Split voted = SplitText(
      "Séance du 28 mars 2014\n\n"
      "1. Installation du conseil municipal des jeunes\n"
      "Le conseil municipal, après en avoir délibéré, approuve à l'unanimité.\n");
  EXPECT_EQ(voted.seg.records.size(), 1u);
}

// A web page's date line is no numbered heading; a code before the number still is one.
TEST(SegmenterTest, ADateLineIsNoNumberedHeading) {
  Split s = SplitText(
      " date 2023-12 Mediacités publie les 61 délibérations qui seront soumises au vote.\n"
      "Le conseil métropolitain se réunira le 14 décembre.\n");
  EXPECT_TRUE(s.seg.records.empty()) << s.numbers[0];
  Split code = SplitText(
      "DÉLIBÉRATION : DEL 20-86 APPROBATION DES NOUVEAUX STATUTS DU SYNDICAT\n"
      "Le comité syndical, après en avoir délibéré, approuve à l'unanimité.\n");
  EXPECT_EQ(code.numbers, (std::vector<std::string>{"DEL 20-86"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// The lines an "Ordre du jour :" heads, up to the first blank line, list the items: a bullet
// there, though its title is set apart and text that decides follows, is no record. A
// deliberation's number ends the agenda even without a blank line before it.
TEST(SegmenterTest, AnAgendaBlockListsTheItems) {
  Split s = SplitText(
      "COMMUNE DE X\nCompte-rendu de la réunion du Conseil Municipal du 16 septembre 2019\n"
      "Ordre du jour :\n"
      "   - Approbation du compte-rendu du 1er juillet (et non pas du 17 juin)\n"
      "   - Point sur les logements communaux de l'ancienne école\n"
      "   - Transfert compétence eau\n"
      "   - Divers\n\n"
      "Présents : Anne MARTIN, Luc DUPONT\nSecrétaire de séance : Anne MARTIN\n\n"
      "   Le compte-rendu de la réunion du 1er juillet est approuvé à l'unanimité\n\n"
      "La rénovation de l'appartement de l'ancienne école a abouti.\n");
  for (const std::string& title : s.titles) {
    EXPECT_EQ(title.find("Point sur les logements"), std::string::npos) << title;
    EXPECT_EQ(title.find("Approbation du compte-rendu"), std::string::npos) << title;
  }
  s = SplitText(
      "COMPTE RENDU\nA l'ordre du jour :\no\nApprobation du compte rendu du 23 avril 2014\no\n"
      "Création de deux postes de Vice-présidents\no\nQuestions diverses\n"
      "DELIBERATION N° 37-06-14\nCréation de deux postes de Vice-présidents\n"
      "Le conseil communautaire, après en avoir délibéré, décide à l'unanimité.\n");
  EXPECT_EQ(s.numbers, (std::vector<std::string>{"37-06-14"}));
}

// A budget table's rows ("20 Immobilisations incorporelles 54 500,00 24 494,40") open no
// item, though they start with a number and a capitalised word.
TEST(SegmenterTest, RowsOfABudgetTableAreNoItems) {
  Split s = SplitText(
      "Séance du 4 mars 2021\nPrésents : M. A, M. B\n\n"
      "1. Budget primitif 2021\n"
      "Le conseil municipal, après en avoir délibéré, adopte le budget :\n"
      "   INVESTISSEMENT\n   DEPENSES\n"
      "   16    Emprunts et dettes assimilees                        11 100,00     11 089,77\n"
      "   20    Immobilisations incorporelles(sauf le 204)           54 500,00     24 494,40\n"
      "   204   Subventions d'équipement versées                     10 300,00      7 903,33\n"
      "   21    Immobilisations corporelles                         673 530,74    175 228,99\n"
      "   Totaux dépenses                                          1 269 747,59   740 015,18\n"
      "   RECETTES\n"
      "   76    Produits financiers                                        6,34\n\n"
      "2. Tarifs de la cantine\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Budget primitif 2021", "Tarifs de la cantine"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A word alone on its line (a surname a flattened page's columns left behind) is no weak
// title, though a sentence ends before it and the text after it decides; a title of two
// words is one.
TEST(SegmenterTest, AWordAloneIsNoTitle) {
  const std::string head =
      "COMMUNE DE TRONGET\nL'an deux mil vingt-trois, le Conseil Municipal s'est réuni.\n"
      "Présents : Patrick AMATHIEU, Daniel CANTE\nPouvoirs : Annie WEGRZYN à Eléna\n"
      "valablement délibérer.\n";
  const std::string body =
      "\nSecrétaire de séance : Daniel CANTE\nLe Maire expose le projet.\n"
      "Après en avoir délibéré, le Conseil Municipal décide à l'unanimité.\n";
  Split s = SplitText(head + "BARANSKI" + body);
  ASSERT_EQ(s.seg.records.size(), 1u);
  EXPECT_EQ(s.titles, (std::vector<std::string>{""}));
  s = SplitText(head + "Voirie communale" + body);
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Voirie communale"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A title and its vote after a colon on one line is an item of its own ("Procès-verbal de
// la séance du 26 mai 2014 : vote à l'unanimité."); a vote's label and its value ("Vote :
// adopté à l'unanimité.") is none.
TEST(SegmenterTest, ATitleAndItsVoteAfterAColon) {
  const std::string head =
      "REUNION DU CONSEIL MUNICIPAL Séance du lundi 7 juillet 2014\n\n"
      "Membres présents : Renaud Calvat, Magali Nazet\n\n";
  const std::string items =
      "\n\nExamen de l'ordre du jour :\n\n"
      "1 – ADOPTION DU REGLEMENT INTERIEUR\n\n"
      "Le conseil municipal, après en avoir délibéré, adopte le règlement intérieur.\n";
  Split s =
      SplitText(head + "Procès-verbal de la séance du 26 mai 2014 : vote à l'unanimité." + items);
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Procès-verbal de la séance du 26 mai 2014",
                                                "ADOPTION DU REGLEMENT INTERIEUR"}));
  s = SplitText(head + "Vote : adopté à l'unanimité." + items);
  EXPECT_EQ(s.titles, (std::vector<std::string>{"ADOPTION DU REGLEMENT INTERIEUR"}));
  // Its title with its legal basis on one line (a flattened page): the report; the same
  // words in the report's sentence head nothing.
  s = SplitText(
      "CONSEIL MUNICIPAL du jeudi 17 décembre 2020\nÉtaient présents : Bernard GÉRARD, Loïc "
      "CATHELAIN\nDÉCISIONS MUNICIPALES En vertu de l'article L.2122-22 du code général des "
      "collectivités territoriales, le Maire a communiqué au Conseil Municipal les Décisions "
      "Municipales\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"DÉCISIONS MUNICIPALES"}));
  s = SplitText(
      "SEANCE DU CONSEIL MUNICIPAL DU 28 mars 2006\nDECISIONS MUNICIPALES * Le Code Général des "
      "Collectivités Territoriales donne au Maire le pouvoir d'exercer certaines prérogatives. "
      "a) Régie de recettes voyages\nIl a été institué une régie de recettes.\n"
      "b) Régie de recettes Piscine – Création\nIl a été institué une régie.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"DECISIONS MUNICIPALES"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// Numbered items printed before the sitting opens, with nothing decided in between, are the
// convocation's agenda (the text cut before any deliberation: no record); the same items
// after the opening are the deliberations.
TEST(SegmenterTest, ItemsBeforeTheSittingOpensAreItsAgenda) {
  const std::string agenda =
      "CONSEIL MUNICIPAL DU LUNDI 03 JUILLET 2017\n\n"
      "ORDRE DU JOUR : - Adoption du procès-verbal de la séance du 15 Mai 2017\n\n"
      "1. TRAVAUX 1.1 SDE- remplacement d'un mât et lanterne rue Paul Cézanne\n\n"
      "3. FINANCES 3.1 Coûts des services 3.2 Fonds Communautaire de fonctionnement de "
      "l'Agglomération 3.3 Groupement de commandes départemental : produits alimentaires "
      "3.4 Groupement de commandes départemental : produits d'hygiène 3.5 Subventions – "
      "enveloppe complémentaire 3.6 Extension du tarif redevance retard des accueils de "
      "loisirs 3.7 Tarifs de la cantine scolaire pour l'année 2017-2018 3.8 Tarifs de la "
      "garderie périscolaire pour l'année 2017-2018 et des accueils de loisirs 3.9 Admission "
      "en non-valeur de produits irrécouvrables\n\n"
      "6. INTERCOMMUNALITE 6.1 SPL Baie d'Armor Aménagement : renonciation\n\n";
  Split s = SplitText(agenda +
                      "Le Lundi 03 Juillet, le Conseil Municipal s'est réuni en séance ordinaire "
                      "sous la présidence de Monsieur le Maire. Présents : M. A, M. B\n");
  EXPECT_TRUE(s.titles.empty()) << s.titles.front();
  s = SplitText(
      "Le Lundi 03 Juillet, le Conseil Municipal s'est réuni en séance ordinaire.\n"
      "Présents : M. A, M. B\n\n"
      "1. TRAVAUX\n\nLe conseil municipal, après en avoir délibéré, décide les travaux.\n\n"
      "3. FINANCES\n\nLe conseil municipal, après en avoir délibéré, décide les tarifs.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"TRAVAUX", "FINANCES"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A headed report of the decisions taken by delegation is one record, its lettered
// decisions inside it; a line saying there were none ("... : néant") heads nothing.
TEST(SegmenterTest, AHeadedReportOfDelegatedDecisionsIsOneRecord) {
  Split s = SplitText(
      "SEANCE DU CONSEIL MUNICIPAL\nDU 28 mars 2006\nCOMPTE RENDU ANALYTIQUE\n"
      "DECISIONS MUNICIPALES\n*\n"
      "Le Code Général des Collectivités Territoriales donne au Maire le pouvoir d'exercer "
      "certaines prérogatives. L'Assemblée est informée des décisions prises.\n"
      "a) Régie de recettes voyages\nIl a été institué une régie de recettes.\n"
      "b) Régie de recettes Chalet Hôtel - Création\nIl a été institué une régie.\n"
      "c) Régie de recettes Piscine – Création\nIl a été institué une régie.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"DECISIONS MUNICIPALES"}));
  s = SplitText(
      "SEANCE DU CONSEIL MUNICIPAL DU 7 JUILLET 2014\nPrésents : M. A, M. B\n\n"
      "Rappel des décisions municipales intervenues depuis la précédente séance : néant\n\n"
      "1 – ADOPTION DU REGLEMENT INTERIEUR\n\n"
      "Le conseil municipal, après en avoir délibéré, adopte le règlement.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"ADOPTION DU REGLEMENT INTERIEUR"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A presentation or an activity report the council only hears is no record; one it acts
// on is.
TEST(SegmenterTest, APresentationIsARecordOnlyWhenActedOn) {
  const std::string head = "Séance du 4 mars 2023\nPrésents : M. A, M. B\n\n";
  const std::string first =
      "1/ Subventions aux associations :\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n\n";
  Split s = SplitText(head + first +
                      "2/ Présentation du rapport d'activité du SIED70\n"
                      "Le rapport est présenté au conseil.\n\n"
                      "3/ Rapport d'activité du SIAEP\nLe président du syndicat le commente.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Subventions aux associations"}));
  s = SplitText(head + first +
                "2/ Présentation du rapport d'activité du SIED70\n"
                "Le conseil municipal, après en avoir délibéré, prend acte du rapport.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Subventions aux associations",
                                                "Présentation du rapport d'activité du SIED70"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A bullet sets its title apart even under a line that ends no sentence ("Délibérations");
// a bulleted decision ("• Décident d'approuver ...") is the text of its item, not a title.
TEST(SegmenterTest, ABulletSetsItsTitleApart) {
  Split s = SplitText(
      "Séance du lundi 5 avril 2022\nPrésents : M. A, M. B\n\nDélibérations\n"
      "• Approbation du Compte de Gestion 2021\nAccord à la majorité : 10 pour et 2 contre\n"
      "• Affectation du résultat de l'exercice 2021\nAccord à la majorité : 10 pour\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Approbation du Compte de Gestion 2021",
                                                "Affectation du résultat de l'exercice 2021"}));
  s = SplitText(
      "Séance du 3 mars 2020\nPrésents : M. A, M. B\n\nApprobation du compte rendu\n\n"
      "Les membres du Conseil, après en avoir délibéré,\n• Décident d'approuver ladite "
      "délibération\nLa délibération est approuvée à l'unanimité.\n");
  EXPECT_EQ(s.titles, (std::vector<std::string>{"Approbation du compte rendu"}));
}

}  // namespace
}  // namespace registre
