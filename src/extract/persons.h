// Persons: reads names as printed in attendance lists, signatures and labels.
//
// A list value ("M. Athanaze, Mme Baume, M. Ben Itah (pouvoir à Mme Moreira)") is split on
// commas, semicolons, slashes, bullets and line-start dashes outside parentheses; each item
// loses its civility (recorded as "M." or "Mme"), its role (", Maire" -> role) and its
// parenthesis (a proxy -> proxy_to, anything else -> note). Names keep their printed case
// and order. Items that are roles or labels are dropped; an item too long to be a name ends
// the list (the value ran into prose) and is reported through `truncated`.
// All wordings come from grammars/persons.grammar.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "rules/grammar.h"
#include "text/document.h"

namespace registre {

struct PersonRef {
  std::string civility;  // "M.", "Mme" or empty
  std::string name;
  bool operator==(const PersonRef&) const = default;
};

struct Person {
  std::string civility;  // "M.", "Mme" or empty (null in JSON)
  std::string name;
  std::string role;
  std::string note;
  std::optional<PersonRef> proxy_to;
  // The substitute who sat and voted in this member's place ("X remplacé par son suppléant
  // Y"): Y is present, X excused, and there is no proxy.
  std::optional<PersonRef> substitute;
  // The member whose proxy this one holds ("Y (pouvoir de X)"): X is excused, with Y.
  std::optional<PersonRef> proxy_from;
  // "excused" or "absent" when the list says so of this person whatever its label
  // ("Messieurs X et Y, absents excusés", "M. Z (excusé)"); empty otherwise.
  std::string status;
  Range range;  // folded range of the whole item
  bool operator==(const Person&) const = default;
};

nlohmann::json PersonToJson(const Person& p, bool with_proxy = true);
nlohmann::json PersonRefToJson(const PersonRef& p);

enum class ListKind { kPlain, kProxies, kRepresented };

struct PersonList {
  std::vector<Person> persons;
  bool truncated = false;  // the list ran into text that is not names
};

class PersonParser {
 public:
  explicit PersonParser(const Grammar& grammar);

  // `kind` tells how to read "X à Y" / "X par Y" items (as proxies in such lists).
  PersonList ParseList(const Document& doc, Range value, ListKind kind = ListKind::kPlain) const;
  // One name with optional civility and role ("Monsieur Bruno Bernard, Maire").
  std::optional<Person> ParseOne(const Document& doc, Range value) const;
  // A person named by function ("Monsieur le Maire" -> "le Maire"), or nothing.
  std::optional<Person> ParseFunction(const Document& doc, Range value) const;

 private:
  // `after_proxy`: an earlier mention of the list was a proxy sentence, so "M. X à M. Y"
  // is one too ([persons.proxy_in_list] elliptic).
  std::optional<Person> ParseItem(const Document& doc, Range item, std::string* carried_civility,
                                  ListKind kind, bool after_proxy) const;
  // The mentions of a list value: items cut at separators outside parentheses, then at
  // each civility that starts a new person ([persons.mention]), a civility alone joined to
  // the mention after it.
  std::vector<Range> Mentions(const Document& doc, Range value) const;
  std::vector<Range> SplitMentions(const Document& doc, Range item) const;
  bool IsOnlyCivility(const Document& doc, Range r) const;
  // Entry `key` of [persons.substitute] at the start of `r`: the substitute (group holder),
  // and in `member` the member's part (group giver) when the entry has one.
  std::optional<PersonRef> Substitute(const Document& doc, std::string_view key, Range r,
                                      Range* member) const;
  // The key of the [persons.status] entry that `folded` is ("absents excusés"), or "".
  std::string StatusOf(std::string_view folded) const;
  Range StripCivility(const Document& doc, Range r, std::string* civility, bool* plural) const;
  PersonRef ParseRef(const Document& doc, Range r) const;
  // The civility a plural civility gives the names after it ([persons.plural_civility]).
  std::string PluralCivility(std::string_view plural) const;
  // A role printed after a name ("Jean-Michel BRARD, Maire"): when entry `e` of
  // [persons.role_suffix] matches at the end of `name`, the name before it and the role's
  // group. None when what stands before is only an article ("le Maire" is a person named by
  // function: the function is the name).
  struct RoleSplit {
    Range name, role;
  };
  std::optional<RoleSplit> SplitRole(const Document& doc, const GrammarEntry& e, Range name) const;
  const Grammar& grammar_;
  std::vector<std::string> function_articles_;  // [table.person_words]: "le", "la", "l'"
  std::string name_separator_;                  // " et "
  std::vector<std::string> abbreviations_;      // [table.person_words]: "mme", "mlle"
  std::vector<std::string> particles_;          // [table.person_words]: "de", "van"
  // The name cut before the sentence it ran into (two words in lower case in a row that are
  // no particles, and the capitalised word opening them: "CORDIER Le précédent compte rendu
  // est lu" is "CORDIER"); the name unchanged when it holds none, empty when nothing is left.
  // `cut` says whether it was cut.
  std::string CutAtProse(const std::string& name, bool* cut) const;
};

}  // namespace registre
