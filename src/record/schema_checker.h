// SchemaChecker: a JSON Schema (draft-07) compiled into a tree of checks, for the keywords
// the record schema uses: type, properties, required, additionalProperties, items, enum,
// const, anyOf, minimum, minLength, pattern and local $ref. It answers only "valid or not",
// about ten times faster than valijson, which stays the reference: SchemaValidator asks
// valijson to word the errors (and to decide) whenever the checker says no, and a schema
// using any other keyword is refused here, so SchemaValidator then uses valijson alone.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

#include "base/status.h"

namespace registre {

class SchemaChecker {
 public:
  // Errors name the first keyword or reference outside the supported subset.
  static Result<std::unique_ptr<SchemaChecker>> Compile(const nlohmann::json& schema);
  ~SchemaChecker();

  // `checked_property`: a property of the top-level object whose value is known to pass
  // (it must still be there when required).
  bool Check(const nlohmann::json& value, std::string_view checked_property = {}) const;

 private:
  SchemaChecker();
  struct Node;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace registre
