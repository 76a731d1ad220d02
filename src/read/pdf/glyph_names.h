// Glyph names and the base encodings of simple fonts.
//
// Contract: GlyphNameToText maps a glyph name (/eacute, /fi, /quoteright, /uni20AC,
// /u1F600, /f_f_i, /a.sc) to its text, ligatures spelt out; unknown names give "".
// BaseEncodingTable gives code -> Unicode for the predefined encodings (0 = undefined),
// built once from PoDoFo's tables and immutable afterwards.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace registre::pdf {

enum class BaseEncoding {
  kStandard,
  kWinAnsi,
  kMacRoman,
  kMacExpert,
  kSymbol,
  kZapfDingbats,
  kPdfDoc
};

const std::array<char32_t, 256>& BaseEncodingTable(BaseEncoding encoding);

std::string GlyphNameToText(std::string_view name);

}  // namespace registre::pdf
