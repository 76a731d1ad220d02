// Normaliser: turns a SourceText into the normalised text every later stage reads, and its
// folded matching view.
//
// The normalised text is NFC, one space between words, '\n' line ends, no trailing spaces,
// no '\f' (page starts are kept in `page_starts`). Repairs applied: every kind of space
// folded; soft hyphens, zero-width characters and OCR '¬' removed; ligatures expanded;
// line-end hyphenation joined (`com-\nmune` -> `commune`, `Jean-\nPierre` -> `Jean-Pierre`);
// letter-spaced words rejoined (`D E L I B E R E` -> `DELIBERE`); justification splits
// repaired (`Présent  s   :` -> `Présents :`); page counters (`Page 1/14`, `-2-`) and
// running headers/footers repeated at page edges dropped as page furniture.
//
// Every byte of `text` maps back to an offset in SourceText.text (`source_offsets`), and
// every byte of the folded view maps to an offset in `text`, so rules match on the folded
// view while values are copied from `text`, and spans give pages and offsets.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "folding.h"
#include "source_text.h"

namespace registre {

struct NormalisedText {
  std::string text;
  std::vector<uint32_t> source_offsets;  // size text.size() + 1
  std::vector<uint32_t> page_starts;     // offset in `text` where page k+1 starts
  FoldedText folded;                     // folded view; folded.to_source maps into `text`
  std::vector<std::string> furniture;    // the lines dropped as page furniture
  std::vector<Warning> warnings;

  // 1-based page holding text offset `offset`.
  int PageAt(std::size_t offset) const;
  int page_count() const { return static_cast<int>(page_starts.size()); }
};

NormalisedText Normalise(const SourceText& source);

}  // namespace registre
