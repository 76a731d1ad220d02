#include "text/hyphenation.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "base/text_util.h"
#include "base/utf8.h"
#include "text/folding.h"

namespace registre {
namespace {

// Compounds whose hyphen is part of the word, not of the line break: "vingt-\ndeux",
// "peut-\nêtre", "ci-\ndessus", "vice-\nprésident" (the lists: [table.hyphenation]).
bool KeepsHyphen(std::string_view left, std::string_view right, const TextRules& rules) {
  std::string l = FoldString(left), r = FoldString(right);
  if (Contains(rules.number_words, l) && Contains(rules.number_words, r)) return true;
  return Contains(rules.keep_left, l) || Contains(rules.keep_right, r);
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

Join HyphenJoin(std::string_view s, std::string_view n, const TextRules& rules) {
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
  if (KeepsHyphen(s.substr(word, hyphen - word), n.substr(0, WordEnd(n)), rules))
    return Join::kKeepHyphen;
  return Join::kDropHyphen;
}

}  // namespace registre
