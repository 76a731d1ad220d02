// CMap: the code-space and mappings of a ToUnicode CMap or an embedded CID CMap.
//
// Contract: Parse never throws and accepts any bytes; what it cannot read is skipped.
// It understands begincodespacerange, beginbfchar, beginbfrange (string and array
// destinations, multi-character and non-BMP targets through UTF-16 surrogates),
// begincidchar and begincidrange. The number of stored entries is bounded (`max_entries`),
// large ranges are kept as ranges, not expanded.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace registre::pdf {

class CMap {
 public:
  static CMap Parse(std::string_view data, std::size_t max_entries = 200'000);
  // The predefined Identity-H / Identity-V: two-byte codes, CID = code.
  static CMap Identity();

  // Reads one character code at `pos` of `s` (pos < s.size()); returns its byte length.
  int NextCode(std::string_view s, std::size_t pos, std::uint32_t& code, int default_bytes) const;

  // Appends the Unicode text of `code` (as UTF-8). False if the CMap has no mapping.
  bool AppendUnicode(std::uint32_t code, int bytes, std::string& out) const;
  // CID of `code` via cidchar/cidrange (or identity); false if unmapped.
  bool ToCid(std::uint32_t code, int bytes, std::uint32_t& cid) const;

  bool has_codespace() const { return !spaces_.empty(); }
  bool has_unicode() const { return !bf_.empty() || !bf_ranges_.empty(); }
  bool is_identity() const { return identity_; }

 private:
  struct CodeSpace {
    std::uint32_t lo, hi;
    int bytes;
  };
  struct BfRange {
    std::uint32_t lo, hi;
    int bytes;
    std::u16string base;  // UTF-16 of `lo`; the last unit is incremented along the range
  };
  struct CidRange {
    std::uint32_t lo, hi;
    int bytes;
    std::uint32_t cid;
  };
  // The range of `ranges` (sorted by lo) holding `code` at `bytes` bytes, or nullptr. Only
  // the 16 ranges starting nearest before `code` are tried: overlaps are rare.
  template <typename Range>
  static const Range* FindRange(const std::vector<Range>& ranges, std::uint32_t code, int bytes) {
    auto end = std::upper_bound(ranges.begin(), ranges.end(), code,
                                [](std::uint32_t c, const Range& r) { return c < r.lo; });
    for (int k = 0; k < 16 && end != ranges.begin(); ++k) {
      const Range& r = *--end;
      if (r.bytes == bytes && code >= r.lo && code <= r.hi) return &r;
    }
    return nullptr;
  }
  static std::uint64_t Key(std::uint32_t code, int bytes) {
    return (static_cast<std::uint64_t>(bytes) << 32) | code;
  }

  std::vector<CodeSpace> spaces_;
  std::unordered_map<std::uint64_t, std::string> bf_;  // UTF-8 text
  std::vector<BfRange> bf_ranges_;
  std::unordered_map<std::uint64_t, std::uint32_t> cid_;
  std::vector<CidRange> cid_ranges_;
  bool identity_ = false;
};

}  // namespace registre::pdf
