// Small Unicode helpers for the PDF reader: UTF-8 output, UTF-16BE input, PDF text strings.
//
// Contract: pure functions, never throw; invalid input (lone surrogates, out-of-range
// code points) becomes U+FFFD. AppendText expands the Latin ligature code points
// U+FB00..U+FB06 to their letters and maps U+2010 (hyphen) to '-', so extracted text is
// plain text a parser can match.
#pragma once

#include <string>
#include <string_view>

#include "base/utf8.h"

namespace registre::pdf {

// The project's UTF-8 decoder and encoder (base/utf8.h), under the reader's namespace.
using registre::AppendUtf8;
using registre::NextCodePoint;

// AppendUtf8 plus the normalisations stated above.
void AppendText(std::string& out, char32_t cp);

// Decodes UTF-16BE (surrogate pairs joined) and appends it with AppendText.
void AppendUtf16Be(std::string& out, std::string_view bytes);

// A PDF "text string" (ActualText, Title...): UTF-16BE with BOM, UTF-8 with BOM, or
// PDFDocEncoding.
std::string DecodePdfTextString(std::string_view bytes);

// True if `text` is only whitespace (ASCII, NBSP, U+2000..U+200B, U+202F, U+205F, U+3000).
bool IsBlankText(std::string_view text);

}  // namespace registre::pdf
