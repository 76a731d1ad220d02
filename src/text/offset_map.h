// OffsetMap: for every byte of a text, the offset in another text it came from, in little
// more than one byte per entry instead of a std::vector<uint32_t>'s 4.
//
// Every stage of the normaliser and the folded view keep such a map, and they are most of a
// job's memory: with plain vectors a text cost 11.6 bytes per input byte at its peak (issue
// 16 asks for 10 at most). Offsets change slowly from one byte to the next, so entries are
// kept in blocks of 64, each a 32-bit base and 8-bit differences from it (64 bytes of text
// rarely span more than 255 bytes of their source); a block whose entries do not fit (a
// value below its first, or more than 255 past it, where a stretch of the source was
// dropped) keeps its 64 entries in full. Values need not be monotonic; lower_bound needs
// them to be.
//
// Appending is amortised constant time, reading an entry constant time. Not thread-safe
// for writing; const reads from several threads are safe.
#pragma once

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <vector>

namespace registre {

class OffsetMap {
 public:
  OffsetMap() = default;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  uint32_t operator[](std::size_t i) const {
    const std::size_t block = i / kBlock;
    const int32_t wide = wide_at_[block];
    if (wide >= 0) return wide_[static_cast<std::size_t>(wide) * kBlock + i % kBlock];
    return base_[block] + delta_[i];
  }
  uint32_t back() const { return (*this)[size_ - 1]; }

  void reserve(std::size_t n) {
    delta_.reserve(n);
    base_.reserve(n / kBlock + 1);
    wide_at_.reserve(n / kBlock + 1);
  }
  void push_back(uint32_t value) {
    const std::size_t block = size_ / kBlock;
    if (size_ % kBlock == 0 && block == base_.size()) {
      base_.push_back(value);
      wide_at_.push_back(-1);
    }
    delta_.push_back(0);
    Set(block, size_, value);
    ++size_;
  }
  // `n` entries, all `value`.
  void append(std::size_t n, uint32_t value) {
    for (std::size_t k = 0; k < n; ++k) push_back(value);
  }
  // `n` entries `first`, `first + 1`, ...: bytes copied one for one. The normaliser's bulk
  // path (ASCII runs), so whole blocks are written at once where they fit.
  void append_run(std::size_t n, uint32_t first) {
    while (n > 0) {
      const std::size_t block = size_ / kBlock;
      if (size_ % kBlock == 0 && block == base_.size()) {
        base_.push_back(first);
        wide_at_.push_back(-1);
      }
      const std::size_t take = std::min(n, kBlock - size_ % kBlock);
      const uint64_t base = base_[block];
      if (wide_at_[block] < 0 && first >= base && first + take - 1 - base <= UINT8_MAX) {
        const std::size_t at = delta_.size();
        delta_.resize(at + take);
        const auto d = static_cast<uint8_t>(first - base);
        for (std::size_t k = 0; k < take; ++k) delta_[at + k] = static_cast<uint8_t>(d + k);
        size_ += take;
      } else {
        for (std::size_t k = 0; k < take; ++k) push_back(first + static_cast<uint32_t>(k));
      }
      first += static_cast<uint32_t>(take);
      n -= take;
    }
  }
  // Entries [from, to) of `other`.
  void append_from(const OffsetMap& other, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) push_back(other[i]);
  }
  // Shrinks to `n` entries (n <= size()).
  void truncate(std::size_t n) {
    if (n >= size_) return;
    size_ = n;
    delta_.resize(n);
    const std::size_t blocks = (n + kBlock - 1) / kBlock;
    base_.resize(blocks);
    wide_at_.resize(blocks);
  }
  // Frees all memory.
  void release() { *this = OffsetMap(); }
  // Bytes held, for measurements.
  std::size_t capacity_bytes() const {
    return delta_.capacity() * sizeof(uint8_t) + base_.capacity() * sizeof(uint32_t) +
           wide_at_.capacity() * sizeof(int32_t) + wide_.capacity() * sizeof(uint32_t);
  }

  // The first index whose entry is >= value (entries non-decreasing), size() if none.
  std::size_t lower_bound(uint32_t value) const {
    std::size_t lo = 0, hi = size_;
    while (lo < hi) {
      std::size_t mid = lo + (hi - lo) / 2;
      if ((*this)[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  }

 private:
  static constexpr std::size_t kBlock = 64;

  void Set(std::size_t block, std::size_t i, uint32_t value) {
    int32_t wide = wide_at_[block];
    if (wide < 0) {
      const uint32_t base = base_[block];
      if (value >= base && value - base <= UINT8_MAX) {
        delta_[i] = static_cast<uint8_t>(value - base);
        return;
      }
      wide = Widen(block);
    }
    wide_[static_cast<std::size_t>(wide) * kBlock + i % kBlock] = value;
  }
  // Moves a block's entries so far into a full-width slot of its own.
  int32_t Widen(std::size_t block) {
    const int32_t slot = static_cast<int32_t>(wide_.size() / kBlock);
    wide_.resize(wide_.size() + kBlock, 0);
    const std::size_t first = block * kBlock;
    for (std::size_t i = first; i < size_; ++i)
      wide_[static_cast<std::size_t>(slot) * kBlock + i - first] = base_[block] + delta_[i];
    wide_at_[block] = slot;
    return slot;
  }

  std::size_t size_ = 0;
  std::vector<uint8_t> delta_;    // one per entry (unused in wide blocks)
  std::vector<uint32_t> base_;    // one per block: its first entry
  std::vector<int32_t> wide_at_;  // one per block: its slot in wide_, or -1
  std::vector<uint32_t> wide_;    // kBlock entries per wide block
};

}  // namespace registre
