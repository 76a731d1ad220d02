#include "text/line_repair.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace registre {
namespace {

// The endings the bundled grammar gives ([table.line_repair]).
const std::vector<std::string> kEndings = {"s", "e", "es"};

MappedText Mapped(const std::string& s) {
  MappedText m;
  for (std::size_t i = 0; i < s.size(); ++i) m.Push(s[i], static_cast<uint32_t>(i));
  return m;
}

// First parts of compound first names, as [table.line_repair] compound_first gives some.
const std::vector<std::string> kFirstParts = {"jean", "marie"};
const std::vector<std::string> kCivilities = {"m.", "mme"};

std::string Repaired(const std::string& line) {
  MappedText in = Mapped(line), out;
  LineRepairer(in, out, kEndings, kFirstParts, kCivilities).Repair(0, line.size());
  EXPECT_EQ(out.src.size(), out.s.size());
  return out.s;
}

TEST(LineRepairTest, LetterSpacedWordsAreRejoined) {
  EXPECT_EQ(Repaired("D E L I B E R E"), "DELIBERE");
  EXPECT_EQ(Repaired("V I L L E  D E  P O R N I C"), "VILLE DE PORNIC");
}

// The opposite case: three short real words stay apart.
TEST(LineRepairTest, ShortWordsStayWords) { EXPECT_EQ(Repaired("il y a à voir"), "il y a à voir"); }

TEST(LineRepairTest, JustificationSplitsAndSpaceRuns) {
  EXPECT_EQ(Repaired("Présent  s   :"), "Présents :");
  EXPECT_EQ(Repaired("  colonne   une     colonne deux "), "colonne une colonne deux");
}

// The endings are the grammar's: without them a split stays apart.
TEST(LineRepairTest, SplitEndingsComeFromTheGivenList) {
  MappedText in = Mapped("Présent  s   :"), out;
  const std::vector<std::string> none;
  LineRepairer(in, out, none).Repair(0, in.s.size());
  EXPECT_EQ(out.s, "Présent s :");
}

TEST(LineRepairTest, AKeptSpaceMapsToTheLastSpaceItReplaces) {
  MappedText in = Mapped("a    b"), out;
  LineRepairer(in, out, kEndings).Repair(0, 6);
  ASSERT_EQ(out.s, "a b");
  EXPECT_EQ(out.src[1], 4u);
}

TEST(LineRepairTest, SpacedHyphensInCompoundFirstNamesClose) {
  EXPECT_EQ(Repaired("M. Jean- Luc DUPONT, Mme Marie- Hélène MARTIN"),
            "M. Jean-Luc DUPONT, Mme Marie-Hélène MARTIN");
  EXPECT_EQ(Repaired("Saint- Martin"), "Saint-Martin");
  EXPECT_EQ(Repaired("Secrétaire : M.Jean- Yves AZZOPARDI"), "Secrétaire : M.Jean-Yves AZZOPARDI");
  // A first part the list does not know: a civility before and a surname after tell.
  EXPECT_EQ(Repaired("M. Mohamed - Ali MOHAMED AHAMADA"), "M. Mohamed-Ali MOHAMED AHAMADA");
  EXPECT_EQ(Repaired("M. Jean - Luc DUPONT, DURAND Marie - Claire."),
            "M. Jean-Luc DUPONT, DURAND Marie-Claire.");
}

// The opposite cases: a title's dash, a first part the list does not know, a role after the
// name, a lost first name before a surname ("Marie- REYMOND") keep their spaces.
TEST(LineRepairTest, DashesThatJoinNoFirstNameStay) {
  EXPECT_EQ(Repaired("Budget - Vote du compte administratif"),
            "Budget - Vote du compte administratif");
  EXPECT_EQ(Repaired("Lachamp - Versement"), "Lachamp - Versement");
  EXPECT_EQ(Repaired("Rapport de M. Durand - Budget primitif"),
            "Rapport de M. Durand - Budget primitif");
  EXPECT_EQ(Repaired("Rapporteur : M. Martin - Finances et budget"),
            "Rapporteur : M. Martin - Finances et budget");
  EXPECT_EQ(Repaired("DURAND Jean - Adjoint au maire"), "DURAND Jean - Adjoint au maire");
  EXPECT_EQ(Repaired("Mme Marie- REYMOND"), "Mme Marie- REYMOND");
  EXPECT_EQ(Repaired("pré- et post-opératoire"), "pré- et post-opératoire");
}

// A compound surname in capitals whose hyphen lost its second half's join, beside a first
// name or a civility; a title in capitals and a list's spaced dash stay as printed.
TEST(LineRepairTest, GluedHyphensInCompoundSurnamesClose) {
  EXPECT_EQ(Repaired("Mme Julie DUPONT- MARTIN, M. Paul DURAND"),
            "Mme Julie DUPONT-MARTIN, M. Paul DURAND");
  EXPECT_EQ(Repaired("Mme DUPONT- MARTIN"), "Mme DUPONT-MARTIN");
  EXPECT_EQ(Repaired("DUPONT- MARTIN Julie"), "DUPONT-MARTIN Julie");
  EXPECT_EQ(Repaired("CANTINE- TARIFS POUR 2020"), "CANTINE- TARIFS POUR 2020");
  EXPECT_EQ(Repaired("Julie DUPONT - MARTIN Paul"), "Julie DUPONT - MARTIN Paul");
  EXPECT_EQ(Repaired("Paul DURAND- 2024"), "Paul DURAND- 2024");
}

TEST(LineRepairTest, AClosedCompoundMapsToItsSource) {
  MappedText in = Mapped("Jean- Luc"), out;
  LineRepairer(in, out, kEndings, kFirstParts).Repair(0, in.s.size());
  ASSERT_EQ(out.s, "Jean-Luc");
  EXPECT_EQ(out.src[5], 6u);  // 'L'
}

}  // namespace
}  // namespace registre
