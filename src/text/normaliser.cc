#include "text/normaliser.h"

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "base/text_bytes.h"
#include "base/utf8.h"
#include "read/text_reader.h"

namespace registre {
namespace {

// A string with, for each byte, the source offset it came from.
struct MappedText {
  std::string s;
  std::vector<uint32_t> src;
  void Push(char c, uint32_t from) {
    s.push_back(c);
    src.push_back(from);
  }
  void Append(std::string_view bytes, uint32_t from) {
    s.append(bytes);
    src.insert(src.end(), bytes.size(), from);
  }
  // Bytes copied from `other` with their own source offsets.
  void AppendFrom(const MappedText& other, std::size_t start, std::size_t end) {
    s.append(other.s, start, end - start);
    src.insert(src.end(), other.src.begin() + static_cast<std::ptrdiff_t>(start),
               other.src.begin() + static_cast<std::ptrdiff_t>(end));
  }
  void Truncate(std::size_t size) {
    s.resize(size);
    src.resize(size);
  }
};

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
  switch (cp) {
    case 0xFB00:
      return "ff";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xFB03:
      return "ffi";
    case 0xFB04:
      return "ffl";
    case 0xFB05:
    case 0xFB06:
      return "st";
    case 0xF02D:
      return "-";
    case 0xF0B7:
    case 0xF0A7:
      return "\u2022";
    default:
      return nullptr;
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

// ---------------------------------------------------------------------------------------
// Mojibake: UTF-8 bytes that were read as Windows-1252 (or Latin-1) and written out again
// as UTF-8, so "é" (C3 A9) shows as "Ã©" and "’" (E2 80 99) as "â€™".

// Code points a repaired sequence may legitimately give in a French text.
bool PlausibleRepair(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0x17F) || cp == 0x192 || (cp >= 0x2010 && cp <= 0x206F) ||
         cp == 0x20AC || cp == 0x2122;
}

// Tries to read a mojibake sequence starting at in[i] (whose code point `lead` has already
// been decoded, `next` is the offset after it). On success returns the repaired code point
// and sets `end` past the sequence.
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

// True when the text holds a sequence only mojibake explains: "Ã" + a Windows-1252 byte
// 0x80-0xBF ("Ã©", "Ã¨", "Ã‰"), or "â€" + one ("â€™"), or "Å“" / "Å’" (œ / Œ).
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

// ---------------------------------------------------------------------------------------
// Character pass: spaces, invisible characters, ligatures, NFC, mojibake; '\f' becomes '\n'
// and its position is recorded as a page start.

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
        std::size_t at = out.src.size();
        out.src.resize(at + (run - i));
        FillOffsets(out.src.data() + at, run - i, static_cast<uint32_t>(i));
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

// ---------------------------------------------------------------------------------------
// Line pass: letter-spaced words joined, justification splits repaired, spaces collapsed.

struct Token {
  std::size_t start, end, spaces_before;
};

void Tokenise(std::string_view s, std::size_t base, std::vector<Token>& tokens) {
  tokens.clear();
  std::size_t i = 0, spaces = 0;
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++spaces;
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    tokens.push_back({base + start, base + i, spaces});
    spaces = 0;
  }
}

// 'U' upper-case letter, 'l' lower-case letter, 0 otherwise, for a one-letter token.
char SingleLetter(std::string_view t) {
  if (t.size() == 1) {
    auto c = static_cast<unsigned char>(t[0]);
    return std::isupper(c) ? 'U' : std::islower(c) ? 'l' : 0;
  }
  if (t.size() > 4 || static_cast<unsigned char>(t[0]) < 0x80) return 0;
  std::size_t i = 0;
  auto cp = static_cast<UChar32>(NextCodePoint(t, i));
  if (i != t.size()) return 0;
  return u_isupper(cp) ? 'U' : u_islower(cp) ? 'l' : 0;
}

// "Présent  s   :": a plural or feminine ending pushed away by justification.
bool IsSplitSuffix(std::string_view t, bool upper) {
  if (upper) return t == "S" || t == "E" || t == "ES";
  return t == "s" || t == "e" || t == "es";
}

bool EndsWithLetter(const std::string& s) {
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s.back());
  return std::isalpha(c) || c >= 0x80;
}

bool EndsUpper(const std::string& s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i == 0) return false;
  std::size_t k = i - 1;
  return u_isupper(static_cast<UChar32>(NextCodePoint(s, k)));
}

class LineRepairer {
 public:
  LineRepairer(const MappedText& in, MappedText& out) : in_(in), out_(out) {}

  // Appends the repaired form of in_[start, end) to out_.
  void Repair(std::size_t start, std::size_t end) {
    line_start_ = out_.s.size();
    if (FoldSpaces(start, end)) return;
    Tokenise(std::string_view(in_.s).substr(start, end - start), start, tokens_);
    std::size_t k = 0;
    while (k < tokens_.size()) {
      std::size_t run = LetterRun(k);
      if (run > k) {
        EmitLetterRun(k, run);
        k = run;
        continue;
      }
      Separator(k);
      Copy(tokens_[k]);
      ++k;
      while (k < tokens_.size() && tokens_[k].spaces_before >= 2 && tokens_[k].spaces_before <= 4 &&
             out_.s.size() > line_start_ && EndsWithLetter(out_.s) &&
             IsSplitSuffix(Text(tokens_[k]), EndsUpper(out_.s))) {
        Copy(tokens_[k]);
        ++k;
      }
    }
  }

 private:
  // Most lines need at most their runs of spaces folded (single spaces between words, or
  // pdftotext -layout columns): when no three one-letter words follow each other (a
  // letter-spaced word may start) and no word could be a split ending ("s", "e", "es" after
  // 2 to 4 spaces), the repair is the words joined by one space, each mapped to the last of
  // the spaces it replaces. This writes that, stretches with single spaces copied whole, and
  // returns true; otherwise it writes nothing and returns false, for the token pass.
  bool FoldSpaces(std::size_t start, std::size_t end) {
    const std::string_view s(in_.s);
    std::size_t i = start, spaces = 0, copy_from = std::string_view::npos, copied_to = start;
    int one_letter_run = 0;
    while (i < end) {
      if (s[i] == ' ') {
        ++spaces;
        ++i;
        continue;
      }
      const std::size_t word_end = std::min(s.substr(0, end).find(' ', i), end);  // memchr
      const std::string_view word = s.substr(i, word_end - i);
      one_letter_run = SingleLetter(word) ? one_letter_run + 1 : 0;
      const bool first = copy_from == std::string_view::npos;
      if (one_letter_run >= 3 || (!first && spaces >= 2 && spaces <= 4 &&
                                  (IsSplitSuffix(word, false) || IsSplitSuffix(word, true)))) {
        out_.Truncate(line_start_);
        return false;
      }
      if (first) {
        copy_from = i;
      } else if (spaces > 1) {
        out_.AppendFrom(in_, copy_from, copied_to);
        out_.Push(' ', in_.src[i - 1]);
        copy_from = i;
      }
      copied_to = word_end;
      spaces = 0;
      i = word_end;
    }
    if (copy_from != std::string_view::npos) out_.AppendFrom(in_, copy_from, copied_to);
    return true;
  }

  std::string_view Text(const Token& t) const {
    return std::string_view(in_.s).substr(t.start, t.end - t.start);
  }
  void Copy(const Token& t) { out_.AppendFrom(in_, t.start, t.end); }
  void Separator(std::size_t k) {
    // One space between words; it maps to the last of the spaces it replaces.
    if (out_.s.size() > line_start_) out_.Push(' ', in_.src[tokens_[k].start - 1]);
  }

  // End of the letter-spaced run starting at token k ("D E L I B E R E"), or k when none.
  // The run stops at a lower-to-upper change ("à D E L I B E R E"): words do not do that.
  std::size_t LetterRun(std::size_t k) const {
    std::size_t run = k;
    bool any_upper = false;
    char prev = 0;
    while (run < tokens_.size()) {
      char kind = SingleLetter(Text(tokens_[run]));
      if (!kind || (prev == 'l' && kind == 'U')) break;
      any_upper |= kind == 'U';
      prev = kind;
      ++run;
    }
    // Three capitals, or four letters when lower case ("y a à" is three real words).
    std::size_t n = run - k;
    return n >= 4 || (n == 3 && any_upper) ? run : k;
  }

  // Letters one gap apart are one word; wider gaps separate words ("V I L L E  D E  P O R N
  // I C" -> "VILLE DE PORNIC"). With a single gap width nothing tells the words apart: the
  // run stays one word.
  void EmitLetterRun(std::size_t k, std::size_t run) {
    std::size_t narrow = tokens_[k + 1].spaces_before;
    for (std::size_t r = k + 2; r < run; ++r) narrow = std::min(narrow, tokens_[r].spaces_before);
    Separator(k);
    Copy(tokens_[k]);
    for (std::size_t r = k + 1; r < run; ++r) {
      if (tokens_[r].spaces_before > narrow) Separator(r);
      Copy(tokens_[r]);
    }
  }

  const MappedText& in_;
  MappedText& out_;
  std::vector<Token> tokens_;
  std::size_t line_start_ = 0;
};

// ---------------------------------------------------------------------------------------
// Lines and page furniture.

struct Line {
  std::size_t start, end;  // in the repaired text
  uint32_t end_src;        // source offset of the line break after the line
  int page;
};

std::string_view LineText(const MappedText& t, const Line& l) {
  return std::string_view(t.s).substr(l.start, l.end - l.start);
}

bool StartsWithPage(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == '-' || s[i] == ' ')) ++i;
  return s.size() - i >= 4 && (s[i] == 'p' || s[i] == 'P') && (s[i + 1] | 0x20) == 'a' &&
         (s[i + 2] | 0x20) == 'g' && (s[i + 3] | 0x20) == 'e';
}

// "Page 1/14", "- 2 -", "1/6", "Page 3 sur 49": a page counter, wherever it stands. A bare
// or one-sided number ("12", "-43") may be a table cell: only furniture at a page edge.
bool IsPageCounter(std::string_view s) {
  if (s.size() > 24 || s.find_first_of("0123456789") == std::string_view::npos) return false;
  static const RE2 kCounter(
      R"((?i)(page\s*)?([-–—(]\s*)?(\d{1,4})(\s*[-–—)])?(?:\s*(?:/|sur|of)\s*(\d{1,4}))?\.?)");
  re2::StringPiece page, open, n, close, total;
  if (!RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kCounter, &page, &open, &n, &close,
                      &total)) {
    return false;
  }
  if (!total.empty()) {
    return std::stoi(std::string(n.data(), n.size())) <=
           std::stoi(std::string(total.data(), total.size()));
  }
  return !page.empty() || (!open.empty() && !close.empty());
}

// "Page 2 - Conseil municipal du 3 mai": a counter followed by a short running title.
bool IsPageTitle(std::string_view s) {
  if (!StartsWithPage(s) || s.size() > 80) return false;
  static const RE2 kPageWord(
      R"((?i)[-\s]*page\s+\d{1,4}(?:\s*(?:/|sur)\s*\d{1,4})?\s*[-–—:|,].{0,60})");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kPageWord);
}

// The value of a line that is only a number ("12", "- 12 -" is a counter already).
int BareNumber(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
  }
  return std::stoi(std::string(s));
}

// Digit runs of a line, as numbers.
std::vector<int> Numbers(std::string_view s) {
  std::vector<int> out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && j - i < 6 && s[j] >= '0' && s[j] <= '9') ++j;
    out.push_back(std::stoi(std::string(s.substr(i, j - i))));
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    i = j;
  }
  return out;
}

// The line with each run of digits replaced by one '#': "Page 9 / 15" and "Page 10 / 15"
// share a key.
std::string MaskDigits(std::string_view s) {
  std::string k;
  k.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool digit = s[i] >= '0' && s[i] <= '9';
    if (!digit) {
      k.push_back(s[i]);
    } else if (k.empty() || k.back() != '#') {
      k.push_back('#');
    }
  }
  return k;
}

class FurnitureFinder {
 public:
  FurnitureFinder(const MappedText& text, const std::vector<Line>& lines, int pages)
      : text_(text), lines_(lines), pages_(pages), furniture_(lines.size(), false) {}

  std::vector<bool> Find() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      std::string_view s = LineText(text_, lines_[i]);
      if (!s.empty() && (IsPageCounter(s) || IsPageTitle(s))) furniture_[i] = true;
    }
    CollectEdges();
    MarkBarePageNumbers();
    MarkRunningLines();
    MarkRepeatedHead();
    return std::move(furniture_);
  }

 private:
  struct Edge {
    std::size_t line;
    int page;
    int slot;  // 0..2 from the top, -1..-3 from the bottom
  };

  // The first and last three non-empty lines of each page.
  void CollectEdges() {
    std::size_t i = 0;
    while (i < lines_.size()) {
      std::size_t j = i;
      std::vector<std::size_t> nonempty;
      while (j < lines_.size() && lines_[j].page == lines_[i].page) {
        if (lines_[j].end > lines_[j].start && !furniture_[j]) nonempty.push_back(j);
        ++j;
      }
      int n = static_cast<int>(nonempty.size());
      for (int k = 0; k < n; ++k) {
        if (k < 3)
          edges_.push_back({nonempty[k], lines_[i].page, k});
        else if (k >= n - 3)
          edges_.push_back({nonempty[k], lines_[i].page, k - n});
      }
      i = j;
    }
  }

  // Bare numbers at page edges whose value follows the page index (n = page + offset).
  void MarkBarePageNumbers() {
    std::unordered_map<int, int> offsets;
    for (const Edge& e : edges_) {
      int n = BareNumber(LineText(text_, lines_[e.line]));
      if (n >= 0) ++offsets[n - e.page];
    }
    for (const Edge& e : edges_) {
      int n = BareNumber(LineText(text_, lines_[e.line]));
      if (n < 0) continue;
      int offset = n - e.page;
      if (offsets[offset] >= 2 || (offset == 0 && pages_ > 1)) furniture_[e.line] = true;
    }
  }

  // Lines at the same edge slot of at least three pages and half of them, printed the same
  // way or with only the page number changing. A line also printed away from the page edges
  // ("Adopté à l'unanimité" ending many pages and some paragraphs) is content.
  void MarkRunningLines() {
    if (pages_ < 3) return;
    std::unordered_map<std::string, std::vector<const Edge*>> groups;
    std::vector<bool> at_edge(lines_.size(), false);
    for (const Edge& e : edges_) {
      at_edge[e.line] = true;
      if (furniture_[e.line]) continue;
      groups[std::to_string(e.slot) + MaskDigits(LineText(text_, lines_[e.line]))].push_back(&e);
    }
    std::vector<const std::vector<const Edge*>*> running;
    std::unordered_map<std::string_view, bool> texts;  // text -> also seen mid-page
    for (const auto& [key, where] : groups) {
      if (where.size() < 3 || static_cast<int>(where.size()) * 2 < pages_) continue;
      if (!SameOrPageNumbered(where)) continue;
      running.push_back(&where);
      for (const Edge* e : where) texts.emplace(LineText(text_, lines_[e->line]), false);
    }
    if (running.empty()) return;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (at_edge[i]) continue;
      auto it = texts.find(LineText(text_, lines_[i]));
      if (it != texts.end()) it->second = true;
    }
    for (const auto* where : running) {
      bool content = std::any_of(where->begin(), where->end(), [&](const Edge* e) {
        return texts[LineText(text_, lines_[e->line])];
      });
      if (content) continue;
      for (const Edge* e : *where) {
        // The top of page 1 is the document's own heading: kept as content.
        if (e->page == 1 && e->slot >= 0) continue;
        furniture_[e->line] = true;
      }
    }
  }

  bool SameOrPageNumbered(const std::vector<const Edge*>& where) const {
    std::string_view first = LineText(text_, lines_[where[0]->line]);
    bool same = std::all_of(where.begin(), where.end(), [&](const Edge* e) {
      return LineText(text_, lines_[e->line]) == first;
    });
    if (same) return true;
    // Lines differing by a number must say it is the page's ("page 3", "3/12"): record
    // headings numbered like the pages ("Délibération n° 2021-03") are content.
    bool says_page = std::all_of(where.begin(), where.end(), [&](const Edge* e) {
      std::string_view s = LineText(text_, lines_[e->line]);
      return FoldString(s).find("page") != std::string::npos ||
             s.find('/') != std::string_view::npos;
    });
    if (!says_page) return false;
    // Some digit run must be page + a constant offset on every page.
    for (int n : Numbers(first)) {
      int offset = n - where[0]->page;
      bool all = std::all_of(where.begin(), where.end(), [&](const Edge* e) {
        std::vector<int> nums = Numbers(LineText(text_, lines_[e->line]));
        return std::find(nums.begin(), nums.end(), e->page + offset) != nums.end();
      });
      if (all) return true;
    }
    return false;
  }

  // A block of three or more lines repeating the document's opening lines: the header a
  // page repeats at its top, even when the extract lost its form feeds (the Lyon seed).
  void MarkRepeatedHead() {
    // Short repeated lines ("Adopté à l'unanimité", "Suite.") are content: a header block
    // is several lines of substance.
    constexpr std::size_t kHeadLines = 15, kMinBlock = 3, kMinBlockBytes = 100;
    std::vector<std::size_t> content;  // non-empty, non-furniture lines
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].end > lines_[i].start && !furniture_[i]) content.push_back(i);
    }
    std::size_t head = std::min(kHeadLines, content.size());
    std::unordered_map<std::string_view, std::size_t> first_at;
    for (std::size_t h = 0; h < head; ++h) first_at.emplace(LineText(text_, lines_[content[h]]), h);
    std::size_t c = 1;
    while (c < content.size()) {
      auto it = first_at.find(LineText(text_, lines_[content[c]]));
      std::size_t n = 0;
      if (it != first_at.end()) {
        // The original block stays inside the opening lines, and before its repeat.
        while (c + n < content.size() && it->second + n < std::min(c, head) &&
               LineText(text_, lines_[content[c + n]]) ==
                   LineText(text_, lines_[content[it->second + n]])) {
          ++n;
        }
      }
      if (n >= kMinBlock && BlockBytes(content, c, n) >= kMinBlockBytes) {
        for (std::size_t k = 0; k < n; ++k) furniture_[content[c + k]] = true;
        c += n;
      } else {
        ++c;
      }
    }
  }

  std::size_t BlockBytes(const std::vector<std::size_t>& content, std::size_t c,
                         std::size_t n) const {
    std::size_t bytes = 0;
    for (std::size_t k = 0; k < n; ++k)
      bytes += lines_[content[c + k]].end - lines_[content[c + k]].start;
    return bytes;
  }

  const MappedText& text_;
  const std::vector<Line>& lines_;
  int pages_;
  std::vector<bool> furniture_;
  std::vector<Edge> edges_;
};

// ---------------------------------------------------------------------------------------
// Line-end hyphenation.

bool IsNumberWord(std::string_view w) {
  static const char* const kWords[] = {
      "un",        "une",      "deux",  "trois", "quatre", "cinq",   "six",
      "sept",      "huit",     "neuf",  "dix",   "onze",   "douze",  "treize",
      "quatorze",  "quinze",   "seize", "vingt", "vingts", "trente", "quarante",
      "cinquante", "soixante", "cent",  "cents", "mille",  "et"};
  return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* k) { return w == k; });
}

// Compounds whose hyphen is part of the word, not of the line break: "vingt-\ndeux",
// "peut-\nêtre", "ci-\ndessus", "vice-\nprésident".
bool KeepsHyphen(std::string_view left, std::string_view right) {
  std::string l = FoldString(left), r = FoldString(right);
  if (IsNumberWord(l) && IsNumberWord(r)) return true;
  static const char* const kLeft[] = {"ci",   "vice",  "sous",  "demi", "mi",   "peut",  "porte",
                                      "chef", "grand", "belle", "beau", "sans", "contre"};
  static const char* const kRight[] = {
      "etre",  "dessus", "dessous", "apres",     "contre",     "ci",         "la",         "meme",
      "memes", "dela",   "dire",    "president", "presidente", "presidents", "presidentes"};
  auto in = [](const std::string& w, const auto& list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* k) { return w == k; });
  };
  return in(l, kLeft) || in(r, kRight);
}

std::size_t WordStart(std::string_view s, std::size_t end) {
  std::size_t i = end;
  while (i > 0) {
    auto c = static_cast<unsigned char>(s[i - 1]);
    if (!(std::isalpha(c) || c >= 0x80)) break;
    --i;
  }
  return i;
}

std::size_t WordEnd(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (!(std::isalpha(c) || c >= 0x80)) break;
    ++i;
  }
  return i;
}

enum class Join { kNone, kDropHyphen, kKeepHyphen, kOcrToHyphen, kOcrDrop };

// How line `s` joins the next content line `n`.
Join HyphenJoin(std::string_view s, std::string_view n) {
  if (n.empty()) return Join::kNone;
  std::size_t k = 0;
  auto first = static_cast<UChar32>(NextCodePoint(n, k));
  bool lower = u_islower(first), upper = u_isupper(first);
  if (!lower && !upper) return Join::kNone;
  bool ocr = s.size() >= 3 && s.substr(s.size() - 2) == "\u00AC";
  if (!ocr && (s.size() < 2 || s.back() != '-')) return Join::kNone;
  std::size_t hyphen = ocr ? s.size() - 2 : s.size() - 1;
  std::size_t word = WordStart(s, hyphen);
  if (word == hyphen) return Join::kNone;                          // " -" list dash, "2022-"
  if (upper) return ocr ? Join::kOcrToHyphen : Join::kKeepHyphen;  // "Jean-\nPierre"
  if (ocr) return Join::kOcrDrop;
  if (KeepsHyphen(s.substr(word, hyphen - word), n.substr(0, WordEnd(n)))) return Join::kKeepHyphen;
  return Join::kDropHyphen;
}

}  // namespace

int NormalisedText::PageAt(std::size_t offset) const {
  auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return std::max(1, static_cast<int>(it - page_starts.begin()));
}

namespace {

struct Assembler {
  const MappedText& text;
  const std::vector<Line>& lines;
  const std::vector<bool>& furniture;
  NormalisedText& result;
  MappedText out;
  int page = 1;
  std::vector<std::size_t> next_kept, next_solid;

  void Run() {
    out.s.reserve(text.s.size());
    out.src.reserve(text.s.size() + 1);
    result.page_starts.assign(1, 0);
    IndexNextLines();
    bool joined = false;  // the previous line continues on this one (no '\n')
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (furniture[i]) {
        result.furniture.emplace_back(LineText(text, lines[i]));
        continue;
      }
      if (!joined && !out.s.empty()) out.Push('\n', PreviousBreak(i));
      joined = false;
      StartPages(lines[i].page);
      std::size_t next = NextContent(i);
      Join how = next < lines.size()
                     ? HyphenJoin(LineText(text, lines[i]), LineText(text, lines[next]))
                     : Join::kNone;
      EmitLine(lines[i], how);
      if (how != Join::kNone) {
        for (std::size_t f = i + 1; f < next; ++f) {
          if (furniture[f]) result.furniture.emplace_back(LineText(text, lines[f]));
        }
        joined = true;
        i = next - 1;
      }
    }
    while (!out.s.empty() && out.s.back() == '\n') out.Truncate(out.s.size() - 1);
  }

  // The source offset of the line break a '\n' stands for: the one ending the line before.
  uint32_t PreviousBreak(std::size_t i) const { return i > 0 ? lines[i - 1].end_src : 0; }

  void StartPages(int line_page) {
    while (page < line_page) {
      ++page;
      result.page_starts.push_back(static_cast<uint32_t>(out.s.size()));
    }
  }

  // The next line a word may continue on: furniture is skipped, and so are blank lines when
  // a page break lies between ("com-", footer, form feed, blank lines, "mune").
  std::size_t NextContent(std::size_t i) const {
    std::size_t n = next_solid[i + 1];
    if (n < lines.size() && lines[n].page != lines[i].page) return n;
    return next_kept[i + 1];
  }

  // next_kept[i]: first line >= i that is not furniture; next_solid[i]: same, and not blank.
  // Computed once: scanning forward from every line is quadratic on long furniture runs.
  void IndexNextLines() {
    next_kept.assign(lines.size() + 1, lines.size());
    next_solid.assign(lines.size() + 1, lines.size());
    for (std::size_t i = lines.size(); i-- > 0;) {
      next_kept[i] = furniture[i] ? next_kept[i + 1] : i;
      bool solid = !furniture[i] && lines[i].end > lines[i].start;
      next_solid[i] = solid ? i : next_solid[i + 1];
    }
  }

  void EmitLine(const Line& l, Join how) {
    std::size_t end = l.end;
    if (how == Join::kDropHyphen) end -= 1;
    if (how == Join::kOcrDrop || how == Join::kOcrToHyphen) end -= 2;
    out.AppendFrom(text, l.start, end);
    if (how == Join::kOcrToHyphen) out.Push('-', text.src[end]);
  }
};

}  // namespace

namespace {

bool IsDrawnRule(std::string_view line) {
  std::size_t marks = 0;
  for (char c : line) {
    if (c == '_' || c == '=' || c == '-' || c == '*' || c == '~')
      ++marks;
    else if (c != ' ')
      return false;
  }
  return marks >= 3;
}

}  // namespace

NormalisedText Normalise(const SourceText& source) {
  NormalisedText result;
  CharPass chars;
  chars.in = source.text;
  chars.mojibake = HasMojibake(source.text);
  chars.Run();
  if (chars.repaired > 0) {
    result.warnings.push_back(
        {"mojibake_repaired", std::to_string(chars.repaired) +
                                  " character(s) were UTF-8 read as windows-1252 (\"Ã©\" for "
                                  "\"é\") and have been repaired"});
  }

  // Lines, each repaired into one shared buffer.
  MappedText repaired;
  repaired.s.reserve(chars.out.s.size());
  repaired.src.reserve(chars.out.s.size() + 1);
  std::vector<Line> lines;
  LineRepairer repairer(chars.out, repaired);
  int page = 1;
  std::size_t start = 0;
  const std::string& s = chars.out.s;
  while (start <= s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    while (page < static_cast<int>(chars.page_starts.size()) && chars.page_starts[page] <= start)
      ++page;
    std::size_t from = repaired.s.size();
    repairer.Repair(start, nl);
    // A rule drawn with characters ("________", "-=-=-=", "*****") separates; it says nothing.
    if (IsDrawnRule(std::string_view(repaired.s).substr(from))) {
      repaired.s.resize(from);
      repaired.src.resize(from);
    }
    lines.push_back({from, repaired.s.size(), chars.out.src[nl], page});
    start = nl + 1;
  }
  repaired.src.push_back(static_cast<uint32_t>(source.text.size()));

  std::vector<bool> furniture =
      FurnitureFinder(repaired, lines, static_cast<int>(chars.page_starts.size())).Find();
  Assembler assembler{repaired, lines, furniture, result, {}, 1, {}, {}};
  assembler.Run();
  assembler.StartPages(static_cast<int>(chars.page_starts.size()));
  for (uint32_t& p : result.page_starts)
    p = std::min<uint32_t>(p, static_cast<uint32_t>(assembler.out.s.size()));
  assembler.out.src.push_back(static_cast<uint32_t>(source.text.size()));
  result.text = std::move(assembler.out.s);
  result.source_offsets = std::move(assembler.out.src);
  result.folded = Fold(result.text);
  if (result.text.find("\xEF\xBF\xBD") != std::string::npos) {
    result.warnings.push_back({"replacement_characters",
                               "the text holds U+FFFD replacement characters (undecodable bytes)"});
  }
  return result;
}

}  // namespace registre
