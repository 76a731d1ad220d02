#include "extract/persons.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>

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

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

// The case of the word of `f` (folded, at `offset` in the document) that ends at `end` or,
// with `forward`, starts at `start`; kOther when there is none.
WordCase CaseAround(const Document& doc, std::string_view f, std::size_t offset, std::size_t at,
                    bool forward) {
  std::size_t a = at, b = at;
  if (forward) {
    while (a < f.size() && f[a] == ' ') ++a;
    b = a;
    while (b < f.size() && f[b] != ' ' && f[b] != '\n' && f[b] != ',') ++b;
  } else {
    while (b > 0 && f[b - 1] == ' ') --b;
    a = b;
    while (a > 0 && f[a - 1] != ' ' && f[a - 1] != '\n' && f[a - 1] != ',') --a;
  }
  if (b <= a) return WordCase::kOther;
  return CaseOf(doc.RawText(Range{offset + a, offset + b}));
}

// A dash with a space beside it joins a compound first name damaged by the transcription
// ("Jean- Claude", "Marie - Anne": both sides capitalised, in mixed case); between two
// SURNAMES ("DESNOYERS- HERMIER") or a SURNAME and a first name it separates two people.
bool JoinsCompoundFirstName(const Document& doc, std::string_view f, std::size_t offset,
                            std::size_t i) {
  return CaseAround(doc, f, offset, i, false) == WordCase::kCapitalised &&
         CaseAround(doc, f, offset, i + 1, true) == WordCase::kCapitalised;
}

// A full stop ends a sentence (and a mention) after a word of three letters or more:
// not after an initial ("J.") or an abbreviation ([table.person_words] abbreviation: "Mme.").
bool EndsSentence(std::string_view f, std::size_t i,
                  const std::vector<std::string>& abbreviations) {
  if (i + 1 < f.size() && f[i + 1] != ' ' && f[i + 1] != '\n') return false;
  std::size_t a = i;
  while (a > 0 && IsLetter(f[a - 1])) --a;
  std::string_view word = f.substr(a, i - a);
  return word.size() >= 3 && !Contains(abbreviations, word);
}

// Splits a list value on separators outside parentheses.
// `separator`: the word between two names, with a space on each side (" et ").
std::vector<Range> SplitItems(const Document& doc, Range value, std::string_view separator,
                              const std::vector<std::string>& abbreviations) {
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
    // A list number ("1. SCHELLENBERGER Raphaël 2. BLASER Stéphanie") separates.
    if (std::isdigit(static_cast<unsigned char>(c)) &&
        (i == 0 || f[i - 1] == ' ' || f[i - 1] == '\n')) {
      std::size_t e = i;
      while (e < f.size() && std::isdigit(static_cast<unsigned char>(f[e]))) ++e;
      if (e - i <= 3 && e + 1 < f.size() && (f[e] == '.' || f[e] == ')') &&
          (f[e + 1] == ' ' || f[e + 1] == '\n')) {
        items.push_back({value.start + start, value.start + i});
        start = e + 1;
        i = e;
        continue;
      }
    }
    bool sep = c == ',' || c == ';' || c == ':' || c == '&';
    // A slash separates, except inside a married name printed "HAMEL/BRUN".
    if (c == '/' && !(i > 0 && i + 1 < f.size() && IsLetter(f[i - 1]) && IsLetter(f[i + 1])))
      sep = true;
    if (c == '.' && EndsSentence(f, i, abbreviations)) sep = true;
    // A bullet: "- Name" at a line start or after a comma; "•" anywhere.
    // A dash is a bullet or a separator, unless it joins a compound name ("Jean-Pierre"):
    // "- Name", ",- Name", "NAME - Name", "DEBELLE- Francis".
    if (c == '-' && (i == 0 || f[i - 1] == '\n' || f[i - 1] == ',' ||
                     (i + 1 < f.size() && (f[i + 1] == ' ' || f[i + 1] == '\n'))))
      sep = !JoinsCompoundFirstName(doc, f, value.start, i);
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

// Names printed one after the other without separators, each a SURNAME and a Firstname in
// a fixed order: a new name starts where the case pattern starts again. Empty when the item
// is not such a run (a lower-case word, or fewer than three names). With `pairs`, a run of
// two names or more where each name mixes both cases ("Gérard BUHE Dominique MADEC").
std::vector<Range> SplitUnseparatedNames(const Document& doc, Range item, bool pairs = false) {
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
  if (words.size() < (pairs ? 4u : 6u)) return {};
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
  if (names.size() < (pairs ? 2u : 3u)) return {};
  for (Range r : names)
    if (WordCount(doc.Folded(r)) > 4) return {};
  // A name of a pair run has a word in each case (the last could be "Maire Adjoint").
  if (pairs && words.back().second == lead) return {};
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
  if (p.substitute) j["substitute"] = PersonRefToJson(*p.substitute);
  if (with_proxy)
    j["proxy_to"] = p.proxy_to ? PersonRefToJson(*p.proxy_to) : nlohmann::json(nullptr);
  return j;
}

PersonParser::PersonParser(const Grammar& grammar) : grammar_(grammar) {
  function_articles_ = grammar.Values("table.person_words", "function_article");
  name_separator_ = " " + grammar.Lookup("table.person_words", "name_separator") + " ";
  abbreviations_ = grammar.Values("table.person_words", "abbreviation");
  particles_ = grammar.Values("table.person_words", "particle");
}

std::string PersonParser::CutAtProse(const std::string& name, bool* cut) const {
  *cut = false;
  // The words, with where each starts in `name`.
  std::vector<std::pair<std::size_t, std::string>> words;
  for (std::size_t at = 0; at < name.size();) {
    std::size_t end = name.find(' ', at);
    if (end == std::string::npos) end = name.size();
    if (end > at) words.emplace_back(at, name.substr(at, end - at));
    at = end + 1;
  }
  auto prose = [&](const std::string& word) {
    std::size_t i = 0;
    return u_islower(static_cast<UChar32>(NextCodePoint(word, i))) &&
           !Contains(particles_, FoldString(word));
  };
  for (std::size_t k = 1; k + 1 < words.size(); ++k) {
    if (!prose(words[k].second) || !prose(words[k + 1].second)) continue;
    std::size_t from = k;
    if (CaseOf(words[k - 1].second) == WordCase::kCapitalised) from = k - 1;  // "Le précédent"
    *cut = true;
    std::string kept = name.substr(0, words[from].first);
    while (!kept.empty() && (kept.back() == ' ' || kept.back() == ',')) kept.pop_back();
    return kept;
  }
  return name;
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
      *civility = PluralCivility(doc.Folded(whole));
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

std::string PersonParser::PluralCivility(std::string_view plural) const {
  re2::StringPiece input(plural.data(), plural.size());
  for (const GrammarEntry& e : grammar_.Section("persons.plural_civility")) {
    if (!RE2::PartialMatch(input, *e.regex)) continue;
    return e.key == "mixed" ? "" : e.key;
  }
  return "";
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
                                              ListKind kind, bool after_proxy) const {
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
      p.substitute = Substitute(doc, "parenthesis", paren, nullptr);
      bool matched = p.substitute.has_value();
      for (const GrammarEntry& e : grammar_.Section("persons.parenthesis")) {
        if (matched) break;
        Range whole;
        std::vector<Range> groups;
        if (FindIn(doc, *e.regex, paren, &whole, &groups) && whole.start == paren.start) {
          // "Y (pouvoir de X)": Y holds X's proxy.
          if (e.key == "from")
            p.proxy_from = ParseRef(doc, Group(*e.regex, groups, "giver"));
          else
            p.proxy_to = ParseRef(doc, Group(*e.regex, groups, "holder"));
          matched = true;
          break;
        }
      }
      if (!matched) p.note = doc.Text(Range{paren.start + 1, paren.end - 1});
    }
  }
  // A substitute written in the item itself ("X remplacé par son suppléant Y").
  if (!p.proxy_to && !p.substitute) {
    Range member;
    p.substitute = Substitute(doc, "sentence", body, &member);
    if (p.substitute) body = TrimRange(doc, member, kTrim);
  }
  // A proxy written in the item itself.
  if (!p.proxy_to && !p.substitute) {
    // Which entries of [persons.proxy_in_list] apply: "X à Y" under "Pouvoirs :", "X par Y"
    // under "Représentés :", and after a proxy sentence of the same list "M. X à M. Y".
    const char* in_list = kind == ListKind::kProxies       ? "to"
                          : kind == ListKind::kRepresented ? "by"
                          : after_proxy                    ? "elliptic"
                                                           : nullptr;
    for (const char* section : {"persons.proxy", in_list ? "persons.proxy_in_list" : nullptr}) {
      if (!section || !grammar_.MayMatch(section, doc.Folded(body))) continue;
      bool listed = std::string_view(section) == "persons.proxy_in_list";
      for (const GrammarEntry& e : grammar_.Section(section)) {
        if (listed && e.key != in_list) continue;
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
      if (p.proxy_to || p.substitute) break;
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

std::vector<Range> PersonParser::SplitMentions(const Document& doc, Range item) const {
  const AcceleratedRE2* start = grammar_.Pattern("persons.mention", "start");
  const AcceleratedRE2* bound = grammar_.Pattern("persons.mention", "bound");
  std::vector<Range> out;
  if (!start || !bound) return {item};
  std::string_view f = doc.Folded(item);
  Range cursor{item.start + 1, item.end}, whole;
  std::size_t from = item.start;
  while (cursor.start < cursor.end && FindIn(doc, *start, cursor, &whole, nullptr)) {
    std::size_t at = whole.start;
    if (f[at - item.start] == ' ' || f[at - item.start] == ')') ++at;  // the civility itself
    cursor.start = whole.end;
    Range before = TrimRange(doc, Range{from, at}, " \n");
    std::string_view b = doc.Folded(Range{item.start, at});
    bool in_parenthesis = std::count(b.begin(), b.end(), '(') > std::count(b.begin(), b.end(), ')');
    if (before.empty() || in_parenthesis || FindIn(doc, *bound, before, nullptr, nullptr) ||
        IsOnlyCivility(doc, before))
      continue;
    out.push_back(before);
    from = at;
  }
  out.push_back(Range{from, item.end});
  return out;
}

std::optional<PersonRef> PersonParser::Substitute(const Document& doc, std::string_view key,
                                                  Range r, Range* member) const {
  for (const GrammarEntry& e : grammar_.Section("persons.substitute")) {
    if (e.key != key) continue;
    Range whole;
    std::vector<Range> groups;
    if (!FindIn(doc, *e.regex, r, &whole, &groups) || whole.start != r.start) continue;
    Range holder = Group(*e.regex, groups, "holder");
    if (holder.empty()) continue;
    if (member) {
      *member = Group(*e.regex, groups, "giver");
      if (member->empty()) continue;
    }
    return ParseRef(doc, holder);
  }
  return std::nullopt;
}

bool PersonParser::IsOnlyCivility(const Document& doc, Range r) const {
  const AcceleratedRE2* only = grammar_.Pattern("persons.mention", "only_civility");
  return only && FindIn(doc, *only, TrimRange(doc, r, kTrim), nullptr, nullptr);
}

std::string PersonParser::StatusOf(std::string_view folded) const {
  re2::StringPiece input(folded.data(), folded.size());
  for (const GrammarEntry& e : grammar_.Section("persons.status"))
    if (RE2::PartialMatch(input, *e.regex)) return e.key;
  return "";
}

std::vector<Range> PersonParser::Mentions(const Document& doc, Range value) const {
  std::vector<Range> mentions;
  for (Range item : SplitItems(doc, value, name_separator_, abbreviations_))
    for (Range m : SplitMentions(doc, item)) {
      Range trimmed = TrimRange(doc, m, kTrim);
      if (!trimmed.empty()) mentions.push_back(trimmed);
    }
  // "Mme et M. X" was cut at " et ": a civility alone belongs to the mention after it.
  std::vector<Range> joined;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    if (k + 1 < mentions.size() && IsOnlyCivility(doc, mentions[k])) {
      mentions[k + 1].start = mentions[k].start;
      continue;
    }
    joined.push_back(mentions[k]);
  }
  return joined;
}

PersonList PersonParser::ParseList(const Document& doc, Range value, ListKind kind) const {
  PersonList list;
  std::string carried;
  std::size_t unmarked = 0;  // the first person no status item has spoken for yet
  bool after_proxy = false;  // "X a donné pouvoir à Y, Z à W": the second is a proxy too
  for (Range trimmed : Mentions(doc, value)) {
    // "Messieurs X et Y, absents excusés": the status of the names before it.
    if (std::string status = StatusOf(doc.Folded(trimmed)); !status.empty()) {
      for (std::size_t k = unmarked; k < list.persons.size(); ++k) list.persons[k].status = status;
      unmarked = list.persons.size();
      continue;
    }
    // "Mme X, délégation de vote à M. Y": the relation of the mention before.
    if (const AcceleratedRE2* rel = grammar_.Pattern("persons.relation_after", "proxy");
        rel && !list.persons.empty() && !list.persons.back().proxy_to) {
      Range whole;
      std::vector<Range> groups;
      if (FindIn(doc, *rel, trimmed, &whole, &groups) && whole.start == trimmed.start) {
        list.persons.back().proxy_to = ParseRef(doc, Group(*rel, groups, "holder"));
        after_proxy = true;
        continue;
      }
    }
    std::optional<Person> p = ParseItem(doc, trimmed, &carried, kind, after_proxy);
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
        if (std::optional<Person> q = ParseItem(doc, name, &carried, kind, false))
          list.persons.push_back(*q);
      continue;
    }
    if (!p->proxy_to && p->note.empty()) {
      // "Gérard BUHE Dominique MADEC": two names without a separator.
      std::vector<Range> names = SplitUnseparatedNames(doc, trimmed, true);
      if (!names.empty()) {
        for (Range name : names)
          if (std::optional<Person> q = ParseItem(doc, name, &carried, kind, false))
            list.persons.push_back(*q);
        continue;
      }
    }
    // The list ran into a sentence: the name up to it is the list's last.
    bool into_prose = false;
    p->name = CutAtProse(p->name, &into_prose);
    if (into_prose) list.truncated = true;
    if (p->name.empty()) break;
    if (p->proxy_to) after_proxy = true;
    if (!p->note.empty()) p->status = StatusOf(FoldString(p->note));
    list.persons.push_back(std::move(*p));
    if (into_prose) break;
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
  std::optional<Person> p = ParseItem(doc, value, &carried, ListKind::kPlain, false);
  if (p && WordCount(p->name) > kMaxNameWords) return std::nullopt;
  return p;
}

}  // namespace registre
