// Small Unicode helpers for the PDF reader: UTF-8 output, UTF-16BE input, PDF text strings.
//
// Contract: pure functions, never throw; invalid input (lone surrogates, out-of-range
// code points) becomes U+FFFD. AppendText expands the Latin ligature code points
// U+FB00..U+FB06 to their letters and maps U+2010 (hyphen) to '-', so extracted text is
// plain text a parser can match.
#pragma once

#include <string>
#include <string_view>

namespace registre::pdf {

void AppendUtf8(std::string& out, char32_t cp);

// AppendUtf8 plus the normalisations stated above.
void AppendText(std::string& out, char32_t cp);

// Decodes UTF-16BE (surrogate pairs joined) and appends it with AppendText.
void AppendUtf16Be(std::string& out, std::string_view bytes);

// A PDF "text string" (ActualText, Title...): UTF-16BE with BOM, UTF-8 with BOM, or
// PDFDocEncoding.
std::string DecodePdfTextString(std::string_view bytes);

// True if `text` is only whitespace (ASCII, NBSP, U+2000..U+200B, U+202F, U+205F, U+3000).
bool IsBlankText(std::string_view text);

// Decodes one UTF-8 code point at `pos` (advancing it); U+FFFD on bad input.
char32_t NextCodePoint(std::string_view text, std::size_t& pos);

}  // namespace registre::pdf
