// Robustness of the PDF reader (issue 3): every PDF fixture (fixtures/pdf/, twice, and the
// PDFs of ../shared/corpus/pdf/ when it is there) is mutated into broken files
// (truncation, flipped bytes, deleted xref, garbage streams, huge /Length, nested arrays)
// and synthetic PDFs with deep, cyclic and exponential Form XObject recursion are added;
// at least 500 files without ../shared. Each is read by ReadPdf in a forked child with a time limit
// and a memory limit, so a crash or a hang fails the test without blocking the suite.
// Each must end with an error message or (partial) text. Failing inputs are written to
// $TMPDIR/registre-pdf-mutants/ for reproduction with registre-pdftext.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

#include "read/pdf/pdf_reader.h"
#include "support/pdf_test_util.h"

namespace registre::pdftest {
namespace {

namespace fs = std::filesystem;

struct Mutant {
  std::string name;
  std::string bytes;
};

// Objects 1 catalog, 2 pages, 3 page, 4 font, 5 page content; forms from 6 on.
std::vector<std::string> PageWithForms(const std::string& xobjects, const std::string& content) {
  return {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << "
          "/Font << /F1 4 0 R >> /XObject << " +
              xobjects + " >> >> >>",
          "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
          Stream("", content)};
}

std::vector<Mutant> SyntheticForms() {
  std::vector<Mutant> out;
  const std::string text = "BT /F1 12 Tf 72 700 Td (form) Tj ET ";
  {  // a form that draws itself
    auto objs = PageWithForms("/X 6 0 R", "/X Do " + text);
    objs.push_back(
        Stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R "
               ">> /XObject << /X 6 0 R >> >>",
               text + "/X Do /X Do"));
    out.push_back({"form_self", BuildPdf(objs)});
  }
  {  // two forms drawing each other
    auto objs = PageWithForms("/A 6 0 R", "/A Do");
    objs.push_back(
        Stream("/Subtype /Form /BBox [0 0 9 9] /Resources << /Font << /F1 4 0 R >> /XObject << /B "
               "7 0 R >> >>",
               text + "/B Do"));
    objs.push_back(
        Stream("/Subtype /Form /BBox [0 0 9 9] /Resources << /Font << /F1 4 0 R >> /XObject << /A "
               "6 0 R >> >>",
               text + "/A Do"));
    out.push_back({"form_cycle", BuildPdf(objs)});
  }
  for (int depth : {50, 400}) {  // a long chain
    auto objs = PageWithForms("/X 6 0 R", "/X Do");
    for (int i = 0; i < depth; ++i) {
      std::string next = i + 1 < depth ? "/XObject << /X " + std::to_string(7 + i) + " 0 R >>" : "";
      objs.push_back(Stream(
          "/Subtype /Form /BBox [0 0 9 9] /Resources << /Font << /F1 4 0 R >> " + next + " >>",
          text + (i + 1 < depth ? "/X Do" : "")));
    }
    out.push_back({"form_chain_" + std::to_string(depth), BuildPdf(objs)});
  }
  {  // exponential: each of 40 forms draws the next one 10 times
    auto objs = PageWithForms("/X 6 0 R", "/X Do");
    for (int i = 0; i < 40; ++i) {
      std::string next = "/XObject << /X " + std::to_string(7 + i) + " 0 R >>";
      std::string draw;
      for (int k = 0; k < 10; ++k) draw += "q /X Do Q ";
      objs.push_back(Stream("/Subtype /Form /BBox [0 0 9 9] /Resources << /Font << /F1 4 0 R >> " +
                                (i + 1 < 40 ? next : std::string()) + " >>",
                            text + (i + 1 < 40 ? draw : std::string())));
    }
    out.push_back({"form_exponential", BuildPdf(objs)});
  }
  {  // deeply nested arrays and dictionaries in content and objects
    std::string nest(200000, '[');
    auto objs = PageWithForms("", nest + " " + text);
    objs.push_back("[" + std::string(100000, '[') + "]");
    out.push_back({"nested_arrays", BuildPdf(objs)});
    std::string dicts;
    for (int i = 0; i < 50000; ++i) dicts += "<< /A ";
    auto objs2 = PageWithForms("", text);
    objs2[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding " + dicts + " >>";
    out.push_back({"nested_dicts", BuildPdf(objs2)});
  }
  {  // huge operator count
    std::string ops;
    for (int i = 0; i < 300000; ++i) ops += "q Q ";
    out.push_back({"many_operators", BuildPdf(PageWithForms("", ops + text))});
  }
  return out;
}

std::vector<Mutant> Mutate(const std::string& name, const std::string& pdf, std::mt19937& rng) {
  std::vector<Mutant> out;
  auto pick = [&](std::size_t n) {
    return n ? std::uniform_int_distribution<std::size_t>(0, n - 1)(rng) : 0;
  };
  // Truncations.
  for (int i = 0; i < 8; ++i)
    out.push_back({name + ".trunc" + std::to_string(i), pdf.substr(0, pick(pdf.size()))});
  // Flipped bytes.
  for (int i = 0; i < 10; ++i) {
    std::string m = pdf;
    int flips = 1 + static_cast<int>(pick(i < 5 ? 4 : 200));
    for (int k = 0; k < flips; ++k) m[pick(m.size())] ^= static_cast<char>(1 + pick(255));
    out.push_back({name + ".flip" + std::to_string(i), m});
  }
  // Deleted xref: the table/stream pointer and the keyword gone.
  {
    std::string m = pdf;
    std::size_t sx = m.rfind("startxref");
    if (sx != std::string::npos)
      m.replace(sx, std::min<std::size_t>(20, m.size() - sx), "startxref\n0\n");
    std::size_t x = m.rfind("\nxref");
    if (x != std::string::npos) m.replace(x + 1, 4, "xxxx");
    out.push_back({name + ".noxref", m});
    std::string cut = pdf;
    if (x != std::string::npos) cut.resize(x);
    out.push_back({name + ".xrefcut", cut});
  }
  // Garbage streams: every stream's bytes replaced by random bytes (same length).
  for (int variant = 0; variant < 2; ++variant) {
    std::string m = pdf;
    std::size_t pos = 0;
    int n = 0;
    while ((pos = m.find("stream", pos)) != std::string::npos && n < 1000) {
      std::size_t start = pos + 6;
      if (start < m.size() && m[start] == '\r') ++start;
      if (start < m.size() && m[start] == '\n') ++start;
      std::size_t end = m.find("endstream", start);
      if (end == std::string::npos) break;
      if (m.compare(pos > 3 ? pos - 3 : 0, 3, "end") != 0 && (variant == 1 || pick(2) == 0)) {
        for (std::size_t k = start; k < end; ++k) m[k] = static_cast<char>(pick(256));
      }
      pos = end + 9;
      ++n;
    }
    out.push_back({name + ".garbage" + std::to_string(variant), m});
  }
  // Huge /Length values.
  for (const char* value : {"999999999999", "-5", "2147483647"}) {
    std::string m = pdf;
    std::size_t pos = 0;
    while ((pos = m.find("/Length ", pos)) != std::string::npos) {
      std::size_t end = pos + 8;
      while (end < m.size() && (std::isdigit(static_cast<unsigned char>(m[end])))) ++end;
      if (end > pos + 8 && end < m.size() && m[end] != ' ')
        m.replace(pos + 8, end - pos - 8, value);
      pos += 8;
    }
    out.push_back({name + ".length" + value, m});
  }
  return out;
}

// The PDFs under `dir` (smaller than 2 MB), sorted; none when it does not exist.
std::vector<std::string> PdfsIn(const std::string& dir) {
  std::vector<std::string> pdfs;
  if (!fs::is_directory(dir)) return pdfs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".pdf" && fs::file_size(entry.path()) < 2'000'000)
      pdfs.push_back(entry.path().string());
  }
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

// Rounds of mutations of each fixtures/pdf/ file: two, so that the repository alone gives
// at least 500 files (10 PDFs x 2 x 25 mutants + the synthetic ones).
constexpr int kRoundsHere = 2;

// The synthetic files, kRoundsHere rounds of mutants of fixtures/pdf/, then (when
// ../shared is there) one round of its corpus/pdf files not kept here: the real council
// PDFs and the larger scan. `from_repository` counts those made without ../shared.
std::vector<Mutant> AllMutants(std::size_t* from_repository) {
  std::vector<Mutant> all = SyntheticForms();
  std::mt19937 rng(20240601);
  auto add = [&](const std::string& pdf, const std::string& name) {
    std::vector<Mutant> m = Mutate(name, ReadFile(pdf), rng);
    all.insert(all.end(), std::make_move_iterator(m.begin()), std::make_move_iterator(m.end()));
  };
  std::vector<std::string> here = PdfsIn(FixturePdfDir());
  std::vector<std::string> names;
  for (int round = 0; round < kRoundsHere; ++round) {
    for (const std::string& pdf : here) {
      std::string stem = fs::path(pdf).stem().string();
      if (round == 0) names.push_back(stem);
      add(pdf, round == 0 ? stem : stem + ".round" + std::to_string(round + 1));
    }
  }
  *from_repository = all.size();
  std::sort(names.begin(), names.end());
  for (const std::string& pdf : PdfsIn(SharedDir() + "/corpus/pdf")) {
    std::string stem = fs::path(pdf).stem().string();
    if (!std::binary_search(names.begin(), names.end(), stem)) add(pdf, stem);
  }
  return all;
}

// Seconds a file may take: 5 in the optimised builds (the slowest file, form_exponential,
// takes about 1.4 s); an unoptimised (Debug) build reads about 5.5 times slower, so 30.
#ifdef __OPTIMIZE__
constexpr double kDeadline = 5.0;
#else
constexpr double kDeadline = 30.0;
#endif

enum class Outcome { kText, kError, kSilentError, kCrash, kTimeout };

// Reads `bytes` in a child process: exit 0 = text, 1 = error with a message,
// 3 = error without message. A signal is a crash; past the deadline, a hang.
Outcome ReadInChild(const std::string& bytes, double seconds, int* signal_out) {
  pid_t pid = fork();
  if (pid == 0) {
    rlimit mem{2048ul << 20, 2048ul << 20};
    setrlimit(RLIMIT_AS, &mem);
    alarm(static_cast<unsigned>(seconds) + 2);
    Result<SourceText> r = ReadPdf(bytes);
    _exit(r.ok() ? 0 : (r.status().message().empty() ? 3 : 1));
  }
  auto start = std::chrono::steady_clock::now();
  int status = 0;
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::duration<double>(seconds)) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return Outcome::kTimeout;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (WIFSIGNALED(status)) {
    *signal_out = WTERMSIG(status);
    return WTERMSIG(status) == SIGALRM ? Outcome::kTimeout : Outcome::kCrash;
  }
  int code = WEXITSTATUS(status);
  return code == 0 ? Outcome::kText : code == 1 ? Outcome::kError : Outcome::kSilentError;
}

TEST(PdfMutation, BrokenFilesNeverCrashOrHang) {
  std::size_t from_repository = 0;
  std::vector<Mutant> mutants = AllMutants(&from_repository);
  ASSERT_GE(from_repository, 500u) << "PDFs under " << FixturePdfDir();
  ASSERT_GE(mutants.size(), 500u);
  const char* tmp = std::getenv("TMPDIR");
  fs::path keep = fs::path(tmp ? tmp : "/tmp") / "registre-pdf-mutants";
  int text = 0, errors = 0;
  auto begin = std::chrono::steady_clock::now();
  double slowest = 0;
  std::string slowest_name;
  for (const Mutant& m : mutants) {
    auto t0 = std::chrono::steady_clock::now();
    int sig = 0;
    Outcome outcome = ReadInChild(m.bytes, kDeadline, &sig);
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (took > slowest) {
      slowest = took;
      slowest_name = m.name;
    }
    if (outcome == Outcome::kText) ++text;
    if (outcome == Outcome::kError) ++errors;
    if (outcome == Outcome::kCrash || outcome == Outcome::kTimeout ||
        outcome == Outcome::kSilentError) {
      fs::create_directories(keep);
      std::ofstream(keep / (m.name + ".pdf"), std::ios::binary) << m.bytes;
      ADD_FAILURE() << m.name << ": "
                    << (outcome == Outcome::kCrash ? "crashed with signal " + std::to_string(sig)
                        : outcome == Outcome::kTimeout
                            ? "did not finish in " + std::to_string(kDeadline) + " s"
                            : std::string("error without a message"))
                    << " (kept in " << (keep / (m.name + ".pdf")).string() << ")";
    }
  }
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  std::cout << "[ MUTANTS  ] " << mutants.size() << " files (" << from_repository
            << " from fixtures/pdf and synthetic): " << text << " gave text, " << errors
            << " a clear error; slowest " << slowest << " s (" << slowest_name << "), total "
            << total << " s\n";
}

}  // namespace
}  // namespace registre::pdftest
