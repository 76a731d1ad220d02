// The declared grammar names (rules/rule_names.h) are required at load: a copy of the
// bundled grammars/ with one of them deleted does not load, and the error names what is
// missing and where. The table also agrees with the code: every grammar section quoted in
// src/ is declared, and every declared section is quoted somewhere in src/.
#include "rules/rule_names.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>

#include "base/home.h"
#include "rules/grammar.h"
#include "support/test_util.h"

namespace registre {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::ScratchDir;
using testing::SourceDir;

std::vector<std::string> Words(std::string_view list) {
  std::vector<std::string> out;
  std::string word;
  const std::string padded = std::string(list) + " ";
  for (char c : padded) {
    if (c != ' ') {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  return out;
}

// The bundled grammar files (file name -> lines), and a scratch directory to write edited
// copies to.
class DeclaredNamesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& e : fs::directory_iterator(DefaultGrammarDir())) {
      if (e.path().extension() != ".grammar") continue;
      std::ifstream in(e.path());
      std::vector<std::string>& lines = files_[e.path().filename().string()];
      for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
    ASSERT_FALSE(files_.empty());
  }

  // Writes the files, each line passed through `edit` (which returns false to delete it,
  // given the section the line is in), and loads the copy.
  Result<std::unique_ptr<Grammar>> LoadEdited(
      const std::function<bool(const std::string& section, std::string& line)>& edit) {
    fs::remove_all(dir_.path());
    fs::create_directories(dir_.path());
    for (const auto& [name, lines] : files_) {
      std::ofstream out(dir_ / name);
      std::string section;
      for (std::string line : lines) {
        if (!line.empty() && line.front() == '[') section = line.substr(1, line.find(']') - 1);
        if (edit(section, line)) out << line << "\n";
      }
    }
    return Grammar::LoadDirectory(dir_.path());
  }

  static std::string KeyOf(const std::string& line) {
    std::size_t eq = line.find(" =");
    return eq == std::string::npos ? "" : line.substr(0, eq);
  }

  std::map<std::string, std::vector<std::string>> files_;
  ScratchDir dir_{"declared-names"};
};

TEST_F(DeclaredNamesTest, UnmodifiedCopyLoads) {
  auto g = LoadEdited([](const std::string&, std::string&) { return true; });
  ASSERT_TRUE(g.ok()) << g.status().message();
  for (const DeclaredSection& d : kDeclaredSections)
    EXPECT_FALSE(g.value()->Section(d.name).empty()) << d.name;
}

TEST_F(DeclaredNamesTest, EachDeclaredSectionIsRequired) {
  for (const DeclaredSection& d : kDeclaredSections) {
    auto g =
        LoadEdited([&](const std::string& section, std::string&) { return section != d.name; });
    ASSERT_FALSE(g.ok()) << "loaded without [" << d.name << "]";
    EXPECT_EQ(g.status().code(), StatusCode::kBadGrammar);
    EXPECT_EQ(g.status().message(),
              dir_.path() + ": grammar lacks section [" + std::string(d.name) + "]");
  }
}

TEST_F(DeclaredNamesTest, EachDeclaredKeyIsRequired) {
  int keys = 0;
  for (const DeclaredSection& d : kDeclaredSections) {
    for (const std::string& key : Words(d.keys)) {
      ++keys;
      auto g = LoadEdited([&](const std::string& section, std::string& line) {
        return section != d.name || KeyOf(line) != key;
      });
      ASSERT_FALSE(g.ok()) << "loaded without [" << d.name << "] " << key;
      EXPECT_EQ(g.status().code(), StatusCode::kBadGrammar);
      const std::string m = g.status().message();
      EXPECT_EQ(m.rfind(dir_.path() + "/", 0), 0u) << m;  // names the file
      EXPECT_NE(m.find(".grammar: section [" + std::string(d.name) + "] lacks key '" + key + "'"),
                std::string::npos)
          << m;
    }
  }
  EXPECT_GT(keys, 40);
}

TEST_F(DeclaredNamesTest, EachDeclaredGroupIsRequired) {
  int groups = 0;
  for (const DeclaredSection& d : kDeclaredSections) {
    for (const std::string& group : Words(d.groups)) {
      ++groups;
      // The group made non-capturing in every pattern of the section.
      const std::string opening = "(?P<" + group + ">";
      auto g = LoadEdited([&](const std::string& section, std::string& line) {
        if (section != d.name) return true;
        for (std::size_t at = line.find(opening); at != std::string::npos; at = line.find(opening))
          line.replace(at, opening.size(), "(?:");
        return true;
      });
      ASSERT_FALSE(g.ok()) << "loaded without group " << group << " in [" << d.name << "]";
      EXPECT_EQ(g.status().code(), StatusCode::kBadGrammar);
      const std::string m = g.status().message();
      EXPECT_NE(m.find(".grammar: no pattern of section [" + std::string(d.name) +
                       "] defines the group " + opening + "...)"),
                std::string::npos)
          << m;
    }
  }
  EXPECT_GT(groups, 30);
}

// The code and the table agree: a grammar section whose name is quoted in src/ is
// declared, and a declared section is quoted in src/ (outside the table itself).
TEST(DeclaredNamesAgreeTest, EverySectionQuotedInSourceIsDeclared) {
  auto g = Grammar::LoadDirectory(DefaultGrammarDir());
  ASSERT_TRUE(g.ok()) << g.status().message();
  std::string code;
  for (const auto& e : fs::recursive_directory_iterator(SourceDir() + "/src")) {
    std::string ext = e.path().extension().string();
    if ((ext != ".cc" && ext != ".h") || e.path().filename() == "rule_names.h") continue;
    code += ReadFile(e.path().string());
  }
  ASSERT_FALSE(code.empty());
  std::set<std::string> declared;
  for (const DeclaredSection& d : kDeclaredSections) declared.emplace(d.name);
  for (const std::string& section : g.value()->SectionNames()) {
    if (section == "define") continue;
    bool quoted = code.find("\"" + section + "\"") != std::string::npos;
    if (quoted) {
      EXPECT_TRUE(declared.count(section)) << section << " is read in src/ but not declared";
    }
  }
  for (const std::string& name : declared) {
    EXPECT_NE(code.find("\"" + name + "\""), std::string::npos)
        << name << " is declared but no code in src/ names it";
  }
}

}  // namespace
}  // namespace registre
