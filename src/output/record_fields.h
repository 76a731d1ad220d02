// Null-tolerant reads of record fields by JSON pointer ("/attendance/members_in_office").
//
// The sinks read records that passed the schema, but the schema lets most values be null
// and projects may add fields: a missing key, a null or a value of another type all read
// as "absent" (nullopt / empty array), never as an exception.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace registre {

std::optional<std::string> OptString(const nlohmann::json& record, const std::string& pointer);
std::optional<long long> OptInt(const nlohmann::json& record, const std::string& pointer);
std::optional<bool> OptBool(const nlohmann::json& record, const std::string& pointer);
// The array at `pointer`, or an empty array.
const nlohmann::json& ArrayAt(const nlohmann::json& record, const std::string& pointer);

}  // namespace registre
