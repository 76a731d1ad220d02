// Markup left by conversion and OCR tools, read as what it is: Markdown written from a
// scan (`## Délibération n° 12`, `| Nom | Pouvoir à |` tables, `**Présents :**`, `*` and
// `+` bullets, `\_` escapes, `![](page.png)` images, `[text](url)` links, `<br>`), LaTeX
// residue of math mode (`$n^{\circ}$` is `n°`, `$1^{\text{er}}$` is `1er`; command names
// from grammars/05-text.grammar [table.latex]), `n²` for `n°` before a number, and
// pdftotext's `(cid:N)` glyph codes (a glyph without a Unicode mapping: dropped).
//
// The pass runs after the character pass and before line repair. It removes markers and
// keeps words: a Markdown heading stays its own line (headings.h reads it), a table row
// becomes its cells separated by " ; " (the separator row goes), a bullet becomes "- ".
// Every byte kept keeps its source offset; page starts are moved with the text.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "text/mapped_text.h"

namespace registre {

struct MarkupCounts {
  std::size_t markdown = 0;  // lines whose Markdown markers were removed
  std::size_t latex = 0;     // $...$ spans rewritten
  std::size_t cid = 0;       // (cid:N) codes dropped
  bool any() const { return markdown + latex + cid > 0; }
};

// False when `text` holds nothing StripMarkup would change (the common case: no copy).
bool HasMarkup(const std::string& text);

// `latex`: command name -> replacement ("circ" -> "°"). `page_starts`: offsets in `in`,
// rewritten to offsets in the result. Linear in the input.
MappedText StripMarkup(const MappedText& in,
                       const std::vector<std::pair<std::string, std::string>>& latex,
                       std::vector<uint32_t>* page_starts, MarkupCounts* counts);

}  // namespace registre
