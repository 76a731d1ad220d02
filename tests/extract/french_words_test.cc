#include "extract/french_words.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "base/home.h"
#include "pipeline/pipeline.h"
#include "rules/grammar.h"
#include "support/test_support.h"
#include "text/document.h"
#include "text/normaliser.h"

namespace registre {
namespace {

using testing::BundledTextRules;

class FrenchWordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Grammar::LoadDirectory(DefaultGrammarDir());
    ASSERT_TRUE(g.ok()) << g.status().message();
    grammar_ = std::move(g).value().release();
  }
  static void TearDownTestSuite() {
    delete grammar_;
    grammar_ = nullptr;
  }

  std::optional<int> Number(const std::string& text) {
    return FrenchWords(*grammar_).ParseNumber(FoldString(text));
  }

  // The ISO dates found in `text` ("?" for a date without a known year).
  std::vector<std::string> Dates(const std::string& text, int default_year = 0) {
    SourceText source;
    source.text = text;
    Document doc(Normalise(source, BundledTextRules()));
    std::vector<std::string> out;
    for (const auto& d :
         FrenchWords(*grammar_).FindDates(doc, Range{0, doc.folded().size()}, default_year)) {
      out.push_back(d.iso.empty() ? "?" : d.iso);
    }
    return out;
  }

  int Year(const std::string& text) {
    SourceText source;
    source.text = text;
    Document doc(Normalise(source, BundledTextRules()));
    return FrenchWords(*grammar_).YearInWords(doc, Range{0, doc.folded().size()});
  }

  static Grammar* grammar_;
};

Grammar* FrenchWordsTest::grammar_ = nullptr;

TEST_F(FrenchWordsTest, NumbersInFiguresAndWords) {
  EXPECT_EQ(Number("17"), 17);
  EXPECT_EQ(Number(" 42 "), 42);
  EXPECT_EQ(Number("deux"), 2);
  EXPECT_EQ(Number("DEUX"), 2);
  EXPECT_EQ(Number("dix-sept"), 17);
  EXPECT_EQ(Number("vingt et un"), 21);
  EXPECT_EQ(Number("vingt-et-un"), 21);
  EXPECT_EQ(Number("soixante-dix"), 70);
  EXPECT_EQ(Number("soixante et onze"), 71);
  EXPECT_EQ(Number("quatre-vingts"), 80);
  EXPECT_EQ(Number("quatre-vingt-dix"), 90);
  EXPECT_EQ(Number("quatre-vingt-dix-neuf"), 99);
  EXPECT_EQ(Number("cent"), 100);
  EXPECT_EQ(Number("deux cent cinquante"), 250);
  EXPECT_EQ(Number("deux mille vingt et un"), 2021);
  EXPECT_EQ(Number("mil neuf cent quatre-vingt-dix-neuf"), 1999);
  EXPECT_EQ(Number("deux mille quatre-vingt-quatre"), 2084);
  EXPECT_EQ(Number("Quarante-Cinq"), 45);
}

TEST_F(FrenchWordsTest, NotNumbers) {
  EXPECT_FALSE(Number("").has_value());
  EXPECT_FALSE(Number("pour").has_value());
  EXPECT_FALSE(Number("et").has_value());
  EXPECT_FALSE(Number("deux pommes").has_value());
  EXPECT_FALSE(Number("12345678").has_value());
  EXPECT_FALSE(Number("cent cent").has_value());
}

TEST_F(FrenchWordsTest, DatesInFigures) {
  EXPECT_EQ(Dates("le 10/07/2023"), std::vector<std::string>{"2023-07-10"});
  EXPECT_EQ(Dates("le 10.07.23"), std::vector<std::string>{"2023-07-10"});
  EXPECT_EQ(Dates("du 25.11.2019"), std::vector<std::string>{"2019-11-25"});
  EXPECT_EQ(Dates("du 15-03-98"), std::vector<std::string>{"1998-03-15"});
  EXPECT_EQ(Dates("publié le 2023-07-10"), std::vector<std::string>{"2023-07-10"});
}

TEST_F(FrenchWordsTest, DatesWithMonthWords) {
  EXPECT_EQ(Dates("le 10 juillet 2023"), std::vector<std::string>{"2023-07-10"});
  EXPECT_EQ(Dates("le 1er février 2019"), std::vector<std::string>{"2019-02-01"});
  EXPECT_EQ(Dates("le 1ᵉʳ FÉVRIER 2019"), std::vector<std::string>{"2019-02-01"});
  EXPECT_EQ(Dates("lundi 25 novembre 2019 à 19 h"), std::vector<std::string>{"2019-11-25"});
  EXPECT_EQ(Dates("le 3 juin", 2021), std::vector<std::string>{"2021-06-03"});
  EXPECT_EQ(Dates("le 3 juin"), std::vector<std::string>{"?"});
  EXPECT_EQ(Dates("le 26 mars deux mille vingt et un"), std::vector<std::string>{"2021-03-26"});
}

TEST_F(FrenchWordsTest, DatesInWords) {
  std::string text = "L'an deux mille vingt et un, le vingt-six mars à dix-huit heures";
  EXPECT_EQ(Year(text), 2021);
  EXPECT_EQ(Dates(text, Year(text)), std::vector<std::string>{"2021-03-26"});
  EXPECT_EQ(Dates("le trente et un décembre deux mille dix-neuf, le conseil"),
            std::vector<std::string>{"2019-12-31"});
  EXPECT_EQ(Dates("le premier juillet deux mille vingt-deux à 18 h"),
            std::vector<std::string>{"2022-07-01"});
  EXPECT_EQ(Year("L’an mil neuf cent quatre-vingt-dix-neuf, le"), 1999);
  EXPECT_EQ(Year("L'AN DEUX MILLE VINGT-TROIS"), 2023);
  EXPECT_EQ(Year("l'an dernier"), 0);
}

TEST_F(FrenchWordsTest, InvalidDatesRejected) {
  EXPECT_TRUE(Dates("le 31/02/2023").empty());
  EXPECT_TRUE(Dates("le 29/02/2023").empty());
  EXPECT_EQ(Dates("le 29/02/2024"), std::vector<std::string>{"2024-02-29"});
  EXPECT_TRUE(Dates("le 31 avril 2020").empty());
  EXPECT_TRUE(Dates("le 31 avril").empty());
  EXPECT_TRUE(Dates("le 12/13/2020").empty());
  EXPECT_TRUE(Dates("article 2.3.4").empty());
  EXPECT_EQ(IsoDate(2023, 2, 29), "");
  EXPECT_EQ(IsoDate(2000, 2, 29), "2000-02-29");
  EXPECT_EQ(IsoDate(1900, 2, 29), "");
}

TEST_F(FrenchWordsTest, SeveralDatesInTextOrder) {
  EXPECT_EQ(Dates("convoqué le 3 juin 2021, réuni le 10/06/2021"),
            (std::vector<std::string>{"2021-06-03", "2021-06-10"}));
}

// A date found without a default year gives, with IsoWith(y), what searching again with
// default year y finds: the sitting reader completes a convocation's year that way.
TEST_F(FrenchWordsTest, IsoWithEqualsSearchingWithThatDefaultYear) {
  SourceText source;
  source.text = "convoqué le 3 juin, réuni le 10/06/2021, le 29 février, le 31 avril 2020";
  Document doc(Normalise(source, BundledTextRules()));
  FrenchWords words(*grammar_);
  const Range all{0, doc.folded().size()};
  for (int year : {2021, 2024}) {
    auto without = words.FindDates(doc, all);
    auto with = words.FindDates(doc, all, year);
    ASSERT_EQ(without.size(), with.size());
    for (std::size_t i = 0; i < with.size(); ++i) {
      EXPECT_EQ(without[i].range.start, with[i].range.start);
      EXPECT_EQ(without[i].IsoWith(year), with[i].iso) << year << " date " << i;
    }
  }
  EXPECT_EQ(words.FindDates(doc, all).front().IsoWith(2021), "2021-06-03");
  EXPECT_EQ(words.FindDates(doc, all)[2].IsoWith(2021), "");  // 29 February 2021
  EXPECT_EQ(words.FindDates(doc, all)[2].IsoWith(2024), "2024-02-29");
}

}  // namespace
}  // namespace registre
