// Helpers shared by the PDF tests: running a command, text normalisation for the CER
// measure (NFKC, furniture lines removed, line-end hyphenation joined, whitespace
// collapsed) and a banded edit distance that stays fast when texts mostly agree.
#pragma once

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace registre::pdftest {

// The generated PDF fixtures kept in the repository (fixtures/pdf/: the nine producers of
// ../shared/corpus/pdf/PRODUCERS.md and one scan, each with its truth and furniture files).
inline std::string FixturePdfDir() { return std::string(REGISTRE_SOURCE_DIR) + "/fixtures/pdf"; }

// ../shared beside the checkout (REGISTRE_SHARED_DIR in the environment overrides it, e.g.
// for a worktree). Its corpora only add cases: every test runs without it.
inline std::string SharedDir() {
  if (const char* env = std::getenv("REGISTRE_SHARED_DIR"); env && *env) return env;
#ifdef REGISTRE_SHARED_DIR
  return REGISTRE_SHARED_DIR;
#else
  return "";
#endif
}

inline bool HasCorpus() { return std::filesystem::exists(SharedDir() + "/corpus/pdf"); }

// The fixtures of `dir` that have a truth text (NAME.truth.txt beside NAME.pdf), sorted.
inline std::vector<std::string> TruthFixtures(const std::string& dir) {
  std::vector<std::string> names;
  if (!std::filesystem::is_directory(dir)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
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

// A generated fixture: where its NAME.pdf, NAME.truth.txt and NAME.furniture.txt are.
struct PdfFixture {
  std::string name;
  std::string dir;
  std::string Path(const std::string& suffix) const { return dir + "/" + name + suffix; }
};

// The fixtures of fixtures/pdf/, then those of ../shared/corpus/pdf/ not kept here (the
// larger scan), when the shared corpus is present.
inline std::vector<PdfFixture> GeneratedFixtures() {
  std::vector<PdfFixture> out;
  std::vector<std::string> here = TruthFixtures(FixturePdfDir());
  for (const std::string& name : here) out.push_back({name, FixturePdfDir()});
  const std::string shared = SharedDir() + "/corpus/pdf";
  for (const std::string& name : TruthFixtures(shared)) {
    if (!std::binary_search(here.begin(), here.end(), name)) out.push_back({name, shared});
  }
  return out;
}

inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

// Runs `command` through the shell; returns its stdout.
inline std::string Run(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[65536];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int rc = pclose(pipe);
  if (status) *status = rc;
  return out;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::u32string ToU32(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

inline std::string Nfkc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  icu::UnicodeString n = nfkc->normalize(s, status);
  std::string out;
  n.toUTF8String(out);
  return out;
}

inline std::string CollapseSpaces(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

inline std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : s) {
    if (c == '\n' || c == '\f') {
      lines.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

inline std::vector<std::unique_ptr<RE2>> FurniturePatterns(const std::string& path) {
  std::vector<std::unique_ptr<RE2>> out;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(std::make_unique<RE2>(line));
  }
  return out;
}

// The CER normalisation of the issue: NFKC, U+2010 as '-', furniture lines removed,
// line-end hyphenation joined, whitespace collapsed.
inline std::u32string NormalizeForCer(const std::string& text,
                                      const std::vector<std::unique_ptr<RE2>>& furniture) {
  std::string nfkc = Nfkc(text);
  std::string dash = "\xE2\x80\x90";
  for (std::size_t p; (p = nfkc.find(dash)) != std::string::npos;)
    nfkc.replace(p, dash.size(), "-");
  std::vector<std::string> kept;
  for (const std::string& raw : SplitLines(nfkc)) {
    std::string line = CollapseSpaces(raw);
    if (line.empty()) continue;
    bool drop = false;
    for (const auto& re : furniture) {
      if (RE2::FullMatch(line, *re)) {
        drop = true;
        break;
      }
    }
    if (!drop) kept.push_back(line);
  }
  std::string joined;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const std::string& line = kept[i];
    joined += line;
    bool hyphen = line.size() >= 2 && line.back() == '-' && line[line.size() - 2] != ' ';
    bool next_lower = i + 1 < kept.size() && !kept[i + 1].empty() &&
                      ((kept[i + 1][0] >= 'a' && kept[i + 1][0] <= 'z') ||
                       static_cast<unsigned char>(kept[i + 1][0]) >= 0xC3);
    if (hyphen && next_lower) {
      joined.pop_back();
    } else {
      joined += ' ';
    }
  }
  return ToU32(icu::UnicodeString::fromUTF8(CollapseSpaces(joined)));
}

// Levenshtein distance, computed in a band that doubles until the result fits in it.
inline std::size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  const std::size_t n = a.size(), m = b.size();
  if (n == 0) return m;
  if (m == 0) return n;
  std::size_t diff = n > m ? n - m : m - n;
  for (std::size_t band = std::max<std::size_t>(diff + 16, 64);; band *= 2) {
    const std::size_t kInf = n + m + 1;
    std::vector<std::size_t> prev(m + 1, kInf), cur(m + 1, kInf);
    for (std::size_t j = 0; j <= std::min(m, band); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
      std::size_t lo = i > band ? i - band : 0, hi = std::min(m, i + band);
      std::fill(cur.begin() + static_cast<long>(lo ? lo - 1 : 0),
                cur.begin() + static_cast<long>(std::min(m, hi + 1) + 1), kInf);
      if (lo == 0) cur[0] = i;
      for (std::size_t j = std::max<std::size_t>(lo, 1); j <= hi; ++j) {
        std::size_t best = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
        best = std::min(best, prev[j] + 1);
        best = std::min(best, cur[j - 1] + 1);
        cur[j] = best;
      }
      std::swap(prev, cur);
    }
    std::size_t d = prev[m];
    if (d <= band || band >= std::max(n, m)) return d;
  }
}

// A small PDF from object bodies (object i+1 = bodies[i]), with a correct xref table.
inline std::string BuildPdf(const std::vector<std::string>& bodies) {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(bodies.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

inline std::string Stream(const std::string& dict, const std::string& data) {
  return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
         "\nendstream";
}

}  // namespace registre::pdftest
