// Text bytes read a 64-bit word at a time, and the well-formed UTF-8 sequence at a byte.
//
// Reading, normalising, folding and writing JSON each go over every byte of every document,
// and most of those bytes are plain ASCII: these helpers let their loops skip eight plain
// bytes at once and look at the others one by one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace registre {

inline constexpr uint64_t kEachByte = 0x0101010101010101ULL;
inline constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// The eight bytes at p as one word (unaligned).
inline uint64_t LoadWord(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Nonzero exactly when some byte of `w` is below `n` (n at most 0x80): the lowest such byte
// borrows in w - n·kEachByte and keeps bit 7 of ~w, and no byte at or above n sets both.
inline uint64_t AnyByteBelow(uint64_t w, unsigned n) {
  return (w - n * kEachByte) & ~w & kHighBits;
}

// Nonzero exactly when some byte of `w` equals `b`.
inline uint64_t AnyByteEqual(uint64_t w, unsigned char b) {
  return AnyByteBelow(w ^ (b * kEachByte), 1);
}

// The end of the run of bytes of `s` starting at `i` that are ASCII (below 0x80), or plain
// text: printable ASCII (0x20 to 0x7E) and line feeds.
std::size_t AsciiRunEnd(std::string_view s, std::size_t i);
std::size_t PlainTextRunEnd(std::string_view s, std::size_t i);

// The offset of the first occurrence of `needle` in `hay`, or std::string_view::npos (as
// hay.find(needle)). Sixteen positions at a time: those whose first and last bytes are the
// needle's are checked whole. The literal gates of the grammar patterns call it on every
// record, where glibc's memmem spends a few instructions a byte.
std::size_t FindLiteral(std::string_view hay, std::string_view needle);

// out[k] = first + k for k < n: the offset map of a run copied byte for byte.
void FillOffsets(uint32_t* out, std::size_t n, uint32_t first);

}  // namespace registre
