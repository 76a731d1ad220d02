// Small string helpers shared by the loaders of data files (grammars, rule tables, CSV).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace registre {

// `s` without the characters of `chars` at either end.
inline std::string_view TrimView(std::string_view s, std::string_view chars = " \t\r") {
  std::size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(chars) - b + 1);
}

// True when `word` is one of `words` (the short word lists read from the grammar).
inline bool Contains(const std::vector<std::string>& words, std::string_view word) {
  for (const std::string& w : words)
    if (w == word) return true;
  return false;
}

// True when `word`, lower-cased in ASCII, is one of `lower_words` (grammar word lists are
// written in lower case; a printed word may be capitalised: "Madame", "MME").
inline bool ContainsAsciiLower(const std::vector<std::string>& lower_words, std::string_view word) {
  for (const std::string& w : lower_words) {
    if (w.size() != word.size()) continue;
    std::size_t k = 0;
    while (k < w.size() &&
           (word[k] >= 'A' && word[k] <= 'Z' ? word[k] + ('a' - 'A') : word[k]) == w[k])
      ++k;
    if (k == w.size()) return true;
  }
  return false;
}

}  // namespace registre
