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

  // What a series of records validated together has already had checked. The items of one
  // procès-verbal repeat their sitting's attendance (often most of each record): it is
  // checked once, then only when it changes. One per series (per document), not shared
  // between threads.
  struct Seen {
    nlohmann::json attendance;  // the last attendance block found valid
  };
  // As Validate(record), checking record.attendance only when it differs from `seen`'s.
  Status Validate(const nlohmann::json& record, Seen* seen) const;

 private:
  SchemaValidator();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace registre
