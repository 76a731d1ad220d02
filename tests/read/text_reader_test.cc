#include "read/text_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace registre {
namespace {

using std::string_literals::operator""s;

bool HasWarning(const SourceText& t, const std::string& code) {
  for (const Warning& w : t.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

std::string ErrorOf(std::string_view bytes, const TextReaderOptions& options = {}) {
  Result<SourceText> r = ReadText(bytes, options);
  return r.ok() ? "" : r.status().message();
}

TEST(TextReaderTest, Utf8WithAndWithoutBom) {
  auto plain = ReadText("Délibération n° 12\n");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain.value().text, "Délibération n° 12\n");
  EXPECT_EQ(plain.value().encoding, "UTF-8");
  EXPECT_TRUE(plain.value().warnings.empty());
  auto bom = ReadText(
      "\xEF\xBB\xBF"
      "Délibération");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom.value().text, "Délibération");  // the BOM is not text
  EXPECT_EQ(bom.value().format, "text");
}

TEST(TextReaderTest, Utf16WithBom) {
  // "Vu é\r\n" in UTF-16LE and UTF-16BE.
  auto le = ReadText(
      "\xFF\xFE"
      "V\0u\0 \0\xE9\0\r\0\n\0"s);
  ASSERT_TRUE(le.ok()) << le.status().message();
  EXPECT_EQ(le.value().text, "Vu é\n");
  EXPECT_EQ(le.value().encoding, "UTF-16LE");
  auto be = ReadText(
      "\xFE\xFF"
      "\0V\0u\0 \0\xE9"s);
  ASSERT_TRUE(be.ok()) << be.status().message();
  EXPECT_EQ(be.value().text, "Vu é");
  EXPECT_EQ(be.value().encoding, "UTF-16BE");
}

TEST(TextReaderTest, Utf16WithoutBomIsRecognisedNotCalledBinary) {
  std::string le;
  for (char c : std::string("Le conseil municipal, vu le rapport")) {
    le.push_back(c);
    le.push_back('\0');
  }
  auto r = ReadText(le);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().text, "Le conseil municipal, vu le rapport");
  EXPECT_TRUE(HasWarning(r.value(), "encoding_guessed"));
}

TEST(TextReaderTest, Windows1252IsDetectedAndConvertedWithAWarning) {
  // "Délibération : l’assemblée a voté à l’unanimité." in Windows-1252 (’ is 0x92).
  std::string cp1252 =
      "D\xE9lib\xE9ration du conseil municipal : l\x92"
      "assembl\xE9"
      "e a vot\xE9 \xE0 l\x92"
      "unanimit\xE9, apr\xE8s en avoir d\xE9lib\xE9r\xE9.\r\n";
  auto r = ReadText(cp1252);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().text,
            "Délibération du conseil municipal : l’assemblée a voté à l’unanimité, après en avoir "
            "délibéré.\n");
  EXPECT_EQ(r.value().encoding, "windows-1252");
  EXPECT_TRUE(HasWarning(r.value(), "encoding_guessed"));
}

TEST(TextReaderTest, StrayLegacyBytesInUtf8KeepUtf8) {
  // A UTF-8 file where one line was typed in a Windows-1252 editor.
  std::string mixed = "Délibération numérique\nArrêté du maire\nvot\xE9 \xE0 l'unanimit\xE9\n";
  auto r = ReadText(mixed);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().text, "Délibération numérique\nArrêté du maire\nvoté à l'unanimité\n");
  EXPECT_EQ(r.value().encoding, "UTF-8");
  ASSERT_TRUE(HasWarning(r.value(), "invalid_utf8"));
  EXPECT_NE(r.value().warnings[0].message.find("3 byte"), std::string::npos);
}

TEST(TextReaderTest, LineEnds) {
  auto r = ReadText("a\r\nb\rc\n\rd\r\r");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().text, "a\nb\nc\n\nd\n\n");
}

TEST(TextReaderTest, FormFeedsStayAsPageBreaks) {
  auto r = ReadText("page un\r\n\fpage deux\fpage trois");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().text, "page un\n\fpage deux\fpage trois");
}

TEST(TextReaderTest, EmptyAndBlankInputsAreErrors) {
  EXPECT_EQ(ErrorOf(""), "empty file");
  EXPECT_EQ(ErrorOf(" \r\n\t\f\n"), "no text (only white space)");
}

TEST(TextReaderTest, BinaryInputIsAnError) {
  std::string random;
  for (int i = 0; i < 4096; ++i) random.push_back(static_cast<char>((i * 7919 + 13) % 256));
  EXPECT_NE(ErrorOf(random).find("binary content"), std::string::npos) << ErrorOf(random);
  std::string docx = "PK\x03\x04\x14\0\x06\0"s + std::string(100, 'x');
  EXPECT_NE(ErrorOf(docx).find("ZIP archive"), std::string::npos) << ErrorOf(docx);
  EXPECT_NE(ErrorOf("\x89PNG\r\n\x1A\n"s + std::string(100, '\0')).find("PNG image"),
            std::string::npos);
  // A BOM in front of garbage does not make it text.
  std::string fake_utf16 = "\xFF\xFE"s;
  for (int i = 0; i < 200; ++i) fake_utf16 += "\x01\0"s;
  EXPECT_NE(ErrorOf(fake_utf16).find("binary content"), std::string::npos);
}

// Controls are counted wherever they fall (the scan skips eight plain bytes at a time): more
// than 2 % of them makes binary content, at or under 2 % is text.
TEST(TextReaderTest, ControlCharactersCountWhereverTheyFall) {
  for (std::size_t offset = 0; offset < 8; ++offset) {
    for (int controls : {20, 21}) {
      std::string text(1000, 'a');
      for (int k = 0; k < controls; ++k) text[offset + static_cast<std::size_t>(k) * 47] = '\x01';
      bool binary = ErrorOf(text).find("binary content") != std::string::npos;
      EXPECT_EQ(binary, controls > 20) << controls << " controls from offset " << offset;
    }
  }
}

TEST(TextReaderTest, AStrayControlCharacterIsNotBinary) {
  std::string text = "Vu le code\x01 général des collectivités territoriales\n"s;
  text += std::string(200, 'a') + "\0"s + std::string(2000, 'b');
  auto r = ReadText(text);
  EXPECT_TRUE(r.ok()) << r.status().message();
}

TEST(TextReaderTest, InvalidUtf8ThatIsNoLegacyCharsetIsAnError) {
  // High bytes everywhere, no structure: neither UTF-8 nor French in a legacy code page.
  std::string garbage;
  for (int i = 0; i < 600; ++i) garbage.push_back(static_cast<char>(0x80 + (i * 37) % 128));
  garbage += " \n";
  std::string message = ErrorOf(garbage);
  EXPECT_NE(message.find("not valid UTF-8"), std::string::npos) << message;
  EXPECT_NE(message.find("first at byte 0"), std::string::npos) << message;
}

TEST(TextReaderTest, TooLargeIsAnErrorNamingSizeAndLimit) {
  std::string big(1000, 'a');
  std::string message = ErrorOf(big, TextReaderOptions{999});
  EXPECT_NE(message.find("too large"), std::string::npos);
  EXPECT_NE(message.find("1000 bytes"), std::string::npos);
  EXPECT_NE(message.find("999"), std::string::npos);
  EXPECT_TRUE(ReadText(big, TextReaderOptions{1000}).ok());
}

TEST(TextReaderTest, LooksLikePdf) {
  EXPECT_TRUE(LooksLikePdf("%PDF-1.7\n..."));
  EXPECT_TRUE(LooksLikePdf("\n\n%PDF-1.4"));
  EXPECT_FALSE(LooksLikePdf("Délibération %PDF"s.substr(0, 14)));
  EXPECT_FALSE(LooksLikePdf(std::string(2000, ' ') + "%PDF-1.4"));
}

TEST(TextReaderTest, Windows1252Tables) {
  EXPECT_EQ(Windows1252ToUnicode(0x92), U'\u2019');
  EXPECT_EQ(Windows1252ToUnicode(0x80), U'\u20AC');
  EXPECT_EQ(Windows1252ToUnicode(0xE9), U'é');
  EXPECT_EQ(Windows1252ToUnicode(0x81), U'\uFFFD');
  EXPECT_EQ(Windows1252FromUnicode(U'\u2019'), 0x92);
  EXPECT_EQ(Windows1252FromUnicode(U'©'), 0xA9);
  EXPECT_EQ(Windows1252FromUnicode(U'\u0153'), 0x9C);
  EXPECT_EQ(Windows1252FromUnicode(U'\u4E00'), -1);
}

}  // namespace
}  // namespace registre
