#include "text/folding.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "base/text_bytes.h"
#include "base/utf8.h"

namespace registre {
namespace {

struct TableEntry {
  char32_t cp;
  const char* folded;
};

constexpr TableEntry kLatinAscii[] = {
#include "text/latin_ascii_table.inc"
};

// Per-thread cache of folded code points; the transliterator is built lazily once a thread,
// for code points past the table.
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
      case U'\u2032': return "'";
      case U'\u2010':
      case U'\u2011':
      case U'\u2012':
      case U'\u2013':
      case U'\u2014':
      case U'\u2015':
      case U'\u2212': return "-";
      case U'\u00AB':
      case U'\u00BB':
      case U'\u201C':
      case U'\u201D':
      case U'\u201E': return "\"";
      case U'\u00B0':
      case U'\u00BA':
        return "\u00B0";  // degree / ordinal: kept, rules use it for "n°" and "1°"
      // Superscript letters of ordinals ("1ᵉʳ", "2ᵈ"), which Latin-ASCII leaves alone.
      case U'\u1D49': return "e";
      case U'\u02B3': return "r";
      case U'\u02E2': return "s";
      case U'\u1D48': return "d";
      case U'\u1D50': return "m";
      case U'\u1D52': return "o";
      case U'\u00A0':
      case U'\u202F': return " ";
      default: break;
    }
    // Combining marks (decomposed accents): the base letter already stands for them.
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1DC0 && cp <= 0x1DFF)) return "";
    if (cp < kLatinAsciiTableEnd) return LatinAsciiLower(cp);
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

std::string LatinAsciiLower(char32_t cp) {
  const auto* end = std::end(kLatinAscii);
  const auto* it = std::lower_bound(std::begin(kLatinAscii), end, cp,
                                    [](const TableEntry& e, char32_t v) { return e.cp < v; });
  if (it != end && it->cp == cp) return it->folded;
  icu::UnicodeString lower(static_cast<UChar32>(cp));
  lower.toLower();
  std::string out;
  lower.toUTF8String(out);
  return out;
}

std::size_t FoldedText::FromSource(std::size_t source_offset) const {
  if (source_offset > UINT32_MAX) return to_source.size();
  return to_source.lower_bound(static_cast<uint32_t>(source_offset));
}

namespace {

// Lower-cases `n` ASCII bytes in place, eight at a time: a byte has bit 7 clear, so adding
// 0x3F sets it exactly when the byte is >= 'A', and adding 0x25 when it is > 'Z', without
// carrying into the next byte.
void LowerAscii(char* t, std::size_t n) {
  std::size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t word;
    std::memcpy(&word, t + k, 8);
    uint64_t upper =
        (word + 0x3F3F3F3F3F3F3F3FULL) & ~(word + 0x2525252525252525ULL) & 0x8080808080808080ULL;
    word |= upper >> 2;
    std::memcpy(t + k, &word, 8);
  }
  for (; k < n; ++k)
    if (t[k] >= 'A' && t[k] <= 'Z') t[k] = static_cast<char>(t[k] + 32);
}

}  // namespace

namespace {

// Folds `s` onto *text and, when to_source is given, maps each folded byte to the offset of
// the code point it came from.
void FoldInto(std::string_view s, std::string* text, OffsetMap* to_source) {
  text->reserve(s.size());
  if (to_source) to_source->reserve(s.size() + 1);
  CodePointFolder& folder = ThreadFolder();
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      // ASCII run: copied and lower-cased in bulk, each byte its own source.
      std::size_t end = AsciiRunEnd(s, i);
      const std::size_t at = text->size(), n = end - i;
      text->append(s.data() + i, n);
      LowerAscii(text->data() + at, n);
      if (to_source) to_source->append_run(n, static_cast<uint32_t>(i));
      i = end;
      continue;
    }
    std::size_t start = i;
    const std::string& folded = folder.Fold(NextCodePoint(s, i));
    text->append(folded);
    if (to_source) to_source->append(folded.size(), static_cast<uint32_t>(start));
  }
  if (to_source) to_source->push_back(static_cast<uint32_t>(s.size()));
}

}  // namespace

FoldedText Fold(std::string_view s) {
  FoldedText out;
  FoldInto(s, &out.text, &out.to_source);
  return out;
}

// Fold() without the offset map, which names, tables and objects do not need.
std::string FoldString(std::string_view s) {
  std::string out;
  FoldInto(s, &out, nullptr);
  return out;
}

std::string FoldKey(std::string_view s) {
  // Compacted in place: the key is never longer than the fold.
  std::string key = FoldString(s);
  std::size_t out = 0;
  bool pending_space = false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      pending_space = out > 0;
      continue;
    }
    if (pending_space) key[out++] = ' ';
    pending_space = false;
    key[out++] = c;
  }
  key.resize(out);
  return key;
}

LetterCase CaseOfLetters(std::string_view utf8) {
  LetterCase found = LetterCase::kNone;
  for (std::size_t i = 0; i < utf8.size();) {
    auto cp = static_cast<UChar32>(NextCodePoint(utf8, i));
    if (u_islower(cp)) return LetterCase::kMixed;
    if (u_isupper(cp)) found = LetterCase::kUpper;
  }
  return found;
}

}  // namespace registre
