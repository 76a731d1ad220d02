#include "extract/persons.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace registre {
namespace {

std::vector<std::string> NamesOf(const PersonList& list) {
  std::vector<std::string> out;
  for (const Person& p : list.persons) out.push_back(p.name);
  return out;
}

PersonList Parse(const std::string& text, ListKind kind = ListKind::kPlain) {
  static const PersonParser parser(testing::BundledGrammar());
  static std::vector<std::unique_ptr<Document>> keep;  // persons refer to their document
  keep.push_back(std::make_unique<Document>(testing::MakeDocument(text)));
  const Document& doc = *keep.back();
  return parser.ParseList(doc, Range{0, doc.folded().size()}, kind);
}

TEST(PersonParserTest, CivilitiesAreRecordedAndRemovedFromNames) {
  PersonList l =
      Parse("M. Athanaze, Mme Brunel Vieira, Monsieur Jean-Michel BRARD, Madame Émeline Baume");
  EXPECT_EQ(NamesOf(l), (std::vector<std::string>{"Athanaze", "Brunel Vieira", "Jean-Michel BRARD",
                                                  "Émeline Baume"}));
  EXPECT_EQ(l.persons[0].civility, "M.");
  EXPECT_EQ(l.persons[1].civility, "Mme");
  EXPECT_EQ(l.persons[3].civility, "Mme");
}

TEST(PersonParserTest, PluralCivilityCarriesOverAndRolesAreDropped) {
  PersonList l =
      Parse("Messieurs Leynaud, Chabal, M. Jean-Michel BRARD, Maire, Mmes et MM. Claire HUGUES");
  EXPECT_EQ(NamesOf(l),
            (std::vector<std::string>{"Leynaud", "Chabal", "Jean-Michel BRARD", "Claire HUGUES"}));
  EXPECT_EQ(l.persons[1].civility, "M.");
}

TEST(PersonParserTest, ParenthesisGivesProxyOrNote) {
  PersonList l = Parse("M. Artigny (pouvoir à Mme Moreira), Annie LEPAGE (arrivée à 20 heures 50)");
  ASSERT_EQ(l.persons.size(), 2u);
  ASSERT_TRUE(l.persons[0].proxy_to);
  EXPECT_EQ(l.persons[0].proxy_to->name, "Moreira");
  EXPECT_EQ(l.persons[0].proxy_to->civility, "Mme");
  EXPECT_FALSE(l.persons[1].proxy_to);
  EXPECT_EQ(l.persons[1].note, "arrivée à 20 heures 50");
}

TEST(PersonParserTest, ProxyWordings) {
  PersonList gave = Parse(
      "Mme Brigitte DIERICX donne pouvoir à M. le Maire, Monsieur Amblard a donné pouvoir à "
      "Monsieur Martin");
  ASSERT_EQ(gave.persons.size(), 2u);
  EXPECT_EQ(gave.persons[0].name, "Brigitte DIERICX");
  EXPECT_EQ(gave.persons[0].proxy_to->name, "le Maire");
  EXPECT_EQ(gave.persons[1].proxy_to->name, "Martin");
  PersonList in_list = Parse("Monsieur CZARNECKI à Madame MARTY", ListKind::kProxies);
  ASSERT_EQ(in_list.persons.size(), 1u);
  EXPECT_EQ(in_list.persons[0].name, "CZARNECKI");
  EXPECT_EQ(in_list.persons[0].proxy_to->name, "MARTY");
  PersonList represented =
      Parse("Mireille MEISSONNIER par Marianne MOULIN", ListKind::kRepresented);
  ASSERT_EQ(represented.persons.size(), 1u);
  // Under "Représentés :", "X par Y" is a proxy; "X représenté par Y" a substitute.
  EXPECT_EQ(represented.persons[0].proxy_to->name, "Marianne MOULIN");
}

TEST(PersonParserTest, BulletsGroupLabelsAndEmptyLists) {
  EXPECT_EQ(
      NamesOf(Parse("- Josiane MARTY,- Isabelle VINCENT,\n- Lionel DEBELLE- Francis BORDERIEUX.")),
      (std::vector<std::string>{"Josiane MARTY", "Isabelle VINCENT", "Lionel DEBELLE",
                                "Francis BORDERIEUX"}));
  EXPECT_EQ(
      NamesOf(Parse("Commune de Meyse : Monsieur Mazzini, Commune de : Messieurs Vignal, Ambert")),
      (std::vector<std::string>{"Mazzini", "Vignal", "Ambert"}));
  EXPECT_TRUE(Parse("Néant").persons.empty());
}

TEST(PersonParserTest, NamesWithoutSeparatorsSplitWhereTheCasePatternRestarts) {
  EXPECT_EQ(
      NamesOf(Parse(
          "FOND Pierre MORANGE Pierre LECLERC Grégory DAVIN Jean-Roger MINART-GIVERNE Virginie")),
      (std::vector<std::string>{"FOND Pierre", "MORANGE Pierre", "LECLERC Grégory",
                                "DAVIN Jean-Roger", "MINART-GIVERNE Virginie"}));
  // A sentence is not a run of names.
  EXPECT_TRUE(Parse("Le Conseil Municipal approuve la convention avec la Communauté de communes")
                  .truncated);
}

TEST(PersonParserTest, ProseEndsTheList) {
  PersonList l = Parse(
      "M. Dupont, M. Durand, le conseil municipal a ensuite examiné la question des tarifs de la "
      "cantine");
  EXPECT_EQ(NamesOf(l), (std::vector<std::string>{"Dupont", "Durand"}));
  EXPECT_TRUE(l.truncated);
}

std::vector<std::string> CivilitiesOf(const PersonList& list) {
  std::vector<std::string> out;
  for (const Person& p : list.persons) out.push_back(p.civility);
  return out;
}

TEST(PersonParserTest, PluralCivilitiesGiveTheGenderTheyName) {
  // "Mmes" begins with "mm" but names women; a mixed plural gives no civility.
  EXPECT_EQ(CivilitiesOf(Parse("Mmes Anne MARTIN et Lucie PETIT")),
            (std::vector<std::string>{"Mme", "Mme"}));
  EXPECT_EQ(CivilitiesOf(Parse("MM. Paul MARTIN, Jean PETIT")),
            (std::vector<std::string>{"M.", "M."}));
  EXPECT_EQ(CivilitiesOf(Parse("Mrs Paul MARTIN, Jean PETIT")),
            (std::vector<std::string>{"M.", "M."}));
  PersonList mixed = Parse("Mme et Mrs Annie AUDIC, Hervé BRAZO");
  EXPECT_EQ(NamesOf(mixed), (std::vector<std::string>{"Annie AUDIC", "Hervé BRAZO"}));
  EXPECT_EQ(CivilitiesOf(mixed), (std::vector<std::string>{"", ""}));
  EXPECT_EQ(NamesOf(Parse("Mesdames et Messieurs les Conseillers Municipaux :")),
            std::vector<std::string>{});
}

TEST(PersonParserTest, ACivilityStartsANewMentionWithoutSeparators) {
  EXPECT_EQ(NamesOf(Parse("M. Jean DUPONT Mme Anne MARTIN M. Paul PETIT")),
            (std::vector<std::string>{"Jean DUPONT", "Anne MARTIN", "Paul PETIT"}));
  // Proxy sentences printed one after the other without commas.
  PersonList l = Parse(
      "M. Jean DUPONT ayant donné pouvoir à Mme Anne MARTIN Mme Lucie PETIT ayant donné "
      "pouvoir à M. Paul DURAND");
  ASSERT_EQ(l.persons.size(), 2u);
  EXPECT_EQ(l.persons[0].proxy_to->name, "Anne MARTIN");
  EXPECT_EQ(l.persons[1].name, "Lucie PETIT");
  EXPECT_EQ(l.persons[1].proxy_to->name, "Paul DURAND");
  // After a parenthesis.
  PersonList p = Parse("Mme VACCARO (pouvoir à Mme FERRY) Mme VAUCLAIR (pouvoir à M. DAUNOU)");
  ASSERT_EQ(p.persons.size(), 2u);
  EXPECT_EQ(p.persons[1].proxy_to->name, "DAUNOU");
  // The holder of a proxy or a substitute is no new mention.
  PersonList r = Parse("M. Paul PETIT représenté par M. Jean DURAND");
  ASSERT_EQ(r.persons.size(), 1u);
  EXPECT_EQ(r.persons[0].substitute->name, "Jean DURAND");
}

TEST(PersonParserTest, TwoNamesRunTogetherAreSplitByTheirCase) {
  EXPECT_EQ(NamesOf(Parse("Hervé BRAZO, Gérard BUHE  Dominique MADEC")),
            (std::vector<std::string>{"Hervé BRAZO", "Gérard BUHE", "Dominique MADEC"}));
  // One name with two first names, or a name with a role after it, stays one.
  EXPECT_EQ(NamesOf(Parse("Jean Loïc BONNEMAINS, André LE CHAPELAIN")),
            (std::vector<std::string>{"Jean Loïc BONNEMAINS", "André LE CHAPELAIN"}));
  EXPECT_EQ(Parse("Pierre ESTRADE Maire Adjoint").persons.size(), 1u);
}

TEST(PersonParserTest, DamagedCompoundFirstNamesAndMarriedNames) {
  // The text stage closes the damaged hyphens (text/line_repair), so each is one person.
  EXPECT_EQ(NamesOf(Parse("M. Jean- Claude COULON, Mme Marie - Anne PETIT, Mme HAMEL/BRUN")),
            (std::vector<std::string>{"Jean-Claude COULON", "Marie-Anne PETIT", "HAMEL/BRUN"}));
  // Between two surnames, or a surname and a first name, the dash separates two people.
  EXPECT_EQ(
      NamesOf(Parse("Lionel DEBELLE- Francis BORDERIEUX, DESNOYERS- HERMIER")),
      (std::vector<std::string>{"Lionel DEBELLE", "Francis BORDERIEUX", "DESNOYERS", "HERMIER"}));
}

TEST(PersonParserTest, AStatusAfterNamesAndProxiesWrittenElliptically) {
  PersonList l = Parse(
      "Messieurs Xavier QUEMERE et Dominique HUET, absents excusés. Mr Xavier QUEMERE a donné "
      "procuration à Mr Alain HOUGRON et Mr Dominique HUET à Mr Eric BOULLAND");
  ASSERT_EQ(l.persons.size(), 4u);
  EXPECT_EQ(l.persons[0].status, "excused");
  EXPECT_EQ(l.persons[1].status, "excused");
  EXPECT_EQ(l.persons[2].proxy_to->name, "Alain HOUGRON");
  EXPECT_EQ(l.persons[3].name, "Dominique HUET");
  EXPECT_EQ(l.persons[3].proxy_to->name, "Eric BOULLAND");
  // Without a proxy sentence before it, "à" is no proxy ("arrivé à", a place).
  PersonList plain = Parse("M. Paul PETIT à M. Jean DURAND");
  for (const Person& p : plain.persons) EXPECT_FALSE(p.proxy_to);
  EXPECT_EQ(Parse("M. Jean DUPONT (excusé)").persons[0].status, "excused");
}

TEST(PersonParserTest, ASubstituteIsNoProxy) {
  PersonList l = Parse(
      "M. Jean DUPONT remplacé par son suppléant M. Paul MARTIN, Mme Anne PETIT (suppléée par "
      "Mme Lucie BLANC), M. Louis NOIR (pouvoir à Mme Anne PETIT)");
  ASSERT_EQ(l.persons.size(), 3u);
  EXPECT_EQ(l.persons[0].name, "Jean DUPONT");
  EXPECT_EQ(l.persons[0].substitute->name, "Paul MARTIN");
  EXPECT_FALSE(l.persons[0].proxy_to);
  EXPECT_EQ(l.persons[1].substitute->name, "Lucie BLANC");
  EXPECT_FALSE(l.persons[2].substitute);
  EXPECT_EQ(l.persons[2].proxy_to->name, "Anne PETIT");
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A list that runs into a sentence (a flattened page: "M. CORDIER Le précédent compte rendu
// est lu, approuvé ...") ends at the name; particles in lower case stay in a name.
TEST(PersonParserTest, ANameEndsWhereASentenceBegins) {
  PersonList list = Parse("M. CORDIER Le précédent compte rendu est lu, approuvé et signé");
  EXPECT_EQ(NamesOf(list), (std::vector<std::string>{"CORDIER"}));
  EXPECT_TRUE(list.truncated);
  list = Parse("M. Jean de la FONTAINE, Mme Anne van der BERG");
  EXPECT_EQ(NamesOf(list), (std::vector<std::string>{"Jean de la FONTAINE", "Anne van der BERG"}));
  EXPECT_FALSE(list.truncated);
}

}  // namespace
}  // namespace registre
