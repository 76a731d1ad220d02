#include "record/json_line.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace registre {
namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonLineTest, SameBytesAsNlohmannOnEveryGoldenRecord) {
  int records = 0;
  for (const auto& f : std::filesystem::directory_iterator(
           std::filesystem::path(REGISTRE_SOURCE_DIR) / "tests/golden")) {
    std::ifstream in(f.path());
    for (std::string line; std::getline(in, line); ++records) {
      nlohmann::json record = nlohmann::json::parse(line);
      EXPECT_EQ(JsonLine(record), Dump(record)) << f.path();
    }
  }
  EXPECT_GT(records, 20);
}

// A record line whose repeated value is copied from the record before is byte for byte the
// line written from scratch.
TEST(JsonLineTest, RecordLineCopiesTheRepeatedValue) {
  nlohmann::json a = {
      {"attendance", {{"present", {"Anne \"A\"", "Bruno"}}}}, {"id", 1}, {"z", "é"}};
  nlohmann::json b = a;
  b["id"] = 2;
  std::string kept, line_a, line_b;
  AppendRecordLine(a, "attendance", /*repeats=*/false, &kept, &line_a);
  EXPECT_EQ(line_a, Dump(a));
  EXPECT_EQ(kept, Dump(a["attendance"]));
  AppendRecordLine(b, "attendance", /*repeats=*/true, &kept, &line_b);
  EXPECT_EQ(line_b, Dump(b));
  // The caller vouches for the repeat: the kept bytes are what is written.
  nlohmann::json c = b;
  c["attendance"] = nullptr;
  std::string line_c;
  AppendRecordLine(c, "attendance", /*repeats=*/true, &kept, &line_c);
  EXPECT_EQ(line_c, line_b);
  // Nothing kept yet: the value is written.
  std::string none, line_d;
  AppendRecordLine(c, "attendance", /*repeats=*/true, &none, &line_d);
  EXPECT_EQ(line_d, Dump(c));
}

TEST(JsonLineTest, EscapesNumbersAndNestingAsNlohmann) {
  nlohmann::json j = {
      {"text", "quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f nul" +
                   std::string(1, '\0') + " x1f \x1f del \x7f é € 😀"},
      {"numbers", {0, -1, 42, 9223372036854775807LL, 18446744073709551615ULL, 1.5, -0.25, 1e300}},
      {"empty", {{"a", nlohmann::json::array()}, {"o", nlohmann::json::object()}, {"n", nullptr}}},
      {"bool", {true, false}},
      {"clé é", "valeur"}};
  EXPECT_EQ(JsonLine(j), Dump(j));
}

TEST(JsonLineTest, InvalidUtf8IsReplacedAsNlohmannDoes) {
  const std::vector<std::string> bad = {
      "\x80",    "a\xC0\x80z",   "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE2\x82",
      "caf\xE9", "\xF0\x9F\x98", "ok \xC3",      "\xF4\x90\x80\x80", "\xE0\x80\xAF"};
  for (const std::string& s : bad) {
    nlohmann::json j = {{"k", s}, {s, 1}};
    EXPECT_EQ(JsonLine(j), Dump(j)) << s;
  }
}

TEST(JsonLineTest, RandomBytesGiveTheSameOutput) {
  std::mt19937 random(7);
  for (int k = 0; k < 3000; ++k) {
    std::string s(random() % 12, '\0');
    for (char& c : s)
      c = static_cast<char>(random() % 4 == 0 ? random() % 0x20 : 0x60 + random() % 0xA0);
    nlohmann::json j = nlohmann::json::array({s});
    ASSERT_EQ(JsonLine(j), Dump(j)) << testing::PrintToString(s);
  }
}

// Strings are skipped eight plain bytes at a time: long strings of mostly plain text with, at
// any position, a quote, a backslash, a control, DEL, a multi-byte letter or a stray byte.
TEST(JsonLineTest, LongMostlyPlainStringsGiveTheSameOutput) {
  std::mt19937 random(11);
  const std::string special[] = {"\"",   "\\",       "\n",           std::string(1, '\0'), "\x1f",
                                 "\x7f", "\xc3\xa9", "\xe2\x80\xa2", "\xf0\x9f\x98\x80",   "\xc3",
                                 "\xff"};
  for (int k = 0; k < 5000; ++k) {
    std::string s;
    std::size_t len = random() % 40;
    while (s.size() < len) {
      if (random() % 10 == 0)
        s += special[random() % std::size(special)];
      else
        s += static_cast<char>(0x20 + random() % 0x5F);
    }
    nlohmann::json j = nlohmann::json::array({s});
    ASSERT_EQ(JsonLine(j), Dump(j)) << testing::PrintToString(s);
  }
}

}  // namespace
}  // namespace registre
