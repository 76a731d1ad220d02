#include "text/folding.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <thread>

namespace registre {
namespace {

TEST(FoldingTest, LatinAsciiAndLowerCase) {
  EXPECT_EQ(FoldString("DÉLIBÈRE"), "delibere");
  EXPECT_EQ(FoldString("Délibère"), "delibere");
  EXPECT_EQ(FoldString("Œuvre, CŒUR, Æsop, Straße, ÇA, Noël, maïs, août"),
            "oeuvre, coeur, aesop, strasse, ca, noel, mais, aout");
}

TEST(FoldingTest, PunctuationUnified) {
  EXPECT_EQ(FoldString("l’an, l‘an, lʼan, l'an"), "l'an, l'an, l'an, l'an");
  EXPECT_EQ(FoldString("a–b—c‑d−e"), "a-b-c-d-e");
  EXPECT_EQ(FoldString("« Toodego » “x”"), "\" toodego \" \"x\"");
  EXPECT_EQ(FoldString("n° 12, 1º"), "n\u00B0 12, 1\u00B0");
  EXPECT_EQ(FoldString("1ᵉʳ mars"), "1er mars");
  EXPECT_EQ(FoldString("a\u00A0:"), "a :");
}

TEST(FoldingTest, AsciiIsLowerCasedByteForByte) {
  FoldedText f = Fold("Vu Le CODE 2023 : ok.");
  EXPECT_EQ(f.text, "vu le code 2023 : ok.");
  for (std::size_t i = 0; i < f.text.size(); ++i) EXPECT_EQ(f.to_source[i], i);
}

// ASCII runs are lower-cased eight bytes at a time: every ASCII byte, at every position of
// runs of every length, and between accented letters, folds as tolower would.
TEST(FoldingTest, EveryAsciiByteAtEveryRunPositionFoldsAsTolower) {
  std::string all;
  for (int c = 1; c < 128; ++c) all += static_cast<char>(c);
  for (std::size_t len = 1; len <= 20; ++len) {
    for (std::size_t start = 0; start + len <= all.size(); start += 3) {
      std::string run = all.substr(start, len);
      std::string text = "\u00C9" + run + "\u00E8" + run;  // É run è run
      std::string want = "e";
      for (char c : run) want += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      want += "e" + want.substr(1);
      FoldedText f = Fold(text);
      ASSERT_EQ(f.text, want) << "run of " << len << " from " << start;
      ASSERT_EQ(f.to_source.size(), f.text.size() + 1);
      EXPECT_EQ(f.to_source[1], 2u);  // after the two bytes of É
      EXPECT_EQ(f.to_source[len], 1 + len);
    }
  }
}

TEST(FoldingTest, OffsetsMapEachFoldedByteToItsCodePoint) {
  std::string s = "Œil é’x";  // Œ (2 bytes) -> "oe", é -> "e", ’ (3 bytes) -> "'"
  FoldedText f = Fold(s);
  EXPECT_EQ(f.text, "oeil e'x");
  ASSERT_EQ(f.to_source.size(), f.text.size() + 1);
  EXPECT_EQ(f.to_source[0], 0u);  // o <- Œ
  EXPECT_EQ(f.to_source[1], 0u);  // e <- Œ
  EXPECT_EQ(f.to_source[2], 2u);  // i
  EXPECT_EQ(f.to_source[5], s.find("é"));
  EXPECT_EQ(f.to_source[6], s.find("’"));
  EXPECT_EQ(f.to_source.back(), s.size());
  for (std::size_t i = 1; i < f.to_source.size(); ++i)
    EXPECT_LE(f.to_source[i - 1], f.to_source[i]);
  EXPECT_EQ(f.FromSource(s.find("é")), 5u);
  EXPECT_EQ(f.FromSource(s.size()), f.text.size());
}

TEST(FoldingTest, InvalidUtf8BecomesReplacementWithoutLosingOffsets) {
  std::string s =
      "a\xC3"
      "b\xE2\x82";
  FoldedText f = Fold(s);
  EXPECT_EQ(f.to_source.back(), s.size());
  EXPECT_EQ(f.text.substr(0, 1), "a");
  EXPECT_NE(f.text.find('b'), std::string::npos);
}

TEST(FoldingTest, ThreadsFoldIndependently) {
  std::string a, b;
  std::thread t1([&] { a = FoldString("ÉCOLE Œuvre"); });
  std::thread t2([&] { b = FoldString("Société ÂGE"); });
  t1.join();
  t2.join();
  EXPECT_EQ(a, "ecole oeuvre");
  EXPECT_EQ(b, "societe age");
}

// The committed table (src/text/latin_ascii_table.inc) stands in for ICU's transliterator: on
// every code point it covers it must say what the transliterator of this machine says, or
// the table is stale (regenerate it: see tools/latin_ascii_table_gen.cc).
TEST(FoldingTest, LatinAsciiTableAgreesWithIcuTransliterator) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> translit(
      icu::Transliterator::createInstance("Latin-ASCII; Lower", UTRANS_FORWARD, err));
  ASSERT_TRUE(U_SUCCESS(err) && translit);
  int disagreements = 0;
  for (char32_t cp = 0x80; cp < kLatinAsciiTableEnd; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    icu::UnicodeString u(static_cast<UChar32>(cp));
    translit->transliterate(u);
    std::string expected;
    u.toUTF8String(expected);
    std::string got = LatinAsciiLower(cp);
    if (got != expected && ++disagreements <= 5)
      ADD_FAILURE() << "U+" << std::hex << static_cast<unsigned>(cp) << ": table gives '" << got
                    << "', ICU gives '" << expected << "'";
  }
  EXPECT_EQ(disagreements, 0);
}

TEST(FoldingTest, CommonSymbolsFoldAsIcuWould) {
  EXPECT_EQ(FoldString("½ × Ⅱ № …"), " 1/2 * ii no ...");
  EXPECT_EQ(FoldString("€ • ▪ Ω"), "€ • ▪ ω");
  EXPECT_EQ(FoldString("ﬁnances"), "finances");
}

// FoldString is Fold without the offsets: the same text for any bytes.
TEST(FoldingTest, FoldStringIsFoldsText) {
  std::string bytes;
  uint32_t state = 7;
  for (int k = 0; k < 20000; ++k) {
    state = state * 1103515245u + 12345u;
    bytes += static_cast<char>((state >> 16) & 0xFF);
  }
  for (std::string_view s :
       {std::string_view("Délibère — Œuvre, l’an 2023"), std::string_view(bytes),
        std::string_view(bytes).substr(3, 777), std::string_view("")})
    EXPECT_EQ(FoldString(s), Fold(s).text);
}

// FoldKey: the key names and labels are matched on (SQLite persons, Akoma Ntoso ids, SIRET
// map names, subject keywords).
TEST(FoldKeyTest, NamesPrintedTwoWaysHaveOneKey) {
  EXPECT_EQ(FoldKey("ROGER Mickaël"), "roger mickael");
  EXPECT_EQ(FoldKey("Roger Mickael"), FoldKey("ROGER Mickaël"));
  EXPECT_EQ(FoldKey("Émeline  BAUME-Durand"), "emeline baume durand");
  EXPECT_EQ(FoldKey("Métropole de Lyon"), FoldKey("METROPOLE DE LYON"));
  EXPECT_NE(FoldKey("Bernard"), FoldKey("Bruno Bernard"));
}

TEST(FoldKeyTest, PunctuationRunsBecomeOneSpaceAndEndsAreTrimmed) {
  EXPECT_EQ(FoldKey("  « Métropole de Lyon » — CP-2023 "), "metropole de lyon cp 2023");
  EXPECT_EQ(FoldKey("l’an, n° 12"), "l an n 12");
  EXPECT_EQ(FoldKey("Œuvre Straße"), "oeuvre strasse");
  EXPECT_EQ(FoldKey("finances locales/subventions"), "finances locales subventions");
  EXPECT_EQ(FoldKey(""), "");
  EXPECT_EQ(FoldKey(" -- … "), "");
  // What Latin-ASCII leaves outside ASCII separates words like punctuation.
  EXPECT_EQ(FoldKey("€100 Ωmega"), "100 mega");
}

// The key is compacted in place: the same as splitting the fold on everything but [a-z0-9]
// and joining the words with single spaces, for any bytes.
TEST(FoldKeyTest, SameAsSplittingTheFoldIntoWords) {
  auto reference = [](std::string_view s) {
    std::string folded = FoldString(s), key, word;
    for (char c : folded + " ") {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word += c;
      } else if (!word.empty()) {
        key += (key.empty() ? "" : " ") + word;
        word.clear();
      }
    }
    return key;
  };
  uint32_t state = 11;
  for (int k = 0; k < 2000; ++k) {
    std::string bytes;
    for (int i = 0; i < 40; ++i) {
      state = state * 1103515245u + 12345u;
      // Mostly letters, spaces and punctuation, some bytes of any value.
      static const char kPool[] = "aZ9 -,'\xc3\xa9.";
      unsigned pick = (state >> 16) % 24;
      bytes += pick < sizeof kPool - 1 ? kPool[pick] : static_cast<char>((state >> 8) & 0xFF);
    }
    ASSERT_EQ(FoldKey(bytes), reference(bytes)) << bytes;
  }
}

}  // namespace
}  // namespace registre
