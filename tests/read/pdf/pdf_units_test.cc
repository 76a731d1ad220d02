// Unit tests of the PDF reader's small parts: lexer, CMap parser, glyph names.
#include <gtest/gtest.h>

#include "read/pdf/cmap_parser.h"
#include "read/pdf/glyph_names.h"
#include "read/pdf/pdf_lexer.h"
#include "read/pdf/pdf_reader.h"

namespace registre::pdf {
namespace {

TEST(PdfLexer, ReadsOperandsAndStrings) {
  PdfLexer lexer("BT /F1 12 Tf (a\\(b\\)\\101) Tj <48 69> Tj [(x) -250 (y)] TJ ET");
  Token t;
  std::vector<std::string> seen;
  while (lexer.Next(t)) {
    seen.push_back(t.kind == TokenKind::kNumber ? std::to_string(static_cast<int>(t.number))
                                                : t.text);
  }
  std::vector<std::string> want = {"BT", "F1", "12",   "Tf", "a(b)A", "Tj", "Hi", "Tj",
                                   "",   "x",  "-250", "y",  "",      "TJ", "ET"};
  EXPECT_EQ(seen, want);
}

TEST(PdfLexer, AlwaysTerminates) {
  std::string junk = "(((\\";
  for (int i = 0; i < 256; ++i) junk.push_back(static_cast<char>(i));
  PdfLexer lexer(junk);
  Token t;
  int n = 0;
  while (lexer.Next(t) && n < 100000) ++n;
  EXPECT_LT(n, 100000);
}

TEST(CMap, BfCharRangeArraysAndSurrogates) {
  CMap map = CMap::Parse(
      "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
      "3 beginbfchar <0001> <0066006C> <0002> <D83DDE00> <0003> <00E9> endbfchar\n"
      "2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<0074> <00660069>] endbfrange\n");
  auto text = [&](std::uint32_t code) {
    std::string out;
    map.AppendUnicode(code, 2, out);
    return out;
  };
  EXPECT_EQ(text(1), "fl");
  EXPECT_EQ(text(2), "\xF0\x9F\x98\x80");
  EXPECT_EQ(text(3), "\xC3\xA9");
  EXPECT_EQ(text(0x11), "B");
  EXPECT_EQ(text(0x21), "fi");
  std::uint32_t code = 0;
  EXPECT_EQ(map.NextCode(std::string_view("\x00\x11", 2), 0, code, 1), 2);
  EXPECT_EQ(code, 0x11u);
}

TEST(GlyphNames, Names) {
  EXPECT_EQ(GlyphNameToText("fi"), "fi");
  EXPECT_EQ(GlyphNameToText("ffl"), "ffl");
  EXPECT_EQ(GlyphNameToText("quoteright"), "\xE2\x80\x99");
  EXPECT_EQ(GlyphNameToText("Euro"), "\xE2\x82\xAC");
  EXPECT_EQ(GlyphNameToText("uni00E9"), "\xC3\xA9");
  EXPECT_EQ(GlyphNameToText("f_f_i"), "ffi");
  EXPECT_EQ(GlyphNameToText("a.sc"), "a");
  EXPECT_EQ(GlyphNameToText("g123"), "");
}

TEST(PdfReader, RefusesNonPdf) {
  auto r = registre::ReadPdf("hello world");
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace registre::pdf
