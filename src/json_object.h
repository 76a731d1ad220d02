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

}  // namespace registre
