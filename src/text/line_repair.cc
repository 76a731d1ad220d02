#include "text/line_repair.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "base/text_util.h"
#include "base/utf8.h"

namespace registre {
namespace {

template <typename Token>
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

// The word without the punctuation that may follow it (",.;").
std::string_view TrimTrailing(std::string_view t) {
  while (!t.empty() && std::string_view(",.;").find(t.back()) != std::string_view::npos)
    t.remove_suffix(1);
  return t;
}

// A capitalised word: one capital, then lower-case letters only ("Jean", "Éric"), at least
// two letters; `trailing` punctuation (",.;") may follow when allowed.
bool IsTitleWord(std::string_view t, bool trailing) {
  if (trailing) t = TrimTrailing(t);
  std::size_t i = 0, letters = 0;
  while (i < t.size()) {
    auto cp = static_cast<UChar32>(NextCodePoint(t, i));
    if (letters == 0 ? !u_isupper(cp) : !u_islower(cp)) return false;
    ++letters;
  }
  return letters >= 2;
}

// A surname in capitals: two letters or more, none lower case ("DUPONT", "MOHAMED,").
bool IsCapitalsWord(std::string_view t) {
  std::size_t i = 0, letters = 0;
  while (i < t.size()) {
    auto cp = static_cast<UChar32>(NextCodePoint(t, i));
    if (u_islower(cp)) return false;
    letters += u_isupper(cp) ? 1 : 0;
  }
  return letters >= 2;
}

// Only letters ("DUPONT", "HELLEGOUARC'H"; not "2024", "N°").
bool IsLetters(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size()) {
    auto cp = static_cast<UChar32>(NextCodePoint(t, i));
    if (!u_isalpha(cp) && cp != '\'' && cp != 0x2019) return false;
  }
  return !t.empty();
}

// Words a compound first name may stand in: a hyphen alone, or a word ending with one.
bool MayOpenCompound(std::string_view word) {
  return word == "-" || (word.size() >= 3 && word.back() == '-');
}

}  // namespace

// "Jean- Luc" (token k-1 "Jean-", k "Luc"), "DUPONT- MARTIN": 1 token. "Jean - Luc" (k-1 "Jean", k
// "-", k+1 "Luc"): 2, when "Jean" is a known first part, or a civility comes before and a surname
// in capitals after ("M. Mohamed - Ali MOHAMED"); "Budget - Vote" is a title's dash. A civility
// glued to the name ("M.Jean- Yves") is no part of it.
std::size_t LineRepairer::CompoundTail(std::size_t k) const {
  if (k == 0 || tokens_[k].spaces_before != 1) return 0;
  std::string_view left = Text(tokens_[k - 1]);
  bool glued_civility = false;
  if (std::size_t dot = left.rfind('.'); dot != std::string_view::npos && dot + 1 < left.size()) {
    glued_civility = IsCivility(left.substr(0, dot + 1));
    left.remove_prefix(dot + 1);
  }
  if (left.size() >= 3 && left.back() == '-' && IsTitleWord(left.substr(0, left.size() - 1), false))
    return IsTitleWord(Text(tokens_[k]), true) ? 1 : 0;
  // "Julie DUPONT- MARTIN", "DUPONT- MARTIN Julie": a compound surname in capitals beside a
  // first name or after a civility, the hyphen glued to its first part ("CANTINE- TARIFS
  // POUR ..." is a title; a list's dash stands apart: "DUPONT - MARTIN").
  if (left.size() >= 3 && left.back() == '-' && IsCapitalsWord(left.substr(0, left.size() - 1)) &&
      IsCapitalsWord(Text(tokens_[k])) && IsLetters(left.substr(0, left.size() - 1)) &&
      IsLetters(TrimTrailing(Text(tokens_[k])))) {
    std::string_view before = k >= 2 ? Text(tokens_[k - 2]) : std::string_view();
    std::string_view after = k + 1 < tokens_.size() ? Text(tokens_[k + 1]) : std::string_view();
    bool named = IsTitleWord(before, false) || IsCivility(before) || IsTitleWord(after, true);
    return named && !glued_civility ? 1 : 0;
  }
  if (Text(tokens_[k]) != "-" || k + 1 >= tokens_.size() || tokens_[k + 1].spaces_before != 1 ||
      !IsTitleWord(left, false) || !IsTitleWord(Text(tokens_[k + 1]), true))
    return 0;
  // "DURAND Jean - Adjoint au maire": a role follows the name, in lower-case words.
  std::string_view next = k + 2 < tokens_.size() ? Text(tokens_[k + 2]) : std::string_view();
  if (!next.empty()) {
    std::size_t i = 0;
    if (u_islower(static_cast<UChar32>(NextCodePoint(next, i)))) return 0;
  }
  if (ContainsAsciiLower(compound_first_, left)) return 2;
  bool civility = glued_civility || (k >= 2 && IsCivility(Text(tokens_[k - 2])));
  return civility && IsCapitalsWord(next) ? 2 : 0;
}

bool LineRepairer::IsCivility(std::string_view t) const {
  return ContainsAsciiLower(civilities_, t);
}

bool LineRepairer::IsSplitEnding(std::string_view t, bool upper) const {
  for (const std::string& ending : split_endings_) {
    if (t.size() != ending.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < t.size() && same; ++k) {
      char e = ending[k];
      same = t[k] == (upper && e >= 'a' && e <= 'z' ? static_cast<char>(e - 'a' + 'A') : e);
    }
    if (same) return true;
  }
  return false;
}

void LineRepairer::Repair(std::size_t start, std::size_t end) {
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
    if (std::size_t tail = CompoundTail(k)) {
      for (std::size_t end = k + tail; k < end; ++k) Copy(tokens_[k]);
      continue;
    }
    Separator(k);
    Copy(tokens_[k]);
    ++k;
    while (k < tokens_.size() && tokens_[k].spaces_before >= 2 && tokens_[k].spaces_before <= 4 &&
           out_.s.size() > line_start_ && EndsWithLetter(out_.s) &&
           IsSplitEnding(Text(tokens_[k]), EndsUpper(out_.s))) {
      Copy(tokens_[k]);
      ++k;
    }
  }
}

// Most lines need at most their runs of spaces folded (single spaces between words, or
// pdftotext -layout columns): when no three one-letter words follow each other (a
// letter-spaced word may start) and no word could be a split ending ("s", "e", "es" after
// 2 to 4 spaces), the repair is the words joined by one space, each mapped to the last of
// the spaces it replaces. This writes that, stretches with single spaces copied whole, and
// returns true; otherwise (or when a compound first name may need closing) it writes nothing
// and returns false, for the token pass.
bool LineRepairer::FoldSpaces(std::size_t start, std::size_t end) {
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
    if (one_letter_run >= 3 || MayOpenCompound(word) ||
        (!first && spaces >= 2 && spaces <= 4 &&
         (IsSplitEnding(word, false) || IsSplitEnding(word, true)))) {
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

std::string_view LineRepairer::Text(const Token& t) const {
  return std::string_view(in_.s).substr(t.start, t.end - t.start);
}

void LineRepairer::Copy(const Token& t) { out_.AppendFrom(in_, t.start, t.end); }

void LineRepairer::Separator(std::size_t k) {
  // One space between words; it maps to the last of the spaces it replaces.
  if (out_.s.size() > line_start_) out_.Push(' ', in_.src[tokens_[k].start - 1]);
}

// End of the letter-spaced run starting at token k ("D E L I B E R E"), or k when none.
// The run stops at a lower-to-upper change ("à D E L I B E R E"): words do not do that.
std::size_t LineRepairer::LetterRun(std::size_t k) const {
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
void LineRepairer::EmitLetterRun(std::size_t k, std::size_t run) {
  std::size_t narrow = tokens_[k + 1].spaces_before;
  for (std::size_t r = k + 2; r < run; ++r) narrow = std::min(narrow, tokens_[r].spaces_before);
  Separator(k);
  Copy(tokens_[k]);
  for (std::size_t r = k + 1; r < run; ++r) {
    if (tokens_[r].spaces_before > narrow) Separator(r);
    Copy(tokens_[r]);
  }
}

}  // namespace registre
