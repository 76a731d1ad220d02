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

}  // namespace
}  // namespace registre
