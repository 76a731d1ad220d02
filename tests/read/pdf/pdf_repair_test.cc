// RebuildPdf: objects are found by one forward scan (each keyword searched once over the
// file), and what the scan finds is what the objects hold: a stream whose data holds the
// word "endobj", an object that lost its "endobj", many small objects.
#include "read/pdf/pdf_repair.h"

#include <gtest/gtest.h>

#include <string>

namespace registre::pdf {
namespace {

TEST(RebuildPdf, FindsStreamsAndObjectsWithoutTheirEnd) {
  const std::string data = "BT (a endobj b) Tj ET";
  const std::string pdf =
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
      "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n"
      "4 0 obj\n<< /Length 999 >>\nstream\n" +
      data +
      "\nendstream\nendobj\n"
      "5 0 obj\n<< /Producer (lost its end) >>\n"
      "6 0 obj\n(last)\nendobj\nxref\n0 1\nbroken\n%%EOF\n";
  const std::string rebuilt = RebuildPdf(pdf, 1 << 20);
  ASSERT_FALSE(rebuilt.empty());
  // The stream keeps its data whole, its /Length made true.
  EXPECT_NE(rebuilt.find("stream\n" + data + "\nendstream"), std::string::npos) << rebuilt;
  EXPECT_NE(rebuilt.find("/Length " + std::to_string(data.size())), std::string::npos);
  // Every object is there, the one without its end included.
  for (const char* header : {"1 0 obj", "2 0 obj", "3 0 obj", "4 0 obj", "5 0 obj", "6 0 obj"})
    EXPECT_NE(rebuilt.find(header), std::string::npos) << header;
  EXPECT_NE(rebuilt.find("(last)"), std::string::npos);
}

// A long chain of small objects (no stream, so the stream keyword is absent after the first
// object: searched from each object to the end, this was quadratic): every link is found.
TEST(RebuildPdf, ALongChainOfSmallObjectsIsReadWhole) {
  std::string pdf =
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
      "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n"
      "4 0 obj\n<< /Length 8 >>\nstream\nBT ET Q \nendstream\nendobj\n";
  constexpr int kLinks = 50000;
  for (int k = 0; k < kLinks; ++k)
    pdf += std::to_string(10 + k) + " 0 obj\n[" + std::to_string(11 + k) + " 0 R]\nendobj\n";
  pdf += "%%EOF\n";
  const std::string rebuilt = RebuildPdf(pdf, 1 << 20);
  ASSERT_FALSE(rebuilt.empty());
  EXPECT_NE(rebuilt.find(std::to_string(10 + kLinks - 1) + " 0 obj"), std::string::npos);
  // One subsection for objects 1-4, one for the chain.
  EXPECT_NE(rebuilt.find("xref\n0 1\n0000000000 65535 f \n1 4\n"), std::string::npos);
  EXPECT_NE(rebuilt.find("\n10 " + std::to_string(kLinks) + "\n"), std::string::npos)
      << rebuilt.substr(rebuilt.rfind("xref"), 80);
}

// A damaged header naming a huge object number (a flipped digit; the mutation campaign's
// find, which asked for a 9.7 GB table): the table follows the objects found, and a number
// past PoDoFo's bound is dropped.
TEST(RebuildPdf, HugeObjectNumbersDoNotSizeTheTable) {
  std::string pdf =
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
      "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
      "3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n"
      "8000000 0 obj\n(far)\nendobj\n"
      "600000000 0 obj\n(too far)\nendobj\n%%EOF\n";
  const std::string rebuilt = RebuildPdf(pdf, 1 << 20);
  ASSERT_FALSE(rebuilt.empty());
  EXPECT_LT(rebuilt.size(), 2000u);
  EXPECT_NE(rebuilt.find("\n8000000 1\n"), std::string::npos) << rebuilt;
  EXPECT_EQ(rebuilt.find("600000000"), std::string::npos);
}

}  // namespace
}  // namespace registre::pdf
