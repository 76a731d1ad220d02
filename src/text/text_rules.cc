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
  for (const GrammarEntry& e : grammar.Section("table.number_words"))
    if (e.key == "connector") rules.number_words.push_back(e.value);
  for (const GrammarEntry& e : grammar.Section("table.line_repair"))
    if (e.key == "split_ending") rules.split_endings.push_back(e.value);
  for (const GrammarEntry& e : grammar.Section("table.hyphenation")) {
    if (e.key == "left") rules.keep_left.push_back(e.value);
    if (e.key == "right") rules.keep_right.push_back(e.value);
  }
  return rules;
}

}  // namespace registre
