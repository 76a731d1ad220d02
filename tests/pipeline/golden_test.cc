// Golden tests: whole records for every text fixture, compared with tests/golden/*.jsonl.
// After an intended change, regenerate with REGISTRE_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "text/folding.h"

namespace registre {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<fs::path> TextFixtures() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(testing::FixturesDir()))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Jsonl(const std::vector<json>& records) {
  std::string out;
  for (const json& r : records) out += r.dump(-1, ' ', false) + "\n";
  return out;
}

TEST(GoldenTest, EveryTextFixtureGivesItsGoldenRecords) {
  const bool update = std::getenv("REGISTRE_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> fixtures = TextFixtures();
  ASSERT_GE(fixtures.size(), 11u);
  for (const fs::path& f : fixtures) {
    SCOPED_TRACE(f.filename().string());
    auto result =
        testing::BundledPipeline().Extract(testing::ReadFileOrDie(f), f.filename().string());
    ASSERT_TRUE(result.ok()) << result.status().message();
    std::string got = Jsonl(result.value().records);
    fs::path golden =
        fs::path(REGISTRE_SOURCE_DIR) / "tests/golden" / (f.stem().string() + ".jsonl");
    if (update) {
      std::ofstream(golden, std::ios::binary) << got;
      continue;
    }
    ASSERT_TRUE(fs::exists(golden))
        << "missing " << golden << " (run with REGISTRE_UPDATE_GOLDEN=1)";
    EXPECT_EQ(got, testing::ReadFileOrDie(golden));
  }
}

// The scorer's folding: case, accents, punctuation and spacing ignored.
std::string Key(const json& v) {
  if (v.is_null()) return "<null>";
  std::string s = v.is_string() ? v.get<std::string>() : v.dump();
  std::string folded = FoldString(s), out;
  for (char c : folded) {
    bool word = std::isalnum(static_cast<unsigned char>(c)) || c == '\xc2' || c == '\xb0';
    if (word)
      out.push_back(c);
    else if (!out.empty() && out.back() != ' ')
      out.push_back(' ');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> Names(const json& persons) {
  std::vector<std::string> out;
  for (const json& p : persons) out.push_back(Key(p["name"]));
  return out;
}

std::vector<std::string> Keys(const json& values) {
  std::vector<std::string> out;
  for (const json& v : values) out.push_back(Key(v));
  return out;
}

TEST(GoldenTest, LyonSeedIsExactlyRightOnEveryGoldField) {
  json gold = json::parse(testing::ReadFileOrDie(testing::FixturesDir() +
                                                 "/lyon-cp-2023-2459.gold.json"))["records"][0];
  auto result = testing::BundledPipeline().Extract(
      testing::ReadFileOrDie(testing::FixturesDir() + "/lyon-cp-2023-2459.txt"), "lyon.txt");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.value().records.size(), 1u);
  const json& r = result.value().records[0];
  const json& a = r["attendance"];
  EXPECT_EQ(Key(r["number"]), Key(gold["number"]));
  EXPECT_EQ(Key(r["object"]), Key(gold["object"]));
  EXPECT_EQ(Key(r["authority"]["name"]), Key(gold["authority"]));
  EXPECT_EQ(Key(r["assembly"]["name"]), Key(gold["assembly"]));
  EXPECT_EQ(r["session"]["date"], gold["session_date"]);
  EXPECT_EQ(r["session"]["convocation_date"], gold["convocation_date"]);
  EXPECT_EQ(a["members_in_office"], gold["members_in_office"]);
  EXPECT_EQ(a["present_count"], gold["present_count"]);
  EXPECT_EQ(a["voting_count"], gold["voting_count"]);
  EXPECT_EQ(Key(r["president"]["name"]), Key(gold["president"]));
  EXPECT_EQ(Key(r["rapporteur"]["name"]), Key(gold["rapporteur"]));
  EXPECT_EQ(Names(r["secretaries"]), Keys(gold["secretaries"]));
  EXPECT_EQ(Names(a["present"]), Keys(gold["present"]));
  EXPECT_EQ(Names(a["excused"]), Keys(gold["excused"]));
  EXPECT_EQ(Names(a["absent"]), Keys(gold["absent"]));
  std::vector<std::pair<std::string, std::string>> proxies, gold_proxies;
  for (const json& p : a["excused"])
    if (!p["proxy_to"].is_null()) proxies.emplace_back(Key(p["name"]), Key(p["proxy_to"]["name"]));
  for (const json& p : gold["proxies"]) gold_proxies.emplace_back(Key(p[0]), Key(p[1]));
  EXPECT_EQ(proxies, gold_proxies);
  EXPECT_EQ(r["visas"].size(), gold["visas"].get<std::size_t>());
  EXPECT_EQ(r["considerants"].size(), gold["considerants"].get<std::size_t>());
  EXPECT_EQ(Key(r["decision"]["formula"]), Key(gold["formula"]));
  std::vector<std::string> labels, starts;
  for (const json& art : r["decision"]["articles"]) {
    labels.push_back(Key(art["label"]));
    starts.push_back(Key(art["text"]).substr(0, 30));
  }
  EXPECT_EQ(labels, Keys(gold["articles"]));
  std::vector<std::string> gold_starts;
  for (const json& s : gold["article_starts"]) gold_starts.push_back(Key(s).substr(0, 30));
  EXPECT_EQ(starts, gold_starts);
  for (const char* field : {"unanimous", "for", "against", "abstention", "result"})
    EXPECT_EQ(r["vote"][field], gold[field]) << field;
  // Provenance: the attendance span points at the attendance in the normalised text.
  EXPECT_EQ(r["spans"]["attendance"]["page"], 1);
  EXPECT_LT(r["spans"]["attendance"]["start"].get<int>(),
            r["spans"]["attendance"]["end"].get<int>());
}

}  // namespace
}  // namespace registre
