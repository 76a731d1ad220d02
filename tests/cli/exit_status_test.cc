// Exit statuses as a user meets them: the mapping, and the built command on a broken grammar
// (2: nothing can run), an unreadable input (1) and an unwritable output (1).
#include "cli/exit_status.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "support/test_util.h"

namespace registre {
namespace {

namespace fs = std::filesystem;

TEST(ExitStatusTest, CodesMapToTheDocumentedStatuses) {
  EXPECT_EQ(ExitFor(Status::Ok()), kExitOk);
  EXPECT_EQ(ExitFor(Status::Usage("x")), kExitUsage);
  EXPECT_EQ(ExitFor(Status::BadGrammar("x")), kExitUsage);
  EXPECT_EQ(ExitFor(Status::InvalidInput("x")), kExitSomeFailed);
  EXPECT_EQ(ExitFor(Status::Io("x")), kExitSomeFailed);
  EXPECT_EQ(ExitFor(Status::ResourceLimit("x")), kExitSomeFailed);
  EXPECT_EQ(ExitFor(Status::Internal("x")), kExitSomeFailed);
}

class ExtractExitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("registre_exit_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  int Extract(std::vector<std::string> args) {
    std::ostringstream out;
    return RunExtractCommand(args, out, err_);
  }
  fs::path dir_;
  std::ostringstream err_;
};

TEST_F(ExtractExitTest, ABrokenGrammarStopsWithUsageStatusNamingTheFile) {
  fs::create_directories(dir_ / "grammars");
  std::ofstream(dir_ / "grammars" / "00-bad.grammar") << "[segment.heading\nitem = x\n";
  std::string input = testing::SourceDir() + "/fixtures/dev-001.txt";
  EXPECT_EQ(Extract({"-q", "--grammar", (dir_ / "grammars").string(), input}), kExitUsage);
  EXPECT_NE(err_.str().find("00-bad.grammar"), std::string::npos) << err_.str();
}

TEST_F(ExtractExitTest, AnUnwritableOutputFailsWithStatusOne) {
  std::string input = testing::SourceDir() + "/fixtures/dev-001.txt";
  std::string output = (dir_ / "no" / "such" / "dir" / "out.csv").string();
  EXPECT_EQ(Extract({"-q", "-f", "scdl", "-o", output, input}), kExitSomeFailed);
  EXPECT_NE(err_.str().find("out.csv"), std::string::npos) << err_.str();
}

TEST_F(ExtractExitTest, AMissingInputFailsWithStatusOne) {
  EXPECT_EQ(Extract({"-q", (dir_ / "missing.txt").string()}), kExitSomeFailed);
}

}  // namespace
}  // namespace registre
