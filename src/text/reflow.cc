#include "text/reflow.h"

#include <unicode/uchar.h>

#include <string>
#include <vector>

#include "base/utf8.h"

namespace registre {
namespace {

bool UpperAt(const std::string& text, std::size_t at) {
  if (at >= text.size()) return false;
  std::size_t i = at;
  char32_t cp = NextCodePoint(text, i);
  return u_isupper(static_cast<UChar32>(cp));
}

}  // namespace

int Reflow(const Grammar& grammar, NormalisedText* t) {
  std::string threshold = grammar.Lookup("table.reflow", "min_line");
  const std::size_t min_line = threshold.empty() ? 600 : std::stoul(threshold);
  std::string& folded = t->folded.text;
  int inserted = 0;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find('\n', start);
    if (end == std::string::npos) end = folded.size();
    if (end - start >= min_line) {
      for (const GrammarEntry& e : grammar.Section("reflow.break_before")) {
        re2::StringPiece input(folded.data() + start, end - start);
        re2::StringPiece match;
        std::size_t pos = 0;
        while (pos < input.size() &&
               e.regex->Match(input, pos, input.size(), RE2::UNANCHORED, &match, 1)) {
          std::size_t at = static_cast<std::size_t>(match.data() - folded.data());
          std::size_t after = at + match.size();
          pos = after - start > pos ? after - start : pos + 1;
          // The break goes at the match's space (its first or, for "[.;] ", last byte).
          std::size_t space = folded[at] == ' ' ? at : after - 1;
          if (folded[space] != ' ') continue;
          std::size_t text_at = t->folded.to_source[space];
          if (e.key == "upper" &&
              !UpperAt(t->text, t->folded.to_source[std::min(after, folded.size())]))
            continue;
          if (text_at >= t->text.size() || t->text[text_at] != ' ') continue;
          folded[space] = '\n';
          t->text[text_at] = '\n';
          ++inserted;
        }
      }
    }
    start = end + 1;
  }
  return inserted;
}

}  // namespace registre
