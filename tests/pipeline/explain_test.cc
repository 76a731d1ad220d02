// Pipeline::Explain: how a document was cut into records, with offsets a user can find in
// what `registre extract --text-only` prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "support/test_support.h"

namespace registre {
namespace {

const char kMinutes[] =
    "COMPTE RENDU DU CONSEIL MUNICIPAL\n"
    "Séance du 4 mars 2019\n"
    "Ordre du jour :\n"
    "1. Tarifs de la cantine\n"
    "2. Travaux de voirie\n"
    "\n"
    "Etaient présents : M. Jean DUPONT, Mme Anne MARTIN.\n"
    "\n"
    "1. Tarifs de la cantine\n"
    "Le conseil municipal, après en avoir délibéré, décide à l'unanimité de fixer les tarifs.\n"
    "\n"
    "2. Travaux de voirie\n"
    "Le conseil municipal, après en avoir délibéré, décide à l'unanimité d'engager les "
    "travaux.\n";

TEST(Explain, HeadingsPointAtTheItemsNotAtTheAgenda) {
  auto explained = testing::BundledPipeline().Explain(kMinutes);
  ASSERT_TRUE(explained.ok()) << explained.status().message();
  const nlohmann::json& j = explained.value();
  const std::string text = kMinutes;
  ASSERT_EQ(j["records"].size(), 2u) << j.dump(1);
  const std::size_t first = text.find("1. Tarifs", text.find("présents"));
  const std::size_t second = text.find("2. Travaux", first);
  EXPECT_EQ(j["records"][0]["heading"]["start"], first);
  EXPECT_EQ(j["records"][1]["heading"]["start"], second);
  EXPECT_EQ(j["records"][0]["heading"]["line"], 9);
  EXPECT_EQ(j["records"][1]["title"], "Travaux de voirie");
  // The agenda's lines are candidates too, and say why they open no record.
  int agenda = 0;
  for (const auto& c : j["candidates"]) {
    if (c["start"].get<std::size_t>() < text.find("Etaient")) {
      EXPECT_NE(c["fate"], "record") << c.dump();
      ++agenda;
    }
  }
  EXPECT_EQ(agenda, 2);
  // In document order.
  for (std::size_t i = 1; i < j["candidates"].size(); ++i)
    EXPECT_LE(j["candidates"][i - 1]["start"], j["candidates"][i]["start"]);
}

TEST(Explain, ReportsWhyNothingWasFound) {
  auto explained = testing::BundledPipeline().Explain("Une phrase sans délibération.\n");
  ASSERT_TRUE(explained.ok());
  EXPECT_TRUE(explained.value()["records"].empty());
  ASSERT_FALSE(explained.value()["warnings"].empty());
  EXPECT_EQ(explained.value()["warnings"][0]["code"], "no_deliberation");
}

TEST(Explain, BadInputIsAnErrorValue) {
  EXPECT_FALSE(testing::BundledPipeline().Explain(std::string("\0\1\2\3binary\0", 12)).ok());
}

// A flattened page (Reflow restores its line breaks): one line holds the head and both
// items; the items are found where their headings open the restored lines, though those
// lines run on with the items' text. The page's counter glued to the letterhead ("1/23") is
// no item.
TEST(Explain, ItemsOfAFlattenedPage) {
  const std::string body(500, 'x');
  const std::string text =
      "1/23 MAIRIE DE X COMPTE RENDU DU CONSEIL MUNICIPAL Présents : M. A, M. B. "
      "I – Compte-rendu des décisions du Maire : le Maire rend compte des marchés " +
      body +
      ". Le conseil en prend acte à l'unanimité. II – Installation d'un nouveau délégué "
      "suppléant auprès des syndicats : Monsieur le Maire expose " +
      body + ". Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n";
  auto explained = testing::BundledPipeline().Explain(text);
  ASSERT_TRUE(explained.ok());
  const nlohmann::json& records = explained.value()["records"];
  ASSERT_EQ(records.size(), 2u) << explained.value().dump(1);
  EXPECT_EQ(records[0]["heading"]["start"], text.find("I – Compte-rendu"));
  EXPECT_EQ(records[1]["heading"]["start"], text.find("II – Installation"));
}

// Flattened minutes whose first item holds its whole text on the heading's line ("I
// ADOPTION DU PROCES-VERBAL Le procès-verbal est adopté à l'unanimité.") are two records,
// not a list of two entries; the title in capitals ends where the sentence opens.
TEST(Explain, AnItemWithItsDecisionOnItsLineIsNoListEntry) {
  const std::string text =
      "COMPTE RENDU " + std::string(600, 'x') +
      " Secrétaire de séance : M. AZZOPARDI I ADOPTION DU PROCES-VERBAL DU 1er DECEMBRE 2016 "
      "Le procès-verbal est adopté à l'unanimité. II ATTRIBUTION DE COMPENSATION – DECISION "
      "Madame le Maire expose le projet. Après en avoir délibéré, le conseil municipal décide "
      "à l'unanimité d'approuver.\n";
  auto explained = testing::BundledPipeline().Explain(text);
  ASSERT_TRUE(explained.ok());
  const nlohmann::json& records = explained.value()["records"];
  ASSERT_EQ(records.size(), 2u) << explained.value().dump(1);
  EXPECT_EQ(records[0]["title"], "ADOPTION DU PROCES-VERBAL DU 1er DECEMBRE 2016");
  EXPECT_EQ(records[1]["title"], "ATTRIBUTION DE COMPENSATION – DECISION");
  // On its own line, an item in capitals keeps a capitalised word of its title.
  auto alone = testing::BundledPipeline().Explain(
      "Séance du 4 mars 2019\nPrésents : M. A, M. B.\n\nI - SUBVENTION AU CLUB DE Football\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n");
  ASSERT_TRUE(alone.ok());
  ASSERT_EQ(alone.value()["records"].size(), 1u) << alone.value().dump(1);
  EXPECT_EQ(alone.value()["records"][0]["title"], "SUBVENTION AU CLUB DE Football");
}

// A record opened by a bare title line says its boundaries rest on weak evidence; one
// opened by a deliberation number does not.
TEST(Extract, ARecordOpenedByABareTitleIsFlagged) {
  auto codes = [](const std::string& text) {
    std::vector<std::string> out;
    auto r = testing::BundledPipeline().Extract(text, "t.txt");
    EXPECT_TRUE(r.ok());
    if (!r.ok()) return out;
    for (const auto& record : r.value().records)
      for (const auto& w : record["warnings"]) out.push_back(w["code"]);
    return out;
  };
  std::vector<std::string> weak = codes(
      "Séance du 4 mars 2019\nPrésents : M. A, M. B.\n\n"
      "Tarifs de la cantine scolaire\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n");
  EXPECT_NE(std::find(weak.begin(), weak.end(), "weak_heading"), weak.end());
  std::vector<std::string> strong = codes(
      "Séance du 4 mars 2019\nPrésents : M. A, M. B.\n\n"
      "Délibération n° 2019-12 : Tarifs de la cantine scolaire\n"
      "Le conseil municipal, après en avoir délibéré, décide à l'unanimité.\n");
  EXPECT_EQ(std::find(strong.begin(), strong.end(), "weak_heading"), strong.end());
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A recueil whose pages lost their form feeds, one flattened paragraph each, opening with
// the page's number ("1 RECUEIL ...", "2 2", "3 DECISIONS ..."): those numbers open no
// item; the deliberation is found by its number, its degree sign lost
// ("DELIBERATION N DE/2016/191 Modification ...") in mid-line.
TEST(Explain, PageNumbersOpeningFlattenedPagesAreNoItems) {
  const std::string filler(600, 'x');
  const std::string text =
      "1 RECUEIL DES ACTES ADMINISTRATIFS DU DEPARTEMENT SOMMAIRE Réunion du 13 juin " + filler +
      "\n\n2 2\n\n3 DECISIONS DU CONSEIL DEPARTEMENTAL DU 13 JUIN\n\n4 4\n\n"
      "5 COMMISSION EDUCATION, CULTURE DELIBERATION N DE/2016/191 Modification de la "
      "sectorisation des collèges " +
      filler + ". Le Conseil Départemental, après en avoir délibéré, décide d'adopter.\n";
  auto explained = testing::BundledPipeline().Explain(text);
  ASSERT_TRUE(explained.ok());
  const nlohmann::json& records = explained.value()["records"];
  ASSERT_EQ(records.size(), 1u) << explained.value().dump(1);
  EXPECT_EQ(records[0]["heading"]["start"], text.find("DELIBERATION N DE"));
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A flattened page: a title ends at a colon that a sentence's first word or a list's dash
// follows, not at one a subtitle follows; a deliberation's number just before the next
// item's label is that item's number.
TEST(Explain, TitlesEndAtAColonBeforeTheirTextInAFlattenedPage) {
  const std::string filler(400, 'x');
  const std::string text =
      "COMPTE RENDU " + filler +
      " Présents : M. A, M. B. I – Compte-rendu des décisions du Maire :     -03/2011 : "
      "Décision du Maire portant attribution du marché de travaux pour la Rue Joliot Curie, "
      "pour le lot n°2 : 168.115,45 €. 2011-02-001 II – Installation d'un nouveau délégué "
      "suppléant auprès de divers syndicats intercommunaux : Monsieur le Maire expose la "
      "désignation. Le conseil municipal, après en avoir délibéré, décide à l'unanimité. III "
      "– Budget Ville : Affectation des résultats de l'exercice 2010 de la commune et de ses "
      "budgets annexes de l'eau et de l'assainissement. Le conseil municipal, après en avoir "
      "délibéré, décide à l'unanimité.\n";
  auto explained = testing::BundledPipeline().Explain(text);
  ASSERT_TRUE(explained.ok());
  const nlohmann::json& records = explained.value()["records"];
  ASSERT_EQ(records.size(), 3u) << explained.value().dump(1);
  EXPECT_EQ(records[0]["title"], "Compte-rendu des décisions du Maire");
  EXPECT_EQ(records[1]["title"],
            "Installation d'un nouveau délégué suppléant auprès de divers syndicats "
            "intercommunaux");
  EXPECT_EQ(records[2]["title"].get<std::string>().rfind("Budget Ville : Affectation", 0), 0u)
      << records[2]["title"];
  auto extracted = testing::BundledPipeline().Extract(text, "t.txt");
  ASSERT_TRUE(extracted.ok());
  ASSERT_EQ(extracted.value().records.size(), 3u);
  EXPECT_EQ(extracted.value().records[1]["number"], "2011-02-001");
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A label inside a parenthesis is a remark, whatever line the parenthesis opened on: a
// tally's "(0 + 1" / "procuration : P. Casanova)" wrapped over two lines in the sitting's
// procedural items lists no proxies, and the sitting keeps its attendance.
TEST(Extract, ALabelInAParenthesisOpenedOnTheLineBeforeIsARemark) {
  auto present = [](const std::string& tally) {
    std::vector<std::size_t> out;
    auto r = testing::BundledPipeline().Extract(
        "Séance du lundi 5 avril 2022 à 18h00.\n\n"
        "  • Nombre de conseillers présents : 3 : ARNAL René, CARRIE Catherine, CHAPON Loïc ;\n"
        "  • Procurations : de CASANOVA Philippe à CHAPON Loïc ;\n"
        "Approbation du compte rendu du Conseil municipal du 28 février 2022 :\n" +
            tally + "\nDélibérations\n\n  • Tarifs de la cantine\n    Accord à l'unanimité.\n",
        "t.txt");
    EXPECT_TRUE(r.ok());
    if (r.ok())
      for (const auto& record : r.value().records)
        out.push_back(record["attendance"]["present"].size());
    return out;
  };
  const std::vector<std::size_t> all_three{3, 3};
  EXPECT_EQ(present("Approbation à la majorité : 3 pour et 1 contre (0 + 1 procuration : P. "
                    "Casanova).\n"),
            all_three);
  EXPECT_EQ(present("Approbation à la majorité : 3 pour et 1 contre (0 + 1\n"
                    "procuration : P. Casanova).\n"),
            all_three);
}

}  // namespace
}  // namespace registre
