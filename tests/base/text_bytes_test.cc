#include "base/text_bytes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace registre {
namespace {

// The run scanners read eight bytes at a time: on bytes of every value at every offset they
// stop where a byte-by-byte scan stops.
TEST(TextBytesTest, RunScannersStopWhereAByteByByteScanDoes) {
  std::string bytes;
  uint32_t state = 12345;
  for (int k = 0; k < 4000; ++k) {
    state = state * 1103515245u + 12345u;
    unsigned r = (state >> 16) & 0xFF;
    // Mostly printable ASCII and line feeds, as a text is, with every other byte value now
    // and then.
    bytes += static_cast<char>(r < 190 ? 0x20 + r % 0x5F : r < 200 ? '\n' : (state >> 8) & 0xFF);
  }
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::size_t ascii = i, printable = i;
    while (ascii < bytes.size() && static_cast<unsigned char>(bytes[ascii]) < 0x80) ++ascii;
    while (printable < bytes.size() && ((static_cast<unsigned char>(bytes[printable]) >= 0x20 &&
                                         static_cast<unsigned char>(bytes[printable]) < 0x7F) ||
                                        bytes[printable] == '\n'))
      ++printable;
    ASSERT_EQ(AsciiRunEnd(bytes, i), ascii) << i;
    ASSERT_EQ(PlainTextRunEnd(bytes, i), printable) << i;
  }
}

TEST(TextBytesTest, FillOffsetsCountsUpFromFirst) {
  for (std::size_t n = 0; n <= 40; ++n) {
    std::vector<uint32_t> out(n + 2, 7);
    FillOffsets(out.data() + 1, n, 1000);
    EXPECT_EQ(out.front(), 7u);
    EXPECT_EQ(out.back(), 7u) << n;  // nothing written past n
    for (std::size_t k = 0; k < n; ++k) ASSERT_EQ(out[k + 1], 1000 + k) << n;
  }
}

// FindLiteral finds what std::string_view::find finds: every needle length, every offset,
// texts full of near misses (first and last bytes right, middle wrong).
TEST(TextBytesTest, FindLiteralFindsWhatFindFinds) {
  uint32_t state = 99;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 300; ++round) {
    std::string hay;
    std::size_t size = next() % 200;
    for (std::size_t k = 0; k < size; ++k) hay += "abcx"[next() % 4];
    std::string needle;
    std::size_t n = next() % 9;
    for (std::size_t k = 0; k < n; ++k) needle += "abcx"[next() % 4];
    for (std::size_t from = 0; from <= hay.size(); from += 7) {
      std::string_view h = std::string_view(hay).substr(from);
      ASSERT_EQ(FindLiteral(h, needle), h.find(needle)) << hay << " / " << needle;
    }
  }
  EXPECT_EQ(FindLiteral("apres en avoir delibere", "delibere"), 15u);
  EXPECT_EQ(FindLiteral(std::string(100, 'a') + "ab", "ab"), 100u);
  EXPECT_EQ(FindLiteral("abc", "abcd"), std::string_view::npos);
}

}  // namespace
}  // namespace registre
