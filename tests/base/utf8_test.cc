#include "base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace registre {
namespace {

TEST(Utf8Test, NextCodePointAndAppendUtf8RoundTrip) {
  for (char32_t cp : {U'a', U'é', U'’', U'\U0001F60A'}) {
    std::string s;
    AppendUtf8(s, cp);
    std::size_t i = 0;
    EXPECT_EQ(NextCodePoint(s, i), cp);
    EXPECT_EQ(i, s.size());
  }
  std::string bad = "\xE9t\xE9";
  std::size_t i = 0;
  EXPECT_EQ(NextCodePoint(bad, i), U'\uFFFD');
  EXPECT_EQ(i, 1u);
}

// Well-formed sequences only: no overlong form, no surrogate, nothing past U+10FFFF, nothing
// cut short by the end of the text.
TEST(Utf8Test, SequenceLengthAcceptsOnlyWellFormedSequences) {
  struct Case {
    std::string bytes;
    std::size_t length;
  } cases[] = {
      {"a", 1},
      {"\xC3\xA9", 2},
      {"\xE2\x80\xA2", 3},
      {"\xF0\x9F\x98\x80", 4},
      {"\xC0\xAF", 0},
      {"\xE0\x80\xAF", 0},
      {"\xED\xA0\x80", 0},
      {"\xF4\x90\x80\x80", 0},
      {"\xF5\x80\x80\x80", 0},
      {"\x80", 0},
      {"\xC3", 0},
      {"\xE2\x80", 0},
      {"\xC3\x41", 0},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Utf8SequenceLength(c.bytes, 0), c.length) << testing::PrintToString(c.bytes);
}

TEST(Utf8Test, AppendUtf8WritesReplacementForUnencodable) {
  for (char32_t cp : {char32_t{0xD800}, char32_t{0xDFFF}, char32_t{0x110000}}) {
    std::string s;
    AppendUtf8(s, cp);
    EXPECT_EQ(s, "\xEF\xBF\xBD");
  }
}

// A sequence cut short by the end of the text is one replacement character per byte.
TEST(Utf8Test, NextCodePointAtTheEndOfATruncatedSequence) {
  std::string cut = "\xE2\x82";
  std::size_t i = 0;
  EXPECT_EQ(NextCodePoint(cut, i), U'\uFFFD');
  EXPECT_EQ(i, 1u);
}

}  // namespace
}  // namespace registre
