#include "text/char_pass.h"

#include <gtest/gtest.h>

namespace registre {
namespace {

TEST(CharPassTest, SpacesLigaturesAndInvisibleCharacters) {
  CharPassResult r = RunCharPass("of\uFB01ce\u00A0\u00ADa\u200Bb\tc", false);
  EXPECT_EQ(r.text.s, "office ab c");
  ASSERT_EQ(r.text.src.size(), r.text.s.size() + 1);
}

TEST(CharPassTest, FormFeedsBecomeLineBreaksAndPageStarts) {
  CharPassResult r = RunCharPass("page un\fpage deux\n\fpage trois", false);
  EXPECT_EQ(r.text.s, "page un\npage deux\npage trois");
  ASSERT_EQ(r.page_starts.size(), 3u);
  EXPECT_EQ(r.text.s.substr(r.page_starts[1], 9), "page deux");
  EXPECT_EQ(r.text.s.substr(r.page_starts[2], 10), "page trois");
}

TEST(CharPassTest, MojibakeRepairedOnlyWhenAsked) {
  const std::string bad = "D\u00C3\u00A9cision";
  EXPECT_EQ(RunCharPass(bad, false).text.s, bad);
  CharPassResult r = RunCharPass(bad, true);
  EXPECT_EQ(r.text.s, "Décision");
  EXPECT_EQ(r.mojibake_repaired, 1u);
}

TEST(CharPassTest, DecomposedAccentsAreComposed) {
  EXPECT_EQ(RunCharPass("De\u0301libe\u0301re\u0301", false).text.s, "Délibéré");
}

}  // namespace
}  // namespace registre
