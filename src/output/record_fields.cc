#include "output/record_fields.h"

namespace registre {
namespace {

const nlohmann::json* Find(const nlohmann::json& record, const std::string& pointer) {
  nlohmann::json::json_pointer p(pointer);
  if (!record.contains(p)) return nullptr;
  return &record.at(p);
}

}  // namespace

std::optional<std::string> OptString(const nlohmann::json& record, const std::string& pointer) {
  const nlohmann::json* v = Find(record, pointer);
  if (!v || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

std::optional<long long> OptInt(const nlohmann::json& record, const std::string& pointer) {
  const nlohmann::json* v = Find(record, pointer);
  if (!v || !v->is_number_integer()) return std::nullopt;
  return v->get<long long>();
}

std::optional<bool> OptBool(const nlohmann::json& record, const std::string& pointer) {
  const nlohmann::json* v = Find(record, pointer);
  if (!v || !v->is_boolean()) return std::nullopt;
  return v->get<bool>();
}

const nlohmann::json& ArrayAt(const nlohmann::json& record, const std::string& pointer) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  const nlohmann::json* v = Find(record, pointer);
  return v && v->is_array() ? *v : kEmpty;
}

}  // namespace registre
