// Reflow: restores line structure in flattened text (one long line per page, as web pages
// and some PDF extractions give), so that line-based rules can see headings, labels and
// sentences. Only lines longer than a threshold are touched; a line break replaces a
// space, byte for byte, so every offset map of the NormalisedText stays valid. Rules:
// grammars/30-reflow.grammar.
#pragma once

#include "rules/grammar.h"
#include "text/normaliser.h"
#include "text/text_rules.h"

namespace registre {

// The converse, for hard-wrapped text (lines cut at a fixed width, as mail and some
// extractions give): a line break becomes a space where the next line's first word would
// not have fitted on the line, in a document whose longest line is at most [table.reflow]
// max_wrap characters, unless the line ends a sentence or a label, or the next one opens a
// label, an item or a heading ([reflow.break_before], [reflow.keep_break]). Run before
// Reflow. Returns how many line breaks were removed.
int Unwrap(const Grammar& grammar, const TextRules& rules, NormalisedText* text);

// An item's label printed alone on its line ("1.", "II -", "A)") opens the title on the next
// non-blank line ("1." / "" / "Demande de subvention"): the line breaks between become
// spaces, so the heading is one unit whatever the layout ([reflow.lone_label]). Not across
// a page break, and only before a capital. Returns how many labels were joined.
int JoinLoneLabels(const Grammar& grammar, NormalisedText* text);

// Returns how many line breaks were inserted.
int Reflow(const Grammar& grammar, NormalisedText* text);

}  // namespace registre
