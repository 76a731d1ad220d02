// The OCR reader on the scan fixtures (fixtures/scan: the born-digital Lyon deliberation
// scanned at 200 dpi, 1 bit a pixel): what it reads is the document's text, page by page,
// and damaged or oversized images fail with a cause instead of crashing.
#include "read/ocr/ocr_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support/test_support.h"

namespace registre {
namespace {

std::string Scan(const std::string& name) {
  return testing::ReadFileOrDie(testing::FixturesDir() + "/scan/" + name);
}

TEST(OcrReader, ReadsAPngPageAsText) {
  Result<SourceText> r = ReadImage(Scan("lyon-p1.png"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  const SourceText& s = r.value();
  EXPECT_EQ(s.format, "ocr");
  EXPECT_EQ(std::count(s.text.begin(), s.text.end(), '\f'), 0);
  for (const char* printed : {"Commission permanente du 10 juillet 2023",
                              "Délibération n° CP-2023-2459", "Moreira", "Grivel"}) {
    EXPECT_NE(s.text.find(printed), std::string::npos) << printed << "\n" << s.text;
  }
}

TEST(OcrReader, ReadsAGreyJpegPage) {
  Result<SourceText> r = ReadImage(Scan("lyon-p1.jpg"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (const char* printed : {"Délibération n° CP-2023-2459", "Moreira", "Grivel"})
    EXPECT_NE(r.value().text.find(printed), std::string::npos) << printed << "\n" << r.value().text;
}

TEST(OcrReader, ReadsEveryPageOfAMultiPageTiff) {
  Result<SourceText> r = ReadImage(Scan("lyon.tif"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  const std::string& text = r.value().text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\f'), 2);  // three pages
  // The decision ("1° - Approuve l'avenant ...") is past the first page, and the last page
  // is not empty.
  EXPECT_NE(text.find("Approuve", text.find('\f')), std::string::npos);
  EXPECT_GT(text.size() - text.rfind('\f'), 100u);
}

TEST(OcrReader, DamagedImagesFailWithACause) {
  const std::string png = Scan("lyon-p1.png");
  for (const std::string& bad : {png.substr(0, 200), png.substr(0, 8), std::string("II*\0", 4) +
                                 std::string(200, '\0'), Scan("lyon.tif").substr(0, 3000)}) {
    Result<SourceText> r = ReadImage(bad);
    // A truncated TIFF may keep a readable first strip: then it is text, else an error.
    if (!r.ok()) {
      EXPECT_FALSE(r.status().message().empty());
    }
  }
  Result<SourceText> empty = ReadImage("");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("not an image"), std::string::npos);
}

TEST(OcrReader, AnImageOverThePixelLimitIsRefusedBeforeDecoding) {
  OcrOptions options;
  options.max_pixels = 1000;
  Result<SourceText> r = ReadImage(Scan("lyon-p1.png"), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceLimit);
  EXPECT_NE(r.status().message().find("pixels"), std::string::npos) << r.status().message();
}

TEST(OcrReader, AMissingLanguageModelSaysWhichPackageBringsIt) {
  OcrOptions options;
  options.language = "xyz";
  Result<SourceText> r = ReadImage(Scan("lyon-p1.png"), options);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("apt-get install tesseract-ocr-xyz"), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace registre
