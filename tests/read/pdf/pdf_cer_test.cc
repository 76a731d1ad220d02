// Text fidelity of the PDF reader (issue 3), measured through registre-pdftext:
//  - character error rate against every generated fixture's truth (NFKC, furniture lines
//    removed, line-end hyphenation joined, whitespace collapsed) <= 0.3 %, or no worse
//    than the better of `pdftotext` and `pdftotext -raw` (a glyph no extractor can read);
//  - agreement with `pdftotext -raw` >= 99.5 % of characters on the real council PDFs.
// Image-only fixtures (scan_*) have no text layer: they must give the no_text_layer warning.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "read/pdf/pdf_layout_reader.h"
#include "support/pdf_test_util.h"

namespace registre::pdftest {
namespace {

namespace fs = std::filesystem;

std::string PdfText(const std::string& pdf, std::string* warnings = nullptr) {
  std::string err = warnings ? " 2>&1 1>/dev/null" : " 2>/dev/null";
  if (warnings) {
    *warnings = Run(std::string(REGISTRE_PDFTEXT) + " " + ShellQuote(pdf) + err);
  }
  return Run(std::string(REGISTRE_PDFTEXT) + " " + ShellQuote(pdf) + " 2>/dev/null");
}

bool HasPdftotext() { return !Run("command -v pdftotext").empty(); }

std::string Pdftotext(const std::string& pdf, bool raw) {
  return Run(std::string("pdftotext -enc UTF-8 ") + (raw ? "-raw " : "") + ShellQuote(pdf) +
             " - 2>/dev/null");
}

std::vector<std::string> Fixtures() {
  std::vector<std::string> names;
  if (!HasCorpus()) return names;
  for (const auto& entry : fs::directory_iterator(SharedDir() + "/corpus/pdf")) {
    std::string name = entry.path().filename().string();
    const std::string suffix = ".truth.txt";
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      names.push_back(name.substr(0, name.size() - suffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

double Cer(const std::string& text, const std::string& truth_text,
           const std::vector<std::unique_ptr<RE2>>& furniture) {
  std::u32string truth = NormalizeForCer(truth_text, furniture);
  std::u32string got = NormalizeForCer(text, furniture);
  return truth.empty() ? 1.0 : static_cast<double>(EditDistance(got, truth)) / truth.size();
}

TEST(PdfCer, GeneratedFixtures) {
  if (!HasCorpus()) GTEST_SKIP() << "no shared corpus at " << SharedDir();
  std::vector<std::string> names = Fixtures();
  ASSERT_FALSE(names.empty());
  bool pdftotext = HasPdftotext();
  const std::string dir = SharedDir() + "/corpus/pdf/";
  for (const std::string& name : names) {
    std::string pdf = dir + name + ".pdf";
    auto furniture = FurniturePatterns(dir + name + ".furniture.txt");
    std::string truth = ReadFile(dir + name + ".truth.txt");
    if (name.rfind("scan_", 0) == 0) {
      std::string warnings;
      PdfText(pdf, &warnings);
      EXPECT_NE(warnings.find("no_text_layer"), std::string::npos) << name;
      continue;
    }
    double cer = Cer(PdfText(pdf), truth, furniture);
    double bound = 0.003;
    std::string note;
    if (pdftotext) {
      double plain = Cer(Pdftotext(pdf, false), truth, furniture);
      double raw = Cer(Pdftotext(pdf, true), truth, furniture);
      note = " (pdftotext " + std::to_string(plain * 100) + " %, -raw " +
             std::to_string(raw * 100) + " %)";
      bound = std::max(bound, std::min(plain, raw));
    }
    std::cout << "[ CER      ] " << name << ": " << cer * 100 << " %" << note << "\n";
    EXPECT_LE(cer, bound) << name << note;
  }
}

// Lines flagged as furniture by ReadPdfLayout are the fixtures' furniture (precision), and
// most furniture lines are flagged (the page-1 stamp repeats nowhere, so it is not).
TEST(PdfCer, FurnitureFlagsMatchFixtures) {
  if (!HasCorpus()) GTEST_SKIP() << "no shared corpus at " << SharedDir();
  const std::string dir = SharedDir() + "/corpus/pdf/";
  int flagged = 0, wrong = 0, furniture_lines = 0, found = 0;
  for (const std::string& name : Fixtures()) {
    if (name.rfind("scan_", 0) == 0) continue;
    auto patterns = FurniturePatterns(dir + name + ".furniture.txt");
    Result<PdfLayout> layout = ReadPdfLayout(ReadFile(dir + name + ".pdf"));
    ASSERT_TRUE(layout.ok()) << name;
    for (const PdfPageLayout& page : layout.value().pages) {
      for (const PdfLine& line : page.lines) {
        std::string text = CollapseSpaces(Nfkc(line.text));
        bool is_furniture = false;
        for (const auto& re : patterns) is_furniture = is_furniture || RE2::FullMatch(text, *re);
        furniture_lines += is_furniture;
        found += is_furniture && line.furniture;
        flagged += line.furniture;
        if (line.furniture && !is_furniture) {
          ++wrong;
          ADD_FAILURE() << name << " p" << page.number << ": flagged as furniture: " << line.text;
        }
      }
    }
  }
  std::cout << "[ FURNITURE] " << flagged << " lines flagged, " << wrong << " wrongly; " << found
            << " of " << furniture_lines << " furniture lines found\n";
  EXPECT_GE(found * 10, furniture_lines * 8);
}

// Text of each page, normalised for comparison with pdftotext -raw.
std::vector<std::u32string> Pages(const std::string& text) {
  std::vector<std::u32string> pages;
  std::size_t start = 0;
  std::vector<std::unique_ptr<RE2>> none;
  while (start <= text.size()) {
    std::size_t end = text.find('\f', start);
    if (end == std::string::npos) end = text.size();
    pages.push_back(NormalizeForCer(text.substr(start, end - start), none));
    start = end + 1;
  }
  while (!pages.empty() && pages.back().empty()) pages.pop_back();
  return pages;
}

TEST(PdfCer, AgreesWithPdftotextRawOnRealPdfs) {
  if (!HasCorpus()) GTEST_SKIP() << "no shared corpus at " << SharedDir();
  if (!HasPdftotext()) GTEST_SKIP() << "pdftotext is not installed";
  std::size_t total = 0, errors = 0;
  for (const char* sub : {"/corpus/pdf", "/corpus/pdf-more"}) {
    std::vector<std::string> pdfs;
    for (const auto& entry : fs::directory_iterator(SharedDir() + sub)) {
      std::string name = entry.path().filename().string();
      if (name.size() == 7 && name.substr(3) == ".pdf") pdfs.push_back(entry.path().string());
    }
    std::sort(pdfs.begin(), pdfs.end());
    for (const std::string& pdf : pdfs) {
      std::vector<std::u32string> ours = Pages(PdfText(pdf));
      std::vector<std::u32string> raw = Pages(Pdftotext(pdf, true));
      std::size_t n = 0, d = 0;
      if (ours.size() == raw.size()) {
        for (std::size_t i = 0; i < raw.size(); ++i) {
          n += raw[i].size();
          d += EditDistance(ours[i], raw[i]);
        }
      } else {
        std::u32string a, b;
        for (auto& p : ours) a += p + U" ";
        for (auto& p : raw) b += p + U" ";
        n = b.size();
        d = EditDistance(a, b);
      }
      total += n;
      errors += d;
      std::cout << "[ AGREE    ] " << fs::path(pdf).parent_path().filename().string() << "/"
                << fs::path(pdf).filename().string() << ": "
                << (n ? 100.0 * (1.0 - static_cast<double>(d) / n) : 100.0) << " % of " << n
                << "\n";
    }
  }
  ASSERT_GT(total, 0u);
  double agreement = 1.0 - static_cast<double>(errors) / total;
  std::cout << "[ AGREE    ] overall: " << agreement * 100 << " % of " << total << " characters\n";
  EXPECT_GE(agreement, 0.995);
}

}  // namespace
}  // namespace registre::pdftest
