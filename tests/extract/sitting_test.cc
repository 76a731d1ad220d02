#include "extract/sitting.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace registre {
namespace {

Sitting Read(const Document& doc) {
  static const FrenchWords words(testing::BundledGrammar());
  static const PersonParser persons(testing::BundledGrammar());
  SittingReader reader(testing::BundledGrammar(), words, persons);
  return reader.Read(doc, Range{0, doc.folded().size()});
}

std::vector<std::string> Names(const std::vector<Person>& list) {
  std::vector<std::string> out;
  for (const Person& p : list) out.push_back(p.name);
  return out;
}

TEST(SittingReaderTest, HeadOfAMunicipalCouncil) {
  Document doc = testing::MakeDocument(
      "COMMUNE DE LACHAMP-RIBENNES\nREUNION DU CONSEIL MUNICIPAL\nLundi 25 novembre 2019 à 20 h "
      "30\n"
      "Date de convocation : 18.11.2019\nNombre de membres en exercice : 19\nPrésents : "
      "16\nVotants: 17\n\n"
      "Sont présents :Maxime AVININ, Nathalie BONNAL, Jacques BOULAGNON,\n\n"
      "Représentés :Mireille MEISSONNIER par Marianne MOULIN,\n\nExcusés :\n\n"
      "Absents : Jean-Luc DURAND, André VACHER,\n\nSecrétaire de séance : Nathalie BONNAL,\n");
  Sitting s = Read(doc);
  EXPECT_EQ(s.authority, "COMMUNE DE LACHAMP-RIBENNES");
  EXPECT_EQ(s.authority_type, "commune");
  EXPECT_EQ(s.assembly_kind, "conseil_municipal");
  EXPECT_EQ(s.date, "2019-11-25");
  EXPECT_EQ(s.convocation_date, "2019-11-18");
  EXPECT_EQ(s.attendance.members_in_office, 19);
  EXPECT_EQ(s.attendance.present_count, 16);
  EXPECT_EQ(s.attendance.voting_count, 17);
  EXPECT_EQ(Names(s.attendance.present),
            (std::vector<std::string>{"Maxime AVININ", "Nathalie BONNAL", "Jacques BOULAGNON"}));
  ASSERT_EQ(s.attendance.excused.size(), 1u);
  EXPECT_EQ(s.attendance.excused[0].proxy_to->name, "Marianne MOULIN");
  EXPECT_EQ(Names(s.attendance.absent),
            (std::vector<std::string>{"Jean-Luc DURAND", "André VACHER"}));
  EXPECT_EQ(Names(s.secretaries), (std::vector<std::string>{"Nathalie BONNAL"}));
}

// A record of a procès-verbal reads only what the sitting's head left empty; its own
// attendance is always read.
TEST(SittingReaderTest, KnownFieldsAreNotReadAgain) {
  Document doc = testing::MakeDocument(
      "COMMUNE DE LACHAMP-RIBENNES\nREUNION DU CONSEIL MUNICIPAL\nLundi 25 novembre 2019 à 20 h "
      "30\n"
      "Sous la présidence de M. Jean DUPONT\n\nSont présents : Maxime AVININ, Nathalie BONNAL\n");
  static const FrenchWords words(testing::BundledGrammar());
  static const PersonParser persons(testing::BundledGrammar());
  SittingReader reader(testing::BundledGrammar(), words, persons);
  Sitting known;
  known.authority = "Commune de X";
  known.date = "2019-11-25";
  known.convocation_date = "2019-11-18";
  Sitting s = reader.Read(doc, Range{0, doc.folded().size()}, &known);
  EXPECT_EQ(s.authority, "");                  // the head has it
  EXPECT_EQ(s.date, "");                       // both dates known: not read
  EXPECT_EQ(s.assembly, "CONSEIL MUNICIPAL");  // the head lacks it: read
  EXPECT_EQ(s.time, "20:30");
  ASSERT_TRUE(s.president.has_value());
  EXPECT_EQ(Names(s.attendance.present),
            (std::vector<std::string>{"Maxime AVININ", "Nathalie BONNAL"}));
  Sitting all = reader.Read(doc, Range{0, doc.folded().size()});
  EXPECT_EQ(all.authority, "COMMUNE DE LACHAMP-RIBENNES");
  EXPECT_EQ(all.date, "2019-11-25");
}

TEST(SittingReaderTest, DateInWordsPresidentAndProxiesLabel) {
  Document doc = testing::MakeDocument(
      "L’an deux mille vingt et un, le vendredi vingt-six mars à 19 h 30, le Conseil Municipal de "
      "Pornic, sur convocation régulière en date du 19 mars 2021, s’est réuni sous la Présidence "
      "de "
      "M. BRARD, Maire.\nPouvoirs : Mme Anne GOUDY donne pouvoir à M. Jean MONTAVILLE.\n");
  Sitting s = Read(doc);
  EXPECT_EQ(s.date, "2021-03-26");
  EXPECT_EQ(s.convocation_date, "2021-03-19");
  ASSERT_TRUE(s.president);
  EXPECT_EQ(s.president->name, "BRARD");
  EXPECT_EQ(s.authority, "Commune de Pornic");
  ASSERT_EQ(s.attendance.excused.size(), 1u);
  EXPECT_EQ(s.attendance.excused[0].name, "Anne GOUDY");
}

TEST(SittingReaderTest, TimeAndPlaceOfTheSitting) {
  Document words = testing::MakeDocument(
      "L’an deux mil onze, le jeudi 12 mai, à vingt heures trente, le Conseil Municipal s’est "
      "réuni "
      "dans la salle des fêtes de la\nCommune de Monceaux au Perche sous la présidence de M. X.\n"
      "Mme Y (arrivée à 20 heures 50).\n");
  Sitting a = Read(words);
  EXPECT_EQ(a.time, "20:30");
  EXPECT_EQ(a.place, "la salle des fêtes de la Commune de Monceaux au Perche");
  Document figures = testing::MakeDocument(
      "Le 9 FEVRIER 2021 à 20 H 30 le Conseil Municipal, légalement convoqué, s’est réuni à la "
      "Salle du Rex de SOURDEVAL sous la présidence de Mme Sophie LAURENT, Maire.\n");
  Sitting b = Read(figures);
  EXPECT_EQ(b.time, "20:30");
  EXPECT_EQ(b.place, "la Salle du Rex de SOURDEVAL");
}

TEST(SittingReaderTest, AgglomerationNamedBeforeItsKind) {
  Document doc = testing::MakeDocument(
      "PROCES VERBAL\nL'an deux mille vingt et un, le 28 octobre à 18 h 00, les conseillers "
      "communautaires de Roannais Agglomération, se sont réunis à Roanne.\n");
  Sitting s = Read(doc);
  EXPECT_EQ(s.authority, "Roannais Agglomération");
  EXPECT_EQ(s.authority_type, "communaute");
  EXPECT_EQ(s.date, "2021-10-28");
}

// The date in the sentence opening the sitting wins over a page header's or a post's date
// printed above it; a publication date ("rendu exécutoire le") is never the sitting's.
TEST(SittingReaderTest, SittingFormulaDateBeatsHeaderDates) {
  Document doc = testing::MakeDocument(
      "lundi 12 octobre 2020\nActe rendu exécutoire le 2 octobre 2020\n\n"
      "L'an deux mille vingt, le dix sept septembre, à vingt et une heures, le Conseil "
      "Municipal, légalement convoqué, s'est réuni à la Mairie sous la présidence du Maire, "
      "Jean DUPONT.\nDate de convocation : 9 septembre 2020\n");
  Sitting s = Read(doc);
  EXPECT_EQ(s.date, "2020-09-17");
  EXPECT_TRUE(s.date_in_formula);
  EXPECT_EQ(s.convocation_date, "2020-09-09");
  ASSERT_TRUE(s.president);
  EXPECT_EQ(s.president->name, "Jean DUPONT");
}

// Without a sitting sentence the first date that is no convocation or publication is the
// sitting's; "sous la présidence du Maire" names nobody.
TEST(SittingReaderTest, FirstDateWithoutSittingFormula) {
  Document doc = testing::MakeDocument(
      "Affiché le 30 mars 2021\nSÉANCE DU 26 MARS 2021\nLa séance se tient sous la présidence "
      "du Maire.\n");
  Sitting s = Read(doc);
  EXPECT_EQ(s.date, "2021-03-26");
  EXPECT_FALSE(s.date_in_formula);
  EXPECT_FALSE(s.president.has_value());
}

std::string AuthorityOf(const std::string& text) {
  static const FrenchWords words(testing::BundledGrammar());
  static const PersonParser persons(testing::BundledGrammar());
  SittingReader reader(testing::BundledGrammar(), words, persons);
  Document doc = testing::MakeDocument(text);
  std::string type;
  return reader.ReadAuthority(doc, Range{0, doc.folded().size()}, &type);
}

TEST(SittingReaderTest, AuthorityNamesOfManyWords) {
  EXPECT_EQ(AuthorityOf("Le Conseil Municipal de la Commune de SAINT MARTIN DE LA PLAINE, "
                        "dûment convoqué, s'est réuni."),
            "Commune de SAINT MARTIN DE LA PLAINE");
  EXPECT_EQ(AuthorityOf("COMMUNE DE LE VAL\nSéance du 3 mars 2021\n"), "COMMUNE DE LE VAL");
  EXPECT_EQ(AuthorityOf("COMMUNE LE VAL PROCES-VERBAL DU CONSEIL\n"), "COMMUNE LE VAL");
  EXPECT_EQ(AuthorityOf("Communauté de communes Val Vert\nConseil communautaire\n"),
            "Communauté de communes Val Vert");
  EXPECT_EQ(AuthorityOf("SIVOM de la Vallée Verte\nComité syndical du 3 mars\n"),
            "SIVOM de la Vallée Verte");
  EXPECT_EQ(AuthorityOf("Syndicat mixte du Pays Vert Z.I des Landes, 32000 AUCH\n"),
            "Syndicat mixte du Pays Vert");
}

// The opposite cases: a meeting place, a weekday, a kind without a name.
TEST(SittingReaderTest, PlacesWeekdaysAndKindsAreNoAuthority) {
  EXPECT_EQ(AuthorityOf("SYNDICAT INTERCOMMUNAL DES EAUX DU VAL PROCES VERBAL DE LA REUNION du "
                        "16 juin 2015. Le Comité Syndical s'est réuni en la mairie de BAPAUME."),
            "SYNDICAT INTERCOMMUNAL DES EAUX DU VAL");
  EXPECT_EQ(AuthorityOf("Le Comité s'est réuni en la mairie de BAPAUME."), "");
  EXPECT_EQ(AuthorityOf("Compte rendu du Conseil Municipal du Lundi 12 mars 2021\n"), "");
  EXPECT_EQ(AuthorityOf("Le rapport de la Communauté de Communes a été lu.\n"), "");
}

TEST(SittingReaderTest, AnAbsentMemberWhoGaveAProxyIsExcused) {
  Document doc = testing::MakeDocument(
      "Etaient présents : (3)\nM. Jean PETIT, Mme Anne MARTIN, M. Paul DURAND.\n"
      "Absents : (2)\nMme Lucie BLANC, M. Louis NOIR.\n"
      "Procurations : (1)\nMme Lucie BLANC avait donné pouvoir à Mme Anne MARTIN.\n");
  Attendance a = Read(doc).attendance;
  EXPECT_EQ(a.present_count, 3);
  EXPECT_EQ(Names(a.present),
            (std::vector<std::string>{"Jean PETIT", "Anne MARTIN", "Paul DURAND"}));
  EXPECT_EQ(Names(a.absent), (std::vector<std::string>{"Louis NOIR"}));
  ASSERT_EQ(Names(a.excused), (std::vector<std::string>{"Lucie BLANC"}));
  EXPECT_EQ(a.excused[0].proxy_to->name, "Anne MARTIN");
}

TEST(SittingReaderTest, ALabelStandsWhereAHeadingCan) {
  // In a sentence, "était présente" heads no list.
  Document prose = testing::MakeDocument(
      "1. Approbation du procès-verbal\nM. le Maire signale que Mme Isabelle MORVAN était "
      "présente et Mme Marie KERNEUR absente.\n");
  EXPECT_TRUE(Read(prose).attendance.present.empty());
  // After a full stop or before its names on one flattened line, it does.
  Document flat = testing::MakeDocument(
      "Séance du 2 juin 2006. Présents : Jean PETIT, Anne MARTIN Absents : Paul DURAND "
      "Secrétaire : Anne MARTIN\n");
  Sitting s = Read(flat);
  EXPECT_EQ(Names(s.attendance.present), (std::vector<std::string>{"Jean PETIT", "Anne MARTIN"}));
  EXPECT_EQ(Names(s.attendance.absent), (std::vector<std::string>{"Paul DURAND"}));
  EXPECT_EQ(Names(s.secretaries), (std::vector<std::string>{"Anne MARTIN"}));
}

TEST(SittingReaderTest, AttendanceByExceptionAndCombinedLabels) {
  Document doc = testing::MakeDocument(
      "Etaient présents tous les conseillers en exercice, à l’exception de Messieurs Xavier "
      "QUEMERE et Dominique HUET, absents excusés. Mr Xavier QUEMERE a donné procuration à Mr "
      "Alain HOUGRON et Mr Dominique HUET à Mr Eric BOULLAND. Le quorum étant atteint.\n");
  Attendance a = Read(doc).attendance;
  EXPECT_TRUE(a.present.empty());
  EXPECT_TRUE(a.absent.empty());
  ASSERT_EQ(Names(a.excused), (std::vector<std::string>{"Xavier QUEMERE", "Dominique HUET"}));
  EXPECT_EQ(a.excused[1].proxy_to->name, "Eric BOULLAND");
  Document both = testing::MakeDocument(
      "Absents et excusés : LEDIEU André - OBLED Benoît.\nEtaient excusés/absents : Mmes "
      "BOURMAULT, MANCEAU.\n");
  EXPECT_EQ(Names(Read(both).attendance.excused),
            (std::vector<std::string>{"LEDIEU André", "OBLED Benoît", "BOURMAULT", "MANCEAU"}));
}

TEST(SittingReaderTest, ALabelInsideAParenthesisIsARemark) {
  Document doc = testing::MakeDocument(
      "Approbation à la majorité : 10 pour (8 + 2 procurations : L. Chapon, P. Casanova).\n");
  Attendance a = Read(doc).attendance;
  EXPECT_FALSE(a.has_lists);
  EXPECT_TRUE(a.excused.empty());
  // A label with no name after it states no list either.
  EXPECT_FALSE(Read(testing::MakeDocument("Absents : néant.\n")).attendance.has_lists);
}

TEST(SittingReaderTest, ProxiesWrittenFromGiverToHolder) {
  Document doc = testing::MakeDocument(
      "Procurations : de BREMOND-DICK Caroline à DARGERY Viviane, et de PILON Caroline à "
      "JACQUES Pierre ;\n");
  Attendance a = Read(doc).attendance;
  ASSERT_EQ(Names(a.excused),
            (std::vector<std::string>{"BREMOND-DICK Caroline", "PILON Caroline"}));
  EXPECT_EQ(a.excused[1].proxy_to->name, "JACQUES Pierre");
}

TEST(SittingReaderTest, ASubstituteSitsAndTheMemberIsExcused) {
  Document doc = testing::MakeDocument(
      "Présents : Gérard ARIES, Michel BAYLAC.\nReprésentés : Jean DUCLAVE représenté par Jean "
      "DUCERE, Fabienne VITRICE représentée par Francis LARROQUE.\n");
  Attendance a = Read(doc).attendance;
  EXPECT_EQ(Names(a.present), (std::vector<std::string>{"Gérard ARIES", "Michel BAYLAC",
                                                        "Jean DUCERE", "Francis LARROQUE"}));
  EXPECT_EQ(Names(a.excused), (std::vector<std::string>{"Jean DUCLAVE", "Fabienne VITRICE"}));
  for (const Person& p : a.excused) EXPECT_FALSE(p.proxy_to);
}

TEST(SittingReaderTest, AListGoesOnAfterAFullStopOnlyWhereAListLineFollows) {
  Document doc = testing::MakeDocument(
      "Etaient présents : Mrs Jean PETIT, Mmes Anne MARTIN.\nMmes et Mrs. Lucie BLANC, Paul "
      "DURAND.\nAbsents : Louis NOIR.\n");
  EXPECT_EQ(Names(Read(doc).attendance.present),
            (std::vector<std::string>{"Jean PETIT", "Anne MARTIN", "Lucie BLANC", "Paul DURAND"}));
  Document groups = testing::MakeDocument(
      "Etaient présents :\n\nDélégués de la Communauté de Communes de Loir : Mmes ALLAIRE, "
      "RIBOUILLEAULT.\n\nDélégués de la Communauté de Communes du Sud : MM AMY, BRAULT.\n");
  EXPECT_EQ(Names(Read(groups).attendance.present),
            (std::vector<std::string>{"ALLAIRE", "RIBOUILLEAULT", "AMY", "BRAULT"}));
  // A sentence after the list is no list line.
  Document prose = testing::MakeDocument(
      "Etaient présents : M. Jean PETIT, Mme Anne MARTIN.\nM. Jean PETIT est désigné comme "
      "secrétaire.\n");
  EXPECT_EQ(Names(Read(prose).attendance.present),
            (std::vector<std::string>{"Jean PETIT", "Anne MARTIN"}));
}

TEST(SittingReaderTest, TheCommuneADelegateSitsForAndInvitedPersonsAreLeftOut) {
  Document doc = testing::MakeDocument(
      "Étaient présents : MM HENRION, BRETON et Mme FLACELIERE pour AZAY LE RIDEAU  MM DURAND "
      "et P. ALLARD pour BREHEMONT\nExcusés : B SEGERS, R LELEU Etaient invités : Monsieur "
      "Michel FICHEUX, Président Honoraire\n");
  Attendance a = Read(doc).attendance;
  EXPECT_EQ(Names(a.present),
            (std::vector<std::string>{"HENRION", "BRETON", "FLACELIERE", "DURAND", "P. ALLARD"}));
  EXPECT_EQ(Names(a.excused), (std::vector<std::string>{"B SEGERS", "R LELEU"}));
  // Under "Pouvoirs :", "X pour Y" is still a proxy.
  Attendance proxies =
      Read(testing::MakeDocument("Pouvoirs : M. DUPONT pour M. MARTIN\n")).attendance;
  ASSERT_EQ(proxies.excused.size(), 1u);
  EXPECT_EQ(proxies.excused[0].proxy_to->name, "MARTIN");
}

TEST(SittingReaderTest, ANumberedListGivesNoCountAndThePublicIsNoCount) {
  Document doc = testing::MakeDocument(
      "Conseillers présents : 1. DUPONT Jean 2. MARTIN Paul 3. PETIT Anne Auditeurs présents : "
      "63\n");
  Attendance a = Read(doc).attendance;
  EXPECT_FALSE(a.present_count);
  EXPECT_EQ(Names(a.present),
            (std::vector<std::string>{"DUPONT Jean", "MARTIN Paul", "PETIT Anne"}));
  // A count that ends its sentence is still read.
  EXPECT_EQ(Read(testing::MakeDocument("Nombre de présents : 16.\n")).attendance.present_count, 16);
  EXPECT_EQ(Read(testing::MakeDocument("Etaient présents : 31 élus M. Jean DUPONT, Mme Anne "
                                       "MARTIN\n"))
                .attendance.present_count,
            31);
}

TEST(SittingReaderTest, SecretariesNamedInASentence) {
  EXPECT_EQ(Names(Read(testing::MakeDocument("Séance du 3 mars 2020.\nSerge CETTOLO est nommé "
                                             "secrétaire de séance.\n"))
                      .secretaries),
            (std::vector<std::string>{"Serge CETTOLO"}));
  EXPECT_EQ(Names(Read(testing::MakeDocument(
                           "Le maire propose la candidature de Monsieur Philippe RIOU, conseiller, "
                           "en qualité de secrétaire de séance, qui est acceptée.\n"))
                      .secretaries),
            (std::vector<std::string>{"Philippe RIOU"}));
  // A function is not a name at the start of a line.
  EXPECT_TRUE(Read(testing::MakeDocument("Le secrétaire de mairie est chargé du registre.\n"))
                  .secretaries.empty());
}

TEST(SittingReaderTest, AProxySentenceOnTheNextLineGoesOnWithTheList) {
  Document doc = testing::MakeDocument(
      "Absents excusés : M. Xavier QUEMERE, M. Dominique HUET.\nMr Xavier QUEMERE a donné "
      "procuration à Mr Alain HOUGRON.\nM. le Maire ouvre la séance.\n");
  Attendance a = Read(doc).attendance;
  ASSERT_EQ(Names(a.excused), (std::vector<std::string>{"Xavier QUEMERE", "Dominique HUET"}));
  EXPECT_EQ(a.excused[0].proxy_to->name, "Alain HOUGRON");
}

TEST(SittingReaderTest, CountsPrintedOnOneLine) {
  Attendance a = Read(testing::MakeDocument(
                          "79 conseillers en exercice : 67 présents 10 pouvoirs 2 excusés\n"))
                     .attendance;
  EXPECT_EQ(a.members_in_office, 79);
  EXPECT_EQ(a.present_count, 67);
  Attendance b =
      Read(testing::MakeDocument("Membres en exercice : 27 Présents : 21 Votants : 25\n"))
          .attendance;
  EXPECT_EQ(b.members_in_office, 27);
  EXPECT_EQ(b.present_count, 21);
  EXPECT_EQ(b.voting_count, 25);
  Attendance c = Read(testing::MakeDocument("En exercice 91\n\nPrésents 77\n")).attendance;
  EXPECT_EQ(c.members_in_office, 91);
  EXPECT_EQ(c.present_count, 77);
  // The public is not counted.
  EXPECT_FALSE(Read(testing::MakeDocument("Séance publique.\nAuditeurs présents : 63\n"))
                   .attendance.present_count);
}

TEST(SittingReaderTest, ProxiesWrittenFromTheHolderOrAsADelegation) {
  Attendance a = Read(testing::MakeDocument(
                          "Présents : Mme Anne MARTIN (pouvoir de M. Jean DUPONT), M. Paul PETIT "
                          "(pouvoir de police).\nAbsents : Mme Lucie BLANC, délégation de vote à "
                          "M. Paul PETIT\n"))
                     .attendance;
  EXPECT_EQ(Names(a.present), (std::vector<std::string>{"Anne MARTIN", "Paul PETIT"}));
  ASSERT_EQ(Names(a.excused), (std::vector<std::string>{"Jean DUPONT", "Lucie BLANC"}));
  EXPECT_EQ(a.excused[0].proxy_to->name, "Anne MARTIN");
  EXPECT_EQ(a.excused[1].proxy_to->name, "Paul PETIT");
  EXPECT_TRUE(a.absent.empty());
}

// "Absents avec pouvoir :" lists proxies; under "Absents et procurations :" who gave no
// proxy is absent, not dropped.
TEST(SittingReaderTest, AbsentLabelsThatAlsoListProxies) {
  Document doc = testing::MakeDocument(
      "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul DURAND\n"
      "Absents avec pouvoir : M. Marc BLANC à Mme Anne MARTIN\n"
      "Absents et procurations : M. Luc NOIR (procuration à M. Paul DURAND), Mme Lucie PETIT\n");
  Sitting s = Read(doc);
  EXPECT_EQ(Names(s.attendance.present),
            (std::vector<std::string>{"Jean DUPONT", "Anne MARTIN", "Paul DURAND"}));
  ASSERT_EQ(Names(s.attendance.excused), (std::vector<std::string>{"Marc BLANC", "Luc NOIR"}));
  ASSERT_TRUE(s.attendance.excused[0].proxy_to);
  EXPECT_EQ(s.attendance.excused[0].proxy_to->name, "Anne MARTIN");
  ASSERT_TRUE(s.attendance.excused[1].proxy_to);
  EXPECT_EQ(s.attendance.excused[1].proxy_to->name, "Paul DURAND");
  EXPECT_EQ(Names(s.attendance.absent), (std::vector<std::string>{"Lucie PETIT"}));
}

// The president named where the sitting opens: "X, Maire, ouvre la séance"; not a member
// who opens a debate.
TEST(SittingReaderTest, PresidentWhoOpensTheSitting) {
  Sitting s = Read(testing::MakeDocument(
      "Présents : Mme Anne MARTIN, M. Paul DURAND\n\nPierre ESTRADE, Maire, ouvre la séance "
      "à 20 h 45.\n"));
  ASSERT_TRUE(s.president);
  EXPECT_EQ(s.president->name, "Pierre ESTRADE");
  Sitting t = Read(testing::MakeDocument(
      "Présents : Mme Anne MARTIN, M. Paul DURAND\n\nPaul DURAND, conseiller, ouvre le "
      "débat.\n"));
  EXPECT_FALSE(t.president);
}

// The public's count after the list ends it: "Auditeurs présents : 63" names no member.
TEST(SittingReaderTest, ThePublicCountedAfterTheListEndsIt) {
  Sitting s = Read(testing::MakeDocument(
      "Conseillers présents : MARTIN Anne, DURAND Paul, BLANC Marc Auditeurs présents : 12\n"));
  EXPECT_EQ(Names(s.attendance.present),
            (std::vector<std::string>{"MARTIN Anne", "DURAND Paul", "BLANC Marc"}));
  EXPECT_EQ(s.attendance.present_count, std::nullopt);
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// Attendance as a Markdown table (markup.h makes its rows "cell ; cell"): the header row's
// labels take their lists column by column, not the last label all of them.
TEST(SittingReaderTest, AttendanceAsATablesColumns) {
  Document doc = testing::MakeDocument(
      "L'an deux mille vingt-quatre, le douze mars, le Conseil Municipal s'est réuni.\n\n"
      "| Présents | Absents excusés |\n| --- | --- |\n"
      "| Jean DUPONT, Anne MARTIN, Paul DURAND | Marie PETIT (pouvoir à Anne MARTIN) |\n\n"
      "Secrétaire de séance : Paul DURAND\n");
  Sitting s = Read(doc);
  EXPECT_EQ(Names(s.attendance.present),
            (std::vector<std::string>{"Jean DUPONT", "Anne MARTIN", "Paul DURAND"}));
  ASSERT_EQ(s.attendance.excused.size(), 1u);
  EXPECT_EQ(s.attendance.excused[0].name, "Marie PETIT");
  ASSERT_TRUE(s.attendance.excused[0].proxy_to.has_value());
  EXPECT_EQ(s.attendance.excused[0].proxy_to->name, "Anne MARTIN");
  // One name a row: an empty cell keeps the columns aligned.
  s = Read(testing::MakeDocument(
      "Le Conseil Municipal s'est réuni.\n\n| Présents | Excusés |\n| --- | --- |\n"
      "| Jean DUPONT | Marie PETIT |\n| Anne MARTIN | |\n| | Paul DURAND |\n\nLe Maire ouvre "
      "la séance.\n"));
  EXPECT_EQ(Names(s.attendance.present), (std::vector<std::string>{"Jean DUPONT", "Anne MARTIN"}));
  EXPECT_EQ(Names(s.attendance.excused), (std::vector<std::string>{"Marie PETIT", "Paul DURAND"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// Who attended without being a member ("Etaient également présents :") is neither present
// nor in any list; the members' list before it ends there.
TEST(SittingReaderTest, GuestsAreNoAttendance) {
  Document doc = testing::MakeDocument(
      "L'an deux mille quatorze, le conseil communautaire s'est réuni.\n"
      "Etaient présents : Patrick BAUDIN, Brigitte DAULIAC\n"
      "Etaient également présents :\n"
      "- Pascale GARCIA, DGS de la Communauté de communes\n"
      "- Sabine LOPEZ, DGS de la commune de Le Porge\n"
      "Etaient excusés :\n"
      "- Carmen PICAZO a donné pouvoir à Patrick BAUDIN\n");
  Sitting s = Read(doc);
  EXPECT_EQ(Names(s.attendance.present),
            (std::vector<std::string>{"Patrick BAUDIN", "Brigitte DAULIAC"}));
  EXPECT_EQ(Names(s.attendance.excused), (std::vector<std::string>{"Carmen PICAZO"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A present list printed in blocks separated by blank lines goes on down to a block of
// one name; a sentence after the gap ends it.
TEST(SittingReaderTest, AListInBlocksGoesOnDownToABlockOfOneName) {
  Document doc = testing::MakeDocument(
      "Séance du 15 décembre 2020\n\nEtaient présents :\n\n"
      "Mme Isabelle DEXPERT Mme Danielle BARREYRE M. Patrick DUFAU\n\n"
      "M. Julien RIVIERE\n\nMme Amandine BARBERE-CANO M. Laurent SOULARD\n\n"
      "Le Maire ouvre la séance.\n");
  EXPECT_EQ(
      Names(Read(doc).attendance.present),
      (std::vector<std::string>{"Isabelle DEXPERT", "Danielle BARREYRE", "Patrick DUFAU",
                                "Julien RIVIERE", "Amandine BARBERE-CANO", "Laurent SOULARD"}));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A letterhead flattened on one line: the authority printed in capitals ends where the
// capitals end, and the département above it is its context.
TEST(SittingReaderTest, AnAuthorityInCapitalsEndsWhereTheCapitalsEnd) {
  Document doc = testing::MakeDocument(
      "DÉPARTEMENT DE LA GIRONDE COMMUNE DE VILLENAVE D’ORNON Secrétariat Général SLG/MZ "
      "SEANCE DU CONSEIL MUNICIPAL DU 28 mars 2006\n");
  Sitting s = Read(doc);
  EXPECT_EQ(s.authority, "COMMUNE DE VILLENAVE D’ORNON");
  EXPECT_EQ(s.authority_type, "commune");
  // A name whose proper part is not in capitals keeps it.
  doc = testing::MakeDocument("COMMUNE DE Villenave d’Ornon\nSéance du 28 mars 2006\n");
  EXPECT_EQ(Read(doc).authority, "COMMUNE DE Villenave d’Ornon");
}

}  // namespace
}  // namespace registre
