#include "base/text_bytes.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace registre {

std::size_t AsciiRunEnd(std::string_view s, std::size_t i) {
  while (i + 8 <= s.size() && (LoadWord(s.data() + i) & kHighBits) == 0) i += 8;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

namespace {

bool PlainText(unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\n'; }

}  // namespace

std::size_t PlainTextRunEnd(std::string_view s, std::size_t i) {
  while (i + 8 <= s.size()) {
    uint64_t w = LoadWord(s.data() + i);
    if (w & kHighBits) break;
    if (AnyByteBelow(w, 0x20) || AnyByteEqual(w, 0x7F)) {
      // A control byte: most often the line feed that ends a line, which the run keeps.
      for (std::size_t k = 0; k < 8; ++k)
        if (!PlainText(static_cast<unsigned char>(s[i + k]))) return i + k;
    }
    i += 8;
  }
  while (i < s.size() && PlainText(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

std::size_t FindLiteral(std::string_view hay, std::string_view needle) {
  const std::size_t n = needle.size();
  if (n == 0) return 0;
  if (n > hay.size()) return std::string_view::npos;
  std::size_t i = 0;
#ifdef __SSE2__
  if (n >= 2) {
    const __m128i first = _mm_set1_epi8(needle[0]), last = _mm_set1_epi8(needle[n - 1]);
    for (; i + n - 1 + 16 <= hay.size(); i += 16) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(hay.data() + i));
      const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(hay.data() + i + n - 1));
      auto mask = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
      while (mask != 0) {
        const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
        if (std::memcmp(hay.data() + at + 1, needle.data() + 1, n - 2) == 0) return at;
        mask &= mask - 1;
      }
    }
  }
#endif
  const std::size_t rest = hay.substr(i).find(needle);
  return rest == std::string_view::npos ? rest : i + rest;
}

void FillOffsets(uint32_t* out, std::size_t n, uint32_t first) {
  // GCC vector extensions: plain SSE2 on x86-64, whatever the target has elsewhere.
  typedef uint32_t Lanes __attribute__((vector_size(16)));
  Lanes low = {first, first + 1, first + 2, first + 3};
  Lanes high = low + 4;
  const Lanes step = {8, 8, 8, 8};
  std::size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    std::memcpy(out + k, &low, sizeof low);
    std::memcpy(out + k + 4, &high, sizeof high);
    low += step;
    high += step;
  }
  for (; k < n; ++k) out[k] = first + static_cast<uint32_t>(k);
}

}  // namespace registre
