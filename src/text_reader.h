// Text reader: decodes a text extract's bytes into SourceText.
//
// Accepts UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, and legacy single-byte
// files (Windows-1252, ISO-8859-1/15) detected with ICU's charset detector and converted.
// CRLF and lone CR become '\n'; form feeds are kept as page breaks. Invalid UTF-8 that no
// legacy charset explains is replaced with U+FFFD and reported as a warning.
//
// Errors (returned, never thrown): empty input, binary content (NUL bytes or a high share
// of control characters outside UTF-16), input larger than `max_bytes`.
#pragma once

#include <cstddef>
#include <string_view>

#include "source_text.h"
#include "status.h"

namespace registre {

struct TextReaderOptions {
  std::size_t max_bytes = 256u << 20;  // refuse larger inputs instead of exhausting memory
};

Result<SourceText> ReadText(std::string_view bytes, const TextReaderOptions& options = {});

// True when `bytes` starts like a PDF file ("%PDF-" within the first 1024 bytes).
bool LooksLikePdf(std::string_view bytes);

}  // namespace registre
