// SchemaValidator: checks records against schemas/deliberation.schema.json (draft-07).
// valijson is the reference; a SchemaChecker compiled from the same schema answers first
// (about ten times faster), and valijson decides and words the errors whenever the checker
// says no, or alone when the schema uses keywords the checker does not know. Loading is done
// once; Validate is const and safe to call from many threads.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/status.h"

namespace registre {

class SchemaValidator {
 public:
  // `compiled` false: valijson alone (the reference, for tests and comparisons).
  static Result<std::unique_ptr<SchemaValidator>> Load(const std::string& schema_path,
                                                       bool compiled = true);
  ~SchemaValidator();

  // Ok, or an error listing the first few violations with their JSON paths.
  // `checked_property`: a top-level property whose value the caller has seen pass already
  // (the same value in a record validated before); the compiled checker skips it.
  Status Validate(const nlohmann::json& record, std::string_view checked_property = {}) const;

  // Whether the compiled checker is in use (false when the schema is outside its subset).
  bool compiled() const;

 private:
  SchemaValidator();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace registre
