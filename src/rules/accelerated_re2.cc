#include "rules/accelerated_re2.h"

#include <algorithm>
#include <cstdint>

#include "base/text_bytes.h"
#include "rules/literal_start.h"

namespace registre {

AcceleratedRE2::AcceleratedRE2(const std::string& pattern, const RE2::Options& options)
    : RE2(pattern, options) {
  if (!ok() || options.posix_syntax() || !options.case_sensitive() ||
      options.encoding() != RE2::Options::EncodingUTF8)
    return;
  starts_ = LiteralStarts(pattern);
  if (starts_.size() > kMaxStarts) starts_.clear();
  // The sets worth a search: small, not the starts (which the search skips to anyway), the
  // longest literals first (the rarer, as a rule).
  for (std::vector<std::string>& any_of : RequiredLiterals(pattern))
    if (any_of.size() <= kMaxStarts && any_of != starts_) required_.push_back(std::move(any_of));
  auto shortest = [](const std::vector<std::string>& v) {
    std::size_t n = SIZE_MAX;
    for (const std::string& s : v) n = std::min(n, s.size());
    return n;
  };
  std::stable_sort(required_.begin(), required_.end(),
                   [&](const auto& a, const auto& b) { return shortest(a) > shortest(b); });
  if (required_.size() > kMaxRequired) required_.resize(kMaxRequired);
  if (NumberOfCapturingGroups() > 0) {
    RE2::Options latin1 = options;
    latin1.set_encoding(RE2::Options::EncodingLatin1);
    auto twin = std::make_unique<RE2>(pattern, latin1);
    // Worth it only when the program shrinks well (it does for repeated UTF-8 classes).
    if (twin->ok() && twin->NumberOfCapturingGroups() == NumberOfCapturingGroups() &&
        2 * twin->ProgramSize() <= ProgramSize())
      ascii_twin_ = std::move(twin);
  }
}

AcceleratedRE2::~AcceleratedRE2() = default;

bool AcceleratedRE2::LacksARequiredLiteral(re2::StringPiece text) const {
  for (const std::vector<std::string>& any_of : required_) {
    bool found = false;
    for (const std::string& literal : any_of) {
      if (FindLiteral(std::string_view(text.data(), text.size()), literal) !=
          std::string_view::npos) {
        found = true;
        break;
      }
    }
    if (!found) return true;
  }
  return false;
}

bool AcceleratedRE2::Search(re2::StringPiece text, re2::StringPiece* submatch,
                            int nsubmatch) const {
  if (LacksARequiredLiteral(text)) return false;
  if (nsubmatch <= 1 || !ascii_twin_) return SearchFromStarts(text, submatch, nsubmatch);
  if (!SearchFromStarts(text, submatch, 1)) return false;
  re2::StringPiece whole = submatch[0];
  const auto start = static_cast<std::size_t>(whole.data() - text.data());
  if (AsciiRunEnd(std::string_view(whole.data(), whole.size()), 0) == whole.size() &&
      ascii_twin_->Match(text, start, start + whole.size(), ANCHOR_BOTH, submatch, nsubmatch))
    return true;
  return SearchFromStarts(text, submatch, nsubmatch);
}

bool AcceleratedRE2::SearchFromStarts(re2::StringPiece text, re2::StringPiece* submatch,
                                      int nsubmatch) const {
  if (starts_.empty()) return Match(text, 0, text.size(), UNANCHORED, submatch, nsubmatch);
  // Next occurrence of each start at or after `from` (npos: none left), found lazily.
  constexpr std::size_t kUnknown = std::string_view::npos - 1;
  std::size_t next[kMaxStarts];
  std::fill(next, next + starts_.size(), kUnknown);
  // Each failed anchored attempt may read far; a few of them keep the search linear.
  constexpr int kMaxAttempts = 16;
  std::size_t from = 0;
  for (int attempts = 0;; ++attempts) {
    std::size_t at = std::string_view::npos;
    for (std::size_t k = 0; k < starts_.size(); ++k) {
      if (next[k] == kUnknown || (next[k] != std::string_view::npos && next[k] < from)) {
        std::size_t hit =
            FindLiteral(std::string_view(text.data() + from, text.size() - from), starts_[k]);
        next[k] = hit == std::string_view::npos ? hit : from + hit;
      }
      at = std::min(at, next[k]);
    }
    if (at == std::string_view::npos) return false;
    if (attempts == kMaxAttempts)
      return Match(text, at, text.size(), UNANCHORED, submatch, nsubmatch);
    if (Match(text, at, text.size(), ANCHOR_START, submatch, nsubmatch)) return true;
    from = at + 1;
  }
}

}  // namespace registre
