#include "read/pdf/cmap_parser.h"

#include <algorithm>

#include "read/pdf/glyph_names.h"
#include "read/pdf/pdf_lexer.h"
#include "read/pdf/unicode_util.h"

namespace registre::pdf {
namespace {

std::uint32_t BytesToCode(std::string_view s) {
  std::uint32_t code = 0;
  for (std::size_t i = 0; i < s.size() && i < 4; ++i)
    code = (code << 8) | static_cast<unsigned char>(s[i]);
  return code;
}

std::u16string ToUtf16(std::string_view bytes) {
  std::u16string units;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    units.push_back(static_cast<char16_t>((static_cast<unsigned char>(bytes[i]) << 8) |
                                          static_cast<unsigned char>(bytes[i + 1])));
  }
  if (bytes.size() == 1) units.push_back(static_cast<unsigned char>(bytes[0]));
  return units;
}

std::string Utf16ToText(const std::u16string& units) {
  std::string bytes;
  for (char16_t u : units) {
    bytes.push_back(static_cast<char>(u >> 8));
    bytes.push_back(static_cast<char>(u & 0xFF));
  }
  std::string out;
  AppendUtf16Be(out, bytes);
  return out;
}

// Text for a destination string; a one-byte destination is taken as a code point.
std::string DestinationText(std::string_view dest) {
  if (dest.size() == 1) {
    std::string out;
    AppendText(out, static_cast<unsigned char>(dest[0]));
    return out;
  }
  std::string out;
  AppendUtf16Be(out, dest);
  return out;
}

int ByteLength(const Token& t) {
  int n = static_cast<int>(t.text.size());
  return n < 1 ? 1 : (n > 4 ? 4 : n);
}

}  // namespace

CMap CMap::Identity() {
  CMap map;
  map.spaces_.push_back({0, 0xFFFF, 2});
  map.identity_ = true;
  return map;
}

CMap CMap::Parse(std::string_view data, std::size_t max_entries) {
  CMap map;
  PdfLexer lexer(data);
  std::vector<Token> operands;
  Token tok;
  std::size_t entries = 0;
  enum class Mode { kNone, kCodeSpace, kBfChar, kBfRange, kCidChar, kCidRange } mode = Mode::kNone;
  std::vector<Token> array;  // destinations of a bfrange array
  bool in_array = false;
  while (lexer.Next(tok)) {
    if (entries > max_entries) break;
    if (tok.kind == TokenKind::kArrayOpen) {
      in_array = true;
      array.clear();
      continue;
    }
    if (tok.kind == TokenKind::kArrayClose) {
      in_array = false;
      // A bfrange with an array destination: lo hi [d0 d1 ...]
      if (mode == Mode::kBfRange && operands.size() >= 2) {
        const Token& lo = operands[operands.size() - 2];
        const Token& hi = operands[operands.size() - 1];
        std::uint32_t a = BytesToCode(lo.text), b = BytesToCode(hi.text);
        int bytes = ByteLength(lo);
        for (std::uint32_t c = a; c <= b && c - a < array.size(); ++c) {
          map.bf_[Key(c, bytes)] = DestinationText(array[c - a].text);
          ++entries;
        }
      }
      operands.clear();
      continue;
    }
    if (in_array) {
      if (array.size() < 65536) array.push_back(tok);
      continue;
    }
    if (tok.kind != TokenKind::kKeyword) {
      if (operands.size() < 4096) operands.push_back(tok);
      if (mode == Mode::kCodeSpace && operands.size() == 2) {
        if (operands[0].kind == TokenKind::kString && operands[1].kind == TokenKind::kString) {
          map.spaces_.push_back({BytesToCode(operands[0].text), BytesToCode(operands[1].text),
                                 ByteLength(operands[0])});
        }
        operands.clear();
      } else if (mode == Mode::kBfChar && operands.size() == 2) {
        if (operands[0].kind == TokenKind::kString) {
          std::string text;
          if (operands[1].kind == TokenKind::kString) {
            text = DestinationText(operands[1].text);
          } else if (operands[1].kind == TokenKind::kName) {
            text = GlyphNameToText(operands[1].text);  // rare: a glyph name as target
          }
          map.bf_[Key(BytesToCode(operands[0].text), ByteLength(operands[0]))] = text;
          ++entries;
        }
        operands.clear();
      } else if (mode == Mode::kBfRange && operands.size() == 3) {
        if (operands[0].kind == TokenKind::kString && operands[1].kind == TokenKind::kString &&
            operands[2].kind == TokenKind::kString) {
          std::uint32_t a = BytesToCode(operands[0].text), b = BytesToCode(operands[1].text);
          if (b >= a) {
            std::u16string base = ToUtf16(operands[2].text);
            if (!base.empty()) {
              map.bf_ranges_.push_back({a, b, ByteLength(operands[0]), base});
              ++entries;
            }
          }
        }
        operands.clear();
      } else if (mode == Mode::kCidChar && operands.size() == 2) {
        if (operands[0].kind == TokenKind::kString && operands[1].kind == TokenKind::kNumber) {
          map.cid_[Key(BytesToCode(operands[0].text), ByteLength(operands[0]))] =
              static_cast<std::uint32_t>(operands[1].number);
          ++entries;
        }
        operands.clear();
      } else if (mode == Mode::kCidRange && operands.size() == 3) {
        if (operands[0].kind == TokenKind::kString && operands[1].kind == TokenKind::kString &&
            operands[2].kind == TokenKind::kNumber) {
          map.cid_ranges_.push_back({BytesToCode(operands[0].text), BytesToCode(operands[1].text),
                                     ByteLength(operands[0]),
                                     static_cast<std::uint32_t>(operands[2].number)});
          ++entries;
        }
        operands.clear();
      }
      continue;
    }
    const std::string& kw = tok.text;
    if (kw == "begincodespacerange")
      mode = Mode::kCodeSpace;
    else if (kw == "beginbfchar")
      mode = Mode::kBfChar;
    else if (kw == "beginbfrange")
      mode = Mode::kBfRange;
    else if (kw == "begincidchar")
      mode = Mode::kCidChar;
    else if (kw == "begincidrange")
      mode = Mode::kCidRange;
    else if (kw.rfind("end", 0) == 0)
      mode = Mode::kNone;
    else if (kw == "usecmap" && !operands.empty() && operands.back().kind == TokenKind::kName &&
             operands.back().text.rfind("Identity", 0) == 0) {
      map.spaces_.push_back({0, 0xFFFF, 2});
      map.identity_ = true;
    }
    operands.clear();
  }
  // Sorted by start so lookups are binary searches (a CMap may hold many ranges).
  std::stable_sort(map.bf_ranges_.begin(), map.bf_ranges_.end(),
                   [](const BfRange& a, const BfRange& b) { return a.lo < b.lo; });
  std::stable_sort(map.cid_ranges_.begin(), map.cid_ranges_.end(),
                   [](const CidRange& a, const CidRange& b) { return a.lo < b.lo; });
  return map;
}

int CMap::NextCode(std::string_view s, std::size_t pos, std::uint32_t& code,
                   int default_bytes) const {
  if (!spaces_.empty()) {
    std::uint32_t value = 0;
    for (int n = 1; n <= 4 && pos + n <= s.size(); ++n) {
      value = (value << 8) | static_cast<unsigned char>(s[pos + n - 1]);
      for (const CodeSpace& cs : spaces_) {
        if (cs.bytes == n && value >= cs.lo && value <= cs.hi) {
          code = value;
          return n;
        }
      }
    }
    // No range matched: use the shortest code length the CMap declares.
    int shortest = 4;
    for (const CodeSpace& cs : spaces_) shortest = std::min(shortest, cs.bytes);
    default_bytes = shortest;
  }
  int n = static_cast<int>(std::min<std::size_t>(default_bytes, s.size() - pos));
  if (n < 1) n = 1;
  code = 0;
  for (int i = 0; i < n; ++i) code = (code << 8) | static_cast<unsigned char>(s[pos + i]);
  return n;
}

bool CMap::AppendUnicode(std::uint32_t code, int bytes, std::string& out) const {
  auto it = bf_.find(Key(code, bytes));
  if (it != bf_.end()) {
    out += it->second;
    return true;
  }
  if (const BfRange* r = FindRange(bf_ranges_, code, bytes)) {
    std::u16string units = r->base;
    units.back() = static_cast<char16_t>(units.back() + (code - r->lo));
    out += Utf16ToText(units);
    return true;
  }
  // Producers sometimes write entries with another byte length than the codes they use.
  for (int other = 1; other <= 4; ++other) {
    if (other == bytes || (other < 4 && code >> (8 * other) != 0)) continue;
    auto alt = bf_.find(Key(code, other));
    if (alt != bf_.end()) {
      out += alt->second;
      return true;
    }
  }
  return false;
}

bool CMap::ToCid(std::uint32_t code, int bytes, std::uint32_t& cid) const {
  if (identity_) {
    cid = code;
    return true;
  }
  auto it = cid_.find(Key(code, bytes));
  if (it != cid_.end()) {
    cid = it->second;
    return true;
  }
  if (const CidRange* r = FindRange(cid_ranges_, code, bytes)) {
    cid = r->cid + (code - r->lo);
    return true;
  }
  return false;
}

}  // namespace registre::pdf
