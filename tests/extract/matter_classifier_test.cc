// Subject inference from the object with grammars/matieres.rules.
#include "extract/matter_classifier.h"

#include <gtest/gtest.h>

#include "extract/actes_nomenclature.h"
#include "support/test_util.h"

namespace registre {
namespace {

class MatterClassifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = MatterClassifier::Load(MatterGrammarPath(testing::SourceDir() + "/grammars"));
    ASSERT_TRUE(c.ok()) << c.status().message();
    classifier_ = std::move(c).value();
  }
  std::string CodeFor(const std::string& object) {
    auto m = classifier_->Infer(object);
    return m ? m->code : "";
  }
  std::unique_ptr<MatterClassifier> classifier_;
};

TEST_F(MatterClassifierTest, ObjectsGetTheExpectedSubject) {
  EXPECT_EQ(CodeFor("Budget primitif 2021 de la commune"), "7.1");
  EXPECT_EQ(CodeFor("SUBVENTION A L'ASSOCIATION DES PARENTS D'ELEVES"), "7.5");
  EXPECT_EQ(CodeFor("Garantie d'emprunt accordée à Lyon Métropole Habitat"), "7.3");
  EXPECT_EQ(CodeFor("Modification simplifiée n° 2 du PLU"), "2.1");
  EXPECT_EQ(CodeFor("Régime indemnitaire tenant compte des fonctions (RIFSEEP)"), "4.5");
  EXPECT_EQ(CodeFor("Indemnités de fonction des élus"), "5.6");
  EXPECT_EQ(CodeFor("Guichet numérique métropolitain Toodego - Avenant de prolongation"), "1.4");
  EXPECT_EQ(CodeFor("Approbation du procès-verbal de la séance précédente"), "5.2");
}

TEST_F(MatterClassifierTest, MatchesIgnoreCaseAccentsAndPunctuation) {
  EXPECT_EQ(CodeFor("MAITRISE D OEUVRE pour la salle des fêtes"), "1.6");
  EXPECT_EQ(CodeFor("Maîtrise d’œuvre"), "1.6");
}

TEST_F(MatterClassifierTest, MatchesWholeWordsOnly) {
  // "taxe" must not fire inside "taxement", nor "bail" inside "bailleur".
  EXPECT_EQ(CodeFor("Rapport annuel du bailleur social"), "");
}

TEST_F(MatterClassifierTest, NoMatchGivesNothing) { EXPECT_EQ(CodeFor("Questions diverses"), ""); }

TEST_F(MatterClassifierTest, ApplyToMarksTheRecordAsDerived) {
  nlohmann::json record = testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0);
  ASSERT_TRUE(classifier_->ApplyTo(record));
  EXPECT_EQ(record["matter"]["code"], "1.4");
  EXPECT_EQ(record["matter"]["name"], "commande publique/autres types de contrats");
  EXPECT_EQ(record["matter"]["derived"], true);
  EXPECT_EQ(record["warnings"].back()["code"], "matter_inferred");
  // A printed subject is kept as it is.
  nlohmann::json printed = testing::FixtureRecord("sourdeval-cm-2021-02-09.jsonl", 1);
  EXPECT_FALSE(classifier_->ApplyTo(printed));
  EXPECT_FALSE(printed["matter"].contains("derived"));
}

TEST(MatterGrammar, ErrorsNameTheLine) {
  auto bad = MatterClassifier::Parse("# comment\n7.5 | finances locales/subventions | \n", "g");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "g:2: rule has no keyword");
  auto wrong_name = MatterClassifier::Parse("7.5 | Subventions | subvention\n", "g");
  ASSERT_FALSE(wrong_name.ok());
  EXPECT_NE(wrong_name.status().message().find("g:1: NOM for 7.5 must be"), std::string::npos);
  auto unknown = MatterClassifier::Parse("7.11 | x | y\n", "g");
  ASSERT_FALSE(unknown.ok());
}

TEST(ActesNomenclature, Level2CodeOfPrintedClassification) {
  EXPECT_EQ(ActesLevel2Code("7.5.2 Subventions de fonctionnement"), "7.5");
  EXPECT_EQ(ActesLevel2Code("7.10"), "7.10");
  EXPECT_EQ(ActesLevel2Code("9.3"), "9.3");
  EXPECT_EQ(ActesLevel2Code("Finances"), std::nullopt);
  EXPECT_EQ(ActesLevel2Code("7.11"), std::nullopt);
  EXPECT_EQ(ActesMatters().size(), 57u);
}

}  // namespace
}  // namespace registre
