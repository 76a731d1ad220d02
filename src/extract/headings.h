// Heading candidates: the lines of a document that may open a deliberation, read with
// grammars/10-record.grammar [segment.heading] ("Délibération n° X", "3 - Tarifs", "19/2 ...",
// "II – ...", a title ending with its number), and, before the first such heading or in a
// document without any, weak titles: short lines set apart whose section decides something
// (the approval of the last minutes printed as a bare title). The agenda pass (agenda.h)
// then sets aside the candidates that only list deliberations; the segmenter opens records
// at the others.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/grammar.h"
#include "text/document.h"

namespace registre {

enum class HeadingKind { kNumbered, kNumberLine, kItem, kTitleNumber, kTitle };

struct HeadingCandidate {
  std::size_t line;
  HeadingKind kind;
  Range number, label, title;
  bool agenda = false;
  // Why `agenda` was set (agenda.h): "initial", "listed_title", "restart", "toc", "list",
  // "theme", "item_among_numbered", "other_style".
  const char* agenda_reason = nullptr;
  bool procedural = false;  // a procedural item: never part of a list
};

// The heading candidates of `doc`, in line order. `not_title` is the union of the
// [segment.title] not_title entries (the weak titles' screen).
std::vector<HeadingCandidate> FindHeadings(const Document& doc, const Grammar& g,
                                           const LazyRegex& not_title);

// Per candidate: true for a bare item or title line (no deliberation number) whose section
// opens the sitting before it decides anything ([segment.sitting_opening]): the document's
// header, not an item ("1/14 SYNDICAT X PROCES-VERBAL ... Présents :", a page counter glued
// to the letterhead). The last candidate's section runs to the end of the text: it is the
// header only when nothing is decided there at all.
// `screens`: the unions of the sections, built once by the caller (else each pattern is run
// in turn); `stop_after`: stop once this many candidates are found not to be the head.
struct SittingHeadScreens {
  explicit SittingHeadScreens(const Grammar& g)
      : opening(g.Union({"segment.sitting_opening"})),
        decision(g.Union({"segment.decision_evidence"})) {}
  LazyRegex opening, decision;
};
std::vector<bool> SittingHeads(const Document& doc, const Grammar& g,
                               const std::vector<HeadingCandidate>& cands,
                               const SittingHeadScreens* screens = nullptr,
                               std::size_t stop_after = SIZE_MAX);

// The letters and digits of folded text, at most `max` of them: titles compared whatever
// their spacing and punctuation ("compte - rendu" and "compte-rendu", "syn dical").
std::string LettersAndDigits(std::string_view folded, std::size_t max = SIZE_MAX);

// The first line at or after `line` that is not blank (lines().size() when none).
std::size_t NextNonBlank(const Document& doc, std::size_t line);

// True when `title` names an item that is no deliberation ([segment.not_record]: "Questions
// diverses", "Informations", the document's own title).
bool NotRecordTitle(const Document& doc, const Grammar& g, Range title);

// True when `r` shows an act, not only decision words in prose ([segment.act_evidence]: a
// formula alone on its line, "après en avoir délibéré", and, when `tally_counts`, a tally).
bool HasActEvidence(const Document& doc, const Grammar& g, Range r, bool tally_counts = true);

// True when `r` decides something ([segment.decision_evidence]).
bool HasDecisionEvidence(const Document& doc, const Grammar& g, Range r);

}  // namespace registre
