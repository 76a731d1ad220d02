// AcceleratedRE2: an RE2 whose unanchored search gives RE2's own answer faster, for the
// grammar's patterns.
//
// Three accelerations, each exact:
// - Required literals (literal_start.h): when some literal must occur in every match and
//   the text has none of them (FindLiteral, text_bytes.h), there is no match, and no DFA pass is
//   run.
// - Literal starts (literal_start.h): when every match begins with one of a few literals,
//   the search skips to them (FindLiteral) and tries an anchored match only there, instead of
//   running the DFA over every byte.
// - An ASCII twin for the groups: RE2 finds a match's span with its DFAs, then its groups
//   with BitState or, for programs too large for it, the NFA, which is slow. Counted
//   repetitions of UTF-8 classes (".{6,110}", "[^\n:]{0,120}") make programs large. The same
//   pattern compiled for Latin-1 has a program a fraction of the size and reads ASCII
//   exactly as the UTF-8 one does, so on a span that is all ASCII (most of the folded view)
//   the twin gives the groups.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

namespace registre {

class AcceleratedRE2 : public RE2 {
 public:
  static constexpr std::size_t kMaxStarts = 8;
  static constexpr std::size_t kMaxRequired = 3;
  AcceleratedRE2(const std::string& pattern, const RE2::Options& options);
  ~AcceleratedRE2();

  // At most kMaxStarts; none when there are more.
  const std::vector<std::string>& literal_starts() const { return starts_; }
  // Sets of literals, one of each set in every match (at most kMaxRequired sets).
  const std::vector<std::vector<std::string>>& required() const { return required_; }
  // True when the groups of ASCII spans come from a Latin-1 twin.
  bool has_ascii_twin() const { return ascii_twin_ != nullptr; }

  // The same answer as Match(text, 0, text.size(), RE2::UNANCHORED, submatch, nsubmatch).
  // Linear in the text: after a few failed anchored attempts at literal starts it finishes
  // with one unanchored search from there.
  bool Search(re2::StringPiece text, re2::StringPiece* submatch, int nsubmatch) const;

 private:
  bool SearchFromStarts(re2::StringPiece text, re2::StringPiece* submatch, int nsubmatch) const;
  bool LacksARequiredLiteral(re2::StringPiece text) const;

  std::vector<std::string> starts_;
  std::vector<std::vector<std::string>> required_;
  std::unique_ptr<RE2> ascii_twin_;
};

}  // namespace registre
