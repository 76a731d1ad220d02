// French number words and dates, as printed in deliberations.
//
// Numbers: "deux" = 2, "vingt-six" = 26, "deux mille vingt et un" = 2021, "quatre-vingt-dix"
// = 90, also "DEUX" once folded. Dates: figures (10/07/2023, 10.07.23), day + month word
// (+ year) ("1er février 2019"), and words ("le vingt-six mars" with "L'an deux mille vingt
// et un"). The words come from grammars/00-words.grammar ([table.months], [table.numbers],
// [dates]).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/grammar.h"
#include "text/document.h"

namespace registre {

std::string IsoDate(int year, int month, int day);  // empty when not a valid date

class FrenchWords {
 public:
  explicit FrenchWords(const Grammar& grammar);

  // A whole number from folded words or figures ("17", "dix-sept"); nullopt otherwise.
  std::optional<int> ParseNumber(std::string_view folded) const;

  struct DateFound {
    Range range;      // folded range of the date as printed
    std::string iso;  // YYYY-MM-DD; empty when the year is unknown and no default was given
    bool has_year = false;
    int month = 0, day = 0;
    // The date as it would have been found with `default_year` (only a date printed
    // without its year changes).
    std::string IsoWith(int default_year) const {
      return has_year ? iso : IsoDate(default_year, month, day);
    }
  };
  // Dates in `r`, in text order. `default_year` (0 = none) completes dates printed without
  // a year (a convocation "du 3 juin" in a sitting of 2021).
  std::vector<DateFound> FindDates(const Document& doc, Range r, int default_year = 0) const;
  // The year written in words after "L'an" in `r`, or 0.
  int YearInWords(const Document& doc, Range r) const;

 private:
  std::optional<int> Month(std::string_view folded) const;
  const Grammar& grammar_;
  std::vector<std::string> connectors_;  // [table.number_words] connector: "et"
};

bool ValidDayMonth(int year, int month, int day);  // leap years counted

}  // namespace registre
