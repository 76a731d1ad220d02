// Normaliser: turns a SourceText into the normalised text every later stage reads, and its
// folded matching view.
//
// The normalised text is NFC, one space between words, '\n' line ends, no trailing spaces,
// no '\f' (page starts are kept in `page_starts`). Repairs applied: mojibake (UTF-8 read as
// Windows-1252, "DÃ©libÃ©ration") undone when a sequence only mojibake explains is present
// (warning `mojibake_repaired`); every kind of space folded; soft hyphens, zero-width
// characters and OCR '¬' removed; ligatures expanded; line-end hyphenation joined
// (`com-\nmune` -> `commune`, `Jean-\nPierre` and `vingt-\ndeux` keep their hyphen, also
// across a page break and its furniture); letter-spaced words rejoined (`D E L I B E R E` ->
// `DELIBERE`, wider gaps separate words); justification splits repaired (`Présent  s   :` ->
// `Présents :`); page furniture dropped: page counters (`Page 1/14`, `- 2 -`), bare page
// numbers at page edges, running headers/footers (same edge slot on half the pages, same
// text or only the page number changing, never also printed mid-page; page 1's heading is
// kept) and a repeat of the document's opening block (a page header in an extract that lost
// its form feeds).
//
// Every byte of `text` maps back to an offset in SourceText.text (`source_offsets`, line
// breaks to the source line break), and every byte of the folded view maps to an offset in
// `text`, so rules match on the folded view while values are copied from `text`, and spans
// give pages and offsets. Linear in the input size.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "read/source_text.h"
#include "text/folding.h"
#include "text/text_rules.h"

namespace registre {

struct NormalisedText {
  std::string text;
  OffsetMap source_offsets;              // size text.size() + 1
  std::vector<uint32_t> page_starts;     // offset in `text` where page k+1 starts
  FoldedText folded;                     // folded view; folded.to_source maps into `text`
  std::vector<std::string> furniture;    // the lines dropped as page furniture
  std::vector<Warning> warnings;
  // Set by Reflow (reflow.h) when it restored line breaks in flattened text: its lines run
  // on from a heading into the item's text.
  bool reflowed = false;

  // 1-based page holding text offset `offset`.
  int PageAt(std::size_t offset) const;
  int page_count() const { return static_cast<int>(page_starts.size()); }
};

// `rules`: the grammar's words and patterns for page furniture and hyphenation.
NormalisedText Normalise(const SourceText& source, const TextRules& rules);

}  // namespace registre
