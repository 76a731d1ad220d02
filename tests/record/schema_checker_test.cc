#include "record/schema_checker.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "base/home.h"
#include "pipeline/pipeline.h"
#include "record/schema_validator.h"

namespace registre {
namespace {

namespace fs = std::filesystem;

nlohmann::json Parse(const std::string& s) { return nlohmann::json::parse(s); }

TEST(SchemaCheckerTest, ChecksTheSupportedKeywords) {
  auto checker = SchemaChecker::Compile(Parse(R"({
    "type": "object", "required": ["id", "n"], "additionalProperties": false,
    "definitions": {"date": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}$"}},
    "properties": {
      "id": {"type": "string", "minLength": 2},
      "n": {"type": "integer", "minimum": 0},
      "kind": {"enum": ["a", "b"]},
      "version": {"const": 1},
      "when": {"$ref": "#/definitions/date"},
      "tags": {"type": "array", "items": {"type": "string"}},
      "who": {"anyOf": [{"type": "null"}, {"type": "object", "required": ["name"]}]}
    }})"));
  ASSERT_TRUE(checker.ok()) << checker.status().message();
  const SchemaChecker& c = *checker.value();
  EXPECT_TRUE(c.Check(Parse(R"({"id": "é1", "n": 0})")));
  EXPECT_TRUE(c.Check(Parse(R"({"id": "ab", "n": 3, "kind": "b", "version": 1, "when": "2023-01",
                                "tags": ["x"], "who": {"name": "A"}})")));
  EXPECT_TRUE(c.Check(Parse(R"({"id": "ab", "n": 3, "when": null, "who": null})")));
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab"})")));                       // required
  EXPECT_FALSE(c.Check(Parse(R"({"id": "a", "n": 1})")));                // minLength
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab", "n": -1})")));              // minimum
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab", "n": 1.5})")));             // integer
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab", "n": 1, "kind": "c"})")));  // enum
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab", "n": 1, "version": 2})")));
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab", "n": 1, "when": "2023-1"})")));  // pattern via $ref
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab", "n": 1, "tags": [1]})")));       // items
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab", "n": 1, "who": {}})")));         // anyOf
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab", "n": 1, "extra": 0})")));        // additional
  EXPECT_FALSE(c.Check(Parse(R"([])")));
  // A property the caller has seen pass is not checked again, but must still be there.
  EXPECT_TRUE(c.Check(Parse(R"({"id": "ab", "n": 1, "tags": [1]})"), "tags"));
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab", "n": 1, "tags": [1]})"), "n"));
  EXPECT_FALSE(c.Check(Parse(R"({"id": "ab"})"), "n"));
}

TEST(SchemaCheckerTest, RefusesKeywordsOutsideItsSubset) {
  auto checker = SchemaChecker::Compile(Parse(R"({"properties": {"a": {"oneOf": [true]}}})"));
  ASSERT_FALSE(checker.ok());
  EXPECT_NE(checker.status().message().find("oneOf"), std::string::npos)
      << checker.status().message();
  EXPECT_FALSE(SchemaChecker::Compile(Parse(R"({"$ref": "other.json#/x"})")).ok());
}

TEST(SchemaCheckerTest, RecursiveReferencesResolve) {
  auto checker = SchemaChecker::Compile(Parse(R"({
    "definitions": {"node": {"type": "object", "properties": {"kids": {"type": "array",
                             "items": {"$ref": "#/definitions/node"}}}}},
    "$ref": "#/definitions/node"})"));
  ASSERT_TRUE(checker.ok()) << checker.status().message();
  EXPECT_TRUE(checker.value()->Check(Parse(R"({"kids": [{"kids": [{}]}]})")));
  EXPECT_FALSE(checker.value()->Check(Parse(R"({"kids": [{"kids": [3]}]})")));
}

// The bundled schema compiles, and on real records and thousands of broken copies of them
// the checker's verdict is valijson's.
TEST(SchemaCheckerTest, AgreesWithValijsonOnRecordsAndBrokenRecords) {
  std::ifstream schema_file(DefaultSchemaPath());
  auto checker = SchemaChecker::Compile(nlohmann::json::parse(schema_file));
  ASSERT_TRUE(checker.ok()) << checker.status().message();
  const SchemaChecker& fast = *checker.value();
  auto reference = SchemaValidator::Load(DefaultSchemaPath(), /*compiled=*/false);
  ASSERT_TRUE(reference.ok());
  std::vector<nlohmann::json> records;
  for (const auto& f : fs::directory_iterator(fs::path(REGISTRE_SOURCE_DIR) / "tests/golden")) {
    std::ifstream in(f.path());
    for (std::string line; std::getline(in, line);) records.push_back(nlohmann::json::parse(line));
  }
  ASSERT_GT(records.size(), 20u);
  const nlohmann::json replacements[] = {nullptr,
                                         "",
                                         "x",
                                         "2023-13-45",
                                         0,
                                         -1,
                                         1.5,
                                         true,
                                         nlohmann::json::array(),
                                         nlohmann::json::object(),
                                         nlohmann::json::array({1}),
                                         "0123456789abcdef"};
  std::mt19937 random(20261201);
  int checked = 0, invalid = 0;
  for (const nlohmann::json& record : records) {
    ASSERT_TRUE(fast.Check(record));
    // Every value of the record, by its JSON pointer.
    nlohmann::json flat = record.flatten();
    std::vector<std::string> paths;
    for (const auto& [path, value] : flat.items()) paths.push_back(path);
    for (int k = 0; k < 40; ++k) {
      nlohmann::json broken = record;
      const std::string& path = paths[random() % paths.size()];
      nlohmann::json::json_pointer at(path);
      switch (random() % 3) {
        case 0:
          broken[at] = replacements[random() % std::size(replacements)];
          break;
        case 1: {
          nlohmann::json& parent = broken[at.parent_pointer()];
          if (parent.is_array())
            parent.erase(std::stoul(at.back()));
          else
            parent.erase(at.back());
          break;
        }
        default: {
          nlohmann::json& parent = broken[at.parent_pointer()];
          if (parent.is_array())
            parent.push_back({{"unexpected_key", 1}});
          else
            parent["unexpected_key"] = 1;
          break;
        }
      }
      bool reference_ok = reference.value()->Validate(broken).ok();
      EXPECT_EQ(fast.Check(broken), reference_ok) << path << " in " << record["id"];
      invalid += !reference_ok;
      ++checked;
    }
  }
  EXPECT_GT(invalid, checked / 4);  // the mutations do break records
}

}  // namespace
}  // namespace registre
