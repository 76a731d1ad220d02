// Literal starts: the literals one of which begins every match of a pattern, read from the
// pattern's text, and a search that runs the pattern only where one of them occurs.
//
// RE2's DFA reads every byte of a text at a few cycles each, and accelerates only a single
// literal prefix by its first byte, which in French text ("a" of "après") is everywhere.
// memmem skips to a rare literal at a fraction of a cycle a byte, and an anchored match
// there costs only the length of the attempt. The answer is the same: the leftmost match
// starts where some literal start occurs, and the anchored match there is the match the
// unanchored search would return.
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

namespace registre {

// Literals, each at least `min_length` bytes, such that every match of `pattern` begins with
// one of them; empty when that cannot be shown from the text of the pattern. Recognised
// shapes: an optional leading `\b`, then a literal ("apres\s+...") or a group whose every
// alternative starts with one ("\b(?:reuni|rassemble|tenue?)\b..."). Anything else (a
// leading `^`, a class, a flag, a top-level `|`, an optional group) gives none, so the
// answer is always safe. A literal one of the others begins is dropped (the shorter finds
// both).
std::vector<std::string> LiteralStarts(std::string_view pattern, std::size_t min_length = 4);

// An RE2 that knows its literal starts (at most kMaxStarts; none when there are more).
class LiteralSkipRE2 : public RE2 {
 public:
  static constexpr std::size_t kMaxStarts = 8;
  LiteralSkipRE2(const std::string& pattern, const RE2::Options& options);

  const std::vector<std::string>& literal_starts() const { return starts_; }

  // The same answer as Match(text, 0, text.size(), RE2::UNANCHORED, submatch, nsubmatch).
  // Linear in the text: after a few failed anchored attempts it finishes with one
  // unanchored search from there.
  bool Search(re2::StringPiece text, re2::StringPiece* submatch, int nsubmatch) const;

 private:
  std::vector<std::string> starts_;
};

}  // namespace registre
