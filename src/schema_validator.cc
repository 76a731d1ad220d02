#include "schema_validator.h"

#include <fstream>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace registre {

struct SchemaValidator::Impl {
  valijson::Schema schema;
  // The same schema split in two when it describes an attendance property: the record
  // with any attendance accepted, and the attendance alone (checked on the record).
  bool split = false;
  valijson::Schema without_attendance;
  valijson::Schema attendance_only;
};

namespace {

void Populate(const nlohmann::json& doc, valijson::Schema* schema) {
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  parser.populateSchema(adapter, *schema);
}

bool Passes(const valijson::Schema& schema, const nlohmann::json& record) {
  // No results object: valijson stops at the first violation and builds no messages.
  thread_local valijson::Validator validator;
  valijson::adapters::NlohmannJsonAdapter adapter(record);
  return validator.validate(schema, adapter, nullptr);
}

}  // namespace

SchemaValidator::SchemaValidator() : impl_(std::make_unique<Impl>()) {}
SchemaValidator::~SchemaValidator() = default;

Result<std::unique_ptr<SchemaValidator>> SchemaValidator::Load(const std::string& schema_path) {
  std::ifstream in(schema_path);
  if (!in) return Status::Error(schema_path + ": cannot open schema");
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded()) return Status::Error(schema_path + ": schema is not valid JSON");
  std::unique_ptr<SchemaValidator> v(new SchemaValidator());
  try {
    Populate(doc, &v->impl_->schema);
    const nlohmann::json* attendance = nullptr;
    if (doc.contains("properties") && doc["properties"].is_object() &&
        doc["properties"].contains("attendance"))
      attendance = &doc["properties"]["attendance"];
    if (attendance) {
      nlohmann::json without = doc;
      without["properties"]["attendance"] = nlohmann::json::object();
      nlohmann::json only = {{"type", "object"},
                             {"required", {"attendance"}},
                             {"properties", {{"attendance", *attendance}}}};
      if (doc.contains("definitions")) only["definitions"] = doc["definitions"];
      Populate(without, &v->impl_->without_attendance);
      Populate(only, &v->impl_->attendance_only);
      v->impl_->split = true;
    }
  } catch (const std::exception& e) {
    return Status::Error(schema_path + ": invalid schema: " + e.what());
  }
  return v;
}

Status SchemaValidator::Validate(const nlohmann::json& record) const {
  // One validator per thread: it caches compiled std::regex objects for "pattern"
  // constraints, which cost far more to build than the validation itself.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(record);
  if (validator.validate(impl_->schema, adapter, &results)) return Status::Ok();
  std::ostringstream msg;
  valijson::ValidationResults::Error error;
  int shown = 0;
  while (results.popError(error) && shown < 5) {
    std::string path;
    for (const auto& part : error.context) path += part;
    msg << (shown ? "; " : "") << path << ": " << error.description;
    ++shown;
  }
  return Status::Error("record does not match the schema: " + msg.str());
}

Status SchemaValidator::Validate(const nlohmann::json& record, Seen* seen) const {
  if (!seen || !impl_->split || !record.is_object()) return Validate(record);
  auto attendance = record.find("attendance");
  bool same = attendance != record.end() && !seen->attendance.is_null() && *attendance == seen->attendance;
  bool ok = Passes(impl_->without_attendance, record) && (same || Passes(impl_->attendance_only, record));
  // The full validation words the error (and stays the reference for what passes).
  if (!ok) return Validate(record);
  if (!same && attendance != record.end()) seen->attendance = *attendance;
  return Status::Ok();
}

}  // namespace registre
