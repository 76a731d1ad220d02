#include "base/json_object.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace registre {
namespace {

// Obj builds the object an initializer list would, and moves (does not copy) its values.
TEST(JsonObjectTest, SameObjectAsAnInitializerList) {
  nlohmann::json big = nlohmann::json::array({1, 2, 3});
  const void* big_data = big.get_ref<nlohmann::json::array_t&>().data();
  nlohmann::json built =
      Obj("name", "Conseil", "count", 3, "none", nullptr, "list", std::vector<int>{1, 2}, "nested",
          Obj("a", true, "b", std::string("x")), "big", std::move(big));
  nlohmann::json expected = {{"name", "Conseil"},
                             {"count", 3},
                             {"none", nullptr},
                             {"list", {1, 2}},
                             {"nested", {{"a", true}, {"b", "x"}}},
                             {"big", {1, 2, 3}}};
  EXPECT_EQ(built, expected);
  EXPECT_EQ(built.dump(), expected.dump());
  EXPECT_EQ(built["big"].get_ref<nlohmann::json::array_t&>().data(), big_data);
  EXPECT_TRUE(Obj().is_object());
  EXPECT_TRUE(Obj().empty());
}

// Dismantle empties a tree leaves first; deeper than its limit, nlohmann frees the rest.
TEST(JsonObjectTest, DismantleEmptiesTheTree) {
  nlohmann::json record = Obj("a", Obj("b", nlohmann::json::array({Obj("c", 1), "x"})), "d", "y");
  Dismantle(record);
  EXPECT_TRUE(record.is_object());
  EXPECT_TRUE(record.empty());
  nlohmann::json deep = 1;
  for (int i = 0; i < 100000; ++i) deep = nlohmann::json::array({std::move(deep)});
  Dismantle(deep);  // the first 16 levels here, then nlohmann's own stack: no overflow
  EXPECT_TRUE(deep.empty());
}

}  // namespace
}  // namespace registre
