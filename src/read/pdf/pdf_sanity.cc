#include "read/pdf/pdf_sanity.h"

#include <algorithm>

namespace registre::pdf {

std::size_t NestingDepth(std::string_view s) {
  std::size_t depth = 0, deepest = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '(') {
      int level = 1;
      ++i;
      while (i < s.size() && level > 0) {
        if (s[i] == '\\')
          ++i;
        else if (s[i] == '(')
          ++level;
        else if (s[i] == ')')
          --level;
        ++i;
      }
    } else if (c == '%') {
      while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
    } else if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
      deepest = std::max(deepest, ++depth);
      i += 2;
    } else if (c == '>' && i + 1 < s.size() && s[i + 1] == '>') {
      if (depth) --depth;
      i += 2;
    } else if (c == '<') {
      std::size_t close = s.find('>', i);
      i = close == std::string_view::npos ? s.size() : close + 1;
    } else if (c == '[') {
      deepest = std::max(deepest, ++depth);
      ++i;
    } else if (c == ']') {
      if (depth) --depth;
      ++i;
    } else if (c == 's' && s.compare(i, 6, "stream") == 0 &&
               !(i >= 3 && s.compare(i - 3, 3, "end") == 0)) {
      std::size_t end = s.find("endstream", i + 6);
      i = end == std::string_view::npos ? s.size() : end + 9;
      depth = 0;  // objects are independent
    } else if (c == 'e' && s.compare(i, 6, "endobj") == 0) {
      depth = 0;
      i += 6;
    } else {
      ++i;
    }
  }
  return deepest;
}

}  // namespace registre::pdf
