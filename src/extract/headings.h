// Heading candidates: the lines of a document that may open a deliberation, read with
// grammars/10-record.grammar [segment.heading] ("Délibération n° X", "3 - Tarifs", "19/2 ...",
// "II – ...", a title ending with its number), and weak titles: short lines set apart that
// no rule names, weighed on their evidence (kWeakTitleEvidence, with the grammar's weights:
// the approval of the last minutes printed as a bare title). The agenda pass (agenda.h)
// then sets aside the candidates that only list deliberations; the segmenter opens records
// at the others.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
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
  double score = 0;         // a weak title's score (ScoredTitle): its margin over zero
};

// The evidence weighed for a weak title, by name, each 0 or 1: a short line set apart that
// no heading rule names but that may open a record ("Vote du taux des taxes communales"
// between two votes). Its weights are data: [table.weak_title_weights] declares one per
// name, fitted by scripts/train over authorities (docs/segmentation.md); a title whose
// weighted sum is above zero opens a record.
inline constexpr const char* kWeakTitleEvidence[] = {
    "bias",             // always 1
    "blank_before",     // the line before is blank
    "blank_after",      // the line after is blank
    "capitals",         // the line is in capitals
    "bullet",           // it opens with a dash or bullet
    "ends_colon",       // it ends with a colon
    "ends_figure",      // it ends with a figure or an amount (a table's row: "Jumelage  600 €")
    "long",             // its title runs over 80 bytes
    "after_decision",   // one of the two lines before it decides (the item before ended)
    "decided_inline",   // its decision follows on its line ("Subvention : Après en avoir ...")
    "section_decides",  // its text, up to the next candidate, decides something
    "section_act",      // its text shows an act (formula, "après en avoir délibéré", tally)
    "opens_visas",      // its text opens with visas
    "inside_item",      // it stands after a heading found by a rule
    "item_undecided",   // ... and nothing is decided between that heading and it (a theme)
};
inline constexpr std::size_t kWeakTitleEvidenceCount = std::size(kWeakTitleEvidence);

// A weak title as weighed, kept for `--explain` and scripts/train whether chosen or not.
struct ScoredTitle {
  std::size_t line;
  Range title;
  double evidence[kWeakTitleEvidenceCount];
  double score;
};

// The weights of kWeakTitleEvidence, in its order, from [table.weak_title_weights]; empty
// when the grammar lacks one or a value is no number (Grammar::CheckDeclared refuses both
// at start-up).
std::vector<double> WeakTitleWeights(const Grammar& g);

// The heading candidates of `doc`, in line order. `not_title` is the union of the
// [segment.title] not_title entries (the weak titles' screen); `weights` those of
// WeakTitleWeights; `scored`, when given, receives every weak title weighed.
std::vector<HeadingCandidate> FindHeadings(const Document& doc, const Grammar& g,
                                           const LazyRegex& not_title,
                                           const std::vector<double>& weights,
                                           std::vector<ScoredTitle>* scored = nullptr);

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
