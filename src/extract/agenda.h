// The agenda pass: marks the heading candidates (headings.h) that list deliberations rather
// than open them. Headings inside a table of contents; a run of two or more headings of one
// numbering style with nothing but blank lines between them (an agenda or a recap list); a
// heading directly over a heading of another style (a theme, "I - FINANCES" over "1 -
// Budget"); numbered items where deliberations are headed by their numbers; and items in a
// numbering style other than the document's usual one (sub-points, "a) ..." under "1. ...").
// Also: letter items outside any a, b, c run (a capital initial, "B. DUPONT (pouvoir à"); an
// earlier heading whose title a later one repeats (the agenda as a lexicon of the items);
// and a number restart before the item's vote (its beneficiaries, lots or points), unless
// the heading names itself an item ("POINT 2") or repeats a listed title.
#pragma once

#include <vector>

#include "extract/headings.h"
#include "rules/grammar.h"
#include "text/document.h"

namespace registre {

// Sets `agenda` on the candidates of `cands` (in line order) that are no deliberation.
void MarkAgendas(const Document& doc, const Grammar& g, std::vector<HeadingCandidate>* cands);

}  // namespace registre
