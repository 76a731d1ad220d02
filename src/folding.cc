#include "folding.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace registre {
namespace {

// Per-thread cache of folded code points; the transliterator is built lazily once a thread.
const char* FoldLatin(char32_t cp) {
  switch (cp) {
    case 0x00C0: return "a";
    case 0x00C1: return "a";
    case 0x00C2: return "a";
    case 0x00C3: return "a";
    case 0x00C4: return "a";
    case 0x00C5: return "a";
    case 0x00C6: return "ae";
    case 0x00C7: return "c";
    case 0x00C8: return "e";
    case 0x00C9: return "e";
    case 0x00CA: return "e";
    case 0x00CB: return "e";
    case 0x00CC: return "i";
    case 0x00CD: return "i";
    case 0x00CE: return "i";
    case 0x00CF: return "i";
    case 0x00D0: return "d";
    case 0x00D1: return "n";
    case 0x00D2: return "o";
    case 0x00D3: return "o";
    case 0x00D4: return "o";
    case 0x00D5: return "o";
    case 0x00D6: return "o";
    case 0x00D8: return "o";
    case 0x00D9: return "u";
    case 0x00DA: return "u";
    case 0x00DB: return "u";
    case 0x00DC: return "u";
    case 0x00DD: return "y";
    case 0x00DE: return "th";
    case 0x00DF: return "ss";
    case 0x00E0: return "a";
    case 0x00E1: return "a";
    case 0x00E2: return "a";
    case 0x00E3: return "a";
    case 0x00E4: return "a";
    case 0x00E5: return "a";
    case 0x00E6: return "ae";
    case 0x00E7: return "c";
    case 0x00E8: return "e";
    case 0x00E9: return "e";
    case 0x00EA: return "e";
    case 0x00EB: return "e";
    case 0x00EC: return "i";
    case 0x00ED: return "i";
    case 0x00EE: return "i";
    case 0x00EF: return "i";
    case 0x00F0: return "d";
    case 0x00F1: return "n";
    case 0x00F2: return "o";
    case 0x00F3: return "o";
    case 0x00F4: return "o";
    case 0x00F5: return "o";
    case 0x00F6: return "o";
    case 0x00F8: return "o";
    case 0x00F9: return "u";
    case 0x00FA: return "u";
    case 0x00FB: return "u";
    case 0x00FC: return "u";
    case 0x00FD: return "y";
    case 0x00FE: return "th";
    case 0x00FF: return "y";
    case 0x0152: return "oe";
    case 0x0153: return "oe";
    case 0x0160: return "s";
    case 0x0161: return "s";
    case 0x0178: return "y";
    case 0x017D: return "z";
    case 0x017E: return "z";
    default: return nullptr;
  }
}

class CodePointFolder {
 public:
  const std::string& Fold(char32_t cp) {
    auto it = cache_.find(cp);
    if (it != cache_.end()) return it->second;
    return cache_.emplace(cp, Compute(cp)).first->second;
  }

 private:
  std::string Compute(char32_t cp) {
    switch (cp) {
      case U'\u2019':
      case U'\u2018':
      case U'\u02BC':
      case U'\u0060':
      case U'\u00B4':
      case U'\u2032':
        return "'";
      case U'\u2010':
      case U'\u2011':
      case U'\u2012':
      case U'\u2013':
      case U'\u2014':
      case U'\u2015':
      case U'\u2212':
        return "-";
      case U'\u00AB':
      case U'\u00BB':
      case U'\u201C':
      case U'\u201D':
      case U'\u201E':
        return "\"";
      case U'\u00B0':
      case U'\u00BA':
        return "\u00B0";  // degree / ordinal: kept, rules use it for "n°" and "1°"
      // Superscript letters of ordinals ("1ᵉʳ", "2ᵈ"), which Latin-ASCII leaves alone.
      case U'\u1D49':
        return "e";
      case U'\u02B3':
        return "r";
      case U'\u02E2':
        return "s";
      case U'\u1D48':
        return "d";
      case U'\u1D50':
        return "m";
      case U'\u1D52':
        return "o";
      case U'\u00A0':
      case U'\u202F':
        return " ";
      default:
        break;
    }
    // The Latin letters of French (and neighbours) without ICU: building the transliterator
    // costs more than a short document's whole extraction.
    if (const char* latin = FoldLatin(cp)) return latin;
    // Combining marks (decomposed accents): the base letter already stands for them.
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1DC0 && cp <= 0x1DFF)) return "";
    if (!translit_) {
      UErrorCode err = U_ZERO_ERROR;
      translit_.reset(
          icu::Transliterator::createInstance("Latin-ASCII; Lower", UTRANS_FORWARD, err));
      if (U_FAILURE(err)) translit_.reset();
    }
    icu::UnicodeString u(static_cast<UChar32>(cp));
    if (translit_) translit_->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
  }

  std::unordered_map<char32_t, std::string> cache_;
  std::unique_ptr<icu::Transliterator> translit_;
};

CodePointFolder& ThreadFolder() {
  thread_local CodePointFolder folder;
  return folder;
}

}  // namespace

char32_t NextCodePoint(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
  if (n < 0 || i + n >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = c & (n == 1 ? 0x1F : n == 2 ? 0x0F : 0x07);
  for (int k = 1; k <= n; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += n + 1;
  return cp;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;  // not encodable
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t FoldedText::FromSource(std::size_t source_offset) const {
  auto it = std::lower_bound(to_source.begin(), to_source.end(), source_offset);
  return static_cast<std::size_t>(it - to_source.begin());
}

FoldedText Fold(std::string_view s) {
  FoldedText out;
  out.text.reserve(s.size());
  out.to_source.reserve(s.size() + 1);
  CodePointFolder& folder = ThreadFolder();
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      // ASCII run: lower-cased in bulk, each byte its own source.
      std::size_t end = i;
      while (end < s.size() && static_cast<unsigned char>(s[end]) < 0x80) ++end;
      std::size_t at = out.text.size();
      out.text.resize(at + (end - i));
      out.to_source.resize(at + (end - i));
      for (std::size_t k = i; k < end; ++k, ++at) {
        auto c = static_cast<unsigned char>(s[k]);
        out.text[at] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        out.to_source[at] = static_cast<uint32_t>(k);
      }
      i = end;
      continue;
    }
    std::size_t start = i;
    char32_t cp = NextCodePoint(s, i);
    const std::string& folded = folder.Fold(cp);
    for (char f : folded) {
      out.text.push_back(f);
      out.to_source.push_back(static_cast<uint32_t>(start));
    }
  }
  out.to_source.push_back(static_cast<uint32_t>(s.size()));
  return out;
}

std::string FoldString(std::string_view s) { return Fold(s).text; }

}  // namespace registre
