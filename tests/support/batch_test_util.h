// Helpers for the batch tests: a scratch directory with a corpus built from fixtures/, and
// running `registre extract` in-process or as a child process.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"

namespace registre::testing {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir (mkdtemp), removed with the object. Not
// named ScratchDir: test_util.h has a different class of that name in this namespace, and
// two classes of one name break the one-definition rule (in a Debug build the linker kept
// one class's inline members for both, and the batch tests crashed).
class BatchDir {
 public:
  BatchDir() {
    std::string tmpl = (fs::temp_directory_path() / "registre-batch-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~BatchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// Copies the text fixtures `copies` times into `dir` ("<copy>/<name>"), returns their count.
inline std::size_t MakeCorpus(const std::string& dir, int copies) {
  std::size_t n = 0;
  for (int c = 0; c < copies; ++c) {
    for (const auto& e : fs::directory_iterator(std::string(REGISTRE_SOURCE_DIR) + "/fixtures")) {
      if (e.path().extension() != ".txt") continue;
      char sub[16];
      std::snprintf(sub, sizeof sub, "%03d", c);
      fs::create_directories(fs::path(dir) / sub);
      fs::copy_file(e.path(), fs::path(dir) / sub / e.path().filename());
      ++n;
    }
  }
  return n;
}

struct Run {
  int code;
  std::string out, err;
};

// `registre extract ARGS` in this process.
inline Run Extract(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int code = RunExtractCommand(args, out, err);
  return Run{code, out.str(), err.str()};
}

// Starts `registre extract ARGS` as a child process (output streams to /dev/null).
inline pid_t Spawn(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<std::string> all = {REGISTRE_BINARY, "extract"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    FILE* null = std::fopen("/dev/null", "w");
    dup2(fileno(null), 1);
    dup2(fileno(null), 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

inline int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace registre::testing
