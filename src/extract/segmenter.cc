#include "extract/segmenter.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "extract/agenda.h"
#include "extract/headings.h"
#include "extract/windows.h"

namespace registre {

namespace {

bool AnyIn(const Document& doc, const Grammar& g, std::string_view section, Range r) {
  for (const GrammarEntry& e : g.Section(section))
    if (FindIn(doc, *e.regex, r, nullptr, nullptr)) return true;
  return false;
}

// True when both titles are printed and neither starts the other (compared on letters and
// digits): two subjects, not one item restated with its number.
bool OtherTitle(const Document& doc, Range a, Range b) {
  if (a.empty() || b.empty()) return false;
  const std::string ka = LettersAndDigits(doc.Folded(a)), kb = LettersAndDigits(doc.Folded(b));
  const std::size_t n = std::min(ka.size(), kb.size());
  return n > 0 && ka.compare(0, n, kb, 0, n) != 0;
}

const char* KindName(HeadingKind k) {
  switch (k) {
    case HeadingKind::kNumbered: return "numbered";
    case HeadingKind::kNumberLine: return "number_line";
    case HeadingKind::kItem: return "item";
    case HeadingKind::kTitleNumber: return "title_number";
    case HeadingKind::kTitle: return "title";
  }
  return "?";
}

}  // namespace

Segmenter::Segmenter(const Grammar& grammar)
    : grammar_(grammar),
      not_title_(grammar.Union({"segment.title"}, "not_title")),
      weak_title_weights_(WeakTitleWeights(grammar)),
      sitting_heads_(grammar) {}

Segmentation Segmenter::Split(const Document& doc, bool weigh_all) const {
  Segmentation seg;
  std::vector<HeadingCandidate> cands = FindHeadings(doc, grammar_, not_title_, weak_title_weights_,
                                                     weigh_all ? &seg.weak_titles : nullptr);
  {
    std::vector<bool> head = SittingHeads(doc, grammar_, cands, &sitting_heads_);
    std::vector<HeadingCandidate> items;
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (!head[i]) {
        items.push_back(cands[i]);
        continue;
      }
      seg.trace.push_back({doc.LineRange(cands[i].line), KindName(cands[i].kind), "sitting_head",
                           cands[i].number, cands[i].title});
    }
    cands = std::move(items);
  }
  MarkAgendas(doc, grammar_, &cands);

  // Build records.
  const AcceleratedRE2* title_number = grammar_.Pattern("segment.title_number", "n");
  std::vector<RecordSegment> records;
  std::vector<bool> keep;
  std::vector<HeadingKind> opened_by;
  Range pending_number;  // a number line waiting for the heading below it
  std::size_t pending_line = SIZE_MAX;
  std::vector<std::size_t> trace_of;  // per record built: its index in seg.trace
  for (const HeadingCandidate& c : cands) {
    seg.trace.push_back({doc.LineRange(c.line), KindName(c.kind), "agenda", c.number, c.title});
    const char*& fate = seg.trace.back().fate;
    if (c.agenda) {
      if (c.agenda_reason) fate = c.agenda_reason;
      continue;
    }
    if (c.kind == HeadingKind::kNumberLine) {
      fate = "number_line";
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
    r.margin = c.score;
    if (pending_line != SIZE_MAX && NextNonBlank(doc, pending_line + 1) == c.line) {
      r.number = pending_number;
      r.range.start = doc.LineRange(pending_line).start;
    }
    pending_line = SIZE_MAX;
    // Inside a deliberation opened by its number, numbered headings before any decision
    // are sections of its exposé ("I - Contexte"), not new deliberations.
    if (c.kind == HeadingKind::kItem && !opened_by.empty() &&
        opened_by.back() == HeadingKind::kNumbered &&
        !HasDecisionEvidence(doc, grammar_, Range{records.back().range.start, r.range.start})) {
      fate = "section_of_numbered";
      continue;
    }
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
        doc.Folded(records.back().number) == doc.Folded(r.number)) {
      fate = "same_number";
      continue;
    }
    // A numbered heading just under an item heading gives that item its number.
    if (c.kind == HeadingKind::kNumbered && !records.empty() && keep.back() &&
        records.back().number.empty()) {
      std::size_t prev_line = doc.LineAt(records.back().heading.start);
      std::size_t gap = 0;
      for (std::size_t l = prev_line + 1; l < c.line; ++l) gap += doc.LineBlank(l) ? 0 : 1;
      // Unless it names another subject: "- APPROBATION DU PROCÈS-VERBAL" then "-
      // Délibération D202455 – Décision modificative" are two items.
      if (gap <= 2 && c.line > prev_line && !OtherTitle(doc, records.back().title, r.title)) {
        records.back().number = r.number;
        fate = "number_of_previous";
        continue;
      }
    }
    bool is_record = !NotRecordTitle(doc, grammar_, r.title);
    fate = is_record ? "record" : "not_record";
    trace_of.push_back(seg.trace.size() - 1);
    records.push_back(r);
    keep.push_back(is_record);
    opened_by.push_back(c.kind);
  }
  const std::size_t end = doc.folded().size();
  for (std::size_t k = 0; k < records.size(); ++k) {
    records[k].range.end = k + 1 < records.size() ? records[k + 1].range.start : end;
    // An item that only states a fact unless voted ("Installation des conseillers
    // municipaux"): a record when its text shows an act ([segment.needs_act]).
    if (keep[k] && !records[k].title.empty() &&
        grammar_.AnyMatch("segment.needs_act", doc.Folded(records[k].title)) &&
        !HasActEvidence(doc, grammar_, records[k].range)) {
      keep[k] = false;
      seg.trace[trace_of[k]].fate = "no_act";
    }
  }
  std::vector<RecordSegment> kept;
  std::vector<HeadingKind> kept_kind;
  for (std::size_t k = 0; k < records.size(); ++k) {
    if (!keep[k]) continue;
    kept.push_back(records[k]);
    kept.back().weak_heading = opened_by[k] == HeadingKind::kTitle && !records[k].procedural;
    kept_kind.push_back(opened_by[k]);
  }
  // One record opened by a weak heading (a bare item label or a title line, no deliberation
  // number) in a text that shows no act, is no extract and no sitting's minutes: a
  // heading-like line of an article, an announcement or a transcript ("24 Majorité municipale" in a
  // vote table, "date 2023-12 Mediacités publie..."), not a deliberation.
  if (kept.size() == 1 && !kept[0].procedural && kept_kind[0] != HeadingKind::kNumbered &&
      kept_kind[0] != HeadingKind::kTitleNumber && !HasActEvidence(doc, grammar_, Range{0, end}) &&
      !AnyIn(doc, grammar_, "segment.extract_evidence", Range{0, end}) &&
      !AnyIn(doc, grammar_, "segment.sitting_evidence", Range{0, end})) {
    for (std::size_t k = 0; k < records.size(); ++k)
      if (keep[k]) seg.trace[trace_of[k]].fate = "weak_lone_heading";
    seg.warnings.push_back({"no_deliberation",
                            "no deliberation found: one heading-like line but no deliberation "
                            "number, formula, vote, extract mark or attendance in the text "
                            "(article, announcement or transcript?); weak evidence, check the "
                            "document"});
    return seg;
  }

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
  // No heading: one record when the text shows an act (its formula, "après en avoir
  // délibéré", a tally), or decides something and opens as an extract of the register.
  // Decision words in running prose alone (a press article, a report, a transcript) make no
  // record: the document says why.
  const Range all{0, end};
  const bool decides = HasDecisionEvidence(doc, grammar_, all);
  const bool extract = AnyIn(doc, grammar_, "segment.extract_evidence", all);
  bool minutes = extract;
  for (const AcceleratedRE2* re : grammar_.Patterns("segment.sitting_evidence", "minutes"))
    minutes = minutes || FindIn(doc, *re, all, nullptr, nullptr);
  if ((decides && extract) || HasActEvidence(doc, grammar_, all, /*tally_counts=*/minutes)) {
    RecordSegment r;
    r.range = all;
    seg.records.push_back(r);
    return seg;
  }
  for (const GrammarEntry& e : grammar_.Section("segment.extract_evidence")) {
    if (!FindIn(doc, *e.regex, Range{0, end}, nullptr, nullptr)) continue;
    RecordSegment r;
    r.range = Range{0, end};
    std::size_t head_end =
        doc.lines().size() > kExtractHeadLines ? doc.LineRange(kExtractHeadLines).end : end;
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
  if (decides) {
    seg.warnings.push_back({"no_deliberation",
                            "no deliberation found: decision words in running text but no "
                            "heading, extract mark, formula or vote (press article, report or "
                            "transcript?); weak evidence, check the document"});
    return seg;
  }
  seg.warnings.push_back({"no_deliberation",
                          "no deliberation found (no heading, decision or vote): agenda, "
                          "report or transcript?"});
  return seg;
}

}  // namespace registre
