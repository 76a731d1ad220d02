#include "read/pdf/unicode_util.h"

#include "base/ligatures.h"
#include "base/utf8.h"
#include "read/pdf/glyph_names.h"

namespace registre::pdf {

void AppendText(std::string& out, char32_t cp) {
  if (const char* letters = LigatureLetters(cp)) {
    out += letters;
    return;
  }
  switch (cp) {
    case 0x2010:
    case 0x2011: out += "-"; return;
    case 0: return;
    default: break;
  }
  if (cp < 0x20 && cp != '\t') cp = ' ';  // control characters are not text
  AppendUtf8(out, cp);
}

void AppendUtf16Be(std::string& out, std::string_view bytes) {
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t unit =
        (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t low = (static_cast<unsigned char>(bytes[i + 2]) << 8) |
                     static_cast<unsigned char>(bytes[i + 3]);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendText(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    AppendText(out, unit);
  }
}

std::string DecodePdfTextString(std::string_view bytes) {
  std::string out;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
      static_cast<unsigned char>(bytes[1]) == 0xFF) {
    AppendUtf16Be(out, bytes.substr(2));
  } else if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out.assign(bytes.substr(3));
  } else {
    const auto& table = BaseEncodingTable(BaseEncoding::kPdfDoc);
    for (unsigned char c : bytes) AppendText(out, table[c] ? table[c] : c);
  }
  return out;
}

bool IsBlankText(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = NextCodePoint(text, pos);
    bool blank = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
                 (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
                 cp == 0xFEFF;
    if (!blank) return false;
  }
  return true;
}

}  // namespace registre::pdf
