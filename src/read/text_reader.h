// Text reader: decodes a text extract's bytes into SourceText.
//
// Accepts UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or without one when the
// NUL bytes make the byte order obvious), UTF-32 with a BOM, and legacy single-byte files
// (Windows-1252, ISO-8859-1/15) detected with ICU's charset detector and converted, with an
// `encoding_guessed` warning. A UTF-8 file holding a few stray non-UTF-8 bytes (an edit by
// a legacy tool) keeps its UTF-8 and decodes the stray bytes as Windows-1252, with an
// `invalid_utf8` warning. CRLF and lone CR become '\n'; form feeds are kept as page breaks.
//
// Errors (returned, never thrown): empty input, only white space, binary content (NUL bytes
// or a high share of control characters, or a known binary format such as ZIP/DOCX, Word,
// images), input larger than `max_bytes`, and bytes that are neither UTF-8 nor text in a
// legacy charset.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"
#include "read/source_text.h"

namespace registre {

// The largest text file read. Real deliberation extracts are well under 2 MB (a 300-page
// procès-verbal is about 1 MB of text); anything far larger is not one, and refusing it
// keeps memory (offset maps cost ~10 bytes per input byte) and time bounded.
constexpr std::size_t kMaxTextBytes = 16u << 20;

struct TextReaderOptions {
  std::size_t max_bytes = kMaxTextBytes;
};

Result<SourceText> ReadText(std::string_view bytes, const TextReaderOptions& options = {});

// Windows-1252 byte -> code point (U+FFFD for the five undefined bytes), and back (-1 when
// the code point has no byte; C1 controls map to themselves, as an ISO-8859-1 read gives
// them). The normaliser uses them to undo mojibake.
char32_t Windows1252ToUnicode(unsigned char byte);
int Windows1252FromUnicode(char32_t cp);

// True when `bytes` starts like a PDF file ("%PDF-" within the first 1024 bytes).
bool LooksLikePdf(std::string_view bytes);

}  // namespace registre
