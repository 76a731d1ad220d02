// Input lists and shards: what a user gets from directories, globs, --files-from, --shard.
#include "batch/input_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "batch/shard.h"
#include "support/batch_test_util.h"

namespace registre {
namespace {

using testing::BatchDir;
using testing::WriteFile;

TEST(BatchInputsTest, DirectoriesExpandRecursivelyInSortedOrderInPlace) {
  BatchDir d;
  for (const char* f : {"b/2.txt", "b/1.txt", "a.txt", "b/sub/0.txt", "c.pdf"})
    WriteFile(d / f, "x");
  std::istringstream none;
  auto got =
      CollectInputs(InputSelection{{d / "z-missing.txt", d.path().string()}, {}, {}, ""}, none);
  ASSERT_TRUE(got.ok()) << got.status().message();
  std::string root = d.path().string() + "/";
  EXPECT_EQ(got.value(),
            (std::vector<std::string>{root + "z-missing.txt", root + "a.txt", root + "b/1.txt",
                                      root + "b/2.txt", root + "b/sub/0.txt", root + "c.pdf"}));
}

// In a directory only documents are taken (a PDF by its signature or name, text files);
// JSON, Markdown, scripts and binaries are counted by reason; --include forces a file in;
// a file named on the command line is always taken.
TEST(BatchInputsTest, DirectoriesTakeOnlyDocuments) {
  BatchDir d;
  WriteFile(d / "a.txt", "Délibération");
  WriteFile(d / "scan", "%PDF-1.4 ...");
  WriteFile(d / "broken.pdf", "truncated");
  WriteFile(d / "a.gold.json", "{}");
  WriteFile(d / "INDEX.md", "# corpus");
  WriteFile(d / "score.py", "print()");
  WriteFile(d / "blob.txt", std::string("\x7f"
                                        "ELF\0\0",
                                        6));
  std::istringstream none;
  SkippedInputs skipped;
  auto got = CollectInputs(InputSelection{{d.path().string(), d / "notes.md"}, {}, {}, ""}, none,
                           &skipped);
  ASSERT_TRUE(got.ok());
  const std::string root = d.path().string() + "/";
  EXPECT_EQ(got.value(), (std::vector<std::string>{root + "a.txt", root + "broken.pdf",
                                                   root + "scan", root + "notes.md"}));
  EXPECT_EQ(skipped.by_reason, (std::map<std::string, std::size_t>{
                                   {"JSON", 1}, {"Markdown", 1}, {"other", 1}, {"binary", 1}}));
  auto included = CollectInputs(InputSelection{{d.path().string()}, {"*.md"}, {}, ""}, none);
  ASSERT_TRUE(included.ok());
  EXPECT_EQ(included.value(), (std::vector<std::string>{root + "INDEX.md"}));
}

TEST(BatchInputsTest, GlobsFilterDirectoryFilesButNotNamedOnes) {
  BatchDir d;
  for (const char* f : {"keep.txt", "drop.pdf", "drafts/x.txt", "y.txt"}) WriteFile(d / f, "x");
  std::istringstream none;
  std::string root = d.path().string();
  auto got = CollectInputs(
      InputSelection{{root, d / "drop.pdf"}, {"*.txt"}, {"drafts/*", "y.*"}, ""}, none);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got.value(), (std::vector<std::string>{root + "/keep.txt", root + "/drop.pdf"}));
  EXPECT_TRUE(GlobsAccept("a/b/c.txt", {"*.txt"}, {}));
  EXPECT_FALSE(GlobsAccept("a/b/c.txt", {}, {"a/*"}));  // '*' crosses '/' in a path glob
}

TEST(BatchInputsTest, FilesFromReadsOneAPathALineAndDropsRepeats) {
  BatchDir d;
  WriteFile(d / "dir/1.txt", "x");
  std::istringstream list("b.txt\r\n\na.txt\n" + (d / "dir") + "\nb.txt\n");
  auto got = CollectInputs(InputSelection{{"a.txt"}, {}, {}, "-"}, list);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got.value(), (std::vector<std::string>{"a.txt", "b.txt", d / "dir/1.txt"}));
  std::istringstream none;
  EXPECT_FALSE(CollectInputs(InputSelection{{}, {}, {}, d / "no-such-list"}, none).ok());
}

TEST(BatchShardTest, ShardsAreDisjointAndCoverTheList) {
  std::vector<std::string> inputs;
  for (int i = 0; i < 1000; ++i) inputs.push_back("archive/" + std::to_string(i) + ".pdf");
  for (uint32_t n : {1u, 2u, 4u, 7u}) {
    std::multiset<std::string> all;
    for (uint32_t k = 0; k < n; ++k) {
      std::vector<std::string> slice = SelectShard(inputs, Shard{k, n});
      EXPECT_TRUE(std::is_sorted(slice.begin(), slice.end(), [&](auto& a, auto& b) {
        return std::find(inputs.begin(), inputs.end(), a) <
               std::find(inputs.begin(), inputs.end(), b);
      }));
      // Roughly even: no slice is empty or twice its share.
      EXPECT_GT(slice.size(), 1000 / n / 2);
      EXPECT_LT(slice.size(), 2 * 1000 / n);
      all.insert(slice.begin(), slice.end());
    }
    EXPECT_EQ(all, std::multiset<std::string>(inputs.begin(), inputs.end())) << n;
  }
}

TEST(BatchShardTest, HashIsTheStableFnv1a64) {
  // Reference values of FNV-1a 64: a worker built elsewhere must choose the same slices.
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ull);
}

TEST(BatchShardTest, ParsesKOverN) {
  auto s = ParseShard("3/4");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().index, 3u);
  EXPECT_EQ(s.value().count, 4u);
  for (const char* bad : {"4/4", "1/0", "1", "-1/4", "a/4", "1/4x", ""}) {
    EXPECT_FALSE(ParseShard(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace registre
