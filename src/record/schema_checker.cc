#include "record/schema_checker.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace registre {

namespace {

enum TypeBit : unsigned {
  kNull = 1,
  kBoolean = 2,
  kObject = 4,
  kArray = 8,
  kNumber = 16,
  kInteger = 32,
  kString = 64,
  kAnyType = 127,
};

unsigned TypeBitOf(const std::string& name) {
  static const std::map<std::string, unsigned> kTypes = {
      {"null", kNull},     {"boolean", kBoolean}, {"object", kObject}, {"array", kArray},
      {"number", kNumber}, {"integer", kInteger}, {"string", kString}};
  auto it = kTypes.find(name);
  return it == kTypes.end() ? 0 : it->second;
}

bool HasType(const nlohmann::json& v, unsigned types) {
  switch (v.type()) {
    case nlohmann::json::value_t::null:
      return types & kNull;
    case nlohmann::json::value_t::boolean:
      return types & kBoolean;
    case nlohmann::json::value_t::object:
      return types & kObject;
    case nlohmann::json::value_t::array:
      return types & kArray;
    case nlohmann::json::value_t::string:
      return types & kString;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return types & (kNumber | kInteger);
    case nlohmann::json::value_t::number_float: {
      // Draft-07: an integer is a number without a fractional part, 1.0 included.
      double d = v.get<double>();
      return (types & kNumber) || ((types & kInteger) && std::isfinite(d) && d == std::floor(d));
    }
    default:
      return false;
  }
}

std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

struct SchemaChecker::Node {
  bool always = true;         // the boolean schema `true`; false rejects everything
  const Node* ref = nullptr;  // $ref: draft-07 ignores every sibling keyword
  unsigned types = kAnyType;
  std::map<std::string, const Node*, std::less<>> properties;
  std::vector<std::string> required;  // sorted, as the properties and a JSON object's keys
  const Node* additional = nullptr;   // null: any additional property is allowed
  const Node* items = nullptr;
  std::vector<nlohmann::json> allowed;  // enum
  bool has_enum = false;
  nlohmann::json constant;
  bool has_const = false;
  std::vector<const Node*> any_of;
  bool has_minimum = false;
  double minimum = 0;
  std::size_t min_length = 0;
  std::unique_ptr<RE2> pattern;

  bool Check(const nlohmann::json& v, std::string_view checked_property = {}) const;
};

bool SchemaChecker::Node::Check(const nlohmann::json& v, std::string_view checked_property) const {
  if (ref) return ref->Check(v, checked_property);
  if (!always) return false;
  if (!HasType(v, types)) return false;
  if (has_enum && std::find(allowed.begin(), allowed.end(), v) == allowed.end()) return false;
  if (has_const && v != constant) return false;
  if (!any_of.empty() &&
      std::none_of(any_of.begin(), any_of.end(), [&](const Node* n) { return n->Check(v); }))
    return false;
  if (v.is_number() && has_minimum && v.get<double>() < minimum) return false;
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (min_length && CodePoints(s) < min_length) return false;
    if (pattern && !RE2::PartialMatch(s, *pattern)) return false;
  }
  if (v.is_object()) {
    // The object's keys, the required names and the properties are all sorted: one walk
    // over the three instead of a lookup per key and per required name.
    auto req = required.begin();
    auto prop = properties.begin();
    for (const auto& [name, value] : v.get_ref<const nlohmann::json::object_t&>()) {
      // Equality first: in a record the keys are the schema's, so it is the common answer, and
      // unequal lengths settle it without reading the names.
      if (req != required.end()) {
        if (*req == name)
          ++req;
        else if (*req < name)
          return false;  // a required name is missing
      }
      if (!checked_property.empty() && name == checked_property) continue;
      if (prop == properties.end() || prop->first != name)
        while (prop != properties.end() && prop->first < name) ++prop;
      if (prop != properties.end() && prop->first == name) {
        if (!prop->second->Check(value)) return false;
      } else if (additional && !additional->Check(value)) {
        return false;
      }
    }
    if (req != required.end()) return false;
  }
  if (v.is_array() && items) {
    for (const auto& item : v)
      if (!items->Check(item)) return false;
  }
  return true;
}

struct SchemaChecker::Impl {
  const nlohmann::json* root = nullptr;
  std::vector<std::unique_ptr<Node>> nodes;
  std::map<std::string, Node*> by_pointer;  // "#/definitions/x" -> its node
  const Node* top = nullptr;

  Result<const Node*> Build(const nlohmann::json& s, const std::string& where);
  Result<const Node*> Resolve(const std::string& ref, const std::string& where);
};

Result<const SchemaChecker::Node*> SchemaChecker::Impl::Resolve(const std::string& ref,
                                                                const std::string& where) {
  if (ref.empty() || ref[0] != '#')
    return Status::BadGrammar(where + ": only local $ref is supported: " + ref);
  if (auto it = by_pointer.find(ref); it != by_pointer.end())
    return static_cast<const Node*>(it->second);
  nlohmann::json::json_pointer pointer;
  try {
    pointer = nlohmann::json::json_pointer(ref.substr(1));
  } catch (const std::exception&) {
    return Status::BadGrammar(where + ": bad $ref " + ref);
  }
  if (!root->contains(pointer)) return Status::BadGrammar(where + ": $ref to nothing: " + ref);
  // A placeholder first, so a schema that refers to itself resolves to this node.
  nodes.push_back(std::make_unique<Node>());
  Node* placeholder = nodes.back().get();
  by_pointer[ref] = placeholder;
  Result<const Node*> target = Build((*root)[pointer], ref);
  if (!target.ok()) return target.status();
  placeholder->ref = target.value();
  return static_cast<const Node*>(placeholder);
}

Result<const SchemaChecker::Node*> SchemaChecker::Impl::Build(const nlohmann::json& s,
                                                              const std::string& where) {
  nodes.push_back(std::make_unique<Node>());
  Node* n = nodes.back().get();
  if (s.is_boolean()) {
    n->always = s.get<bool>();
    return static_cast<const Node*>(n);
  }
  if (!s.is_object())
    return Status::BadGrammar(where + ": a schema must be an object or a boolean");
  if (s.contains("$ref")) {
    if (!s["$ref"].is_string()) return Status::BadGrammar(where + ": $ref must be a string");
    auto target = Resolve(s["$ref"].get<std::string>(), where);
    if (!target.ok()) return target.status();
    n->ref = target.value();
    return static_cast<const Node*>(n);
  }
  static const std::set<std::string> kIgnored = {
      "$schema", "$id", "$comment", "title", "description", "definitions", "default", "examples"};
  for (const auto& [key, value] : s.items()) {
    const std::string at = where + "/" + key;
    if (kIgnored.count(key)) continue;
    if (key == "type") {
      n->types = 0;
      for (const auto& t : value.is_array() ? value : nlohmann::json::array({value})) {
        unsigned bit = t.is_string() ? TypeBitOf(t.get<std::string>()) : 0;
        if (!bit) return Status::BadGrammar(at + ": unknown type");
        n->types |= bit;
      }
    } else if (key == "properties") {
      for (const auto& [name, sub] : value.items()) {
        auto built = Build(sub, at + "/" + name);
        if (!built.ok()) return built.status();
        n->properties[name] = built.value();
      }
    } else if (key == "required") {
      for (const auto& name : value) n->required.push_back(name.get<std::string>());
      std::sort(n->required.begin(), n->required.end());
      n->required.erase(std::unique(n->required.begin(), n->required.end()), n->required.end());
    } else if (key == "additionalProperties" || key == "items") {
      if (key == "items" && value.is_array())
        return Status::BadGrammar(at + ": tuple items are not supported");
      auto built = Build(value, at);
      if (!built.ok()) return built.status();
      (key == "items" ? n->items : n->additional) = built.value();
    } else if (key == "enum") {
      n->has_enum = true;
      for (const auto& v : value) n->allowed.push_back(v);
    } else if (key == "const") {
      n->has_const = true;
      n->constant = value;
    } else if (key == "anyOf") {
      for (std::size_t i = 0; i < value.size(); ++i) {
        auto built = Build(value[i], at + "/" + std::to_string(i));
        if (!built.ok()) return built.status();
        n->any_of.push_back(built.value());
      }
    } else if (key == "minimum" && value.is_number()) {
      n->has_minimum = true;
      n->minimum = value.get<double>();
    } else if (key == "minLength" && value.is_number_unsigned()) {
      n->min_length = value.get<std::size_t>();
    } else if (key == "pattern" && value.is_string()) {
      RE2::Options options;
      options.set_log_errors(false);
      n->pattern = std::make_unique<RE2>(value.get<std::string>(), options);
      if (!n->pattern->ok()) return Status::BadGrammar(at + ": pattern RE2 cannot run");
    } else {
      return Status::BadGrammar(at + ": keyword not supported by the compiled checker");
    }
  }
  return static_cast<const Node*>(n);
}

SchemaChecker::SchemaChecker() : impl_(std::make_unique<Impl>()) {}
SchemaChecker::~SchemaChecker() = default;

Result<std::unique_ptr<SchemaChecker>> SchemaChecker::Compile(const nlohmann::json& schema) {
  std::unique_ptr<SchemaChecker> checker(new SchemaChecker());
  checker->impl_->root = &schema;
  auto top = checker->impl_->Build(schema, "#");
  if (!top.ok()) return top.status();
  checker->impl_->top = top.value();
  checker->impl_->root = nullptr;  // refs are resolved: the document need not outlive us
  return checker;
}

bool SchemaChecker::Check(const nlohmann::json& value, std::string_view checked_property) const {
  return impl_->top->Check(value, checked_property);
}

}  // namespace registre
