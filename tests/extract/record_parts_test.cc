#include "extract/record_parts.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace registre {
namespace {

Parts Read(const Document& doc) {
  static const FrenchWords words(testing::BundledGrammar());
  static const PersonParser persons(testing::BundledGrammar());
  RecordPartsReader reader(testing::BundledGrammar(), words, persons);
  return reader.Read(doc, Range{0, doc.folded().size()}, Range{});
}

TEST(RecordPartsTest, VisasConsiderantsFormulaAndArticles) {
  Document doc = testing::MakeDocument(
      "Objet : Tarifs de la cantine\n\nVu le code général des collectivités territoriales ;\n"
      "Vu la délibération du 3 mars 2020 ;\nConsidérant qu’il convient de fixer\nles tarifs ;\n\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE :\n\nArticle 1er : Les tarifs sont "
      "fixés.\n"
      "Article 2 : Le Maire est chargé de l’exécution.\n\nAdopté à l’unanimité.\n");
  Parts p = Read(doc);
  EXPECT_EQ(p.object, "Tarifs de la cantine");
  EXPECT_EQ(p.visas.size(), 2u);
  ASSERT_EQ(p.considerants.size(), 1u);
  EXPECT_EQ(p.considerants[0], "Considérant qu’il convient de fixer les tarifs ;");
  EXPECT_EQ(p.formula, "DÉCIDE");
  ASSERT_EQ(p.articles.size(), 2u);
  EXPECT_EQ(p.articles[0].label, "Article 1er");
  EXPECT_EQ(p.articles[0].number, 1);
  EXPECT_EQ(p.articles[0].text, "Les tarifs sont fixés");
  EXPECT_EQ(p.vote.unanimous, true);
  EXPECT_EQ(p.vote.result, "adopted");
}

TEST(RecordPartsTest, SplitVoteInWordsAndFigures) {
  Document doc = testing::MakeDocument(
      "DELIBERE\n\nArticle unique : Le projet est refusé.\n\n"
      "Résultat du vote : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION\n");
  Parts p = Read(doc);
  EXPECT_EQ(p.vote.for_count, 2);
  EXPECT_EQ(p.vote.against, 11);
  EXPECT_EQ(p.vote.abstention, 1);
  EXPECT_EQ(p.vote.unanimous, false);
  EXPECT_EQ(p.vote.result, "rejected");
}

TEST(RecordPartsTest, TallyStyleDecidesWhichNumberBelongsToWhichWord) {
  Document keyword_first =
      testing::MakeDocument("DÉLIBÉRATION APPROUVÉE : Pour 86\n\nContre 0 Abstentions 5\n");
  Parts a = Read(keyword_first);
  EXPECT_EQ(a.vote.for_count, 86);
  EXPECT_EQ(a.vote.against, 0);
  EXPECT_EQ(a.vote.abstention, 5);
  Document number_first = testing::MakeDocument("Vote : 3 abstentions 8 votes pour\n");
  Parts b = Read(number_first);
  EXPECT_EQ(b.vote.for_count, 8);
  EXPECT_EQ(b.vote.abstention, 3);
}

TEST(RecordPartsTest, PrefectureAcknowledgementAndClosing) {
  Document doc = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nFait à Lyon, le 10 juillet 2023\n"
      "Reçu en préfecture le 12/07/2023\nID : 069-200046977-20230710-254316-DE-1-1\n");
  Parts p = Read(doc);
  EXPECT_EQ(p.closing_place, "Lyon");
  EXPECT_EQ(p.closing_date, "2023-07-10");
  EXPECT_EQ(p.transmitted, "2023-07-12");
  EXPECT_EQ(p.prefecture_id, "069-200046977-20230710-254316-DE");
}

}  // namespace
}  // namespace registre
