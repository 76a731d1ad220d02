// Obj("key", value, "key", value, ...): a JSON object built by moving each value into place.
//
// nlohmann's initializer lists ({{"key", value}, ...}) first build a two-element array for
// every pair, then move key and value out of it; records are built by the thousand, so the
// builders use this instead. The object is the same.
#pragma once

#include <nlohmann/json.hpp>
#include <utility>

namespace registre {
namespace json_object_internal {

inline void Put(nlohmann::json::object_t&) {}

template <class Value, class... Rest>
void Put(nlohmann::json::object_t& object, const char* key, Value&& value, Rest&&... rest) {
  object.emplace(key, nlohmann::json(std::forward<Value>(value)));
  Put(object, std::forward<Rest>(rest)...);
}

}  // namespace json_object_internal

template <class... Pairs>
nlohmann::json Obj(Pairs&&... pairs) {
  static_assert(sizeof...(Pairs) % 2 == 0, "Obj takes keys and values in pairs");
  nlohmann::json j(nlohmann::json::value_t::object);
  json_object_internal::Put(j.get_ref<nlohmann::json::object_t&>(), std::forward<Pairs>(pairs)...);
  return j;
}

// Empties `j`, leaves first. nlohmann's destructor, to be safe at any depth, moves every
// value of an object or array onto a stack of its own before freeing it; a record is a few
// levels deep, so freeing its containers from the bottom up is the same work without that.
// Containers deeper than `depth` are left to nlohmann.
inline void Dismantle(nlohmann::json& j, int depth = 16) {
  if (depth == 0) return;
  if (j.is_object()) {
    auto& object = j.get_ref<nlohmann::json::object_t&>();
    for (auto& [key, value] : object)
      if (value.is_structured()) Dismantle(value, depth - 1);
    object.clear();
  } else if (j.is_array()) {
    auto& array = j.get_ref<nlohmann::json::array_t&>();
    for (auto& value : array)
      if (value.is_structured()) Dismantle(value, depth - 1);
    array.clear();
  }
}

}  // namespace registre
