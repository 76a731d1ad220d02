#include "text/reflow.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text_util.h"
#include "base/utf8.h"
#include "text/folding.h"

namespace registre {
namespace {

// A line longer than this holds more than a label.
constexpr std::size_t kLoneLabelBytes = 12;

bool UpperAt(const std::string& text, std::size_t at) {
  if (at >= text.size()) return false;
  std::size_t i = at;
  char32_t cp = NextCodePoint(text, i);
  return u_isupper(static_cast<UChar32>(cp));
}

// The word that ends before folded[at], spaces before `at` skipped (empty at a line start).
std::string_view WordBefore(const std::string& folded, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && folded[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && folded[begin - 1] != ' ' && folded[begin - 1] != '\n') --begin;
  return std::string_view(folded).substr(begin, end - begin);
}

std::size_t StartOf(const std::string& folded, std::string_view word) {
  return static_cast<std::size_t>(word.data() - folded.data());
}

// True when the word before folded[at] is an item's label ("I -", "3.", "b)", "12"): a title
// after it stays on the label's line.
bool AfterItemLabel(const std::string& folded, std::size_t at) {
  std::string_view word = WordBefore(folded, at);
  const std::size_t word_start = StartOf(folded, word);
  while (!word.empty() && std::string_view("-.):/").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  // "I - Approbation": the label before the dash; not "2022 : Approbation" (a colon ends a
  // title or a label, not an item's number).
  if (word.empty() && WordBefore(folded, at) != ":") word = WordBefore(folded, word_start);
  if (word.empty() || word.size() > 4) return false;
  const bool digits =
      word.size() <= 3 && word.find_first_not_of("0123456789") == std::string_view::npos;
  const bool roman = word.find_first_not_of("ivx") == std::string_view::npos;
  return digits || roman || (word.size() == 1 && word[0] >= 'a' && word[0] <= 'h');
}

// True when the two words before folded[at] are pairs of digits: the groups of a phone
// number ("01 30 39 94 36 - Télécopie"), not a date's year ("28 janvier 2021 2) Règlement").
bool AfterPhoneGroups(const std::string& folded, std::size_t at) {
  for (int group = 0; group < 2; ++group) {
    std::string_view word = WordBefore(folded, at);
    if (word.size() != 2 || word.find_first_not_of("0123456789") != std::string_view::npos)
      return false;
    at = StartOf(folded, word);
  }
  return true;
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The last character before folded[at], spaces skipped ('\0' at the start): after a comma
// an enumeration goes on ("…, V. KERGOURLAY, J. RAZER"), after a colon a label's value.
char CharBefore(const std::string& folded, std::size_t at) {
  while (at > 0 && folded[at - 1] == ' ') --at;
  return at > 0 ? folded[at - 1] : '\0';
}

// True when the word at folded[at] (spaces skipped) has at least three letters, all
// capitals: a title in capitals ("I ADOPTION DU PROCES-VERBAL"), not an initial's surname.
bool CapitalsWordAt(const NormalisedText& t, std::size_t at) {
  const std::string& folded = t.folded.text;
  while (at < folded.size() && folded[at] == ' ') ++at;
  std::size_t end = folded.find_first_of(" \n", at);
  if (end == std::string::npos) end = folded.size();
  std::size_t from = t.folded.to_source[at], to = t.folded.to_source[end];
  std::string_view word = std::string_view(t.text).substr(from, to - from);
  return CaseOfLetters(word) == LetterCase::kUpper && CodePoints(word) >= 3;
}

// Whether an entry of [reflow.break_before] may break where it matched [start, after) of the
// folded text: `any` always, `upper` when a capital follows the match, `item` as `upper` when
// it follows neither a comma nor a phone number's groups, `caps` as `item` when a word in
// capitals follows, `title` when the match's first word (after its leading space) starts
// with a capital and follows no item label, `caps_title` when that word is in capitals and
// follows no item label, `not_after_colon` when no colon stands before.
bool KeyAllows(const std::string& key, const NormalisedText& t, std::size_t start,
               std::size_t after) {
  const std::string& folded = t.folded.text;
  if (key == "upper") return UpperAt(t.text, t.folded.to_source[std::min(after, folded.size())]);
  if (key == "not_after_colon") return CharBefore(folded, start) != ':';
  if (key == "item" || key == "caps") {  // not "01 30 39 94 36 - Télécopie", not "…, V. RAZER"
    return UpperAt(t.text, t.folded.to_source[std::min(after, folded.size())]) &&
           !AfterPhoneGroups(folded, start) && CharBefore(folded, start) != ',' &&
           (key == "item" || CapitalsWordAt(t, after));
  }
  if (key == "caps_title") return CapitalsWordAt(t, start) && !AfterItemLabel(folded, start);
  if (key == "title") {
    std::size_t word = start;
    while (word < after && folded[word] == ' ') ++word;
    return UpperAt(t.text, t.folded.to_source[std::min(word, folded.size())]) &&
           !AfterItemLabel(folded, start);
  }
  return true;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The folded text's lines: [start, end) of each, without its '\n'.
std::vector<std::pair<std::size_t, std::size_t>> Lines(const std::string& s) {
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    lines.emplace_back(start, end);
    start = end + 1;
  }
  return lines;
}

// True when one of `section`'s patterns matches at `at` of folded[from, to) (anchored);
// `upper` entries also need a capital in the text after the match.
bool MatchesAt(const Grammar& grammar, std::string_view section, const NormalisedText& t,
               std::size_t from, std::size_t at, std::size_t to,
               std::initializer_list<std::string_view> skip_keys = {}) {
  const std::string& folded = t.folded.text;
  re2::StringPiece input(folded.data() + from, to - from);
  for (const GrammarEntry& e : grammar.Section(section)) {
    if (std::find(skip_keys.begin(), skip_keys.end(), e.key) != skip_keys.end()) continue;
    re2::StringPiece match;
    if (!e.regex->Match(input, at - from, input.size(), RE2::ANCHOR_START, &match, 1)) continue;
    std::size_t begin = static_cast<std::size_t>(match.data() - folded.data());
    if (!KeyAllows(e.key, t, begin, begin + match.size())) continue;
    return true;
  }
  return false;
}

// A line ending with . : ; ! ? ends a sentence or a label, but for an initial or a civility
// ("C." in "A. FICHOU, C.", "M."): a capital alone before the full stop, and for a list's
// label ("2."): one or two digits alone before it.
bool EndsUnit(std::string_view line) {
  if (std::string_view(".:;!?").find(line.back()) == std::string_view::npos) return false;
  if (line.back() != '.' || line.size() < 2) return true;
  // "Raphaël 2." / "BLASER Stéphanie 3.": a list's label, the next entry goes on under it.
  std::size_t digits = line.size() - 1;
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(line[digits - 1]))) --digits;
  if (digits < line.size() - 1 && line.size() - 1 - digits <= 2 &&
      (digits == 0 || line[digits - 1] == ' '))
    return false;
  std::size_t start = line.size() - 2;
  while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
  std::size_t i = start;
  bool capital = u_isupper(static_cast<UChar32>(NextCodePoint(line, i)));
  bool alone = start == 0 || line[start - 1] == ' ' || line[start - 1] == '-';
  return !(capital && alone);
}

// The line's last word is a civility of [table.line_repair] ("Madame", "M."): a name follows.
bool EndsWithCivility(const TextRules& rules, std::string_view line) {
  return ContainsAsciiLower(rules.civilities, line.substr(line.rfind(' ') + 1));
}

// Whether the break between line a and the next line b was made by hard wrapping: b's first
// word would not have fitted on a within the document's width, and neither line is a whole
// unit of its own (a ends a sentence or a label, b opens a label or an item, one is a
// heading in capitals and the other not).
bool WrapBreak(const Grammar& grammar, const TextRules& rules, const NormalisedText& t,
               std::size_t width, std::pair<std::size_t, std::size_t> a,
               std::pair<std::size_t, std::size_t> b) {
  const std::string& text = t.text;
  std::size_t a0 = t.folded.to_source[a.first], a1 = t.folded.to_source[a.second];
  std::size_t b0 = t.folded.to_source[b.first], b1 = t.folded.to_source[b.second];
  if (a1 >= text.size() || text[a1] != '\n') return false;
  std::string_view line_a = TrimRight(std::string_view(text).substr(a0, a1 - a0));
  std::string_view line_b = std::string_view(text).substr(b0, b1 - b0);
  if (line_a.empty() || line_b.empty() || line_b.front() == ' ') return false;
  std::string_view first_word = line_b.substr(0, line_b.find(' '));
  if (CodePoints(line_a) + 1 + CodePoints(first_word) <= width) return false;
  if (EndsUnit(line_a)) return false;
  // A heading wrapped is all capitals on both lines; capitals against lower case are a
  // heading and its text, unless a line ends with a civility ("à Madame" / "DEVALLIERE") or
  // a comma (a list of names in capitals goes on: "TETART," / "V TEMPLEUX Messieurs").
  LetterCase case_a = CaseOfLetters(line_a), case_b = CaseOfLetters(line_b);
  if (case_a != LetterCase::kNone && case_b != LetterCase::kNone && case_a != case_b &&
      !EndsWithCivility(rules, line_a) && line_a.back() != ',')
    return false;
  // An item's label after a full line that ends no unit goes on with its flow ("… 4.
  // SOEHNLEN Corine" / "5. ERMEL Matthieu 6. …", a flattened list hard-wrapped): the line
  // is joined, and Reflow cuts it where the flattened original is cut.
  return !MatchesAt(grammar, "reflow.break_before", t, a.first, a.second, b.second,
                    {"item", "caps"}) &&
         !MatchesAt(grammar, "reflow.keep_break", t, b.first, b.first, b.second);
}

}  // namespace

int Unwrap(const Grammar& grammar, const TextRules& rules, NormalisedText* t) {
  std::string max_width = grammar.Lookup("table.reflow", "max_wrap");
  const std::size_t limit = max_width.empty() ? 160 : std::stoul(max_width);
  std::vector<std::pair<std::size_t, std::size_t>> lines = Lines(t->folded.text);
  std::size_t width = 0;
  for (auto [start, end] : lines) {
    std::size_t from = t->folded.to_source[start], to = t->folded.to_source[end];
    // A line has at most as many code points as bytes: only a longer one can widen.
    if (to - from <= width) continue;
    width = std::max(width, CodePoints(std::string_view(t->text).substr(from, to - from)));
    if (width > limit) return 0;
  }
  if (width == 0) return 0;
  int joined = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!WrapBreak(grammar, rules, *t, width, lines[i], lines[i + 1])) continue;
    t->folded.text[lines[i].second] = ' ';
    t->text[t->folded.to_source[lines[i].second]] = ' ';
    ++joined;
  }
  return joined;
}

int JoinLoneLabels(const Grammar& grammar, NormalisedText* t) {
  const AcceleratedRE2* label = grammar.Pattern("reflow.lone_label", "label");
  if (!label) return 0;
  std::vector<std::pair<std::size_t, std::size_t>> lines = Lines(t->folded.text);
  auto blank = [&](std::pair<std::size_t, std::size_t> l) {
    return t->folded.text.find_first_not_of(' ', l.first) >= l.second;
  };
  auto page_of = [&](std::size_t folded_at) { return t->PageAt(t->folded.to_source[folded_at]); };
  int joined = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    auto [start, end] = lines[i];
    if (end - start > kLoneLabelBytes || blank(lines[i])) continue;
    re2::StringPiece line(t->folded.text.data() + start, end - start);
    if (!label->Match(line, 0, line.size(), RE2::ANCHOR_BOTH, nullptr, 0)) continue;
    std::size_t next = i + 1;
    while (next < lines.size() && next - i <= 2 && blank(lines[next])) ++next;
    if (next >= lines.size() || next - i > 2) continue;
    // A title follows: a capital, on the same page (a page's last line may be its number).
    std::size_t first = t->folded.text.find_first_not_of(' ', lines[next].first);
    if (!UpperAt(t->text, t->folded.to_source[first]) || page_of(start) != page_of(first)) continue;
    for (std::size_t k = i; k < next; ++k) {
      t->folded.text[lines[k].second] = ' ';
      t->text[t->folded.to_source[lines[k].second]] = ' ';
    }
    ++joined;
    i = next;
  }
  return joined;
}

int Reflow(const Grammar& grammar, NormalisedText* t) {
  std::string threshold = grammar.Lookup("table.reflow", "min_line");
  const std::size_t min_line = threshold.empty() ? 600 : std::stoul(threshold);
  std::string& folded = t->folded.text;
  int inserted = 0;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find('\n', start);
    if (end == std::string::npos) end = folded.size();
    if (end - start >= min_line) {
      for (const GrammarEntry& e : grammar.Section("reflow.break_before")) {
        re2::StringPiece input(folded.data() + start, end - start);
        re2::StringPiece match;
        std::size_t pos = 0;
        while (pos < input.size() &&
               e.regex->Match(input, pos, input.size(), RE2::UNANCHORED, &match, 1)) {
          std::size_t at = static_cast<std::size_t>(match.data() - folded.data());
          std::size_t after = at + match.size();
          pos = after - start > pos ? after - start : pos + 1;
          if (folded[at] == '\n') continue;  // broken there by an earlier entry
          // The break goes at the match's space (its first or, for "[.;] ", last byte).
          std::size_t space = folded[at] == ' ' ? at : after - 1;
          if (folded[space] != ' ') continue;
          std::size_t text_at = t->folded.to_source[space];
          if (!KeyAllows(e.key, *t, at, after)) continue;
          if (text_at >= t->text.size() || t->text[text_at] != ' ') continue;
          folded[space] = '\n';
          t->text[text_at] = '\n';
          ++inserted;
        }
      }
    }
    start = end + 1;
  }
  t->reflowed = t->reflowed || inserted > 0;
  return inserted;
}

}  // namespace registre
