#include "output/akn/xml_text.h"

#include "base/utf8.h"

namespace registre {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {  // not UTF-8: one replacement character per bad byte
      out += kReplacement;
      ++i;
      continue;
    }
    const std::string_view bytes = text.substr(i, n);
    const char32_t cp = NextCodePoint(text, i);  // advances i by n
    switch (cp) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&apos;"; continue;
      case 0xFFFE:
      case 0xFFFF: continue;  // no XML 1.0 character
      default: break;
    }
    if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') continue;
    out += bytes;
  }
  return out;
}

}  // namespace registre
