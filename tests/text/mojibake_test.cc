#include "text/mojibake.h"

#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"

namespace registre {
namespace {

TEST(MojibakeTest, SignaturesAreFound) {
  EXPECT_TRUE(HasMojibake("D\u00C3\u00A9lib\u00C3\u00A9ration"));  // "DÃ©libÃ©ration"
  EXPECT_TRUE(HasMojibake("l\u00C3\u00A2\u20AC\u2122avis"));       // "lâ€™avis"
}

// The opposite case: correct French, and a lone "Ã" before a space, are no mojibake.
TEST(MojibakeTest, CorrectTextIsNotMojibake) {
  EXPECT_FALSE(HasMojibake("Délibération du conseil, l’avis"));
  EXPECT_FALSE(HasMojibake("JO\u00C3 O"));
  EXPECT_FALSE(HasMojibake(""));
}

TEST(MojibakeTest, RepairGivesTheCodePointAndTheEnd) {
  std::string in = "\u00C3\u00A9t\u00C3\u00A9";  // "Ã©tÃ©" for "été"
  std::size_t next = 0;
  char32_t lead = NextCodePoint(in, next);
  char32_t repaired = 0;
  std::size_t end = 0;
  ASSERT_TRUE(RepairMojibake(in, lead, next, &repaired, &end));
  EXPECT_EQ(repaired, U'é');
  EXPECT_EQ(in.substr(end, 1), "t");
}

}  // namespace
}  // namespace registre
