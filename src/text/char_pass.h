// The character pass, the normaliser's first: every kind of space becomes ' ', soft
// hyphens, zero-width and control characters are dropped, ligatures and the Symbol-font
// private-use signs pdftotext writes are spelt out, decomposed accents are composed (NFC),
// an OCR '¬' inside a line is removed with the break it marked, mojibake is repaired when
// asked, and each '\f' becomes a line break whose position is recorded as a page start.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/mapped_text.h"

namespace registre {

struct CharPassResult {
  MappedText text;                       // src: offsets into the input
  std::vector<uint32_t> page_starts{0};  // offset in `text` where page k+1 starts
  std::size_t mojibake_repaired = 0;     // sequences repaired
};

// Linear in the input; `repair_mojibake` as HasMojibake (mojibake.h) says.
CharPassResult RunCharPass(std::string_view in, bool repair_mojibake);

}  // namespace registre
