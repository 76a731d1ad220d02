// Reflow: restores line structure in flattened text (one long line per page, as web pages
// and some PDF extractions give), so that line-based rules can see headings, labels and
// sentences. Only lines longer than a threshold are touched; a line break replaces a
// space, byte for byte, so every offset map of the NormalisedText stays valid. Rules:
// grammars/30-reflow.grammar.
#pragma once

#include "rules/grammar.h"
#include "text/normaliser.h"

namespace registre {

// Returns how many line breaks were inserted.
int Reflow(const Grammar& grammar, NormalisedText* text);

}  // namespace registre
