// Behaviour of the PDF reader on small synthetic PDFs: text state operators, words from
// positions, superscripts, letter-spaced headings, rotation, ActualText, stamp
// annotations, Form XObjects, encryption, page failure isolation, pages without text.
#include "read/pdf/pdf_reader.h"

#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include "read/pdf/pdf_layout_reader.h"
#include "support/pdf_test_util.h"

namespace registre::pdftest {
namespace {

const char* kHelvetica =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

// One-page PDF: objects 1 catalog, 2 pages, 3 page, 4 font F1, 5 content, extra from 6.
std::string OnePage(const std::string& content, const std::string& page_extra = "",
                    const std::string& resources_extra = "",
                    const std::vector<std::string>& extra = {}) {
  std::vector<std::string> objs = {"<< /Type /Catalog /Pages 2 0 R >>",
                                   "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                                   "5 0 R /Resources << /Font << /F1 4 0 R >> " +
                                       resources_extra + " >> " + page_extra + " >>",
                                   kHelvetica, Stream("", content)};
  objs.insert(objs.end(), extra.begin(), extra.end());
  return BuildPdf(objs);
}

std::string Text(const std::string& pdf) {
  Result<SourceText> r = ReadPdf(pdf);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value().text : "";
}

TEST(PdfReader, WordsFromPositionsNotSpaceGlyphs) {
  // Kerned TJ, a word gap made by TJ displacement only, and a space glyph cancelled by Tw.
  std::string text =
      Text(OnePage("BT /F1 10 Tf 72 700 Td [(Con)20(seil)-300(municipal)] TJ ET\n"
                   "BT /F1 10 Tf 72 688 Td -2.78 Tw (fa ve) Tj 0 Tw (ur) Tj ET"));
  EXPECT_EQ(text, "Conseil municipal\nfaveur\n");
}

TEST(PdfReader, TextStateOperators) {
  std::string text = Text(
      OnePage("BT /F1 12 Tf 14 TL 72 700 Td (ligne un) Tj T* (ligne deux) Tj (ligne trois) ' ET\n"
              "BT /F1 12 Tf 1 0 0 1 72 600 Tm 150 Tz (large) Tj ET\n"
              "BT /F1 12 Tf 72 580 TD 0 -20 TD (TD) Tj ET"));
  // 72 pt down at 12 pt: 4 blank lines (the most); 40 pt down: 2 (see ParagraphGaps...).
  EXPECT_EQ(text, "ligne un\nligne deux\nligne trois\n\n\n\n\nlarge\n\n\nTD\n");
}

TEST(PdfReader, ParagraphGapsBecomeBlankLines) {
  auto line = [](int size, int y, const std::string& text) {
    return "BT /F1 " + std::to_string(size) + " Tf 72 " + std::to_string(y) + " Td (" + text +
           ") Tj ET\n";
  };
  // Wide leading (18 pt at 12 pt): a 30 pt drop is a paragraph break (2.5 em, 1.67x the
  // usual spacing); 38 pt (3.2 em) gives two blank lines, as pdftotext -layout prints it.
  std::string wide = line(12, 700, "un") + line(12, 682, "deux") + line(12, 664, "trois") +
                     line(12, 634, "quatre") + line(12, 616, "cinq") + line(12, 598, "six") +
                     line(12, 560, "sept");
  EXPECT_EQ(Text(OnePage(wide)), "un\ndeux\ntrois\n\nquatre\ncinq\nsix\n\n\nsept\n");
  // Tight leading (11 pt at 10 pt): a 19 pt drop (1.9 em) is 1.7x the usual spacing.
  std::string tight = line(10, 700, "un") + line(10, 689, "deux") + line(10, 678, "trois") +
                      line(10, 659, "quatre") + line(10, 648, "cinq");
  EXPECT_EQ(Text(OnePage(tight)), "un\ndeux\ntrois\n\nquatre\ncinq\n");
  // 15 pt leading at 12 pt, a 22 pt drop: neither 1.6x the spacing nor 2 em, no blank line.
  std::string close = line(12, 700, "un") + line(12, 685, "deux") + line(12, 670, "trois") +
                      line(12, 648, "quatre") + line(12, 633, "cinq");
  EXPECT_EQ(Text(OnePage(close)), "un\ndeux\ntrois\nquatre\ncinq\n");
  // Back up the page (a new column or block): one blank line; the layout says where.
  std::string columns = line(10, 700, "gauche un") + line(10, 688, "gauche deux") +
                        "BT /F1 10 Tf 320 700 Td (droite un) Tj ET\n" +
                        "BT /F1 10 Tf 320 688 Td (droite deux) Tj ET\n";
  EXPECT_EQ(Text(OnePage(columns)), "gauche un\ngauche deux\n\ndroite un\ndroite deux\n");
  Result<PdfLayout> layout = ReadPdfLayout(OnePage(columns));
  ASSERT_TRUE(layout.ok());
  ASSERT_EQ(layout.value().pages.at(0).lines.size(), 4u);
  EXPECT_EQ(layout.value().pages[0].lines[1].blank_before, 0);
  EXPECT_EQ(layout.value().pages[0].lines[2].blank_before, 1);
}

TEST(PdfReader, SuperscriptsJoinTheirLine) {
  std::string text = Text(OnePage(
      "BT /F1 11 Tf 72 700 Td (le 1) Tj /F1 7 Tf 4 Ts (er) Tj /F1 11 Tf 0 Ts ( juillet) Tj ET"));
  EXPECT_EQ(text, "le 1er juillet\n");
}

TEST(PdfReader, LetterSpacedHeadingIsRejoined) {
  std::string spaced = Text(OnePage("BT /F1 12 Tf 6 Tc 72 700 Td (DECIDE) Tj ET"));
  EXPECT_EQ(spaced, "DECIDE\n");
  std::string typed = Text(OnePage("BT /F1 12 Tf 72 700 Td (D E C I D E) Tj ET"));
  EXPECT_EQ(typed, "D E C I D E\n");
}

TEST(PdfReader, ColumnsWrittenRowByRowReadColumnByColumn) {
  std::string content, left_expected, right_expected;
  for (int i = 0; i < 8; ++i) {
    std::string left = "gauche ligne " + std::to_string(i) + " du texte courant";
    std::string right = "droite ligne " + std::to_string(i) + " du texte courant";
    int y = 700 - 14 * i;
    content += "BT /F1 10 Tf 72 " + std::to_string(y) + " Td (" + left + ") Tj 250 0 Td (" + right +
               ") Tj ET\n";
    left_expected += left + "\n";
    right_expected += right + "\n";
  }
  EXPECT_EQ(Text(OnePage(content)), left_expected + "\n" + right_expected);
  // A table of figures keeps its rows.
  std::string table, rows;
  for (int i = 0; i < 8; ++i) {
    std::string label = "Operation numero " + std::to_string(i) + " de voirie";
    int y = 700 - 14 * i;
    table += "BT /F1 10 Tf 72 " + std::to_string(y) + " Td (" + label +
             ") Tj 250 0 Td (1 914 500,00 1 629 300,43) Tj ET\n";
    rows += label + " 1 914 500,00 1 629 300,43\n";
  }
  EXPECT_EQ(Text(OnePage(table)), rows);
}

TEST(PdfReader, RotatedPageAndRotatedText) {
  std::string rotated_page =
      Text(OnePage("BT /F1 12 Tf 72 700 Td (Page tourn\\351e) Tj ET", "/Rotate 90"));
  EXPECT_EQ(rotated_page,
            "Page tourn\xC3\xA9"
            "e\n");
  std::string vertical = Text(OnePage("BT /F1 12 Tf 0 1 -1 0 300 100 Tm (vertical text) Tj ET"));
  EXPECT_EQ(vertical, "vertical text\n");
}

TEST(PdfReader, ActualTextReplacesGlyphs) {
  std::string text =
      Text(OnePage("BT /F1 12 Tf 72 700 Td (d\\351li) Tj /Span << /ActualText <FEFF00AD> >> BDC ( "
                   ") Tj EMC (b\\351ration) Tj ET\n"
                   "BT /F1 12 Tf 72 680 Td /Span << /ActualText (fi) >> BDC (X) Tj EMC (n) Tj ET"));
  EXPECT_EQ(text, "d\xC3\xA9lib\xC3\xA9ration\nfin\n");
}

TEST(PdfReader, FormXObjectsAndStampAnnotations) {
  std::string form = Stream(
      "/Type /XObject /Subtype /Form /BBox [0 0 200 50] /Resources << /Font << /F1 4 0 R >> >>",
      "BT /F1 9 Tf 2 20 Td (Envoy\\351 en pr\\351fecture) Tj ET");
  std::string annot =
      "<< /Type /Annot /Subtype /Stamp /Rect [300 700 500 750] /AP << /N 6 0 R >> >>";
  std::string text = Text(OnePage("BT /F1 12 Tf 72 600 Td (Corps) Tj ET /X 6 0 R Do",
                                  "/Annots [7 0 R]", "/XObject << /X 6 0 R >>", {form, annot}));
  EXPECT_NE(text.find("Corps"), std::string::npos);
  EXPECT_NE(text.find("Envoy\xC3\xA9 en pr\xC3\xA9"
                      "fecture"),
            std::string::npos);
}

TEST(PdfReader, PagesWithoutTextAreReported) {
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << "
      "/F1 4 0 R >> >> >>",
      kHelvetica,
      Stream("", "BT /F1 12 Tf 72 700 Td (texte) Tj ET"),
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R >>",
      Stream("", "0 0 1 rg 0 0 100 100 re f")};
  Result<SourceText> r = ReadPdf(BuildPdf(objs));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().text, "texte\n\f");
  EXPECT_EQ(r.value().format, "pdf");
  bool found = false;
  for (const Warning& w : r.value().warnings) {
    if (w.code == "no_text_layer") {
      found = true;
      EXPECT_NE(w.message.find("2"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST(PdfReader, BrokenXrefIsRebuilt) {
  std::string pdf = OnePage("BT /F1 12 Tf 72 700 Td (r\\351cup\\351r\\351) Tj ET");
  pdf.replace(pdf.rfind("startxref"), 20, "startxref\n999999\n");
  pdf.replace(pdf.find("xref"), 4, "XXXX");
  Result<SourceText> r = ReadPdf(pdf);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().text,
            "r\xC3\xA9"
            "cup\xC3\xA9r\xC3\xA9\n");
  ASSERT_FALSE(r.value().warnings.empty());
  EXPECT_EQ(r.value().warnings[0].code, "xref_repaired");
}

std::string Encrypt(const std::string& pdf, const std::string& user,
                    PoDoFo::PdfEncrypt::EPdfEncryptAlgorithm algo,
                    PoDoFo::PdfEncrypt::EPdfKeyLength key) {
  PoDoFo::PdfMemDocument doc;
  doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
  doc.SetEncrypted(user, "owner-secret", PoDoFo::PdfEncrypt::ePdfPermissions_Print, algo, key);
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  doc.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

TEST(PdfReader, EncryptedWithEmptyPasswordIsRead) {
  ReadPdf("%PDF-1.4");  // loads OpenSSL's legacy provider before PoDoFo encrypts with RC4
  std::string plain = OnePage("BT /F1 12 Tf 72 700 Td (secret d\\351voil\\351) Tj ET");
  for (auto [algo, key] : {std::pair{PoDoFo::PdfEncrypt::ePdfEncryptAlgorithm_RC4V2,
                                     PoDoFo::PdfEncrypt::ePdfKeyLength_128},
                           std::pair{PoDoFo::PdfEncrypt::ePdfEncryptAlgorithm_AESV2,
                                     PoDoFo::PdfEncrypt::ePdfKeyLength_128}}) {
    std::string encrypted;
    try {
      encrypted = Encrypt(plain, "", algo, key);
    } catch (const PoDoFo::PdfError& e) {
      GTEST_SKIP() << "PoDoFo cannot write this encryption here";
    }
    Result<SourceText> r = ReadPdf(encrypted);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r.value().text, "secret d\xC3\xA9voil\xC3\xA9\n");
    Result<SourceText> locked = ReadPdf(Encrypt(plain, "user-secret", algo, key));
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.status().message().find("password"), std::string::npos);
  }
}

TEST(PdfReader, OneBrokenPageDoesNotLoseTheOthers) {
  std::vector<std::string> objs = {"<< /Type /Catalog /Pages 2 0 R >>",
                                   "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
                                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                                   "5 0 R /Resources << /Font << /F1 4 0 R >> >> >>",
                                   kHelvetica,
                                   Stream("/Filter /FlateDecode", "this is not zlib data"),
                                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                                   "7 0 R /Resources << /Font << /F1 4 0 R >> >> >>",
                                   Stream("", "BT /F1 12 Tf 72 700 Td (page deux) Tj ET")};
  Result<SourceText> r = ReadPdf(BuildPdf(objs));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().text, "\fpage deux\n");
}

TEST(PdfReader, PageTreeThatContainsItselfKeepsItsPages) {
  // The pages node lists itself among its kids; resources are inherited from it.
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 2 0 R 6 0 R] /Count 3 /Resources << /Font << /F1 4 0 R >> "
      ">> >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>",
      kHelvetica,
      Stream("", "BT /F1 12 Tf 72 700 Td (page un) Tj ET"),
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R >>",
      Stream("", "BT /F1 12 Tf 72 700 Td (page deux) Tj ET")};
  Result<SourceText> r = ReadPdf(BuildPdf(objs));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().text, "page un\n\fpage deux\n");
  bool warned = false;
  for (const Warning& w : r.value().warnings) warned |= w.code == "page_tree_damaged";
  EXPECT_TRUE(warned);
}

TEST(PdfReader, LayoutGivesPositionsAndFurniture) {
  std::vector<std::string> objs = {"<< /Type /Catalog /Pages 2 0 R >>",
                                   "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"};
  auto page = [](int content) {
    return "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " +
           std::to_string(content) + " 0 R /Resources << /Font << /F1 4 0 R >> >> >>";
  };
  objs.push_back(page(5));
  objs.push_back(kHelvetica);
  objs.push_back(Stream("",
                        "BT /F1 9 Tf 72 770 Td (Commune de Test) Tj ET BT /F1 12 Tf 72 600 Td (Un) "
                        "Tj ET BT /F1 9 Tf 300 30 Td (page 1) Tj ET"));
  objs.push_back(page(7));
  objs.push_back(Stream("",
                        "BT /F1 9 Tf 72 770 Td (Commune de Test) Tj ET BT /F1 12 Tf 72 600 Td "
                        "(Deux) Tj ET BT /F1 9 Tf 300 30 Td (page 2) Tj ET"));
  Result<PdfLayout> r = ReadPdfLayout(BuildPdf(objs));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().pages.size(), 2u);
  const auto& lines = r.value().pages[1].lines;
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].furniture);
  EXPECT_FALSE(lines[1].furniture);
  EXPECT_TRUE(lines[2].furniture);
  EXPECT_NEAR(lines[1].y, 600, 0.01);
  EXPECT_NEAR(lines[1].font_size, 12, 0.01);
}

}  // namespace
}  // namespace registre::pdftest
