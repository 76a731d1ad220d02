#include "extract/segmenter.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>

#include "base/utf8.h"

namespace registre {
namespace {

constexpr std::size_t kTocWindow = 1500;

enum class HeadingKind { kNumbered, kNumberLine, kItem, kTitleNumber, kTitle };

struct Candidate {
  std::size_t line;
  HeadingKind kind;
  Range number, label, title;
  bool agenda = false;
  bool procedural = false;  // a procedural item: never part of a list
};

bool MatchWholeLine(const Document& doc, const RE2& re, Range line, std::vector<Range>* groups) {
  Range whole;
  return FindIn(doc, re, line, &whole, groups) && whole.start == line.start;
}

std::size_t NextNonBlank(const Document& doc, std::size_t line) {
  while (line < doc.lines().size() && doc.LineBlank(line)) ++line;
  return line;
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

// A heading printed over two or three lines: the block of lines from the heading to the
// next blank line continues the title when it is that short.
Range ExtendTitle(const Document& doc, const Grammar& g, Range title, std::size_t line) {
  if (title.empty()) return title;
  static const RE2 kLabel(R"(^\s*[a-z][a-z'() -]{1,40}\s*:)");
  std::size_t last = line;
  while (last + 1 < doc.lines().size() && !doc.LineBlank(last + 1) && last - line < 3) ++last;
  bool blank_after = last + 1 >= doc.lines().size() || doc.LineBlank(last + 1);
  if (last == line || last - line > 2 || !blank_after) return title;
  for (std::size_t l = line + 1; l <= last; ++l) {
    Range whole;
    if (FindIn(doc, kLabel, doc.LineRange(l), &whole, nullptr)) return title;
    for (const GrammarEntry& e : g.Section("segment.heading"))
      if (FindIn(doc, *e.regex, doc.LineRange(l), &whole, nullptr)) return title;
    if (doc.LineRange(l).size() > 160) return title;
  }
  std::string_view end = doc.Folded(title);
  if (!end.empty() && (end.back() == '.')) return title;
  return TrimRange(doc, Range{title.start, doc.LineRange(last).end}, " :;.-");
}

// The numbering style of a heading: digits, roman numerals, letters, a deliberation number,
// or none (titles).
char LabelStyle(const Document& doc, const Candidate& c) {
  if (c.kind == HeadingKind::kNumbered || c.kind == HeadingKind::kTitleNumber) return 'n';
  if (c.kind == HeadingKind::kTitle) return 't';
  std::string_view l = doc.Folded(c.label);
  if (l.empty()) return '?';
  if (l.find('/') != std::string_view::npos) return 'n';
  if (std::isdigit(static_cast<unsigned char>(l[0]))) return 'd';
  if (l.find_first_not_of("ivx") == std::string_view::npos) return 'r';
  return 'a';
}

// Cuts a long title before the sentence that follows it on the same line.
Range CutTitle(const Document& doc, const Grammar& g, Range title) {
  std::string limit = g.Lookup("table.title", "max_length");
  if (title.size() <= (limit.empty() ? 110u : std::stoul(limit))) return title;
  std::string_view f = doc.Folded(title);
  std::size_t pos = 0;
  bool prev_lower = false;
  while (pos < f.size()) {
    std::size_t sp = f.find(' ', pos);
    std::size_t end = sp == std::string_view::npos ? f.size() : sp;
    std::string word(f.substr(pos, end - pos));
    std::string printed = doc.RawText(Range{title.start + pos, title.start + pos + 1});
    bool upper = !printed.empty() && std::isupper(static_cast<unsigned char>(printed[0]));
    std::size_t i = 0;
    std::string text_word = doc.RawText(Range{title.start + pos, title.start + end});
    if (!text_word.empty()) upper = u_isupper(static_cast<UChar32>(NextCodePoint(text_word, i)));
    if (pos > 0 && upper && prev_lower && !g.Lookup("table.sentence_start", word).empty())
      return TrimRange(doc, Range{title.start, title.start + pos}, " :;,.-");
    prev_lower = !word.empty() && !upper && std::isalpha(static_cast<unsigned char>(word[0]));
    pos = end + 1;
  }
  return title;
}

// The value of a heading's label (3 for "3/", 4 for "IV", 38 for "2020-038"), or -1.
int LabelValue(const Document& doc, const Candidate& c) {
  std::string_view l = doc.Folded(c.label.empty() ? c.number : c.label);
  if (l.empty()) return -1;
  if (l.find_first_not_of("ivx") == std::string_view::npos) {
    static const std::pair<char, int> kRoman[] = {{'i', 1}, {'v', 5}, {'x', 10}};
    int total = 0, prev = 0;
    for (auto it = l.rbegin(); it != l.rend(); ++it) {
      int v = 0;
      for (auto [ch, val] : kRoman)
        if (*it == ch) v = val;
      total += v < prev ? -v : v;
      prev = std::max(prev, v);
    }
    return total;
  }
  std::size_t end = l.size();
  std::size_t start = l.find_last_not_of("0123456789");
  start = start == std::string_view::npos ? 0 : start + 1;
  if (start >= end || end - start > 6) return -1;
  return std::stoi(std::string(l.substr(start)));
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

bool HasDecisionEvidence(const Document& doc, const Grammar& g, Range r);

// A weak title: a short line set apart (blank line or finished sentence before it, text after
// it) whose section decides something before the next such title.
void AddWeakTitles(const Document& doc, const Grammar& g, const LazyRegex& not_title,
                   std::size_t before_line, std::vector<Candidate>* cands) {
  const std::size_t n = std::min(doc.lines().size(), before_line);
  std::vector<std::size_t> titles;
  std::vector<Range> title_text;                          // group t of each weak title, read once
  std::vector<std::pair<std::size_t, Range>> procedural;  // (line, title) kept without a vote
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (doc.LineBlank(i) || NextNonBlank(doc, i + 1) >= n) continue;
    Range line = doc.LineRange(i);
    if (g.MayMatch("segment.procedural", doc.Folded(line))) {
      for (const AcceleratedRE2* re : g.Patterns("segment.procedural", "t")) {
        std::vector<Range> groups;
        Range whole;
        if (FindIn(doc, *re, line, &whole, &groups) && whole.start == line.start) {
          procedural.emplace_back(i, TrimRange(doc, Group(*re, groups, "t"), " :;.-"));
          break;
        }
      }
      if (!procedural.empty() && procedural.back().first == i) {
        titles.push_back(i);
        title_text.push_back(procedural.back().second);
        continue;
      }
    }
    // A title is set apart from what precedes it (the cheapest test, so the first).
    std::size_t prev = i - 1;
    std::string_view before = doc.LineFolded(prev);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    bool set_apart = doc.LineBlank(prev) ||
                     (!before.empty() &&
                      std::string_view(".:;!?)").find(before.back()) != std::string_view::npos);
    if (!set_apart) continue;
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
  }
  for (std::size_t k = 0; k < titles.size(); ++k) {
    std::size_t end_line = k + 1 < titles.size() ? titles[k + 1] : n;
    Range body{doc.LineRange(titles[k]).end,
               end_line < doc.lines().size() ? doc.LineRange(end_line).start : doc.folded().size()};
    auto proc = std::find_if(procedural.begin(), procedural.end(),
                             [&](const auto& p) { return p.first == titles[k]; });
    if (proc != procedural.end()) {
      Candidate c{titles[k], HeadingKind::kTitle, {}, {}, {}};
      c.title = proc->second;
      c.procedural = true;
      cands->push_back(c);
      continue;
    }
    if (!HasDecisionEvidence(doc, g, body)) continue;
    Candidate c{titles[k], HeadingKind::kTitle, {}, {}, {}};
    c.title = TrimRange(doc, title_text[k], " :;.-");
    cands->push_back(c);
  }
  std::sort(cands->begin(), cands->end(),
            [](const Candidate& a, const Candidate& b) { return a.line < b.line; });
}

bool HasDecisionEvidence(const Document& doc, const Grammar& g, Range r) {
  return g.AnyMatch("segment.decision_evidence", doc.Folded(r));
}

}  // namespace

Segmenter::Segmenter(const Grammar& grammar)
    : grammar_(grammar), not_title_(grammar.Union({"segment.title"}, "not_title")) {}

Segmentation Segmenter::Split(const Document& doc) const {
  Segmentation seg;
  const std::size_t n_lines = doc.lines().size();
  std::vector<Candidate> cands;
  for (std::size_t i = 0; i < n_lines; ++i) {
    if (doc.LineBlank(i)) continue;
    Range line = doc.LineRange(i);
    if (line.size() > 400) continue;
    std::vector<Range> groups;
    // Most lines are no heading: the screen that stops at the first hit says so for less.
    if (!grammar_.MayMatch("segment.heading", doc.Folded(line))) continue;
    for (const GrammarEntry& e : grammar_.Candidates("segment.heading", doc.Folded(line))) {
      if (!MatchWholeLine(doc, *e.regex, line, &groups)) continue;
      Candidate c{i, HeadingKind::kItem, {}, {}, {}};
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
      c.title = CutTitle(doc, grammar_, ExtendTitle(doc, grammar_, c.title, i));
      if (c.kind == HeadingKind::kItem && LabelHasNumberShape(doc.Folded(c.label)))
        c.number = c.label;
      cands.push_back(c);
      break;
    }
  }

  // Short title lines that stand alone: in documents without numbered headings, and before
  // the first numbered heading (the approval of the last minutes, printed as a bare title).
  {
    std::size_t first_strong = n_lines;
    for (const Candidate& c : cands)
      if (c.kind != HeadingKind::kNumberLine) first_strong = std::min(first_strong, c.line);
    AddWeakTitles(doc, grammar_, not_title_, first_strong, &cands);
  }

  // Headings inside a table of contents (several "(p. 5)" references around them).
  if (const AcceleratedRE2* toc = grammar_.Pattern("segment.toc", "ref")) {
    for (Candidate& c : cands) {
      Range around = doc.LineRange(c.line);
      around.start = around.start > kTocWindow ? around.start - kTocWindow : 0;
      around.end = std::min(doc.folded().size(), around.end + kTocWindow);
      int refs = 0;
      Range whole;
      for (Range cursor = around; refs < 3 && FindIn(doc, *toc, cursor, &whole, nullptr);
           cursor.start = whole.end)
        ++refs;
      if (refs >= 3) c.agenda = true;
    }
  }

  // Agenda and recap lists: a run of two or more heading lines with nothing but blank lines
  // between them lists deliberations, it does not hold them.
  auto listed = [](const Candidate& c) {
    return c.kind != HeadingKind::kNumberLine && !c.procedural;
  };
  // Two headings are adjacent when nothing but blank lines, or the wrapped end of the first
  // one (at most two lines of the same paragraph), stands between them.
  auto adjacent = [&](std::size_t a, std::size_t b) {
    if (!listed(cands[a]) || !listed(cands[b])) return false;
    if (NextNonBlank(doc, cands[a].line + 1) == cands[b].line) return true;
    if (cands[b].line - cands[a].line > 3) return false;
    for (std::size_t l = cands[a].line + 1; l < cands[b].line; ++l) {
      if (doc.LineBlank(l)) return false;
      // A wrapped title goes on in lower case; a capital starts the item's text.
      std::string first = doc.RawText(TrimRange(doc, doc.LineRange(l), " "));
      std::size_t i = 0;
      if (first.empty() || !u_islower(static_cast<UChar32>(NextCodePoint(first, i)))) return false;
    }
    return true;
  };
  for (std::size_t k = 0; k < cands.size(); ++k) {
    if (!listed(cands[k])) continue;
    char style = LabelStyle(doc, cands[k]);
    auto continues = [&](std::size_t a, std::size_t b) {
      if (LabelStyle(doc, cands[b]) != style) return false;
      int va = LabelValue(doc, cands[a]), vb = LabelValue(doc, cands[b]);
      return va < 0 || vb < 0 || vb == va + 1;  // a restart ("1/" after "3/") ends the list
    };
    bool same_next = k + 1 < cands.size() && adjacent(k, k + 1) && continues(k, k + 1);
    bool same_prev = k > 0 && adjacent(k - 1, k) && continues(k - 1, k);
    // A heading directly over a heading of another style is a theme ("I - FINANCES" over
    // "1 - Budget"), not a deliberation either.
    bool theme = k + 1 < cands.size() && adjacent(k, k + 1) && !same_next;
    if (same_next || same_prev || theme) cands[k].agenda = true;
  }

  // Where deliberations are headed by their numbers, numbered items are sub-points or theme
  // headings ("1. FINANCES", "1) Il propose..."), not deliberations.
  std::size_t numbered = 0;
  for (const Candidate& c : cands)
    numbered += (!c.agenda && c.kind == HeadingKind::kNumbered) ? 1 : 0;
  if (numbered >= 2) {
    for (Candidate& c : cands)
      if (c.kind == HeadingKind::kItem) c.agenda = true;
  }

  // Items numbered in another style than the document's usual one are sub-points of an
  // item ("A/ Appartement" under "13/ Questions diverses", "a) Le Maire" under "1. Plan").
  {
    std::map<char, int> styles;
    std::vector<char> order;  // styles by first appearance: the outer numbering comes first
    for (const Candidate& c : cands) {
      if (c.agenda || c.kind != HeadingKind::kItem) continue;
      char style = LabelStyle(doc, c);
      if (styles[style]++ == 0) order.push_back(style);
    }
    char dominant = 0;
    int best = 0;
    for (char style : order)
      if (styles[style] > best) dominant = style, best = styles[style];
    if (best >= 2) {
      for (Candidate& c : cands)
        if (!c.agenda && c.kind == HeadingKind::kItem && LabelStyle(doc, c) != dominant)
          c.agenda = true;
    }
  }

  // Build records.
  const AcceleratedRE2* title_number = grammar_.Pattern("segment.title_number", "n");
  std::vector<RecordSegment> records;
  std::vector<bool> keep;
  std::vector<HeadingKind> opened_by;
  Range pending_number;  // a number line waiting for the heading below it
  std::size_t pending_line = SIZE_MAX;
  for (const Candidate& c : cands) {
    if (c.agenda) continue;
    if (c.kind == HeadingKind::kNumberLine) {
      pending_number = c.number;
      pending_line = c.line;
      continue;
    }
    RecordSegment r;
    r.heading = doc.LineRange(c.line);
    r.range.start = r.heading.start;
    r.number = c.number;
    r.title = c.title;
    r.procedural = c.procedural;
    if (pending_line != SIZE_MAX && NextNonBlank(doc, pending_line + 1) == c.line) {
      r.number = pending_number;
      r.range.start = doc.LineRange(pending_line).start;
    }
    pending_line = SIZE_MAX;
    // Inside a deliberation opened by its number, numbered headings before any decision
    // are sections of its exposé ("I - Contexte"), not new deliberations.
    if (c.kind == HeadingKind::kItem && !opened_by.empty() &&
        opened_by.back() == HeadingKind::kNumbered &&
        !HasDecisionEvidence(doc, grammar_, Range{records.back().range.start, r.range.start}))
      continue;
    if (r.number.empty() && !r.title.empty() && title_number) {
      std::vector<Range> g;
      Range whole;
      if (FindIn(doc, *title_number, r.title, &whole, &g)) {
        r.number = Group(*title_number, g, "n");
        r.title = TrimRange(doc, Range{r.title.start, whole.start}, " :;.-");
      }
    }
    // A heading that restates the current record's number continues it (page headers).
    if (c.kind == HeadingKind::kNumbered && !records.empty() && !r.number.empty() &&
        doc.Folded(records.back().number) == doc.Folded(r.number))
      continue;
    // A numbered heading just under an item heading gives that item its number.
    if (c.kind == HeadingKind::kNumbered && !records.empty() && keep.back() &&
        records.back().number.empty()) {
      std::size_t prev_line = doc.LineAt(records.back().heading.start);
      std::size_t gap = 0;
      for (std::size_t l = prev_line + 1; l < c.line; ++l) gap += doc.LineBlank(l) ? 0 : 1;
      if (gap <= 2 && c.line > prev_line) {
        records.back().number = r.number;
        continue;
      }
    }
    bool is_record = true;
    if (!r.title.empty()) {
      Range t = TrimRange(doc, r.title, " :;.-");
      for (const AcceleratedRE2* not_record : grammar_.Patterns("segment.not_record", "t")) {
        Range whole;
        if (FindIn(doc, *not_record, t, &whole, nullptr) && whole.start == t.start)
          is_record = false;
      }
    }
    records.push_back(r);
    keep.push_back(is_record);
    opened_by.push_back(c.kind);
  }
  const std::size_t end = doc.folded().size();
  for (std::size_t k = 0; k < records.size(); ++k) {
    records[k].range.end = k + 1 < records.size() ? records[k + 1].range.start : end;
  }
  std::vector<RecordSegment> kept;
  for (std::size_t k = 0; k < records.size(); ++k)
    if (keep[k]) kept.push_back(records[k]);

  if (!kept.empty()) {
    seg.head = Range{0, records.front().range.start};
    // Procedural items at the top (secretary, last minutes) are part of the sitting's head
    // for what the sitting states (its secretary, attendance).
    seg.sitting = seg.head;
    for (const RecordSegment& r : records) {
      if (!r.procedural) break;
      seg.sitting.end = r.range.end;
    }
    // A single extract: the whole text is its own.
    if (kept.size() == 1 && records.size() == 1) {
      seg.head = Range{0, 0};
      kept[0].range = Range{0, end};
    }
    seg.records = std::move(kept);
    return seg;
  }
  // No heading: one record when the text decides something.
  for (const GrammarEntry& e : grammar_.Section("segment.decision_evidence")) {
    if (FindIn(doc, *e.regex, Range{0, end}, nullptr, nullptr)) {
      RecordSegment r;
      r.range = Range{0, end};
      seg.records.push_back(r);
      return seg;
    }
  }
  for (const GrammarEntry& e : grammar_.Section("segment.extract_evidence")) {
    if (!FindIn(doc, *e.regex, Range{0, end}, nullptr, nullptr)) continue;
    RecordSegment r;
    r.range = Range{0, end};
    std::size_t head_end = doc.lines().size() > 15 ? doc.LineRange(15).end : end;
    if (const AcceleratedRE2* number = grammar_.Pattern("segment.head_number", "n")) {
      for (std::size_t l = 0; l < doc.lines().size() && doc.LineRange(l).end <= head_end; ++l) {
        std::vector<Range> g;
        Range whole;
        if (FindIn(doc, *number, doc.LineRange(l), &whole, &g)) {
          r.number = Group(*number, g, "n");
          break;
        }
      }
    }
    seg.records.push_back(r);
    seg.warnings.push_back({"no_decision_seen",
                            "an extract of the register with no decision in "
                            "the text (cut?): one record, fields as far as visible"});
    return seg;
  }
  seg.warnings.push_back({"no_deliberation",
                          "no deliberation found (no heading, decision or vote): agenda, "
                          "report or transcript?"});
  return seg;
}

}  // namespace registre
