// UTF-8: the one decoder and encoder of the project. Readers, the normaliser, the PDF
// reader and the writers all step through text with these, so every stage agrees on what an
// invalid byte becomes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace registre {

// Decodes one UTF-8 code point at s[i], advancing i; an invalid or cut-short sequence gives
// U+FFFD and advances i by one byte.
char32_t NextCodePoint(std::string_view s, std::size_t& i);

// Appends `cp` as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
void AppendUtf8(std::string& out, char32_t cp);

// The length (1 to 4) of the well-formed UTF-8 sequence at s[i], or 0 when there is none
// (RFC 3629, Unicode table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF, no
// sequence cut short by the end of `s`).
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i);

}  // namespace registre
