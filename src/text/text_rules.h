// The words and patterns the normaliser's passes take from the grammar (grammars/
// 05-text.grammar), resolved once (at Pipeline creation) so that no pass looks a name up per
// line: the page furniture patterns and word, and the hyphenation word lists.
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "rules/grammar.h"

namespace registre {

struct TextRules {
  // Built from a loaded grammar (whose declared names CheckDeclared has required). Errors
  // when a pattern does not compile or lacks its groups. The grammar must outlive the rules.
  static Result<TextRules> FromGrammar(const Grammar& grammar);

  // [page.furniture] counter: a whole line that is a page counter; the indices (1-based,
  // as RE2 numbers them) of its groups page, open, n, close and total.
  const RE2* page_counter = nullptr;
  static constexpr int kMaxCounterGroups = 8;
  int counter_groups = 0;  // its number of capturing groups (at most kMaxCounterGroups)
  int page = 0, open = 0, n = 0, close = 0, total = 0;
  // [page.furniture] title: a whole line that is a counter and a short running title.
  const RE2* page_title = nullptr;
  // [table.page_furniture] page_word: folded, ASCII ("page").
  std::string page_word;

  // Line-end hyphenation ([table.hyphenation], [table.numbers]): folded words.
  std::vector<std::string> number_words;  // the keys of [table.numbers], and the connectors
  std::vector<std::string> keep_left, keep_right;

  // Justification splits ([table.line_repair] split_ending): lower-case endings.
  std::vector<std::string> split_endings;
  // Compound first names ([table.line_repair] compound_first): folded first parts.
  std::vector<std::string> compound_first;
  std::vector<std::string> civilities;  // [table.line_repair] civility, folded

  // Math-mode residue of conversion tools ([table.latex]): command name -> its text.
  std::vector<std::pair<std::string, std::string>> latex;
};

}  // namespace registre
