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
    const Block& b = blocks_[i / kBlock];
    if (b.wide >= 0) return wide_[static_cast<std::size_t>(b.wide) * kBlock + i % kBlock];
    return b.base + delta_[i];
  }
  uint32_t back() const { return (*this)[size_ - 1]; }

  void reserve(std::size_t n) {
    delta_.reserve(n);
    blocks_.reserve(n / kBlock + 1);
  }
  // Inlined on purpose: the normaliser's passes call it once per byte.
  [[gnu::always_inline]] void push_back(uint32_t value) {
    // The common case inline: a narrow block with room, a value it can hold.
    if (size_ % kBlock != 0) {
      const Block& b = blocks_[size_ / kBlock];
      if (b.wide < 0 && value >= b.base && value - b.base <= UINT8_MAX) {
        delta_.push_back(static_cast<uint8_t>(value - b.base));
        ++size_;
        return;
      }
    }
    PushSlow(value);
  }
  // `n` entries, all `value`.
  void append(std::size_t n, uint32_t value) {
    for (std::size_t k = 0; k < n; ++k) push_back(value);
  }
  // `n` entries `first`, `first + 1`, ...: bytes copied one for one. The normaliser's bulk
  // path (ASCII runs), so whole blocks are written at once where they fit.
  void append_run(std::size_t n, uint32_t first) {
    while (n > 0) {
      if (size_ % kBlock == 0 && size_ / kBlock == blocks_.size()) blocks_.push_back({first, -1});
      const Block& b = blocks_[size_ / kBlock];
      const std::size_t take = std::min(n, kBlock - size_ % kBlock);
      if (b.wide < 0 && first >= b.base && uint64_t{first} + take - 1 - b.base <= UINT8_MAX) {
        const std::size_t at = delta_.size();
        delta_.resize(at + take);
        const auto d = static_cast<uint8_t>(first - b.base);
        for (std::size_t k = 0; k < take; ++k) delta_[at + k] = static_cast<uint8_t>(d + k);
        size_ += take;
      } else {
        for (std::size_t k = 0; k < take; ++k) push_back(first + static_cast<uint32_t>(k));
      }
      first += static_cast<uint32_t>(take);
      n -= take;
    }
  }
  // Entries [from, to) of `other`. The passes copy most of their input this way, so a run
  // that stays within one narrow block on both sides is copied as differences, at once.
  void append_from(const OffsetMap& other, std::size_t from, std::size_t to) {
    while (from < to) {
      if (size_ % kBlock == 0 && size_ / kBlock == blocks_.size()) {
        blocks_.push_back({other[from], -1});
      }
      const std::size_t take =
          std::min({to - from, kBlock - size_ % kBlock, kBlock - from % kBlock});
      const Block& src = other.blocks_[from / kBlock];
      const Block& dst = blocks_[size_ / kBlock];
      if (src.wide < 0 && dst.wide < 0 && src.base >= dst.base) {
        const uint8_t* in = other.delta_.data() + from;
        const uint64_t shift = src.base - dst.base;
        if (shift + *std::max_element(in, in + take) <= UINT8_MAX) {
          const std::size_t at = delta_.size();
          delta_.resize(at + take);
          for (std::size_t k = 0; k < take; ++k)
            delta_[at + k] = static_cast<uint8_t>(in[k] + shift);
          size_ += take;
          from += take;
          continue;
        }
      }
      for (std::size_t k = 0; k < take; ++k) push_back(other[from + k]);
      from += take;
    }
  }
  // Shrinks to `n` entries (n <= size()).
  void truncate(std::size_t n) {
    if (n >= size_) return;
    size_ = n;
    delta_.resize(n);
    blocks_.resize((n + kBlock - 1) / kBlock);
  }
  // Frees all memory.
  void release() { *this = OffsetMap(); }
  // Bytes held, for measurements.
  std::size_t capacity_bytes() const {
    return delta_.capacity() * sizeof(uint8_t) + blocks_.capacity() * sizeof(Block) +
           wide_.capacity() * sizeof(uint32_t);
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
  struct Block {
    uint32_t base;  // its first entry
    int32_t wide;   // its slot in wide_, or -1
  };

  // A new block, a wide one, or a value its narrow block cannot hold.
  [[gnu::noinline]] void PushSlow(uint32_t value) {
    const std::size_t block = size_ / kBlock;
    if (size_ % kBlock == 0 && block == blocks_.size()) blocks_.push_back({value, -1});
    delta_.push_back(0);
    Block& b = blocks_[block];
    if (b.wide < 0 && value >= b.base && value - b.base <= UINT8_MAX) {
      delta_[size_] = static_cast<uint8_t>(value - b.base);
    } else {
      if (b.wide < 0) Widen(block);
      wide_[static_cast<std::size_t>(b.wide) * kBlock + size_ % kBlock] = value;
    }
    ++size_;
  }
  // Moves a block's entries so far into a full-width slot of its own.
  void Widen(std::size_t block) {
    const auto slot = static_cast<int32_t>(wide_.size() / kBlock);
    wide_.resize(wide_.size() + kBlock, 0);
    const std::size_t first = block * kBlock;
    for (std::size_t i = first; i < size_; ++i)
      wide_[static_cast<std::size_t>(slot) * kBlock + i - first] = blocks_[block].base + delta_[i];
    blocks_[block].wide = slot;
  }

  std::size_t size_ = 0;
  std::vector<uint8_t> delta_;  // one per entry (unused in wide blocks)
  std::vector<Block> blocks_;   // one per kBlock entries
  std::vector<uint32_t> wide_;  // kBlock entries per wide block
};

}  // namespace registre
