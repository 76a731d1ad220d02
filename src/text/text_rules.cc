#include "text/text_rules.h"

namespace registre {

Result<TextRules> TextRules::FromGrammar(const Grammar& grammar) {
  TextRules rules;
  rules.page_counter = grammar.Pattern("page.furniture", "counter");
  rules.page_title = grammar.Pattern("page.furniture", "title");
  for (const RE2* re : {rules.page_counter, rules.page_title}) {
    if (!re || !re->ok())
      return Status::BadGrammar("[page.furniture]: pattern cannot be compiled" +
                                (re ? ": " + re->error() : std::string()));
  }
  rules.counter_groups = rules.page_counter->NumberOfCapturingGroups();
  if (rules.counter_groups > kMaxCounterGroups)
    return Status::BadGrammar("[page.furniture] counter: more than " +
                              std::to_string(kMaxCounterGroups) + " groups");
  const auto& named = rules.page_counter->NamedCapturingGroups();
  for (auto [name, slot] : {std::pair<const char*, int*>{"page", &rules.page},
                            {"open", &rules.open},
                            {"n", &rules.n},
                            {"close", &rules.close},
                            {"total", &rules.total}}) {
    auto it = named.find(name);
    if (it == named.end())
      return Status::BadGrammar(std::string("[page.furniture] counter: no group ") + name);
    *slot = it->second;
  }
  rules.page_word = grammar.Lookup("table.page_furniture", "page_word");
  for (const GrammarEntry& e : grammar.Section("table.numbers"))
    rules.number_words.push_back(e.key);
  for (std::string& w : grammar.Values("table.number_words", "connector"))
    rules.number_words.push_back(std::move(w));
  rules.split_endings = grammar.Values("table.line_repair", "split_ending");
  rules.compound_first = grammar.Values("table.line_repair", "compound_first");
  for (const GrammarEntry& e : grammar.Section("table.latex"))
    rules.latex.emplace_back(e.key, e.value);
  rules.civilities = grammar.Values("table.line_repair", "civility");
  rules.keep_left = grammar.Values("table.hyphenation", "left");
  rules.keep_right = grammar.Values("table.hyphenation", "right");
  return rules;
}

}  // namespace registre
