#include "text/mojibake.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "base/utf8.h"
#include "read/text_reader.h"

namespace registre {

namespace {

// Code points a repaired sequence may legitimately give in a French text.
bool PlausibleRepair(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0x17F) || cp == 0x192 || (cp >= 0x2010 && cp <= 0x206F) ||
         cp == 0x20AC || cp == 0x2122;
}

}  // namespace

bool RepairMojibake(std::string_view in, char32_t lead, std::size_t next, char32_t* repaired,
                    std::size_t* end) {
  if (lead < 0xC2 || lead > 0xF4) return false;
  int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
  std::string bytes(1, static_cast<char>(lead));
  std::size_t j = next;
  for (int k = 0; k < need; ++k) {
    if (j >= in.size()) return false;
    char32_t cp = NextCodePoint(in, j);
    int b = Windows1252FromUnicode(cp);
    // "à" is C3 A0: the A0 (no-break space) is often turned into a plain space.
    if (cp == ' ' && k == 0 && need == 1 && (lead == 0xC3 || lead == 0xC2)) b = 0xA0;
    if (b < 0x80 || b > 0xBF) return false;
    bytes.push_back(static_cast<char>(b));
  }
  std::size_t pos = 0;
  char32_t cp = NextCodePoint(bytes, pos);
  std::string check;
  AppendUtf8(check, cp);
  if (pos != bytes.size() || check != bytes || !PlausibleRepair(cp)) return false;
  // A plain space standing for A0 is kept as a space after the repaired "à".
  if (bytes.size() == 2 && static_cast<unsigned char>(bytes[1]) == 0xA0 && in[j - 1] == ' ') {
    --j;
  }
  *repaired = cp;
  *end = j;
  return true;
}

bool HasMojibake(std::string_view in) {
  // Every lead starts with 0xC3: one memchr pass finds the places to look at.
  static constexpr std::string_view kLeads[] = {"\xC3\x83", "\xC3\xA2\xE2\x82\xAC",
                                                "\xC3\x85\xE2\x80"};
  for (std::size_t at = in.find('\xC3'); at != std::string_view::npos;
       at = in.find('\xC3', at + 1)) {
    std::string_view here = in.substr(at);
    if (std::none_of(std::begin(kLeads), std::end(kLeads),
                     [&](std::string_view lead) { return here.starts_with(lead); }))
      continue;
    std::size_t next = at;
    char32_t first = NextCodePoint(in, next);
    char32_t cp;
    std::size_t end;
    // A space after "Ã" is weak evidence: "JOÃ O" would pass. Require a real byte.
    if (RepairMojibake(in, first, next, &cp, &end) && in[next] != ' ') return true;
  }
  return false;
}

}  // namespace registre
