#include "text/char_pass.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cctype>
#include <string>

#include "base/ligatures.h"
#include "base/text_bytes.h"
#include "base/utf8.h"
#include "text/mojibake.h"

namespace registre {
namespace {

bool IsSpaceLike(char32_t cp) {
  return cp == 0x00A0 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A);
}

bool IsDropped(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0x2060 ||
         (cp >= 0x80 && cp <= 0x9F);
}

// Ligatures, and the Symbol-font private-use glyphs pdftotext writes for common signs.
const char* Replacement(char32_t cp) {
  if (const char* letters = LigatureLetters(cp)) return letters;
  switch (cp) {
    case 0xF02D: return "-";
    case 0xF0B7:
    case 0xF0A7: return "\u2022";
    default: return nullptr;
  }
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
    return U_SUCCESS(err) ? n : nullptr;
  }();
  return nfc;
}

std::string NfcOf(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString composed = Nfc() ? Nfc()->normalize(u, err) : u;
  std::string out;
  (U_SUCCESS(err) ? composed : u).toUTF8String(out);
  return out;
}

struct CharPass {
  std::string_view in;
  bool mojibake = false;
  MappedText out;
  std::vector<uint32_t> page_starts{0};
  std::size_t repaired = 0;
  std::size_t last_cp_start = 0;  // in `out`, for composing combining marks

  void Run() {
    out.s.reserve(in.size());
    out.src.reserve(in.size() + 1);
    std::size_t i = 0;
    while (i < in.size()) {
      std::size_t run = PlainTextRunEnd(in, i);
      if (run > i) {  // printable ASCII and line feeds: copied in bulk
        last_cp_start = out.s.size() + (run - i - 1);
        out.s.append(in.substr(i, run - i));
        out.src.append_run(run - i, static_cast<uint32_t>(i));
        i = run;
        continue;
      }
      auto c = static_cast<unsigned char>(in[i]);
      if (c < 0x80) {
        Control(c, static_cast<uint32_t>(i));
        ++i;
        continue;
      }
      i = NonAscii(i);
    }
    out.src.push_back(static_cast<uint32_t>(in.size()));
  }

  void Control(unsigned char c, uint32_t at) {
    if (c == '\f') {
      // pdftotext ends a page's last line before the '\f': no extra blank line for it.
      if (!out.s.empty() && out.s.back() != '\n') out.Push('\n', at);
      page_starts.push_back(static_cast<uint32_t>(out.s.size()));
    } else if (c == '\t' || c == '\v') {
      out.Push(' ', at);
    } else if (c == '\n') {
      out.Push('\n', at);
    }
    last_cp_start = out.s.size();
    // Other controls (DEL, \x01 glyphs, stray NULs) are not text.
  }

  // Handles the code point at in[i]; returns the offset after what it consumed.
  std::size_t NonAscii(std::size_t i) {
    auto at = static_cast<uint32_t>(i);
    if (std::size_t end = LatinLetterEnd(i)) {
      // The common case in French text (é, è, à, ç...): copied as it is, as Letter would.
      last_cp_start = out.s.size();
      out.Append(in.substr(i, end - i), at);
      return end;
    }
    std::size_t next = i;
    char32_t cp = NextCodePoint(in, next);
    if (mojibake) {
      std::size_t end;
      char32_t fixed;
      if (RepairMojibake(in, cp, next, &fixed, &end)) {
        cp = fixed;
        next = end;
        ++repaired;
      }
    }
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
      out.Push('\n', at);
    } else if (IsSpaceLike(cp)) {
      out.Push(' ', at);
    } else if (cp == 0x00AD) {
      return SoftHyphen(next);
    } else if (IsDropped(cp)) {
      return next;
    } else if (const char* rep = Replacement(cp)) {
      last_cp_start = out.s.size();
      out.Append(rep, at);
      return next;
    } else if (cp == 0x00AC && MidLineOcrHyphen(next)) {
      return SkipSpaces(next);  // "com¬ mune": the OCR hyphen and the break it marked
    } else {
      Letter(cp, at);
      return next;
    }
    last_cp_start = out.s.size() - 1;
    return next;
  }

  // The end of the two-byte sequence at in[i] when it is a letter from U+00C0 to U+02FF,
  // which nothing above changes and NFC leaves alone (they have no combining class and
  // compose with nothing before them); 0 otherwise. Not while repairing mojibake, where
  // "Ã©" must be read as a pair.
  std::size_t LatinLetterEnd(std::size_t i) const {
    if (mojibake || i + 1 >= in.size()) return 0;
    auto lead = static_cast<unsigned char>(in[i]), next = static_cast<unsigned char>(in[i + 1]);
    if (lead < 0xC3 || lead > 0xCB || (next & 0xC0) != 0x80) return 0;
    char32_t cp = static_cast<char32_t>(((lead & 0x1F) << 6) | (next & 0x3F));
    if (IsSpaceLike(cp) || IsDropped(cp) || Replacement(cp)) return 0;
    return i + 2;
  }

  std::size_t SkipSpaces(std::size_t j) const {
    while (j < in.size() && (in[j] == ' ' || in[j] == '\t')) ++j;
    return j;
  }

  // A soft hyphen at a line end marks a word broken across lines: join them.
  std::size_t SoftHyphen(std::size_t next) {
    std::size_t j = SkipSpaces(next);
    if (j < in.size() && in[j] == '\n' && !out.s.empty() && out.s.back() != ' ' &&
        out.s.back() != '\n') {
      return SkipSpaces(j + 1);
    }
    return next;
  }

  bool MidLineOcrHyphen(std::size_t next) const {
    if (out.s.empty() || !std::isalpha(static_cast<unsigned char>(out.s.back()))) {
      if (out.s.empty() || static_cast<unsigned char>(out.s.back()) < 0x80) return false;
    }
    std::size_t j = SkipSpaces(next);
    if (j >= in.size() || in[j] == '\n') return false;
    std::size_t k = j;
    return u_islower(static_cast<UChar32>(NextCodePoint(in, k)));
  }

  void Letter(char32_t cp, uint32_t at) {
    const icu::Normalizer2* nfc = Nfc();
    bool attaches = nfc && cp >= 0x300 &&
                    (u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
                     !nfc->hasBoundaryBefore(static_cast<UChar32>(cp)));
    if (attaches && !out.s.empty() && out.s.back() != '\n') {
      // Compose with the previous code point (decomposed accents from PDFs and Mac files).
      std::string segment = out.s.substr(last_cp_start);
      AppendUtf8(segment, cp);
      uint32_t from = out.src[last_cp_start];
      out.Truncate(last_cp_start);
      out.Append(NfcOf(segment), from);
      return;
    }
    std::string bytes;
    AppendUtf8(bytes, cp);
    // Singletons NFC replaces (Å ANGSTROM SIGN, Ω OHM SIGN...).
    if (nfc && cp >= 0x300 && !nfc->isInert(static_cast<UChar32>(cp))) {
      UErrorCode err = U_ZERO_ERROR;
      if (!nfc->isNormalized(icu::UnicodeString(static_cast<UChar32>(cp)), err))
        bytes = NfcOf(bytes);
    }
    last_cp_start = out.s.size();
    out.Append(bytes, at);
  }
};

}  // namespace

CharPassResult RunCharPass(std::string_view in, bool repair_mojibake) {
  CharPass pass;
  pass.in = in;
  pass.mojibake = repair_mojibake;
  pass.Run();
  return CharPassResult{std::move(pass.out), std::move(pass.page_starts), pass.repaired};
}

}  // namespace registre
