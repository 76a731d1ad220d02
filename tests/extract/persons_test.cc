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

}  // namespace
}  // namespace registre
