#include "extract/agenda.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "extract/windows.h"

namespace registre {
namespace {

// The numbering style of a heading: digits, roman numerals, letters, a deliberation number,
// or none (titles).
char LabelStyle(const Document& doc, const HeadingCandidate& c) {
  if (c.kind == HeadingKind::kNumbered || c.kind == HeadingKind::kTitleNumber) return 'n';
  if (c.kind == HeadingKind::kTitle) return 't';
  std::string_view l = doc.Folded(c.label);
  if (l.empty()) return '?';
  if (l.find('/') != std::string_view::npos) return 'n';
  if (std::isdigit(static_cast<unsigned char>(l[0]))) return 'd';
  if (l.find_first_not_of("ivx") == std::string_view::npos) return 'r';
  return 'a';
}

// The value of a heading's label (3 for "3/", 4 for "IV", 38 for "2020-038"), or -1.
int LabelValue(const Document& doc, const HeadingCandidate& c) {
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

}  // namespace

void MarkAgendas(const Document& doc, const Grammar& g, std::vector<HeadingCandidate>* candidates) {
  std::vector<HeadingCandidate>& cands = *candidates;
  // Headings inside a table of contents (several "(p. 5)" references around them).
  if (const AcceleratedRE2* toc = g.Pattern("segment.toc", "ref")) {
    for (HeadingCandidate& c : cands) {
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
  auto listed = [](const HeadingCandidate& c) {
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
  for (const HeadingCandidate& c : cands)
    numbered += (!c.agenda && c.kind == HeadingKind::kNumbered) ? 1 : 0;
  if (numbered >= 2) {
    for (HeadingCandidate& c : cands)
      if (c.kind == HeadingKind::kItem) c.agenda = true;
  }

  // Items numbered in another style than the document's usual one are sub-points of an
  // item ("A/ Appartement" under "13/ Questions diverses", "a) Le Maire" under "1. Plan").
  {
    std::map<char, int> styles;
    std::vector<char> order;  // styles by first appearance: the outer numbering comes first
    for (const HeadingCandidate& c : cands) {
      if (c.agenda || c.kind != HeadingKind::kItem) continue;
      char style = LabelStyle(doc, c);
      if (styles[style]++ == 0) order.push_back(style);
    }
    char dominant = 0;
    int best = 0;
    for (char style : order)
      if (styles[style] > best) dominant = style, best = styles[style];
    if (best >= 2) {
      for (HeadingCandidate& c : cands)
        if (!c.agenda && c.kind == HeadingKind::kItem && LabelStyle(doc, c) != dominant)
          c.agenda = true;
    }
  }
}

}  // namespace registre
