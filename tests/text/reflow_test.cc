#include "text/reflow.h"

#include <gtest/gtest.h>

#include <string>

#include "support/test_support.h"

namespace registre {
namespace {

using testing::BundledGrammar;
using testing::BundledTextRules;

NormalisedText Normalised(const std::string& text) {
  SourceText source;
  source.text = text;
  source.format = "text";
  return Normalise(source, BundledTextRules());
}

std::string Unwrapped(const std::string& text) {
  NormalisedText n = Normalised(text);
  Unwrap(BundledGrammar(), testing::BundledTextRules(), &n);
  // The folded view follows: its line breaks are where the text's are.
  EXPECT_EQ(std::count(n.text.begin(), n.text.end(), '\n'),
            std::count(n.folded.text.begin(), n.folded.text.end(), '\n'));
  return n.text;
}

// A text cut at 60 columns: the breaks fall where the next word did not fit.
const char kWrapped[] =
    "Procurations : M. DESMASURES Jean-Claude à Mme LAURENT\n"
    "Sophie, M. DANGUY Sébastien à M. VIEL Bernard, Mme DESVOL\n"
    "Émilie à M. GIROULT David.\n"
    "Secrétaire de séance : M. MARTIN Henri, adjoint au maire\n"
    "de la commune.\n";

TEST(UnwrapTest, JoinsTheLinesHardWrappingCut) {
  EXPECT_EQ(Unwrapped(kWrapped),
            "Procurations : M. DESMASURES Jean-Claude à Mme LAURENT Sophie, M. DANGUY "
            "Sébastien à M. VIEL Bernard, Mme DESVOL Émilie à M. GIROULT David.\n"
            "Secrétaire de séance : M. MARTIN Henri, adjoint au maire de la commune.");
}

TEST(UnwrapTest, JoinsAHeadingInCapitalsAndAYearCutOff) {
  EXPECT_EQ(Unwrapped("SYNDICAT INTERCOMMUNAL DE DISTRIBUTION D'EAU POTABLE DU\n"
                      "VAL SAINT CYR\n"
                      "Affectation du résultat de l'exercice 2021 à l'exercice\n"
                      "2022 au budget du syndicat, adoptée à l'unanimité."),
            "SYNDICAT INTERCOMMUNAL DE DISTRIBUTION D'EAU POTABLE DU VAL SAINT CYR\n"
            "Affectation du résultat de l'exercice 2021 à l'exercice 2022 au budget du "
            "syndicat, adoptée à l'unanimité.");
}

TEST(UnwrapTest, AnInitialOrACivilityEndsNoSentence) {
  EXPECT_EQ(Unwrapped("P. BANIEL, M. BAQUÉ, O. BELLEC, M. COTTEN, A. CREMERS, D.\n"
                      "DERVOUT, S. DOUX, A. ECHIVARD, A. FICHOU, M. GUERNALEC, M.\n"
                      "HELWIG."),
            "P. BANIEL, M. BAQUÉ, O. BELLEC, M. COTTEN, A. CREMERS, D. DERVOUT, S. DOUX, A. "
            "ECHIVARD, A. FICHOU, M. GUERNALEC, M. HELWIG.");
  // A civility ends no line: the name in capitals after it joins.
  EXPECT_EQ(Unwrapped("POUVOIRS : Monsieur CZARNECKI à Madame MARTY, Monsieur LENOIR à Madame\n"
                      "DEVALLIERE"),
            "POUVOIRS : Monsieur CZARNECKI à Madame MARTY, Monsieur LENOIR à Madame DEVALLIERE");
  // The opposite case: a sentence's full stop keeps the break.
  const std::string sentence =
      "Le conseil municipal approuve le compte rendu de la séance.\n"
      "Le maire présente ensuite le budget primitif de la commune.";
  EXPECT_EQ(Unwrapped(sentence), sentence);
}

TEST(UnwrapTest, KeepsTheBreakBeforeALabelAnItemOrAHeading) {
  // Each line is full, but the next one opens a unit of its own.
  const std::string text =
      "L'ordre du jour de la séance est le suivant et sera suivi\n"
      "Secrétaire de séance : M. MARTIN Henri, adjoint au maire\n"
      "- approbation du procès-verbal de la séance précédente du\n"
      "1) budget primitif de la commune pour l'exercice qui vient\n"
      "DELIBERATION N° 12 BUDGET PRIMITIF DE LA COMMUNE DE VILLE\n"
      "Vu le code général des collectivités territoriales, article\n"
      "Considérant que la commune doit délibérer sur ce point précis";
  EXPECT_EQ(Unwrapped(text), text);
}

// A flattened list hard-wrapped: an item's label after a full line that ends no unit, a
// label's "2." at a line's end, a list of names in capitals going on after a comma are
// all joined, so that the list reads as it does unwrapped.
TEST(UnwrapTest, JoinsAFlattenedListCutAnywhere) {
  std::string out = Unwrapped(
      "adressée par le Maire, conformément à l'article L.2122-8 du\n"
      "CGCT. Conseiller présents : 1. SCHELLENBERGER Raphaël 2.\n"
      "BLASER Stéphanie 3. TALAMONA Jean-Pierre 4. SOEHNLEN Corine\n"
      "5. ERMEL Matthieu 6. MACCORIN Christine 7. SARLIN Christian");
  EXPECT_NE(out.find("Raphaël 2. BLASER"), std::string::npos) << out;
  EXPECT_NE(out.find("Corine 5. ERMEL"), std::string::npos) << out;
  out = Unwrapped(
      "en exercice, à l'exception de : Mesdames C MEGRET, D\n"
      "LEVESQUE, S BONIFACE, V THIEBAUT, MC BOUCAU, THUEUX, TETART,\n"
      "V TEMPLEUX Messieurs A CHAUSSOY, R CARON, P MORELLE, J");
  EXPECT_NE(out.find("TETART, V TEMPLEUX"), std::string::npos) << out;
}

TEST(UnwrapTest, KeepsBreaksTheNextWordWouldHaveFitted) {
  // Short lines of a title block: the break was the author's.
  const std::string text =
      "COMMUNE DE SAINT-MARTIN\n"
      "Séance du conseil municipal\n"
      "du 12 mai 2023 à 20 heures, salle du conseil de la mairie\n"
      "Présents : M. DUPONT, Mme DURAND";
  EXPECT_EQ(Unwrapped(text), text);
}

TEST(UnwrapTest, LeavesTextWithLongLinesAlone) {
  // A line longer than [table.reflow] max_wrap: the text was not wrapped at a fixed width.
  std::string text = "Le conseil municipal, après en avoir délibéré, approuve le\nprojet ";
  for (int i = 0; i < 20; ++i) text += "de convention ";
  EXPECT_EQ(Unwrapped(text), text.substr(0, text.size() - 1));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

std::string Reflowed(const std::string& text) {
  NormalisedText n = Normalised(text);
  Reflow(testing::BundledGrammar(), &n);
  return n.text;
}

// A flattened page (one line over [table.reflow] min_line): a procedural title opens its
// own line where it starts with a capital, never after its item label nor inside a sentence.
TEST(ReflowTest, ProceduralTitlesAndBulletsOpenLinesInAFlattenedPage) {
  const std::string filler(600, 'x');
  std::string text = "COMPTE RENDU " + filler +
                     " la séance est ouverte Désignation du secrétaire de séance : M. Paul "
                     "MARTIN I - Approbation du procès-verbal du 3 mars le conseil procède à "
                     "l'approbation du compte rendu • Tarifs de la cantine";
  std::string out = Reflowed(text);
  EXPECT_NE(out.find("ouverte\nDésignation du secrétaire"), std::string::npos) << out;
  EXPECT_NE(out.find("I - Approbation du procès-verbal"), std::string::npos) << out;
  EXPECT_NE(out.find("procède à l'approbation du compte rendu"), std::string::npos) << out;
  EXPECT_NE(out.find("\n• Tarifs"), std::string::npos) << out;
}

// A vote's result opens its line in a flattened page, after a title ending with a year and
// a colon too (a year is no item label); not inside a sentence.
TEST(ReflowTest, AVoteResultOpensALineAfterItsTitle) {
  const std::string filler(600, 'x');
  std::string out = Reflowed("COMPTE RENDU " + filler +
                             " Secrétaire de séance : PERRONE Danièle. Approbation du compte "
                             "rendu du 28 février 2022 : Approbation à la majorité : 10 pour et 5 "
                             "contre. • Affectation du résultat Accord à la majorité : 10 pour. Le "
                             "texte est adopté à l'unanimité.");
  EXPECT_NE(out.find("2022 :\nApprobation à la majorité"), std::string::npos) << out;
  EXPECT_NE(out.find("résultat\nAccord à la majorité"), std::string::npos) << out;
  EXPECT_NE(out.find("est adopté à l'unanimité"), std::string::npos) << out;
}

// A report of delegated decisions headed in capitals opens its line in a flattened page;
// the same words inside a sentence do not.
TEST(ReflowTest, ADelegatedDecisionsTitleInCapitalsOpensALine) {
  const std::string filler(600, 'x');
  std::string out = Reflowed("CONSEIL MUNICIPAL " + filler +
                             " ayant donné pouvoir à Bernard GÉRARD --- oOo --- DÉCISIONS "
                             "MUNICIPALES En vertu de l'article L.2122-22, le Maire a communiqué "
                             "au Conseil Municipal les Décisions Municipales suivantes");
  EXPECT_NE(out.find("oOo ---\nDÉCISIONS MUNICIPALES En vertu"), std::string::npos) << out;
  EXPECT_NE(out.find("les Décisions Municipales suivantes"), std::string::npos) << out;
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// An item label opens a line in a flattened page, after a date's year too; the last group of
// a phone number followed by a dash and a capital is no label.
TEST(ReflowTest, ItemLabelsButNotAPhoneNumbersLastGroup) {
  const std::string filler(600, 'x');
  std::string out = Reflowed("MAIRIE " + filler +
                             " Tél. 01 30 39 94 36 - Télécopie 01 30 39 94 64 la réunion du 28 "
                             "janvier 2021 2) Règlement intérieur du comité");
  EXPECT_NE(out.find("94 36 - Télécopie"), std::string::npos) << out;
  EXPECT_NE(out.find("2021\n2) Règlement"), std::string::npos) << out;
  // A label glued to its title opens a line too; not a parenthesis closing a number.
  out =
      Reflowed("MAIRIE " + filler + " adopté à l'unanimité. 1)Approbation des comptes (art. 12)de");
  EXPECT_NE(out.find("\n1)Approbation"), std::string::npos) << out;
  EXPECT_NE(out.find("(art. 12)de"), std::string::npos) << out;
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// In a flattened page a Roman label without its dash opens a line before a title in
// capitals; an initial inside a list of names ("…, V. KERGOURLAY") opens none, nor does a
// Roman letter before a word in lower case.
TEST(ReflowTest, RomanLabelBeforeCapitalsButNotAnInitialInAList) {
  const std::string filler(600, 'x');
  std::string out = Reflowed("MAIRIE " + filler +
                             " Secrétaire : M. AZZOPARDI I ADOPTION DU PROCES-VERBAL Le "
                             "procès-verbal est adopté. Présents : M. LE GALL, V. KERGOURLAY, "
                             "J. RAZER, I. LE BRIGAND et la commune de Vic I Pays");
  EXPECT_NE(out.find("AZZOPARDI\nI ADOPTION"), std::string::npos) << out;
  EXPECT_NE(out.find("GALL, V. KERGOURLAY, J. RAZER, I. LE BRIGAND"), std::string::npos) << out;
  EXPECT_NE(out.find("Vic I Pays"), std::string::npos) << out;
}

// "Après en avoir délibéré" opens a line in a flattened page, but not after a colon: there it
// is the act a title announces ("Subvention : Après en avoir délibéré, ...").
TEST(ReflowTest, TheActAfterATitlesColonStaysOnItsLine) {
  const std::string filler(600, 'x');
  std::string out = Reflowed("MAIRIE " + filler +
                             " sans observation. Subvention : Après en avoir délibéré, le "
                             "Conseil décide. Le Maire expose le projet Après en avoir "
                             "délibéré, le Conseil approuve.");
  EXPECT_NE(out.find("Subvention : Après en avoir délibéré"), std::string::npos) << out;
  EXPECT_NE(out.find("projet\nAprès en avoir délibéré"), std::string::npos) << out;
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

std::string LabelsJoined(const std::string& text) {
  NormalisedText n = Normalised(text);
  JoinLoneLabels(testing::BundledGrammar(), &n);
  EXPECT_EQ(std::count(n.text.begin(), n.text.end(), '\n'),
            std::count(n.folded.text.begin(), n.folded.text.end(), '\n'));
  return n.text;
}

// "1." alone on its line over its title is one heading; a bare number (a page's, a table
// cell's), a label before lower case and a label at a page's foot are left alone.
TEST(JoinLoneLabelsTest, ALabelAloneOpensTheTitleUnderIt) {
  EXPECT_EQ(LabelsJoined("texte.\n\n1.\n\nDemande de subvention\nMadame le Maire\n"),
            "texte.\n\n1.  Demande de subvention\nMadame le Maire");
  EXPECT_EQ(LabelsJoined("II -\nFINANCES\n"), "II - FINANCES");
  EXPECT_EQ(LabelsJoined("Pour\n12\nAbstentions\n"), "Pour\n12\nAbstentions");
  EXPECT_EQ(LabelsJoined("a)\nle conseil décide\n"), "a)\nle conseil décide");
  std::string paged = LabelsJoined("fin de page\n3.\n\fPrésents : M. A\n");
  EXPECT_NE(paged.find("3.\n"), std::string::npos) << paged;
}

}  // namespace
}  // namespace registre
