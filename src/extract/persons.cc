#include "extract/persons.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "base/json_object.h"
#include "base/text_util.h"
#include "base/utf8.h"

namespace registre {
namespace {

constexpr std::string_view kTrim = " \n\t:;,.-\u2022*>\"'";
constexpr int kMaxNameWords = 7;

int WordCount(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z'); });
}

// Splits a list value on separators outside parentheses.
// `separator`: the word between two names, with a space on each side (" et ").
std::vector<Range> SplitItems(const Document& doc, Range value, std::string_view separator) {
  std::vector<Range> items;
  std::string_view f = doc.Folded(value);
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth > 0) continue;
    // ':' too: "Commune de Meyse : Monsieur Mazzini" groups names under a label.
    bool sep = c == ',' || c == ';' || c == '/' || c == ':' || c == '&';
    // A bullet: "- Name" at a line start or after a comma; "•" anywhere.
    // A dash is a bullet or a separator, unless it joins a compound name ("Jean-Pierre"):
    // "- Name", ",- Name", "NAME - Name", "DEBELLE- Francis".
    if (c == '-' && (i == 0 || f[i - 1] == '\n' || f[i - 1] == ',' ||
                     (i + 1 < f.size() && (f[i + 1] == ' ' || f[i + 1] == '\n'))))
      sep = true;
    if (f.substr(i, 3) == "\u2022") sep = true;
    // " et " between two names.
    if (c == ' ' && !separator.empty() && f.substr(i, separator.size()) == separator && i > 0) {
      items.push_back({value.start + start, value.start + i});
      start = i + separator.size();
      i += separator.size() - 1;
      continue;
    }
    if (sep) {
      items.push_back({value.start + start, value.start + i});
      start = i + 1;
    }
  }
  items.push_back({value.start + start, value.end});
  return items;
}

enum class WordCase { kUpper, kCapitalised, kOther };

WordCase CaseOf(const std::string& word) {
  bool any_lower = false, any_upper = false, first = true, first_upper = false;
  std::size_t i = 0;
  while (i < word.size()) {
    char32_t cp = NextCodePoint(word, i);
    if (u_isupper(static_cast<UChar32>(cp))) any_upper = true;
    if (u_islower(static_cast<UChar32>(cp))) any_lower = true;
    if (first) first_upper = u_isupper(static_cast<UChar32>(cp));
    first = false;
  }
  if (any_upper && !any_lower) return WordCase::kUpper;
  if (first_upper) return WordCase::kCapitalised;
  return WordCase::kOther;
}

// Names printed one after the other without separators, each a SURNAME and a Firstname in
// a fixed order: a new name starts where the case pattern starts again. Empty when the item
// is not such a run (a lower-case word, or fewer than three names).
std::vector<Range> SplitUnseparatedNames(const Document& doc, Range item) {
  std::vector<std::pair<Range, WordCase>> words;
  std::string_view f = doc.Folded(item);
  std::size_t pos = 0;
  while (pos < f.size()) {
    while (pos < f.size() && (f[pos] == ' ' || f[pos] == '\n')) ++pos;
    std::size_t end = pos;
    while (end < f.size() && f[end] != ' ' && f[end] != '\n') ++end;
    if (end > pos) {
      Range r{item.start + pos, item.start + end};
      WordCase c = CaseOf(doc.RawText(r));
      if (c == WordCase::kOther) return {};
      words.emplace_back(r, c);
    }
    pos = end;
  }
  if (words.size() < 6) return {};
  WordCase lead = words[0].second;  // the case that opens every name
  std::vector<Range> names;
  Range current = words[0].first;
  for (std::size_t k = 1; k < words.size(); ++k) {
    if (words[k].second == lead && words[k - 1].second != lead) {
      names.push_back(current);
      current = words[k].first;
    } else {
      current.end = words[k].first.end;
    }
  }
  names.push_back(current);
  if (names.size() < 3) return {};
  for (Range r : names)
    if (WordCount(doc.Folded(r)) > 4) return {};
  return names;
}

}  // namespace

nlohmann::json PersonRefToJson(const PersonRef& p) {
  return Obj("civility", p.civility.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.civility),
             "name", p.name);
}

nlohmann::json PersonToJson(const Person& p, bool with_proxy) {
  nlohmann::json j =
      Obj("civility", p.civility.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.civility),
          "name", p.name);
  if (!p.role.empty()) j["role"] = p.role;
  if (!p.note.empty()) j["note"] = p.note;
  if (with_proxy)
    j["proxy_to"] = p.proxy_to ? PersonRefToJson(*p.proxy_to) : nlohmann::json(nullptr);
  return j;
}

PersonParser::PersonParser(const Grammar& grammar) : grammar_(grammar) {
  function_articles_ = grammar.Values("table.person_words", "function_article");
  name_separator_ = " " + grammar.Lookup("table.person_words", "name_separator") + " ";
}

Range PersonParser::StripCivility(const Document& doc, Range r, std::string* civility,
                                  bool* plural) const {
  *plural = false;
  if (!grammar_.MayMatch("persons.civility", doc.Folded(r))) return r;
  // Plural forms first: they are longer than the singular ones they start with.
  for (const GrammarEntry& e : grammar_.Section("persons.civility")) {
    if (e.key != "plural") continue;
    Range whole;
    if (FindIn(doc, *e.regex, r, &whole, nullptr) && whole.start == r.start && !whole.empty()) {
      *plural = true;
      // "Messieurs X": a single-gender plural gives the civility of the names that follow.
      std::string_view w = doc.Folded(whole);
      if (w.rfind("mess", 0) == 0 || w.rfind("mm", 0) == 0)
        *civility = "M.";
      else if (w.rfind("mesdames ", 0) == 0 && w.find("messieurs") == std::string_view::npos)
        *civility = "Mme";
      else if (w.rfind("mmes", 0) == 0 && w.find("mm.") == std::string_view::npos)
        *civility = "Mme";
      else
        civility->clear();
      return Range{whole.end, r.end};
    }
  }
  for (const GrammarEntry& e : grammar_.Section("persons.civility")) {
    if (e.key == "plural") continue;
    Range whole;
    if (FindIn(doc, *e.regex, r, &whole, nullptr) && whole.start == r.start && !whole.empty()) {
      *civility = e.key;
      return Range{whole.end, r.end};
    }
  }
  return r;
}

PersonRef PersonParser::ParseRef(const Document& doc, Range r) const {
  r = TrimRange(doc, r, kTrim);
  std::string civility;
  bool plural = false;
  Range rest = TrimRange(doc, StripCivility(doc, r, &civility, &plural), kTrim);
  PersonRef ref;
  ref.civility = civility;
  // "le Maire" keeps its article: a holder named by function is written as printed.
  ref.name = doc.Text(rest.empty() ? r : rest);
  for (const GrammarEntry& e : grammar_.Section("persons.role_suffix")) {
    // Only a real name loses its role.
    if (auto split = SplitRole(doc, e, rest); split && !split->name.empty())
      ref.name = doc.Text(split->name);
  }
  return ref;
}

std::optional<PersonParser::RoleSplit> PersonParser::SplitRole(const Document& doc,
                                                               const GrammarEntry& e,
                                                               Range name) const {
  Range whole;
  std::vector<Range> groups;
  if (!FindIn(doc, *e.regex, name, &whole, &groups) || whole.end != name.end ||
      whole.start <= name.start)
    return std::nullopt;
  Range before = TrimRange(doc, Range{name.start, whole.start}, kTrim);
  std::string_view article = doc.Folded(before);
  if (Contains(function_articles_, article)) return std::nullopt;
  return RoleSplit{before, Group(*e.regex, groups, "role")};
}

std::optional<Person> PersonParser::ParseItem(const Document& doc, Range item, std::string* carried,
                                              ListKind kind) const {
  item = TrimRange(doc, item, kTrim);
  if (item.empty() || !HasLetter(doc.Folded(item))) return std::nullopt;
  // A parenthesis alone ("(article L.2121-15 du CGCT)") is a remark, not a person.
  if (doc.Folded(item).front() == '(') return std::nullopt;
  Person p;
  p.range = item;
  // A trailing parenthesis: proxy or note.
  std::string_view f = doc.Folded(item);
  Range body = item;
  if (f.back() == ')') {
    std::size_t open = f.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      Range paren{item.start + open, item.end};
      body = TrimRange(doc, Range{item.start, item.start + open}, kTrim);
      bool matched = false;
      for (const GrammarEntry& e : grammar_.Section("persons.parenthesis")) {
        Range whole;
        std::vector<Range> groups;
        if (FindIn(doc, *e.regex, paren, &whole, &groups) && whole.start == paren.start) {
          p.proxy_to = ParseRef(doc, Group(*e.regex, groups, "holder"));
          matched = true;
          break;
        }
      }
      if (!matched) p.note = doc.Text(Range{paren.start + 1, paren.end - 1});
    }
  }
  // A proxy written in the item itself.
  if (!p.proxy_to) {
    const char* sections[] = {"persons.proxy", kind == ListKind::kProxies ? "persons.proxy_in_list"
                                               : kind == ListKind::kRepresented
                                                   ? "persons.proxy_in_list"
                                                   : nullptr};
    for (const char* section : sections) {
      if (!section || !grammar_.MayMatch(section, doc.Folded(body))) continue;
      for (const GrammarEntry& e : grammar_.Section(section)) {
        if (std::string(section) == "persons.proxy_in_list" &&
            ((kind == ListKind::kProxies) != (e.key == "to")))
          continue;
        Range whole;
        std::vector<Range> groups;
        if (FindIn(doc, *e.regex, body, &whole, &groups) && whole.start == body.start) {
          Range giver = Group(*e.regex, groups, "giver");
          Range holder = Group(*e.regex, groups, "holder");
          if (giver.empty() || holder.empty()) continue;
          p.proxy_to = ParseRef(doc, holder);
          body = TrimRange(doc, giver, kTrim);
          break;
        }
      }
      if (p.proxy_to) break;
    }
  }
  // A group label glued after a name by the layout ("Chabal Commune de").
  for (const GrammarEntry& e : grammar_.Candidates("persons.strip_suffix", doc.Folded(body))) {
    Range whole;
    if (FindIn(doc, *e.regex, body, &whole, nullptr) && whole.end == body.end &&
        whole.start > body.start)
      body = TrimRange(doc, Range{body.start, whole.start}, kTrim);
  }
  std::string civility;
  bool plural = false;
  Range name = TrimRange(doc, StripCivility(doc, body, &civility, &plural), kTrim);
  if (plural) *carried = civility;
  if (civility.empty() || plural) civility = *carried;
  p.civility = civility;
  // A role after the name ("Jean-Michel BRARD, Maire" was split; "BRARD Maire" was not).
  for (const GrammarEntry& e : grammar_.Section("persons.role_suffix")) {
    if (auto split = SplitRole(doc, e, name)) {
      p.role = doc.Text(split->role);
      name = split->name;
    }
  }
  if (name.empty() || !HasLetter(doc.Folded(name))) return std::nullopt;
  if (grammar_.MayMatch("persons.not_a_name", doc.Folded(name))) {
    for (const GrammarEntry& e : grammar_.Section("persons.not_a_name")) {
      Range whole;
      if (FindIn(doc, *e.regex, name, &whole, nullptr) && whole.start == name.start &&
          whole.end == name.end)
        return std::nullopt;
    }
  }
  p.name = doc.Text(name);
  return p;
}

PersonList PersonParser::ParseList(const Document& doc, Range value, ListKind kind) const {
  PersonList list;
  std::string carried;
  for (Range item : SplitItems(doc, value, name_separator_)) {
    Range trimmed = TrimRange(doc, item, kTrim);
    if (trimmed.empty()) continue;
    std::optional<Person> p = ParseItem(doc, trimmed, &carried, kind);
    if (!p) continue;
    if (WordCount(doc.Folded(Range{trimmed.start, trimmed.end})) > kMaxNameWords + 4 ||
        WordCount(p->name) > kMaxNameWords) {
      // "FOND Pierre MORANGE Pierre LECLERC Grégory": names printed without separators.
      std::vector<Range> names = SplitUnseparatedNames(doc, trimmed);
      if (names.empty()) {
        list.truncated = true;
        break;
      }
      for (Range name : names)
        if (std::optional<Person> q = ParseItem(doc, name, &carried, kind))
          list.persons.push_back(*q);
      continue;
    }
    list.persons.push_back(std::move(*p));
  }
  return list;
}

std::optional<Person> PersonParser::ParseFunction(const Document& doc, Range value) const {
  PersonRef ref = ParseRef(doc, value);
  std::string folded = FoldString(ref.name);
  if (folded.rfind("le ", 0) != 0 && folded.rfind("la ", 0) != 0) return std::nullopt;
  if (WordCount(folded) > 4) return std::nullopt;
  Person p;
  p.name = ref.name;
  return p;
}

std::optional<Person> PersonParser::ParseOne(const Document& doc, Range value) const {
  std::string carried;
  std::optional<Person> p = ParseItem(doc, value, &carried, ListKind::kPlain);
  if (p && WordCount(p->name) > kMaxNameWords) return std::nullopt;
  return p;
}

}  // namespace registre
