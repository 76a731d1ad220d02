#include "normaliser.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <re2/re2.h>

namespace registre {
namespace {

// A string with, for each byte, the source offset it came from (+1 sentinel at the end).
struct MappedText {
  std::string s;
  std::vector<uint32_t> src;
  void Push(char c, uint32_t from) {
    s.push_back(c);
    src.push_back(from);
  }
  void Append(std::string_view bytes, uint32_t from) {
    for (char c : bytes) Push(c, from);
  }
};

bool IsSpaceLike(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x00A0 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x000B;
}

bool IsDropped(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0x2060 ||
         (cp < 0x20 && cp != '\n' && cp != '\f');
}

const char* Ligature(char32_t cp) {
  switch (cp) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: case 0xFB06: return "st";
    default: return nullptr;
  }
}

bool IsCombining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1DC0 && cp <= 0x1DFF);
}

// Character pass: spaces, invisible characters, ligatures, NFC; '\f' becomes '\n' and the
// position is recorded as a page start.
MappedText MapCharacters(const std::string& in, std::vector<uint32_t>& page_starts) {
  MappedText out;
  out.s.reserve(in.size());
  out.src.reserve(in.size() + 1);
  page_starts.assign(1, 0);
  std::size_t i = 0;
  std::size_t last_cp_start = 0;  // in `out`, for composing combining marks
  while (i < in.size()) {
    auto c = static_cast<unsigned char>(in[i]);
    uint32_t at = static_cast<uint32_t>(i);
    if (c < 0x80) {
      ++i;
      if (c == '\f') {
        out.Push('\n', at);
        page_starts.push_back(static_cast<uint32_t>(out.s.size()));
      } else if (c == '\t' || c == '\v') {
        out.Push(' ', at);
      } else if (c >= 0x20 || c == '\n') {
        last_cp_start = out.s.size();
        out.Push(static_cast<char>(c), at);
      }
      continue;
    }
    char32_t cp = NextCodePoint(in, i);
    if (IsSpaceLike(cp)) {
      out.Push(' ', at);
    } else if (IsDropped(cp)) {
      continue;
    } else if (const char* lig = Ligature(cp)) {
      last_cp_start = out.s.size();
      out.Append(lig, at);
    } else if (IsCombining(cp) && !out.s.empty() && out.s.back() != '\n') {
      // Compose with the previous code point (decomposed accents from PDFs and Mac files).
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(out.s.data() + last_cp_start, out.s.size() - last_cp_start));
      u.append(static_cast<UChar32>(cp));
      UErrorCode err = U_ZERO_ERROR;
      const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
      icu::UnicodeString composed = U_SUCCESS(err) ? nfc->normalize(u, err) : u;
      std::string bytes;
      (U_SUCCESS(err) ? composed : u).toUTF8String(bytes);
      uint32_t from = out.src[last_cp_start];
      out.s.resize(last_cp_start);
      out.src.resize(last_cp_start);
      out.Append(bytes, from);
    } else {
      last_cp_start = out.s.size();
      std::string bytes;
      AppendUtf8(bytes, cp);
      out.Append(bytes, at);
    }
  }
  out.src.push_back(static_cast<uint32_t>(in.size()));
  return out;
}

struct Line {
  MappedText text;
  uint32_t end_src = 0;  // source offset just past the line
  int page = 1;
};

bool IsUpperLetter(std::string_view s) {
  std::size_t i = 0;
  char32_t cp = NextCodePoint(s, i);
  return i == s.size() && u_isupper(static_cast<UChar32>(cp));
}

// One line's tokens: (start, end) byte ranges of non-space runs, with the spaces before them.
struct Token {
  std::size_t start, end, spaces_before;
};

std::vector<Token> Tokenise(const std::string& s) {
  std::vector<Token> tokens;
  std::size_t i = 0, spaces = 0;
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++spaces;
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    tokens.push_back({start, i, spaces});
    spaces = 0;
  }
  return tokens;
}

bool IsSplitSuffix(std::string_view t) {
  return t == "s" || t == "e" || t == "es" || t == "x";
}

// Line pass: letter-spaced words joined, justification splits repaired, spaces collapsed.
MappedText RepairLine(const MappedText& line) {
  std::vector<Token> tokens = Tokenise(line.s);
  MappedText out;
  std::size_t k = 0;
  while (k < tokens.size()) {
    const Token& t = tokens[k];
    std::string_view word(line.s.data() + t.start, t.end - t.start);
    // A run of >= 3 single capital letters one space apart is one letter-spaced word.
    std::size_t run = k;
    while (run < tokens.size() &&
           IsUpperLetter(std::string_view(line.s.data() + tokens[run].start,
                                          tokens[run].end - tokens[run].start)) &&
           (run == k || tokens[run].spaces_before == 1)) {
      ++run;
    }
    if (!out.s.empty()) out.Push(' ', line.src[t.start - 1]);
    if (run - k >= 3) {
      for (std::size_t r = k; r < run; ++r) {
        for (std::size_t b = tokens[r].start; b < tokens[r].end; ++b) out.Push(line.s[b], line.src[b]);
      }
      k = run;
      continue;
    }
    for (std::size_t b = t.start; b < t.end; ++b) out.Push(line.s[b], line.src[b]);
    ++k;
    // `Présent  s   :`: a lone plural/feminine ending pushed away by justification.
    while (k < tokens.size() && tokens[k].spaces_before >= 2 &&
           IsSplitSuffix(std::string_view(line.s.data() + tokens[k].start,
                                          tokens[k].end - tokens[k].start)) &&
           !word.empty() && (std::isalpha(static_cast<unsigned char>(out.s.back())) ||
                            static_cast<unsigned char>(out.s.back()) >= 0x80)) {
      for (std::size_t b = tokens[k].start; b < tokens[k].end; ++b) out.Push(line.s[b], line.src[b]);
      ++k;
    }
  }
  return out;
}

std::vector<Line> SplitLines(const MappedText& text, const std::vector<uint32_t>& page_starts) {
  std::vector<Line> lines;
  std::size_t start = 0;
  int page = 1;
  for (std::size_t i = 0; i <= text.s.size(); ++i) {
    if (i < text.s.size() && text.s[i] != '\n') continue;
    while (page < static_cast<int>(page_starts.size()) && page_starts[page] <= start) ++page;
    Line line;
    line.page = page;
    line.text.s = text.s.substr(start, i - start);
    line.text.src.assign(text.src.begin() + start, text.src.begin() + i);
    line.end_src = text.src[i];
    lines.push_back(std::move(line));
    start = i + 1;
  }
  return lines;
}

// Lines that are page furniture: page counters anywhere, and lines at the top or bottom of
// pages that recur (digits ignored) on at least three pages.
std::vector<bool> FindFurniture(const std::vector<Line>& lines, int pages) {
  static const RE2 kCounter(
      R"(^(?i)(?:page\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:/|sur|of)\s*\d{1,4})?\.?$)");
  static const RE2 kPageWord(R"(^(?i)page\s+\d{1,4}(?:\s*(?:/|sur)\s*\d{1,4})?\b.{0,40}$)");
  std::vector<bool> furniture(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& s = lines[i].text.s;
    if (s.empty()) continue;
    bool counter = RE2::FullMatch(s, kCounter) &&
                   (s.find('/') != std::string::npos || s.find('-') != std::string::npos ||
                    s.find("age") != std::string::npos || s.find("sur") != std::string::npos);
    if (counter || RE2::FullMatch(s, kPageWord)) furniture[i] = true;
  }
  if (pages < 3) return furniture;
  // Edge lines of each page (first and last two non-empty lines).
  std::map<std::string, std::vector<std::size_t>> edges;
  auto key = [](const std::string& s) {
    std::string k;
    for (char c : s) k.push_back(std::isdigit(static_cast<unsigned char>(c)) ? '#' : c);
    return k;
  };
  std::size_t i = 0;
  while (i < lines.size()) {
    std::size_t j = i;
    while (j < lines.size() && lines[j].page == lines[i].page) ++j;
    std::vector<std::size_t> nonempty;
    for (std::size_t k = i; k < j; ++k) {
      if (!lines[k].text.s.empty() && !furniture[k]) nonempty.push_back(k);
    }
    std::vector<std::size_t> picked;
    for (std::size_t n = 0; n < nonempty.size() && n < 2; ++n) picked.push_back(nonempty[n]);
    for (std::size_t n = nonempty.size() >= 2 ? nonempty.size() - 2 : 0; n < nonempty.size(); ++n)
      picked.push_back(nonempty[n]);
    std::sort(picked.begin(), picked.end());
    picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    for (std::size_t k : picked) edges[key(lines[k].text.s)].push_back(k);
    i = j;
  }
  for (const auto& [k, where] : edges) {
    if (where.size() < 3 || k.size() < 4) continue;
    for (std::size_t idx : where) furniture[idx] = true;
  }
  return furniture;
}

bool EndsWithHyphenatedWord(const std::string& s) {
  if (s.size() < 3 || s.back() != '-') return false;
  auto prev = static_cast<unsigned char>(s[s.size() - 2]);
  return std::isalpha(prev) || prev >= 0x80;
}

bool StartsLower(const std::string& s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  char32_t cp = NextCodePoint(s, i);
  return u_islower(static_cast<UChar32>(cp));
}

bool StartsUpper(const std::string& s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  char32_t cp = NextCodePoint(s, i);
  return u_isupper(static_cast<UChar32>(cp));
}

}  // namespace

int NormalisedText::PageAt(std::size_t offset) const {
  auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return static_cast<int>(it - page_starts.begin());
}

NormalisedText Normalise(const SourceText& source) {
  NormalisedText result;
  std::vector<uint32_t> char_page_starts;
  MappedText chars = MapCharacters(source.text, char_page_starts);
  std::vector<Line> lines = SplitLines(chars, char_page_starts);
  for (Line& line : lines) line.text = RepairLine(line.text);
  std::vector<bool> furniture = FindFurniture(lines, static_cast<int>(char_page_starts.size()));

  MappedText out;
  out.s.reserve(chars.s.size());
  int page = 1;
  result.page_starts.assign(1, 0);
  bool joined = false;  // the previous line was joined to this one (no '\n' to emit)
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    while (page < line.page) {
      ++page;
      result.page_starts.push_back(static_cast<uint32_t>(out.s.size()));
    }
    if (furniture[i]) {
      result.furniture.push_back(line.text.s);
      continue;
    }
    if (!joined && i > 0 && !out.s.empty()) out.Push('\n', line.text.src.empty() ? line.end_src : line.text.src[0]);
    joined = false;
    std::string& s = line.text.s;
    // Find the next content line for joins across line ends.
    std::size_t next = i + 1;
    while (next < lines.size() && furniture[next]) ++next;
    bool has_next = next < lines.size() && !lines[next].text.s.empty();
    if (has_next && s.size() >= 2 && s.compare(s.size() - 2, 2, "\u00AC") == 0) {
      s.resize(s.size() - 2);
      line.text.src.resize(s.size());
      joined = true;
    } else if (has_next && EndsWithHyphenatedWord(s)) {
      const std::string& n = lines[next].text.s;
      if (StartsLower(n)) {
        s.pop_back();
        line.text.src.pop_back();
        joined = true;
      } else if (StartsUpper(n)) {
        joined = true;  // `Jean-\nPierre`: keep the hyphen, join the halves
      }
    }
    for (std::size_t b = 0; b < s.size(); ++b) out.Push(s[b], line.text.src[b]);
    if (joined) {
      // Skip furniture between the halves: the loop continues with `next`.
      for (std::size_t f = i + 1; f < next; ++f) result.furniture.push_back(lines[f].text.s);
      i = next - 1;
    }
  }
  // Trim trailing blank lines.
  while (!out.s.empty() && out.s.back() == '\n') {
    out.s.pop_back();
    out.src.pop_back();
  }
  out.src.push_back(static_cast<uint32_t>(source.text.size()));
  result.text = std::move(out.s);
  result.source_offsets = std::move(out.src);
  result.folded = Fold(result.text);
  if (result.text.find("\xEF\xBF\xBD") != std::string::npos) {
    result.warnings.push_back({"replacement_characters",
                               "the text holds U+FFFD replacement characters (undecodable bytes)"});
  }
  return result;
}

}  // namespace registre
