// End to end: bad inputs through the built `registre extract`. Each run is bounded by
// `timeout`, so a hang fails the test instead of blocking the suite.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace registre {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out, err;
  std::size_t records() const {
    std::size_t n = 0;
    for (char c : out) n += c == '\n';
    return n;
  }
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("registre-bad-input-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    good_ = ReadFile(fs::path(REGISTRE_SOURCE_DIR) / "fixtures" / "lyon-cp-2023-2459.txt");
    ASSERT_FALSE(good_.empty());
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    WriteFile(p, bytes);
    return p;
  }

  RunResult Extract(const std::vector<fs::path>& files, const std::string& env = "",
                    const std::string& options = "") {
    std::string command = env + " timeout 60 '" + std::string(REGISTRE_BINARY) +
                          "' extract --format jsonl " + options;
    for (const fs::path& f : files) command += " '" + f.string() + "'";
    command += " >'" + (dir_ / "stdout").string() + "' 2>'" + (dir_ / "stderr").string() + "'";
    int status = std::system(command.c_str());
    RunResult run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = ReadFile(dir_ / "stdout");
    run.err = ReadFile(dir_ / "stderr");
    return run;
  }

  // stderr names the file and says the cause.
  static void ExpectReported(const RunResult& run, const fs::path& file, const std::string& cause) {
    EXPECT_NE(run.err.find(file.string() + ": " + cause), std::string::npos)
        << "stderr: " << run.err;
  }

  fs::path dir_;
  std::string good_;
};

TEST_F(BadInputTest, GoodFileGivesOneRecord) {
  RunResult run = Extract({Write("good.txt", good_)});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.records(), 1u);
}

// PDF support is a plugin loaded when a PDF comes: without it, PDFs fail with a clear
// cause and text files are still extracted.
TEST_F(BadInputTest, MissingPdfPluginFailsOnlyThePdfs) {
  fs::path source = fs::path(REGISTRE_SOURCE_DIR) / "fixtures" / "pdf" / "lo_fodt_lyon.pdf";
  std::string bytes = ReadFile(source);
  ASSERT_FALSE(bytes.empty()) << source;
  fs::path pdf = Write("minutes.pdf", bytes);
  fs::path text = Write("good.txt", good_);
  RunResult without = Extract({pdf, text}, "REGISTRE_PDF_PLUGIN=/nonexistent/libregistre_pdf.so");
  EXPECT_EQ(without.exit_code, 1);
  ExpectReported(without, pdf, "PDF input is not available");
  EXPECT_EQ(without.records(), 1u);
  RunResult with = Extract({pdf, text});
  EXPECT_EQ(with.exit_code, 0) << with.err;
  EXPECT_GE(with.records(), 2u);
}

// A scan as an image file is read by OCR: the PNG page of the Lyon deliberation gives its
// record, marked "ocr", with the number, sitting date and vote of the born-digital PDF; a
// truncated image and an image without OCR plugin fail alone, naming the file.
TEST_F(BadInputTest, AScanImageGivesTheRecordOfItsPdf) {
  fs::path scans = fs::path(REGISTRE_SOURCE_DIR) / "fixtures" / "scan";
  fs::path png = Write("scan", ReadFile(scans / "lyon-p1.png"));  // found by content
  RunResult run = Extract({png});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.records(), 1u) << run.err;
  EXPECT_NE(run.out.find("\"format\":\"ocr\""), std::string::npos);
  RunResult pdf = Extract({scans.parent_path() / "pdf" / "lo_fodt_lyon.pdf"});
  ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
  for (const char* key : {"\"number\":\"CP-2023-2459\"", "\"proxies\":6",
                          "\"present\":59"}) {
    ASSERT_NE(pdf.out.find(key), std::string::npos) << key << " not in the PDF's record";
    EXPECT_NE(run.out.find(key), std::string::npos) << key << " not in the scan's record";
  }

  fs::path cut = Write("cut.png", ReadFile(scans / "lyon-p1.png").substr(0, 100));
  fs::path text = Write("good.txt", good_);
  RunResult damaged = Extract({cut, text});
  EXPECT_EQ(damaged.exit_code, 1);
  EXPECT_NE(damaged.err.find(cut.string() + ": "), std::string::npos) << damaged.err;
  EXPECT_EQ(damaged.records(), 1u);
  RunResult without = Extract({png, text}, "REGISTRE_OCR_PLUGIN=/nonexistent/libregistre_ocr.so");
  EXPECT_EQ(without.exit_code, 1);
  ExpectReported(without, png, "OCR input is not available");
  EXPECT_EQ(without.records(), 1u);
}

// An image-only PDF (the Lyon scan as CCITT G4 pages): its pages are read by OCR, the
// record is marked "ocr" and has the born-digital PDF's number and attendance; without the
// OCR plugin the PDF is still read, without records, and the warning says why.
TEST_F(BadInputTest, AScannedPdfIsReadByOcr) {
  fs::path scan = fs::path(REGISTRE_SOURCE_DIR) / "fixtures" / "scan" / "lyon-scan.pdf";
  RunResult run = Extract({scan});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.records(), 1u) << run.err;
  EXPECT_NE(run.out.find("\"format\":\"ocr\""), std::string::npos);
  EXPECT_NE(run.err.find("ocr_pages: read by OCR (no text layer): pages 1, 2, 3"),
            std::string::npos) << run.err;
  for (const char* key : {"\"number\":\"CP-2023-2459\"", "\"proxies\":6", "\"present\":59"})
    EXPECT_NE(run.out.find(key), std::string::npos) << key;
  RunResult without = Extract({scan}, "REGISTRE_OCR_PLUGIN=/nonexistent/libregistre_ocr.so");
  EXPECT_EQ(without.records(), 0u);
  EXPECT_NE(without.err.find("ocr_unavailable"), std::string::npos) << without.err;
}

// A PDF that makes PoDoFo spin forever is stopped at the deadline: it fails alone, with
// stage "timeout" in the errors file, and the files after it are extracted.
TEST_F(BadInputTest, APdfThatHangsTheReaderFailsAtTheDeadline) {
  fs::path hostile = fs::path(REGISTRE_SOURCE_DIR) / "tests" / "data" / "hostile" /
                     "encrypted-length-minus-one.pdf";
  ASSERT_TRUE(fs::exists(hostile)) << hostile;
  fs::path text = Write("good.txt", good_);
  const auto started = std::chrono::steady_clock::now();
  RunResult run = Extract({hostile, text}, "",
                          "--timeout 2 -j 1 --errors '" + (dir_ / "errors.jsonl").string() + "'");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(run.exit_code, 1) << run.err;
  ExpectReported(run, hostile, "not read within the deadline of 2 s");
  EXPECT_EQ(run.records(), 1u);
  const std::string errors = ReadFile(dir_ / "errors.jsonl");
  EXPECT_NE(errors.find("\"stage\":\"timeout\""), std::string::npos) << errors;
  EXPECT_LT(seconds, 50) << "the run waited for the reader";  // `timeout 60` would stop it
}

TEST_F(BadInputTest, EmptyFile) {
  fs::path f = Write("empty.txt", "");
  RunResult run = Extract({f});
  EXPECT_EQ(run.exit_code, 1);
  ExpectReported(run, f, "empty file");
  EXPECT_EQ(run.records(), 0u);
}

TEST_F(BadInputTest, BinaryFile) {
  std::string bytes;
  for (int i = 0; i < 100000; ++i) bytes.push_back(static_cast<char>((i * 2654435761u) >> 24));
  fs::path f = Write("image.bin", bytes);
  RunResult run = Extract({f});
  EXPECT_EQ(run.exit_code, 1);
  ExpectReported(run, f, "binary content");
}

TEST_F(BadInputTest, WordDocumentIsNamed) {
  fs::path f = Write("deliberation.docx", std::string("PK\x03\x04\x14\0\x06\0", 8) + good_);
  RunResult run = Extract({f});
  EXPECT_EQ(run.exit_code, 1);
  ExpectReported(run, f, "binary content: a ZIP archive");
}

TEST_F(BadInputTest, InvalidUtf8) {
  std::string bytes;
  for (int i = 0; i < 5000; ++i) bytes.push_back(static_cast<char>(0x80 + (i * 37) % 128));
  fs::path f = Write("garbage.txt", bytes);
  RunResult run = Extract({f});
  EXPECT_EQ(run.exit_code, 1);
  ExpectReported(run, f, "not valid UTF-8");
}

TEST_F(BadInputTest, Windows1252FileIsConvertedWithAWarning) {
  UErrorCode err = U_ZERO_ERROR;
  std::string cp1252(good_.size() + 16, '\0');
  int32_t n =
      ucnv_convert("windows-1252", "UTF-8", cp1252.data(), static_cast<int32_t>(cp1252.size()),
                   good_.data(), static_cast<int32_t>(good_.size()), &err);
  ASSERT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  cp1252.resize(static_cast<std::size_t>(n));
  fs::path f = Write("legacy.txt", cp1252);
  RunResult run = Extract({f});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.records(), 1u);
  ExpectReported(run, f, "warning encoding_guessed");
  // The record reads the accents right.
  EXPECT_NE(run.out.find("Guichet num\xC3\xA9rique"), std::string::npos) << run.out.substr(0, 2000);
}

TEST_F(BadInputTest, FiftyMegabyteFileIsRefusedQuickly) {
  std::string big;
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += good_;
  fs::path f = Write("huge.txt", big);
  big.clear();
  RunResult run = Extract({f});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  ExpectReported(run, f, "file too large");
}

TEST_F(BadInputTest, BadFileBetweenTwoGoodOnes) {
  fs::path a = Write("a.txt", good_);
  fs::path bad = Write("bad.bin", std::string(4096, '\0'));
  fs::path b = Write("b.txt", good_);
  RunResult run = Extract({a, bad, b});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.records(), 2u) << run.err;
  ExpectReported(run, bad, "binary content");
  EXPECT_EQ(run.err.find(a.string() + ": "), std::string::npos) << run.err;
}

TEST_F(BadInputTest, MissingFileIsReportedAndOthersStillRun) {
  fs::path a = Write("a.txt", good_);
  fs::path missing = dir_ / "missing.txt";
  RunResult run = Extract({missing, a});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.records(), 1u);
  EXPECT_NE(run.err.find(missing.string()), std::string::npos);
}

// A named pipe is no file to read whole: refused with the cause, without waiting on it.
TEST_F(BadInputTest, FifoIsRefusedAndOthersStillRun) {
  fs::path a = Write("a.txt", good_);
  fs::path fifo = dir_ / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  RunResult run = Extract({fifo, a});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.records(), 1u);
  ExpectReported(run, fifo, "not a regular file");
}

// Inside a directory, a named pipe is skipped with a warning naming it; the regular files
// are read and the run succeeds.
TEST_F(BadInputTest, AFifoInsideADirectoryIsSkippedWithAWarning) {
  fs::path folder = dir_ / "in";
  fs::create_directories(folder);
  WriteFile(folder / "a.txt", good_);
  fs::path fifo = folder / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  RunResult run = Extract({folder});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.records(), 1u);
  EXPECT_NE(run.err.find(fifo.string() + ": warning skipped: not a regular file"),
            std::string::npos)
      << run.err;
}

TEST_F(BadInputTest, NonDeliberationGivesNoRecordAndAWarning) {
  fs::path f =
      Write("agenda.txt",
            "COMMUNE DE PORNIC\n\nORDRE DU JOUR\n\nConseil municipal du 3 mai 2021\n\n"
            "1. Approbation du procès-verbal\n2. Budget primitif\n3. Questions diverses\n");
  RunResult run = Extract({f});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.records(), 0u);
  ExpectReported(run, f, "warning no_deliberation");
}

}  // namespace
}  // namespace registre
