// The SCDL 2.1.3 rules, one by one, on rows a publisher could produce.
#include "output/scdl/scdl_rules.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace registre {
namespace {

ScdlRow ValidRow() {
  ScdlRow row;
  row[kCollNom] = "Métropole de Lyon";
  row[kCollSiret] = "20004697700019";
  row[kDelibId] = "CP-2023-2459";
  row[kDelibDate] = "2023-07-10";
  row[kDelibMatiereCode] = "1.4";
  row[kDelibMatiereNom] = "commande publique/autres types de contrats";
  row[kDelibObjet] = "Guichet numérique métropolitain Toodego";
  row[kPrefDate] = "2023-07-11";
  row[kVoteEffectif] = "27";
  row[kVoteReel] = "25";
  row[kVotePour] = "20";
  row[kVoteContre] = "3";
  row[kVoteAbstention] = "2";
  return row;
}

// The columns blamed by the violations of `row`.
std::vector<ScdlColumn> Blamed(const ScdlRow& row) {
  std::vector<ScdlColumn> columns;
  for (const auto& v : CheckScdlRow(row)) columns.push_back(v.column);
  return columns;
}

bool Blames(const ScdlRow& row, ScdlColumn c) {
  auto b = Blamed(row);
  return std::find(b.begin(), b.end(), c) != b.end();
}

TEST(Siret, ChecksumFollowsLuhn) {
  EXPECT_TRUE(IsValidSiret("20004697700019"));   // Métropole de Lyon
  EXPECT_TRUE(IsValidSiret("21690123100011"));   // Ville de Lyon
  EXPECT_FALSE(IsValidSiret("20004697700018"));  // last digit off
  EXPECT_FALSE(IsValidSiret("2000469770001"));   // 13 digits
  EXPECT_FALSE(IsValidSiret("2000469770001A"));
  EXPECT_FALSE(IsValidSiret(""));
}

TEST(Siret, LaPosteUsesSumOfDigits) {
  EXPECT_TRUE(IsValidSiret("35600000000048"));  // head office, Luhn-valid
  EXPECT_TRUE(IsValidSiret("35600000049837"));  // digit sum 45: multiple of 5
  EXPECT_FALSE(IsValidSiret("35600000049838"));
}

TEST(IsoDate, RejectsImpossibleDates) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-13-01"));
  EXPECT_FALSE(IsIsoDate("10/07/2023"));
}

TEST(ScdlRulesTest, ACompleteConsistentRowPasses) { EXPECT_TRUE(CheckScdlRow(ValidRow()).empty()); }

TEST(ScdlRulesTest, EveryRequiredColumnMustBeFilled) {
  for (size_t c = 0; c < kScdlColumnCount; ++c) {
    ScdlRow row = ValidRow();
    row[c].clear();
    if (c == kVoteEffectif || c == kVoteReel || c == kVotePour || c == kVoteContre ||
        c == kVoteAbstention) {
      continue;  // the vote group is tested below
    }
    EXPECT_EQ(Blames(row, static_cast<ScdlColumn>(c)), IsScdlRequired(static_cast<ScdlColumn>(c)))
        << kScdlColumnNames[c];
  }
}

TEST(ScdlRulesTest, SiretMustPassTheChecksum) {
  ScdlRow row = ValidRow();
  row[kCollSiret] = "20004697700018";
  EXPECT_TRUE(Blames(row, kCollSiret));
}

TEST(ScdlRulesTest, MatiereCodeMustBeAnActesLevel2Code) {
  ScdlRow row = ValidRow();
  for (const char* bad : {"1", "1.41", "10.1", "7.5.2", "1.8"}) {
    row[kDelibMatiereCode] = bad;
    EXPECT_TRUE(Blames(row, kDelibMatiereCode)) << bad;
  }
  row[kDelibMatiereCode] = "7.10";
  EXPECT_FALSE(Blames(row, kDelibMatiereCode));
}

TEST(ScdlRulesTest, MatiereNomFollowsTheActesSpelling) {
  ScdlRow row = ValidRow();
  for (const char* bad :
       {"Commande publique/autres types de contrats",  // upper case
        "commande publique / autres types de contrats",
        "commande publique",  // no slash
        "commande publique/autres (contrats)", "finances locales/prise de participation sem, etc",
        "marchés/autres types de contrats"}) {  // unknown level 1
    row[kDelibMatiereNom] = bad;
    EXPECT_TRUE(Blames(row, kDelibMatiereNom)) << bad;
  }
  row[kDelibMatiereNom] = "Libertes publiques et pouvoirs de police/police municipale";
  EXPECT_TRUE(Blames(row, kDelibMatiereNom));  // upper case L
  row[kDelibMatiereNom] = "libertes publiques et pouvoirs de police/police municipale";
  EXPECT_FALSE(Blames(row, kDelibMatiereNom));  // accents ignored on level 1
}

TEST(ScdlRulesTest, VoteColumnsComeTogether) {
  ScdlRow row = ValidRow();
  row[kVoteContre].clear();
  EXPECT_TRUE(Blames(row, kVotePour));
  for (ScdlColumn c : {kVoteEffectif, kVoteReel, kVotePour, kVoteAbstention}) row[c].clear();
  EXPECT_TRUE(CheckScdlRow(row).empty());
}

TEST(ScdlRulesTest, VoteArithmetic) {
  ScdlRow row = ValidRow();
  row[kVoteReel] = "26";  // 20 + 3 + 2 = 25
  EXPECT_TRUE(Blames(row, kVoteReel));
  row = ValidRow();
  row[kVoteEffectif] = "24";  // fewer than VOTE_REEL
  EXPECT_TRUE(Blames(row, kVoteEffectif));
  row = ValidRow();
  row[kVotePour] = "-1";
  EXPECT_TRUE(Blames(row, kVotePour));
}

TEST(ScdlRulesTest, PrefDateNotBeforeDelibDate) {
  ScdlRow row = ValidRow();
  row[kPrefDate] = "2023-07-09";
  EXPECT_TRUE(Blames(row, kPrefDate));
  row[kPrefDate] = "2023-07-10";
  EXPECT_FALSE(Blames(row, kPrefDate));
}

TEST(ScdlRulesTest, BudgetColumnsComeTogetherAndYearHasAFormat) {
  ScdlRow row = ValidRow();
  row[kBudgetAnnee] = "2023";
  EXPECT_TRUE(Blames(row, kBudgetAnnee));
  row[kBudgetNom] = "Budget principal";
  EXPECT_TRUE(CheckScdlRow(row).empty());
  row[kBudgetAnnee] = "2023/2024";
  EXPECT_TRUE(CheckScdlRow(row).empty());
  row[kBudgetAnnee] = "23";
  EXPECT_TRUE(Blames(row, kBudgetAnnee));
}

TEST(ScdlRulesTest, UrlMustBeAUri) {
  ScdlRow row = ValidRow();
  row[kDelibUrl] = "https://www.grandlyon.com/delib/CP-2023-2459.pdf";
  EXPECT_TRUE(CheckScdlRow(row).empty());
  row[kDelibUrl] = "délibération n° 12";
  EXPECT_TRUE(Blames(row, kDelibUrl));
}

}  // namespace
}  // namespace registre
