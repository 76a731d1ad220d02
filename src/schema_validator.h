// SchemaValidator: checks records against schemas/deliberation.schema.json (draft-07)
// with valijson. Loading is done once; Validate is const and safe to call from many threads.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "status.h"

namespace registre {

class SchemaValidator {
 public:
  static Result<std::unique_ptr<SchemaValidator>> Load(const std::string& schema_path);
  ~SchemaValidator();

  // Ok, or an error listing the first few violations with their JSON paths.
  Status Validate(const nlohmann::json& record) const;

 private:
  SchemaValidator();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace registre
