#include "extract/agenda.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "extract/windows.h"

namespace registre {
namespace {

void SetAside(HeadingCandidate* c, const char* reason) {
  if (!c->agenda) c->agenda_reason = reason;
  c->agenda = true;
}

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

// Letter items run a, b, c...: a letter item that neither follows the previous letter item
// nor is followed by the next letter, and is not "a", is a capital initial at a line start
// ("B. DUPONT (pouvoir à ...)", "E. MARTIN a donné pouvoir"), a name and not item "b.".
void MarkLetterInitials(const Document& doc, std::vector<HeadingCandidate>* cands) {
  std::vector<std::size_t> letters;
  for (std::size_t k = 0; k < cands->size(); ++k) {
    const HeadingCandidate& c = (*cands)[k];
    if (!c.agenda && c.kind == HeadingKind::kItem && LabelStyle(doc, c) == 'a')
      letters.push_back(k);
  }
  auto letter = [&](std::size_t i) {
    std::string_view l = doc.Folded((*cands)[letters[i]].label);
    return l.size() == 1 ? l[0] : '\0';
  };
  for (std::size_t i = 0; i < letters.size(); ++i) {
    char ch = letter(i);
    bool follows = i > 0 && ch != '\0' && letter(i - 1) + 1 == ch;
    bool followed = i + 1 < letters.size() && ch != '\0' && letter(i + 1) == ch + 1;
    if (ch != 'a' && !follows && !followed) SetAside(&(*cands)[letters[i]], "initial");
  }
}

// The words of a title, folded, without punctuation: "1. Tarifications 2016" in the agenda
// and "1. Tarifications 2016 :" over the item are one title.
std::string TitleKey(const Document& doc, Range title) {
  std::string key;
  for (char ch : doc.Folded(title)) {
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      key += ch;
    } else if (!key.empty() && key.back() != ' ') {
      key += ' ';
    }
    if (key.size() >= kTitleKeyBytes) break;
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// True when one key begins the other: an agenda line and the item's heading may wrap their
// titles differently ("... présenté par la" / "... présenté par la Communauté de Communes").
bool SameTitle(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return longer.compare(0, shorter.size(), shorter) == 0 &&
         (longer.size() == shorter.size() || longer[shorter.size()] == ' ');
}

// A listed copy stands in a list: printed as a bullet, or a few lines at most before the next
// heading with no decision before it (a page header restating a deliberation's title is no
// list).
bool StandsInList(const Document& doc, const Grammar& g, const std::vector<HeadingCandidate>& cands,
                  std::size_t k) {
  std::size_t line = cands[k].line, next_line = cands[k + 1].line;
  if (const AcceleratedRE2* bulleted = g.Pattern("segment.agenda_label", "bulleted")) {
    Range whole;
    if (FindIn(doc, *bulleted, doc.LineRange(line), &whole, nullptr)) return true;
  }
  std::size_t between = 0;
  for (std::size_t l = line + 1; l < next_line; ++l) between += doc.LineBlank(l) ? 0 : 1;
  return between <= kListGapLines &&
         !HasDecisionEvidence(doc, g,
                              Range{doc.LineRange(line).end, doc.LineRange(next_line).start});
}

// The agenda's titles are a lexicon: a heading whose title a later heading repeats lists
// that item (an agenda, a summary), the later one holds it. Returns, for each candidate,
// whether it repeats an earlier one's title. Lines already set aside (a recap list at the
// end) neither list nor repeat an item.
std::vector<bool> MarkRepeatedTitles(const Document& doc, const Grammar& g,
                                     std::vector<HeadingCandidate>* cands) {
  std::vector<std::string> keys(cands->size());
  std::vector<bool> repeats(cands->size(), false);
  for (std::size_t k = 0; k < cands->size(); ++k) {
    const HeadingCandidate& c = (*cands)[k];
    if (c.agenda || c.procedural || c.kind == HeadingKind::kNumberLine) continue;
    keys[k] = TitleKey(doc, c.title);
    if (keys[k].size() < kTitleKeyMinBytes) {
      keys[k].clear();
      continue;
    }
    for (std::size_t j = 0; j < k; ++j) {
      if (keys[j].empty() || !SameTitle(keys[j], keys[k])) continue;
      if (StandsInList(doc, g, *cands, j)) SetAside(&(*cands)[j], "listed_title");
      repeats[k] = true;
    }
  }
  return repeats;
}

// A heading that names itself an item ("POINT 2 - ...", the word possibly ending the line
// above).
bool ExplicitItem(const Document& doc, const Grammar& g, std::size_t line) {
  const AcceleratedRE2* start = g.Pattern("segment.explicit_item", "start");
  const AcceleratedRE2* before = g.Pattern("segment.explicit_item", "before");
  Range whole;
  if (start && FindIn(doc, *start, doc.LineRange(line), &whole, nullptr)) return true;
  std::size_t prev = line;
  while (prev > 0 && doc.LineBlank(prev - 1)) --prev;
  return before && prev > 0 && FindIn(doc, *before, doc.LineRange(prev - 1), &whole, nullptr);
}

// A numbered item whose number does not go on from the previous item's ("2 - La Clé des
// Chants" after "48 - Subventions", the lots "1 – Démolition" inside a market), before
// that item's decision and with no heading of another style between them, is a sub-point of
// that item (its beneficiaries, lots or articles), not a deliberation. A theme heading
// between them ("II - URBANISME" before "1 - PLU"), a decision before it or a title the
// agenda listed starts a new count.
void MarkSubItems(const Document& doc, const Grammar& g, const std::vector<bool>& repeats,
                  std::vector<HeadingCandidate>* cands) {
  int last = -1;
  std::size_t last_line = 0;
  for (std::size_t k = 0; k < cands->size(); ++k) {
    HeadingCandidate& c = (*cands)[k];
    bool digit_item = c.kind == HeadingKind::kItem && LabelStyle(doc, c) == 'd';
    if (digit_item && c.agenda) continue;
    if (!digit_item || c.agenda) {
      last = -1;
      continue;
    }
    int v = LabelValue(doc, c);
    Range between{doc.LineRange(last_line).start, doc.LineRange(c.line).start};
    // "13/ Questions diverses" after "13/ Fréquence des conseils" still closes that item.
    if (v >= 0 && last >= 0 && v <= last && !repeats[k] && !NotRecordTitle(doc, g, c.title) &&
        !ExplicitItem(doc, g, c.line) && !HasActEvidence(doc, g, between)) {
      SetAside(&c, "restart");
      continue;
    }
    last = v;
    last_line = c.line;
  }
}

// True when the heading's line runs on past its title with the item's own text, as in a
// flattened page ("1. Nomination d'un secrétaire Conformément à l'article ... est désigné
// secrétaire."), or with its decision ("I ADOPTION DU PROCES-VERBAL Le procès-verbal est
// adopté à l'unanimité."): an agenda entry is its title alone.
bool HoldsBody(const Document& doc, const Grammar& g, const HeadingCandidate& c) {
  if (c.title.empty()) return false;
  Range line = doc.LineRange(c.line);
  if (line.end <= c.title.end) return false;
  return line.end - c.title.end > kHeadingBodyBytes ||
         HasDecisionEvidence(doc, g, Range{c.title.end, line.end});
}

// True when the letters and digits of `text` begin with `key`.
bool StartsWithLettersAndDigits(std::string_view text, std::string_view key) {
  std::size_t i = 0;
  for (char ch : text) {
    if (i == key.size()) return true;
    if (!std::isalnum(static_cast<unsigned char>(ch))) continue;
    if (ch != key[i++]) return false;
  }
  return i == key.size();
}

// True when the title of cands[k] was printed earlier in the text, never on a candidate's
// line: an agenda the heading finder did not take apart (mid-line in a flattened page),
// whose entry the heading repeats. A recap list after the items repeats the items' own
// headings: it stays a list. Compared on letters and digits (LettersAndDigits).
bool PrintedEarlier(const Document& doc, const std::vector<HeadingCandidate>& cands,
                    std::size_t k) {
  const std::string_view title = doc.Folded(cands[k].title);
  // A recap list repeats the titles of earlier headings: answered without a scan.
  const std::string whole = LettersAndDigits(title, kEarlierTitleBytes);
  if (whole.size() < kEarlierTitleBytes) return false;
  for (std::size_t j = 0; j < k; ++j)
    if (LettersAndDigits(doc.Folded(cands[j].title), kEarlierTitleBytes) == whole) return false;
  // Looked for from the title's first word of five letters or more (a rare needle), then
  // compared on the letters and digits that follow it.
  std::size_t w = 0, w_end = 0;
  while (w < title.size()) {
    while (w < title.size() && !std::isalnum(static_cast<unsigned char>(title[w]))) ++w;
    w_end = w;
    while (w_end < title.size() && std::isalnum(static_cast<unsigned char>(title[w_end]))) ++w_end;
    if (w_end - w >= 5) break;
    w = w_end;
  }
  if (w >= title.size()) return false;
  const std::string key = LettersAndDigits(title.substr(w), kEarlierTitleBytes);
  if (key.size() < kEarlierTitleBytes) return false;
  const std::string_view word = title.substr(w, w_end - w);
  const std::string_view before =
      std::string_view(doc.folded()).substr(0, doc.LineRange(cands[k].line).start);
  bool outside = false;
  for (std::size_t p = before.find(word); p != std::string_view::npos;
       p = before.find(word, p + 1)) {
    if (!StartsWithLettersAndDigits(before.substr(p), key)) continue;
    const std::size_t line = doc.LineAt(p);
    for (const HeadingCandidate& c : cands)
      if (c.line == line) return false;  // a heading printed it first: a recap list
    outside = true;
  }
  return outside;
}

// The numbered decisions read out after a [segment.delegated_decisions] mark, up to the next
// candidate of another kind: the mayor's decisions taken by delegation, listed, not voted.
void MarkDelegatedDecisions(const Document& doc, const Grammar& g,
                            std::vector<HeadingCandidate>* cands) {
  // Every mark, found in one pass per pattern.
  std::vector<std::size_t> marks;
  const Range all{0, doc.folded().size()};
  for (const GrammarEntry& e : g.Section("segment.delegated_decisions")) {
    Range whole;
    for (Range rest = all; FindIn(doc, *e.regex, rest, &whole, nullptr);
         rest.start = std::max(whole.end, whole.start + 1))
      marks.push_back(whole.start);
  }
  // A heading of the report ("DECISIONS MUNICIPALES"): the lettered or numbered decisions
  // after it, up to a candidate of another kind, are inside it.
  const auto headings = g.Patterns("segment.delegated_decisions", "heading");
  for (std::size_t k = 0; k < cands->size(); ++k) {
    const HeadingCandidate& head = (*cands)[k];
    if (head.agenda || head.title.empty()) continue;
    if (std::none_of(headings.begin(), headings.end(), [&](const AcceleratedRE2* re) {
          return FindIn(doc, *re, head.title, nullptr, nullptr);
        }))
      continue;
    for (std::size_t j = k + 1; j < cands->size(); ++j) {
      HeadingCandidate& c = (*cands)[j];
      // A number line there is the next item's number ("2011-02-001" over "II – ...").
      const bool decision = c.kind == HeadingKind::kNumbered ||
                            (c.kind == HeadingKind::kItem && LabelStyle(doc, c) == 'a');
      if (!decision) break;
      SetAside(&c, "delegated_decision");
    }
  }
  for (std::size_t mark : marks) {
    // The candidates after the mark's line, while they are numbered.
    std::size_t k = 0;
    while (k < cands->size() && doc.LineRange((*cands)[k].line).end < mark) ++k;
    if (k < cands->size() && doc.LineRange((*cands)[k].line).start <= mark) ++k;  // its own line
    for (; k < cands->size(); ++k) {
      HeadingCandidate& c = (*cands)[k];
      if (c.kind != HeadingKind::kNumbered && c.kind != HeadingKind::kNumberLine) break;
      SetAside(&c, "delegated_decision");
    }
  }
}

// The items that make a structure of their own before the first numbered heading: a run of
// at least kItemRunMin items numbered 1, 2, 3... (a gap of a few for items set aside, such as
// withdrawn ones) ends before any deliberation number appears. A procès-verbal's affaires
// followed by an annex listing the decisions taken by delegation ("2014/0023 Attribution
// d'un marché") keep their items.
std::vector<bool> ItemsOfTheirOwn(const Document& doc, const std::vector<HeadingCandidate>& cands) {
  std::vector<bool> own(cands.size(), false);
  std::size_t first_numbered = cands.size();
  for (std::size_t k = 0; k < cands.size(); ++k) {
    if (!cands[k].agenda && cands[k].kind == HeadingKind::kNumbered) {
      first_numbered = k;
      break;
    }
  }
  std::vector<std::size_t> run;
  int last = -1;
  auto close = [&] {
    if (run.size() >= kItemRunMin)
      for (std::size_t k : run) own[k] = true;
    run.clear();
  };
  for (std::size_t k = 0; k < first_numbered; ++k) {
    const HeadingCandidate& c = cands[k];
    if (c.agenda || c.kind != HeadingKind::kItem || LabelStyle(doc, c) != 'd') continue;
    int v = LabelValue(doc, c);
    if (v < 0) continue;
    if (run.empty() ? v > 1 : (v <= last || v > last + kItemRunGap)) {
      close();
      if (v != 1) continue;
    }
    run.push_back(k);
    last = v;
  }
  close();
  return own;
}

// Procedural titles listed under the agenda's announcement ("A l'ordre du jour :", then
// "o" / "Approbation du compte rendu du 23 avril" / "o" / "Approbation du compte rendu du
// 28 avril"): only bullet lines between the announcement, or the entry set aside before,
// and the title; the title decides nothing on its line and another short line follows it
// ("ORDRE DU JOUR :" over "APPROBATION DU PROCES-VERBAL ... A L'UNANIMITE" is the item).
void MarkProceduralAgendaEntries(const Document& doc, const Grammar& g,
                                 std::vector<HeadingCandidate>* cands) {
  const AcceleratedRE2* label = g.Pattern("segment.agenda_label", "e");
  const AcceleratedRE2* bullet = g.Pattern("segment.agenda_label", "bullet");
  if (!label || !bullet) return;
  auto whole_line = [&](const AcceleratedRE2& re, std::size_t l) {
    Range whole;
    return FindIn(doc, re, doc.LineRange(l), &whole, nullptr);
  };
  std::size_t previous_entry = SIZE_MAX;  // the line of the last entry set aside
  for (HeadingCandidate& c : *cands) {
    // An entry lists: no decision on its line, and another short line follows it.
    if (!c.procedural || HasDecisionEvidence(doc, g, doc.LineRange(c.line))) continue;
    std::size_t next = c.line + 1;
    while (next < doc.lines().size() && (doc.LineBlank(next) || whole_line(*bullet, next))) ++next;
    if (next >= doc.lines().size() || doc.LineRange(next).size() > kTitleLineBytes) continue;
    std::size_t l = c.line;
    while (l > 0 && (doc.LineBlank(l - 1) || whole_line(*bullet, l - 1))) --l;
    if (l == 0) continue;
    if (l - 1 == previous_entry || whole_line(*label, l - 1)) {
      SetAside(&c, "agenda_entry");
      previous_entry = c.line;
    }
  }
}

// The lines an agenda's announcement heads ("Ordre du jour :" alone on its line, then its
// entries up to the first blank line): every candidate there lists an item, none holds one.
// A block is at least kAgendaBlockMin short lines that decide nothing; a heading over the
// items themselves ("ORDRE DU JOUR :" over "1. Budget" and its text) is none, and a
// deliberation's number ends the block.
void MarkAgendaBlocks(const Document& doc, const Grammar& g, std::vector<HeadingCandidate>* cands) {
  const AcceleratedRE2* label = g.Pattern("segment.agenda_label", "e");
  if (!label || cands->empty()) return;
  const std::size_t n = doc.lines().size();
  for (std::size_t l = 0; l + 1 < n; ++l) {
    Range whole;
    if (doc.LineBlank(l) || !FindIn(doc, *label, doc.LineRange(l), &whole, nullptr)) continue;
    std::size_t first = NextNonBlank(doc, l + 1), end = first;
    bool entries = true;
    while (end < n && !doc.LineBlank(end) && end - first < kAgendaBlockMaxLines) {
      Range line = doc.LineRange(end);
      if (line.size() > kTitleLineBytes || HasDecisionEvidence(doc, g, line)) {
        entries = false;
        break;
      }
      ++end;
    }
    // A deliberation's number ends the agenda: the block stops at the first one.
    for (const HeadingCandidate& c : *cands)
      if (c.line >= first && c.line < end &&
          (c.kind == HeadingKind::kNumbered || c.kind == HeadingKind::kTitleNumber))
        end = c.line;
    if (!entries || end - first < kAgendaBlockMin) continue;
    for (HeadingCandidate& c : *cands)
      if (!c.agenda && c.line >= first && c.line < end) SetAside(&c, "agenda_entry");
    l = end;
  }
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
      if (refs >= 3) SetAside(&c, "toc");
    }
  }

  // Agenda and recap lists: a run of two or more heading lines with nothing but blank lines
  // between them lists deliberations, it does not hold them.
  // An item that is no record ("27- AFFAIRE RETIREE", "Questions diverses") lists nothing:
  // the item after it is not its list's next entry.
  std::vector<bool> no_record(cands.size());
  for (std::size_t k = 0; k < cands.size(); ++k)
    no_record[k] = NotRecordTitle(doc, g, cands[k].title);
  auto listed = [&](std::size_t k) {
    return cands[k].kind != HeadingKind::kNumberLine && !cands[k].procedural && !no_record[k];
  };
  // Two headings are adjacent when nothing but blank lines, or the wrapped end of the first
  // one (at most two lines of the same paragraph), stands between them.
  auto adjacent = [&](std::size_t a, std::size_t b) {
    if (!listed(a) || !listed(b)) return false;
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
    if (!listed(k)) continue;
    char style = LabelStyle(doc, cands[k]);
    // Both headings in k's numbering style, the second one next after the first.
    auto continues = [&](std::size_t a, std::size_t b) {
      if (LabelStyle(doc, cands[a]) != style || LabelStyle(doc, cands[b]) != style) return false;
      int va = LabelValue(doc, cands[a]), vb = LabelValue(doc, cands[b]);
      return va < 0 || vb < 0 || vb == va + 1;  // a restart ("1/" after "3/") ends the list
    };
    // A heading whose line goes on with its item's text (a flattened page) lists nothing,
    // nor is it a theme.
    if (HoldsBody(doc, g, cands[k])) continue;
    bool same_next = k + 1 < cands.size() && adjacent(k, k + 1) && continues(k, k + 1) &&
                     !HoldsBody(doc, g, cands[k + 1]);
    bool same_prev =
        k > 0 && adjacent(k - 1, k) && continues(k - 1, k) && !HoldsBody(doc, g, cands[k - 1]);
    // A heading directly over a heading of another style is a theme ("I - FINANCES" over
    // "1 - Budget"), not a deliberation either.
    bool theme = k + 1 < cands.size() && adjacent(k, k + 1) && !continues(k, k + 1);
    // A list entry whose title the text printed before is the item the agenda announced.
    if ((same_next || same_prev) && !theme && PrintedEarlier(doc, cands, k)) continue;
    if (same_next || same_prev || theme) SetAside(&cands[k], theme ? "theme" : "list");
  }

  MarkDelegatedDecisions(doc, g, &cands);
  MarkAgendaBlocks(doc, g, &cands);
  MarkProceduralAgendaEntries(doc, g, &cands);

  // Where deliberations are headed by their numbers, numbered items are sub-points or theme
  // headings ("1. FINANCES", "1) Il propose..."), not deliberations.
  std::size_t numbered = 0;
  for (const HeadingCandidate& c : cands)
    numbered += (!c.agenda && c.kind == HeadingKind::kNumbered) ? 1 : 0;
  if (numbered >= 2) {
    std::vector<bool> own = ItemsOfTheirOwn(doc, cands);
    for (std::size_t k = 0; k < cands.size(); ++k)
      if (cands[k].kind == HeadingKind::kItem && !own[k])
        SetAside(&cands[k], "item_among_numbered");
  }

  MarkLetterInitials(doc, &cands);
  MarkSubItems(doc, g, MarkRepeatedTitles(doc, g, &cands), &cands);

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
          SetAside(&c, "other_style");
    }
  }
}

}  // namespace registre
