#include "extract/headings.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "extract/windows.h"
#include "text/folding.h"

namespace registre {
namespace {

bool MatchWholeLine(const Document& doc, const RE2& re, Range line, std::vector<Range>* groups) {
  Range whole;
  return FindIn(doc, re, line, &whole, groups) && whole.start == line.start;
}

bool LabelHasNumberShape(std::string_view label) {
  // "19/1", "2020-03": an identifier, unlike the bare ordinal "3".
  return label.find('/') != std::string_view::npos || label.find('-') != std::string_view::npos;
}

bool StartsLikeTitle(const Document& doc, Range title) {
  std::string text = doc.Text(title);
  if (text.empty()) return false;
  std::size_t i = 0;
  char32_t cp = NextCodePoint(text, i);
  return u_isupper(static_cast<UChar32>(cp)) || cp == U'"' || cp == U'\u00AB' || cp == U'\'' ||
         u_isdigit(static_cast<UChar32>(cp));
}

bool MatchesAny(const Document& doc, const Grammar& g, std::string_view section,
                std::string_view key, Range r) {
  std::vector<int> which;
  if (!g.AnyMatch(section, doc.Folded(r), &which)) return false;
  const auto& entries = g.Section(section);
  for (int i : which)
    if (entries[static_cast<std::size_t>(i)].key == key) return true;
  return false;
}

bool StartsLower(const Document& doc, Range line) {
  std::string text = doc.RawText(TrimRange(doc, line, " "));
  std::size_t i = 0;
  return !text.empty() && u_islower(static_cast<UChar32>(NextCodePoint(text, i)));
}

// A heading printed over two or three lines: the lines under it continue the title while
// they are short, carry no label or heading and do not start like running text ("Mme X est
// désignée"). The block ends at a blank line (at most two lines, the last not ending a
// sentence) or, up to three lines, where a speaker or label opens the body ("M. SAUREL :
// Le PLU ...").
Range ExtendTitle(const Document& doc, const Grammar& g, const AcceleratedRE2& label, Range title,
                  std::size_t line) {
  if (title.empty()) return title;
  std::string_view first = doc.Folded(title);
  if (!first.empty() && first.back() == '.') return title;
  const std::size_t n = doc.lines().size();
  const AcceleratedRE2* speaker = g.Pattern("segment.body_label", "label");
  std::size_t last = line;
  bool speaker_after = false;
  std::size_t l = line + 1;
  for (; l < n && !doc.LineBlank(l) && l - line <= kTitleMaxExtraLines; ++l) {
    Range lr = doc.LineRange(l);
    Range whole;
    if (speaker && FindIn(doc, *speaker, lr, &whole, nullptr) && whole.start == lr.start) {
      speaker_after = true;
      break;
    }
    bool heading = FindIn(doc, label, lr, &whole, nullptr);
    for (const GrammarEntry& e : g.Section("segment.heading"))
      heading = heading || FindIn(doc, *e.regex, lr, &whole, nullptr);
    // A line going on in lower case continues the title ("pour mettre en place", "et de
    // gestion"); one starting like running text in capitals opens the body.
    bool starts_body =
        !StartsLower(doc, lr) && MatchesAny(doc, g, "segment.body_start", "start", lr);
    if (heading || lr.size() > kTitleLineBytes || starts_body) return title;
    last = l;
  }
  if (last == line) return title;
  if (!speaker_after) {
    bool blank_after = l >= n || doc.LineBlank(l);
    std::string_view end = doc.LineFolded(last);
    while (!end.empty() && end.back() == ' ') end.remove_suffix(1);
    if (!blank_after || last - line > 2 ||
        (!end.empty() && (end.back() == '.' || end.back() == ':')))
      return title;
  }
  return TrimRange(doc, Range{title.start, doc.LineRange(last).end}, " :;.-");
}

// Cuts a title before the vote printed on its line ("APPROBATION DU PROCES-VERBAL DU 10
// NOVEMBRE 2020 A L'UNANIMITE").
Range CutAtDecision(const Document& doc, const Grammar& g, Range title) {
  std::size_t cut = title.end;
  for (const GrammarEntry& e : g.Section("segment.decision_evidence")) {
    Range whole;
    if (FindIn(doc, *e.regex, title, &whole, nullptr) && whole.start > title.start)
      cut = std::min(cut, whole.start);
  }
  if (cut == title.end || cut - title.start < kTitleMinBytes) return title;
  return TrimRange(doc, Range{title.start, cut}, " :;,.-");
}

// Cuts a title before the sentence that follows it on the same line: a long title before a
// word of [table.sentence_start] ("1": after a lower-case word; "strong": after any word),
// a title that its line runs on after before a civility after a lower-case word or a figure
// that is not a word of [table.title_glue] ("Formation du bureau M. Jean X, le plus âgé ...",
// but "allouée à Madame la Trésorière").
Range CutTitle(const Document& doc, const Grammar& g, Range title) {
  std::string limit = g.Lookup("table.title", "max_length");
  const bool is_long = title.size() > (limit.empty() ? 110u : std::stoul(limit));
  // Only where the line goes on after the title (flattened text) does a civility open a
  // sentence: a title alone on its line may end on a name ("contrat Mme X").
  const Range line = doc.LineRange(doc.LineAt(title.end > title.start ? title.end - 1 : title.end));
  const bool runs_on =
      !TrimRange(doc, Range{std::max(title.end, line.start), line.end}, " ").empty();
  std::string_view f = doc.Folded(title);
  std::size_t pos = 0;
  bool prev_lower = false, prev_opens = false, prev_colon = false;
  // Words in capitals opening the title; -1 once a word in lower case came.
  int capitals_run = 0;
  while (pos < f.size()) {
    std::size_t sp = f.find(' ', pos);
    std::size_t end = sp == std::string_view::npos ? f.size() : sp;
    std::string word(f.substr(pos, end - pos));
    std::string text_word = doc.RawText(Range{title.start + pos, title.start + end});
    std::size_t i = 0;
    bool upper = !text_word.empty() && u_isupper(static_cast<UChar32>(NextCodePoint(text_word, i)));
    std::string start = g.Lookup("table.sentence_start", word);
    // In a long title or a line that runs on, a colon followed by a sentence's first word or
    // a list's dash ends the title ("intercommunaux : Monsieur le Maire expose", "Maire : -03/2011
    // : Décision ..."); a subtitle after a colon stays ("Budget Ville : Affectation ...").
    if ((runs_on || is_long) && prev_colon && !word.empty() && (!start.empty() || word[0] == '-'))
      return TrimRange(doc, Range{title.start, title.start + pos}, " :;,.-");
    if (!word.empty()) prev_colon = word.back() == ':';
    bool cut = start == "civility" ? prev_opens
                                   : is_long && (prev_lower || start == "strong") && !start.empty();
    // A title in capitals whose line runs on ends where a sentence in lower case opens ("I
    // ADOPTION DU PROCES-VERBAL Le procès-verbal est adopté").
    const LetterCase word_case = CaseOfLetters(text_word);
    if (runs_on && upper && word_case == LetterCase::kMixed && capitals_run >= kCapitalsTitleWords)
      cut = true;
    if (pos > 0 && upper && cut)
      return TrimRange(doc, Range{title.start, title.start + pos}, " :;,.-");
    if (word_case == LetterCase::kUpper && capitals_run >= 0) ++capitals_run;
    if (word_case == LetterCase::kMixed && !upper && !word.empty() &&
        std::isalpha(static_cast<unsigned char>(word[0])))
      capitals_run = -1;  // "1er" in "DU 1er DECEMBRE" is no lower-case word
    const auto first = static_cast<unsigned char>(word.empty() ? 0 : word[0]);
    prev_lower = !word.empty() && !upper && std::isalpha(first);
    // Only a title its line runs on after can be cut before a civility: no lookup otherwise.
    prev_opens = runs_on && !word.empty() && !upper &&
                 (std::isalpha(first) || std::isdigit(first)) &&
                 g.Lookup("table.title_glue", word).empty();
    pos = end + 1;
  }
  return title;
}

// "1/23" opening the first line of page 1 (or "4/23" of page 4): the page's counter glued to
// the letterhead of a flattened page, not item 1 of session 23. Asked for long lines only.
bool PageCounterLabel(const Document& doc, Range label, std::size_t line) {
  std::string_view l = doc.Folded(label);
  int page = 0, total = 0;
  auto [slash, read] = std::from_chars(l.data(), l.data() + l.size(), page);
  if (read != std::errc() || slash == l.data() + l.size() || *slash != '/') return false;
  auto [end, read_total] = std::from_chars(slash + 1, l.data() + l.size(), total);
  if (read_total != std::errc() || end != l.data() + l.size()) return false;
  if (page <= 0 || total < page || page != doc.PageAt(doc.LineRange(line).start)) return false;
  // The first non-blank line of its page.
  for (std::size_t k = line; k-- > 0;) {
    if (doc.PageAt(doc.LineRange(k).start) != page) break;
    if (!doc.LineBlank(k)) return false;
  }
  return true;
}

// Lines opening with their page's number: in a text whose pages lost their form feeds but
// kept one paragraph each ("1 RECUEIL DES ACTES ..." / "" / "2 2" / "" / "3 DECISIONS ..."),
// every paragraph's first line opens with the next integer from 1. Such a number is the
// page's, not an item's label. At least kPageNumberRunMin paragraphs are needed, in a text
// whose pages came flattened (Reflow cut them): items on lines of their own are items.
std::vector<bool> PageNumberPrefixes(const Document& doc) {
  const std::size_t n = doc.lines().size();
  std::vector<bool> prefixed(n, false);
  if (!doc.normalised().reflowed) return prefixed;  // pages flattened to a line each
  int expected = 1;
  for (std::size_t l = 0; l < n; ++l) {
    if (doc.LineBlank(l) || (l > 0 && !doc.LineBlank(l - 1))) continue;
    std::string_view f = doc.LineFolded(l);
    while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
    int value = 0;
    auto [end, read] = std::from_chars(f.data(), f.data() + f.size(), value);
    if (read != std::errc() || value != expected || (end != f.data() + f.size() && *end != ' '))
      return std::vector<bool>(n, false);
    prefixed[l] = true;
    ++expected;
  }
  if (expected - 1 < kPageNumberRunMin) return std::vector<bool>(n, false);
  return prefixed;
}

// The end of the last whole word before folded offset `at` (a space there), or `at`.
std::size_t WordEndBefore(const Document& doc, std::size_t at) {
  std::string_view f = doc.folded();
  std::size_t space = f.rfind(' ', at);
  return space == std::string_view::npos || at - space > kHeadingLineBytes / 4 ? at : space;
}

// A short line in capitals ("DELIBERATIONS", "AFFAIRES GÉNÉRALES"): a heading of its own,
// so the line under it is set apart.
bool InCapitals(const Document& doc, Range line) {
  if (line.size() > kTitleLineBytes || line.empty()) return false;
  // Most lines hold an ASCII lower-case letter: answered without decoding the line.
  const std::string& text = doc.normalised().text;
  for (std::size_t i = doc.TextOffset(line.start), e = doc.TextOffset(line.end); i < e; ++i)
    if (text[i] >= 'a' && text[i] <= 'z') return false;
  std::string raw = doc.RawText(line);
  std::size_t letters = 0;
  for (std::size_t i = 0; i < raw.size();) {
    char32_t cp = NextCodePoint(raw, i);
    if (u_islower(static_cast<UChar32>(cp))) return false;
    letters += u_isupper(static_cast<UChar32>(cp)) ? 1 : 0;
  }
  return letters >= 3;
}

// True when the first non-blank line in [from, to) opens a visa ("Vu le Code ...") or a
// considérant ([section.visa], [section.considerant] start).
bool OpensWithVisas(const Document& doc, const Grammar& g, std::size_t from, std::size_t to) {
  std::size_t l = NextNonBlank(doc, from);
  if (l >= to || l >= doc.lines().size()) return false;
  for (std::string_view section : {"section.visa", "section.considerant"}) {
    for (const AcceleratedRE2* re : g.Patterns(section, "start")) {
      Range whole;
      if (FindIn(doc, *re, doc.LineRange(l), &whole, nullptr)) return true;
    }
  }
  return false;
}

// The title of a line that opens with a title, a colon and its decision
// ([segment.inline_title]), or an empty range.
Range InlineTitle(const Document& doc, const Grammar& g, Range line) {
  for (const AcceleratedRE2* re : g.Patterns("segment.inline_title", "t")) {
    std::vector<Range> groups;
    Range whole;
    if (!FindIn(doc, *re, line, &whole, &groups) || whole.start != line.start) continue;
    Range t = TrimRange(doc, Group(*re, groups, "t"), " :;.-");
    // "Vote : adopté à l'unanimité" is a label and its value, not a title and its act.
    if (MatchesAny(doc, g, "segment.inline_title", "label", t)) continue;
    if (t.size() >= 3 && t.size() <= kTitleLineBytes && StartsLikeTitle(doc, t)) return t;
  }
  return {};
}

// Where the first match of any pattern of `section` starts in `r` (SIZE_MAX when none).
std::size_t FirstIn(const Document& doc, const Grammar& g, std::string_view section, Range r) {
  std::size_t first = SIZE_MAX;
  for (const GrammarEntry& e : g.Section(section)) {
    Range whole;
    if (FindIn(doc, *e.regex, Range{r.start, std::min(r.end, first)}, &whole, nullptr))
      first = whole.start;
  }
  return first;
}

// The place of a piece of evidence in kWeakTitleEvidence (kWeakTitleEvidenceCount when it
// has none): the weights are in that order.
constexpr std::size_t EvidenceIndex(std::string_view name) {
  std::size_t f = 0;
  while (f < kWeakTitleEvidenceCount && name != kWeakTitleEvidence[f]) ++f;
  return f;
}
constexpr std::size_t kBias = EvidenceIndex("bias");
constexpr std::size_t kInsideItem = EvidenceIndex("inside_item");

// The evidence in the order it is weighed: the cheapest first (line shapes, then searches of
// the title's section).
constexpr std::size_t kCostOrder[] = {
    kBias,
    EvidenceIndex("blank_before"),
    EvidenceIndex("blank_after"),
    EvidenceIndex("bullet"),
    EvidenceIndex("ends_colon"),
    EvidenceIndex("ends_figure"),
    EvidenceIndex("long"),
    EvidenceIndex("decided_inline"),
    kInsideItem,
    EvidenceIndex("capitals"),
    EvidenceIndex("item_undecided"),
    EvidenceIndex("after_decision"),
    EvidenceIndex("section_decides"),
    EvidenceIndex("opens_visas"),
    EvidenceIndex("section_act"),
};
static_assert(std::size(kCostOrder) == kWeakTitleEvidenceCount);
static_assert(std::all_of(std::begin(kCostOrder), std::end(kCostOrder),
                          [](std::size_t f) { return f < kWeakTitleEvidenceCount; }));

// Where a weak title's section ends: at the next line that may be a title or a heading.
std::size_t NextStop(const std::vector<std::size_t>& stops, std::size_t line, std::size_t n) {
  auto it = std::upper_bound(stops.begin(), stops.end(), line);
  return it == stops.end() ? n : *it;
}

// True when `folded` (a line, trimmed) ends with a figure, a percentage or an amount.
bool EndsWithFigure(std::string_view folded) {
  for (std::string_view unit : {"€", "%", "euros", "eur"}) {
    if (folded.ends_with(unit)) {
      folded.remove_suffix(unit.size());
      while (!folded.empty() && folded.back() == ' ') folded.remove_suffix(1);
      break;
    }
  }
  return !folded.empty() && std::isdigit(static_cast<unsigned char>(folded.back()));
}

// True when one of the two non-blank lines before `line` decides something.
bool AfterDecision(const Document& doc, const Grammar& g, std::size_t line) {
  for (int seen = 0; line > 0 && seen < 2;) {
    --line;
    if (doc.LineBlank(line)) continue;
    if (HasDecisionEvidence(doc, g, doc.LineRange(line))) return true;
    ++seen;
  }
  return false;
}

// A weak title: a short line set apart (blank line or finished sentence before it, text after
// it), weighed on what surrounds it (kWeakTitleEvidence); procedural titles before the first
// rule heading (`first_strong`) are records without weighing (ANNOTATION).
void AddWeakTitles(const Document& doc, const Grammar& g, const LazyRegex& not_title,
                   const std::vector<double>& weights, std::size_t first_strong,
                   std::vector<HeadingCandidate>* cands, std::vector<ScoredTitle>* scored) {
  const std::size_t n = doc.lines().size();
  // The rule headings found so far, in line order, and the lines their headings cover.
  std::vector<std::size_t> strong;
  std::vector<bool> in_heading(n, false);
  for (const HeadingCandidate& c : *cands) {
    if (c.kind != HeadingKind::kNumberLine) strong.push_back(c.line);
    in_heading[c.line] = true;
    for (std::size_t l = c.line + 1;
         l < n && !c.title.empty() && doc.LineRange(l).start < c.title.end; ++l)
      in_heading[l] = true;
  }
  std::sort(strong.begin(), strong.end());
  std::vector<std::size_t> titles;
  std::vector<Range> title_text;                          // group t of each weak title, read once
  std::vector<std::pair<std::size_t, Range>> procedural;  // (line, title) kept without a vote
  std::vector<bool> decided_inline;                       // per title: its decision follows it
  // The most a title can score, inside a rule heading's item or not: where it cannot pass
  // zero, a title is not looked for (unless `scored` asks for every one), and in either
  // case it ends no other title's section, so both runs cut the same sections.
  auto weight = [&](std::size_t f) { return f < weights.size() ? weights[f] : 0.0; };
  auto bound = [&](bool inside) {
    double b = 0;
    for (std::size_t f = 0; f < kWeakTitleEvidenceCount; ++f)
      b += f == kBias || f == kInsideItem ? (f == kBias || inside ? weight(f) : 0)
                                          : std::max(0.0, weight(f));
    return b;
  };
  const bool possible_outside = bound(false) > 0, possible_inside = bound(true) > 0;
  const std::size_t first_rule = strong.empty() ? n : strong.front();
  std::vector<bool> possible;  // per title: it can pass zero
  for (std::size_t i = 1; i < n; ++i) {
    if (doc.LineBlank(i) || in_heading[i]) continue;
    const bool may_pass = i > first_rule ? possible_inside : possible_outside;
    if (!may_pass && scored == nullptr && i >= first_strong) continue;
    // A weak title needs text under it; a procedural one may end a cut text (ANNOTATION: a
    // cut last item is kept with what it shows).
    const bool last = NextNonBlank(doc, i + 1) >= n;
    Range line = doc.LineRange(i);
    if (i < first_strong && g.MayMatch("segment.procedural", doc.Folded(line))) {
      for (const AcceleratedRE2* re : g.Patterns("segment.procedural", "t")) {
        std::vector<Range> groups;
        Range whole;
        if (FindIn(doc, *re, line, &whole, &groups) && whole.start == line.start) {
          procedural.emplace_back(
              i, CutAtDecision(doc, g, TrimRange(doc, Group(*re, groups, "t"), " :;.-")));
          break;
        }
      }
      if (!procedural.empty() && procedural.back().first == i) {
        titles.push_back(i);
        title_text.push_back(procedural.back().second);
        decided_inline.push_back(false);
        possible.push_back(true);
        continue;
      }
    }
    if (last || line.size() > kHeadingLineBytes) continue;
    // A title is set apart from what precedes it (the cheapest test, so the first).
    std::size_t prev = i - 1;
    std::string_view before = doc.LineFolded(prev);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    // A bullet sets its line apart too ("Délibérations" / "• Approbation du Compte de ..."),
    // unless it goes on with a list of bullets (an agenda's entries, one a line).
    auto bulleted = [&](std::string_view l) {
      l.remove_prefix(std::min(l.size(), l.find_first_not_of(' ')));
      return l.starts_with("•");
    };
    bool set_apart = doc.LineBlank(prev) ||
                     (!before.empty() &&
                      std::string_view(".:;!?)").find(before.back()) != std::string_view::npos) ||
                     (bulleted(doc.LineFolded(i)) && !bulleted(before)) ||
                     InCapitals(doc, doc.LineRange(prev));
    if (!set_apart) continue;
    if (Range t = InlineTitle(doc, g, line); !t.empty()) {
      titles.push_back(i);
      title_text.push_back(t);
      decided_inline.push_back(true);
      possible.push_back(may_pass);
      continue;
    }
    if (not_title && not_title->ok() ? FindIn(doc, *not_title, line, nullptr, nullptr)
                                     : MatchesAny(doc, g, "segment.title", "not_title", line))
      continue;
    // A line that decides something is the body of a title, not one.
    if (HasDecisionEvidence(doc, g, line)) continue;
    std::vector<Range> groups;
    const AcceleratedRE2* re = g.Pattern("segment.title", "title");
    Range whole;
    if (!re || !FindIn(doc, *re, line, &whole, &groups) || whole.start != line.start) continue;
    Range t = Group(*re, groups, "t");
    if (!StartsLikeTitle(doc, t)) continue;
    titles.push_back(i);
    title_text.push_back(t);
    decided_inline.push_back(false);
    possible.push_back(may_pass);
  }
  std::vector<std::size_t> stops = strong;
  for (std::size_t k = 0; k < titles.size(); ++k)
    if (possible[k]) stops.push_back(titles[k]);
  std::sort(stops.begin(), stops.end());
  // Per rule heading: where its section first decides (SIZE_MAX: not yet computed).
  std::vector<std::size_t> first_decision(strong.size(), SIZE_MAX - 1);
  for (std::size_t k = 0; k < titles.size(); ++k) {
    const std::size_t i = titles[k];
    auto proc = std::find_if(procedural.begin(), procedural.end(),
                             [&](const auto& p) { return p.first == i; });
    if (proc != procedural.end()) {
      HeadingCandidate c{i, HeadingKind::kTitle, {}, {}, {}};
      c.title = proc->second;
      c.procedural = true;
      cands->push_back(c);
      continue;
    }
    const std::size_t end_line = NextStop(stops, i, n);
    Range line = doc.LineRange(i);
    Range body{line.end, end_line < n ? doc.LineRange(end_line).start : doc.folded().size()};
    ScoredTitle s{i, TrimRange(doc, title_text[k], " :;.-"), {}, 0};
    std::string_view folded = doc.Folded(TrimRange(doc, line, " "));
    std::string_view text = doc.Folded(s.title);
    auto item = std::upper_bound(strong.begin(), strong.end(), i);
    const bool inside = item != strong.begin();
    auto item_undecided = [&] {
      if (!inside) return false;
      const std::size_t h = static_cast<std::size_t>(item - strong.begin()) - 1;
      if (first_decision[h] == SIZE_MAX - 1) {
        Range section{doc.LineRange(strong[h]).end, h + 1 < strong.size()
                                                        ? doc.LineRange(strong[h + 1]).start
                                                        : doc.folded().size()};
        first_decision[h] = FirstIn(doc, g, "segment.decision_evidence", section);
      }
      return first_decision[h] == SIZE_MAX || first_decision[h] > line.start;
    };
    // The evidence, weighed cheapest first (kCostOrder). Unless every title is asked for, a
    // title is rejected as soon as what remains cannot lift it over zero (a chosen one is
    // weighed whole: its score is its margin).
    auto evidence = [&](std::size_t f) -> bool {
      switch (f) {
        case kBias: return true;
        case EvidenceIndex("blank_before"): return doc.LineBlank(i - 1);
        case EvidenceIndex("blank_after"): return i + 1 < n && doc.LineBlank(i + 1);
        case EvidenceIndex("bullet"):
          return !folded.empty() &&
                 std::string_view("-*").find(folded[0]) != std::string_view::npos;
        case EvidenceIndex("ends_colon"): return !folded.empty() && folded.back() == ':';
        case EvidenceIndex("ends_figure"): return EndsWithFigure(folded);
        case EvidenceIndex("long"): return text.size() > 80;
        case EvidenceIndex("decided_inline"): return decided_inline[k];
        case kInsideItem: return inside;
        case EvidenceIndex("capitals"): return InCapitals(doc, line);
        case EvidenceIndex("item_undecided"): return item_undecided();
        case EvidenceIndex("after_decision"): return AfterDecision(doc, g, i);
        case EvidenceIndex("section_decides"): return HasDecisionEvidence(doc, g, body);
        case EvidenceIndex("opens_visas"): return OpensWithVisas(doc, g, i + 1, end_line);
        case EvidenceIndex("section_act"): return HasActEvidence(doc, g, body);
      }
      return false;
    };
    double rise = 0;  // the most the evidence not yet weighed can add
    for (std::size_t f : kCostOrder) rise += std::max(0.0, weight(f));
    s.score = 0;
    bool rejected = false;
    for (std::size_t f : kCostOrder) {
      const double w = weight(f);
      rise -= std::max(0.0, w);
      if (scored == nullptr && (w == 0 || rejected)) continue;
      const bool value = evidence(f);
      s.evidence[f] = value ? 1 : 0;
      s.score += value ? w : 0;
      rejected = s.score + rise <= 0;
    }
    if (scored) scored->push_back(s);
    if (s.score <= 0) continue;
    HeadingCandidate c{i, HeadingKind::kTitle, {}, {}, {}};
    c.title = s.title;
    c.score = s.score;
    cands->push_back(c);
  }
  std::sort(cands->begin(), cands->end(),
            [](const HeadingCandidate& a, const HeadingCandidate& b) { return a.line < b.line; });
}

}  // namespace

// The items of a sitting come after its head; a lone last item may print its attendance
// under its title, so it is the head only where nothing is decided.
std::vector<bool> SittingHeads(const Document& doc, const Grammar& g,
                               const std::vector<HeadingCandidate>& cands,
                               const SittingHeadScreens* screens, std::size_t stop_after) {
  std::vector<bool> head(cands.size(), false);
  const std::size_t end = doc.folded().size();
  // The first match of a section's patterns: one pass with the section's union when given.
  auto first = [&](const LazyRegex* all, std::string_view section, Range r) {
    if (all == nullptr || !*all || !all->get()) return FirstIn(doc, g, section, r);
    Range whole;
    return FindIn(doc, **all, r, &whole, nullptr) ? whole.start : SIZE_MAX;
  };
  auto opens_in = [&](Range r) {
    return first(screens ? &screens->opening : nullptr, "segment.sitting_opening", r);
  };
  auto decides_in = [&](Range r) {
    return first(screens ? &screens->decision : nullptr, "segment.decision_evidence", r);
  };
  // Where the sitting first opens: numbered items listed before it, with nothing decided
  // between them and the opening, are the convocation's agenda ("ORDRE DU JOUR : ..." / "1.
  // TRAVAUX 1.1 ..." / "2. URBANISME ..." / "Le Lundi 03 Juillet, le Conseil Municipal s'est
  // réuni"). A title line there may be the title of the one deliberation the text holds. The
  // sitting opens at the top (kSittingHeadBytes): an opening further down is another's.
  // Read once, and only when an item's own section does not open the sitting.
  std::optional<std::size_t> first_opening;
  auto opening = [&] {
    if (!first_opening)
      first_opening = opens_in(
          Range{doc.LineRange(cands.front().line).start, std::min(end, kSittingHeadBytes)});
    return *first_opening;
  };
  std::size_t seen = 0;
  for (std::size_t i = 0; i < cands.size() && seen < stop_after; ++i) {
    const HeadingCandidate& c = cands[i];
    if (c.procedural || (c.kind != HeadingKind::kItem && c.kind != HeadingKind::kTitle)) {
      seen += c.kind != HeadingKind::kNumberLine ? 1 : 0;
      continue;
    }
    const bool last = i + 1 == cands.size();
    Range section{doc.LineRange(c.line).start, last ? end : doc.LineRange(cands[i + 1].line).start};
    if (std::size_t opens = opens_in(section); opens != SIZE_MAX) {
      std::size_t decides = decides_in(section);
      head[i] = last ? decides == SIZE_MAX : opens < decides;
    } else if (c.kind == HeadingKind::kItem && opening() != SIZE_MAX && opening() > section.start) {
      head[i] = decides_in(Range{section.start, opening()}) == SIZE_MAX;
    }
    seen += head[i] ? 0 : 1;
  }
  return head;
}

std::string LettersAndDigits(std::string_view folded, std::size_t max) {
  std::string out;
  for (char ch : folded) {
    if (out.size() >= max) break;
    if (std::isalnum(static_cast<unsigned char>(ch))) out += ch;
  }
  return out;
}

std::size_t NextNonBlank(const Document& doc, std::size_t line) {
  while (line < doc.lines().size() && doc.LineBlank(line)) ++line;
  return line;
}

bool HasActEvidence(const Document& doc, const Grammar& g, Range r, bool tally_counts) {
  for (const GrammarEntry& e : g.Section("segment.act_evidence")) {
    if (!tally_counts && e.key == "tally") continue;
    if (FindIn(doc, *e.regex, r, nullptr, nullptr)) return true;
  }
  return false;
}

bool NotRecordTitle(const Document& doc, const Grammar& g, Range title) {
  if (title.empty()) return false;
  Range t = TrimRange(doc, title, " :;.-");
  for (const AcceleratedRE2* not_record : g.Patterns("segment.not_record", "t")) {
    Range whole;
    if (FindIn(doc, *not_record, t, &whole, nullptr) && whole.start == t.start) return true;
  }
  return false;
}

bool HasDecisionEvidence(const Document& doc, const Grammar& g, Range r) {
  return g.AnyMatch("segment.decision_evidence", doc.Folded(r));
}

std::vector<double> WeakTitleWeights(const Grammar& g) {
  std::vector<double> weights;
  for (const char* name : kWeakTitleEvidence) {
    std::string value = g.Lookup("table.weak_title_weights", name);
    double w = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), w);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size()) return {};
    weights.push_back(w);
  }
  return weights;
}

std::vector<HeadingCandidate> FindHeadings(const Document& doc, const Grammar& g,
                                           const LazyRegex& not_title,
                                           const std::vector<double>& weights,
                                           std::vector<ScoredTitle>* scored) {
  const std::size_t n_lines = doc.lines().size();
  std::vector<HeadingCandidate> cands;
  const AcceleratedRE2& label = *g.Pattern("segment.label", "label");  // declared: required
  const std::vector<bool> page_numbered = PageNumberPrefixes(doc);
  for (std::size_t i = 0; i < n_lines; ++i) {
    if (doc.LineBlank(i)) continue;
    Range line = doc.LineRange(i);
    // A long line is running text, unless its first words open like a heading: the lines
    // of a flattened page (Reflow) run on from a heading into its item's text. Its first
    // kHeadingLineBytes are read; the title is cut where the text begins (CutTitle).
    if (line.size() > kHeadingLineBytes) {
      if (!doc.normalised().reflowed) continue;
      line.end = WordEndBefore(doc, line.start + kHeadingLineBytes);
    }
    std::vector<Range> groups;
    // Most lines are no heading: the screen that stops at the first hit says so for less.
    if (!g.MayMatch("segment.heading", doc.Folded(line))) continue;
    for (const GrammarEntry& e : g.Candidates("segment.heading", doc.Folded(line))) {
      if (!MatchWholeLine(doc, *e.regex, line, &groups)) continue;
      HeadingCandidate c{i, HeadingKind::kItem, {}, {}, {}};
      c.kind = e.key == "numbered" || e.key == "numbered_title" ? HeadingKind::kNumbered
               : e.key == "number_line"                         ? HeadingKind::kNumberLine
               : e.key == "title_number"                        ? HeadingKind::kTitleNumber
                                                                : HeadingKind::kItem;
      c.number = TrimRange(doc, Group(*e.regex, groups, "n"), " .:-");
      c.label = Group(*e.regex, groups, "l");
      c.title = TrimRange(doc, Group(*e.regex, groups, "t"), " :;.-");
      // An item's title starts like a title: "31 décembre 2023" in running text is not one.
      if ((e.key == "item" || e.key == "numbered_title") && !StartsLikeTitle(doc, c.title))
        continue;
      if (e.key == "item" && MatchesAny(doc, g, "segment.not_item_title", "t", c.title)) continue;
      if (!c.number.empty() && MatchesAny(doc, g, "segment.not_number", "n", c.number)) continue;
      if (e.key == "item" && line.end < doc.LineRange(i).end && PageCounterLabel(doc, c.label, i))
        continue;
      if (e.key == "item" && page_numbered[i]) continue;
      c.title = CutAtDecision(doc, g, CutTitle(doc, g, ExtendTitle(doc, g, label, c.title, i)));
      if (c.kind == HeadingKind::kItem && LabelHasNumberShape(doc.Folded(c.label)))
        c.number = c.label;
      cands.push_back(c);
      break;
    }
  }

  // Short title lines that stand alone, weighed (the approval of the last minutes printed as
  // a bare title); whether they stand before the first rule heading is part of their evidence.
  {
    // A bare item that is the document's head (SittingHeads) does not end the search.
    std::vector<bool> head = SittingHeads(doc, g, cands, nullptr, /*stop_after=*/1);
    std::size_t first_strong = n_lines;
    for (std::size_t k = 0; k < cands.size(); ++k)
      if (cands[k].kind != HeadingKind::kNumberLine && !head[k])
        first_strong = std::min(first_strong, cands[k].line);
    AddWeakTitles(doc, g, not_title, weights, first_strong, &cands, scored);
  }

  return cands;
}

}  // namespace registre
