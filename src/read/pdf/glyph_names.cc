#include "read/pdf/glyph_names.h"

#include <podofo/podofo.h>

#include "read/pdf/unicode_util.h"

namespace registre::pdf {
namespace {

// PoDoFo 0.9.8 stores pdf_utf16be values byte-swapped on little-endian hosts.
char32_t FromPodofo(PoDoFo::pdf_utf16be v) {
  auto u = static_cast<std::uint16_t>(v);
#ifdef PODOFO_IS_LITTLE_ENDIAN
  u = static_cast<std::uint16_t>((u >> 8) | (u << 8));
#endif
  return u;
}

std::array<char32_t, 256> BuildTable(const PoDoFo::PdfEncoding* encoding) {
  std::array<char32_t, 256> table{};
  for (int i = 0; i < 256; ++i) {
    try {
      table[i] = FromPodofo(encoding->GetCharCode(i));
    } catch (...) {
      table[i] = 0;
    }
  }
  return table;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool ParseHexRun(std::string_view s, char32_t& out) {
  out = 0;
  for (char c : s) {
    int v = Hex(c);
    if (v < 0) return false;
    out = out * 16 + static_cast<char32_t>(v);
  }
  return !s.empty();
}

std::string ComponentToText(std::string_view name) {
  std::string out;
  if (name.empty()) return out;
  if (name == "ff") return "ff";
  if (name == "fi") return "fi";
  if (name == "fl") return "fl";
  if (name == "ffi") return "ffi";
  if (name == "ffl") return "ffl";
  if (name == "IJ") return "IJ";
  if (name == "ij") return "ij";
  if (name == "sfthyphen" || name == "softhyphen") return "\xC2\xAD";
  if (name == "nbspace" || name == "nonbreakingspace") return "\xC2\xA0";
  if (name == "dotlessj") return "\xC8\xB7";
  if (name.size() >= 7 && name.substr(0, 3) == "uni" && (name.size() - 3) % 4 == 0) {
    std::string text;
    for (std::size_t i = 3; i < name.size(); i += 4) {
      char32_t cp = 0;
      if (!ParseHexRun(name.substr(i, 4), cp)) {
        text.clear();
        break;
      }
      AppendText(text, cp);
    }
    if (!text.empty()) return text;
  }
  if (name.size() >= 5 && name.size() <= 7 && name[0] == 'u') {
    char32_t cp = 0;
    if (ParseHexRun(name.substr(1), cp)) {
      AppendText(out, cp);
      return out;
    }
  }
  try {
    char32_t cp = FromPodofo(
        PoDoFo::PdfDifferenceEncoding::NameToUnicodeID(PoDoFo::PdfName(std::string(name))));
    if (cp != 0) AppendText(out, cp);
  } catch (...) {
  }
  return out;
}

}  // namespace

const std::array<char32_t, 256>& BaseEncodingTable(BaseEncoding encoding) {
  using F = PoDoFo::PdfEncodingFactory;
  static const std::array<char32_t, 256> standard = BuildTable(F::GlobalStandardEncodingInstance());
  static const std::array<char32_t, 256> winansi = BuildTable(F::GlobalWinAnsiEncodingInstance());
  static const std::array<char32_t, 256> macroman = BuildTable(F::GlobalMacRomanEncodingInstance());
  static const std::array<char32_t, 256> macexpert =
      BuildTable(F::GlobalMacExpertEncodingInstance());
  static const std::array<char32_t, 256> symbol = BuildTable(F::GlobalSymbolEncodingInstance());
  static const std::array<char32_t, 256> dingbats =
      BuildTable(F::GlobalZapfDingbatsEncodingInstance());
  static const std::array<char32_t, 256> pdfdoc = BuildTable(F::GlobalPdfDocEncodingInstance());
  switch (encoding) {
    case BaseEncoding::kStandard: return standard;
    case BaseEncoding::kWinAnsi: return winansi;
    case BaseEncoding::kMacRoman: return macroman;
    case BaseEncoding::kMacExpert: return macexpert;
    case BaseEncoding::kSymbol: return symbol;
    case BaseEncoding::kZapfDingbats: return dingbats;
    case BaseEncoding::kPdfDoc: return pdfdoc;
  }
  return winansi;
}

std::string GlyphNameToText(std::string_view name) {
  if (name.empty() || name[0] == '.') return {};
  std::size_t dot = name.find('.');
  if (dot != std::string_view::npos) name = name.substr(0, dot);
  if (name.find('_') == std::string_view::npos) return ComponentToText(name);
  std::string out;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find('_', start);
    if (end == std::string_view::npos) end = name.size();
    out += ComponentToText(name.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace registre::pdf
