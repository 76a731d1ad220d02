// Segmenter: splits a document into its deliberations.
//
// A document is a shared head (the sitting: attendance, date...) followed by one or more
// records. Records open at headings found with grammars/10-record.grammar [segment.*]:
// "Délibération n° X" lines, numbered items of a procès-verbal ("3 - Tarifs", "19/2 ...",
// "II – ..."), a title ending with its number. Numbered lines that follow "Ordre du jour" or
// stand in a run with no text between them are an agenda, not records; items titled
// "Questions diverses", "Informations"... close the previous record but are not records.
// A repeated heading with the same number (a page header restating it) continues the record.
// A document with no heading is one record when it shows an act ([segment.act_evidence]: a
// formula line, "après en avoir délibéré", a tally) or opens as an extract of the register;
// decision words in prose alone give no record. A lone record opened by a weak heading (bare
// item label or title line) in a text with no act, extract mark or sitting is dropped too.
// A document without records says why in `warnings` (no_deliberation), naming the weak
// evidence when there was some, so "no deliberation found" is told from a failure.
#pragma once

#include <string>
#include <vector>

#include "extract/headings.h"
#include "read/source_text.h"
#include "rules/grammar.h"
#include "text/document.h"

namespace registre {

struct RecordSegment {
  Range range;              // the record's own text (heading included)
  Range heading;            // the heading line, empty for a headless single record
  Range number;             // the number as printed, when the heading or a line near it gives one
  Range title;              // the title from the heading, when it has one
  bool procedural = false;  // a procedural item (secretary, approval of the last minutes)
  // Opened by weak evidence: a title line with no number nor label, kept because the text
  // under it decides (or opens with visas). The record says so in its warnings.
  bool weak_heading = false;
  double margin = 0;  // for a weak heading: its title's score (ScoredTitle), above zero
};

// What became of one heading candidate, for `registre extract --explain`: its line, the
// kind of rule that proposed it and why it opens a record or not.
struct HeadingTrace {
  Range line;
  const char* kind;  // "numbered", "number_line", "item", "title_number", "title"
  const char* fate;  // "record", "agenda", "not_record", "sub_item", "same_number", ...
  Range number, title;
};

struct Segmentation {
  Range head;     // the sitting's shared head (empty when the single record covers everything)
  Range sitting;  // where the sitting's facts are read: the head and any procedural items after it
  std::vector<RecordSegment> records;
  std::vector<Warning> warnings;
  // Every candidate: the sitting's heads first, then the others in document order (the
  // records' fates are set as they are built; Pipeline::Explain sorts them for people).
  std::vector<HeadingTrace> trace;
  // With Split's `weigh_all`, every weak title weighed, chosen or not (scripts/train reads
  // them from `--explain`).
  std::vector<ScoredTitle> weak_titles;
};

class Segmenter {
 public:
  explicit Segmenter(const Grammar& grammar);
  // `weigh_all`: keep every weak title weighed in `weak_titles` (for --explain), not only
  // weigh those that can open a record.
  Segmentation Split(const Document& doc, bool weigh_all = false) const;

 private:
  const Grammar& grammar_;
  // The [segment.title] not_title entries as one pattern: a weak title's screen reads the
  // line once without the costly title pattern, which the section's set would also run.
  LazyRegex not_title_;
  std::vector<double> weak_title_weights_;  // [table.weak_title_weights]
  SittingHeadScreens sitting_heads_;
};

}  // namespace registre
