// OffsetMap answers exactly what a std::vector<uint32_t> holding the same entries would:
// whatever the steps between entries (runs, repeats, jumps back, gaps past a block's
// reach), after truncation and growth again, and it holds ASCII-like maps in about a byte
// an entry.
#include "text/offset_map.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace registre {
namespace {

void ExpectSame(const OffsetMap& map, const std::vector<uint32_t>& want) {
  ASSERT_EQ(map.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) ASSERT_EQ(map[i], want[i]) << "at " << i;
}

TEST(OffsetMap, HoldsAnySequence) {
  std::mt19937 rng(16);
  OffsetMap map;
  std::vector<uint32_t> want;
  uint32_t at = 0;
  for (int k = 0; k < 20000; ++k) {
    switch (rng() % 6) {
      case 0: at += 1; break;                            // a byte copied
      case 1: break;                                     // a byte from the same code point
      case 2: at += 2 + rng() % 3; break;                // a multi-byte code point
      case 3: at += 200 + rng() % 100000; break;         // a dropped stretch
      case 4: at = at > 500 ? at - rng() % 500 : at; break;  // back (markup reordered)
      case 5: at = 4000000000u + rng() % 1000; break;    // near the top of the range
    }
    if (k % 7 == 0) {
      map.append_run(5, at);
      for (uint32_t j = 0; j < 5; ++j) want.push_back(at + j);
    } else {
      map.push_back(at);
      want.push_back(at);
    }
  }
  ExpectSame(map, want);
  EXPECT_EQ(map.back(), want.back());
  // Ranges copied into another map, at every alignment of both sides.
  OffsetMap copy;
  std::vector<uint32_t> copied;
  for (int k = 0; k < 300; ++k) {
    std::size_t from = rng() % want.size(), to = std::min(want.size(), from + rng() % 300);
    copy.append_from(map, from, to);
    copied.insert(copied.end(), want.begin() + static_cast<std::ptrdiff_t>(from),
                  want.begin() + static_cast<std::ptrdiff_t>(to));
    if (k % 3 == 0) {
      copy.push_back(static_cast<uint32_t>(rng()));
      copied.push_back(copy.back());
    }
  }
  ExpectSame(copy, copied);
}

TEST(OffsetMap, TruncateThenGrowAgain) {
  OffsetMap map;
  std::vector<uint32_t> want;
  for (uint32_t i = 0; i < 300; ++i) {
    uint32_t v = i < 100 ? i : i * 1000;  // blocks past the first become wide
    map.push_back(v);
    want.push_back(v);
  }
  for (std::size_t cut : {250u, 200u, 130u, 128u, 64u, 63u}) {
    map.truncate(cut);
    want.resize(cut);
    ExpectSame(map, want);
    for (uint32_t j = 0; j < 40; ++j) {
      map.push_back(j * 3);
      want.push_back(j * 3);
    }
    ExpectSame(map, want);
    map.truncate(cut);
    want.resize(cut);
  }
  OffsetMap other;
  other.append_from(map, 10, 60);
  ExpectSame(other, std::vector<uint32_t>(want.begin() + 10, want.begin() + 60));
  map.release();
  EXPECT_TRUE(map.empty());
}

TEST(OffsetMap, LowerBoundOnNonDecreasingEntries) {
  OffsetMap map;
  map.append(3, 0);
  map.append_run(100, 10);
  map.push_back(5000);
  map.push_back(5000);
  EXPECT_EQ(map.lower_bound(0), 0u);
  EXPECT_EQ(map.lower_bound(1), 3u);
  EXPECT_EQ(map.lower_bound(10), 3u);
  EXPECT_EQ(map.lower_bound(50), 43u);
  EXPECT_EQ(map.lower_bound(200), 103u);
  EXPECT_EQ(map.lower_bound(5000), 103u);
  EXPECT_EQ(map.lower_bound(5001), 105u);
}

TEST(OffsetMap, TextLikeMapsCostAboutAByteAnEntry) {
  OffsetMap map;
  uint32_t at = 0;
  for (int i = 0; i < 1000000; ++i) {
    map.push_back(at);
    at += (i % 40 == 0) ? 2 : 1;  // an accented letter every 40 bytes
    if (i % 5000 == 0) at += 300;  // now and then a dropped line
  }
  EXPECT_LT(map.capacity_bytes(), 1500000u);
}

}  // namespace
}  // namespace registre
