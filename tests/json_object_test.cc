#include "json_object.h"

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

}  // namespace
}  // namespace registre
