#include "text/hyphenation.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

#include "base/utf8.h"
#include "text/folding.h"

namespace registre {
namespace {

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

}  // namespace

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

}  // namespace registre
