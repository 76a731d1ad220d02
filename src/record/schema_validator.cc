#include "record/schema_validator.h"

#include <fstream>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "record/schema_checker.h"

namespace registre {

struct SchemaValidator::Impl {
  valijson::Schema schema;
  std::unique_ptr<SchemaChecker> checker;  // null: valijson alone
};

SchemaValidator::SchemaValidator() : impl_(std::make_unique<Impl>()) {}
SchemaValidator::~SchemaValidator() = default;

Result<std::unique_ptr<SchemaValidator>> SchemaValidator::Load(const std::string& schema_path,
                                                               bool compiled) {
  std::ifstream in(schema_path);
  if (!in) return Status::Io(schema_path + ": cannot open schema");
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded()) return Status::BadGrammar(schema_path + ": schema is not valid JSON");
  std::unique_ptr<SchemaValidator> v(new SchemaValidator());
  try {
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    parser.populateSchema(adapter, v->impl_->schema);
  } catch (const std::exception& e) {
    return Status::BadGrammar(schema_path + ": invalid schema: " + e.what());
  }
  if (compiled) {
    // A schema outside the checker's subset is still fully checked, by valijson alone.
    auto checker = SchemaChecker::Compile(doc);
    if (checker.ok()) v->impl_->checker = std::move(checker.value());
  }
  return v;
}

bool SchemaValidator::compiled() const { return impl_->checker != nullptr; }

Status SchemaValidator::Validate(const nlohmann::json& record,
                                 std::string_view checked_property) const {
  if (impl_->checker && impl_->checker->Check(record, checked_property)) return Status::Ok();
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
  return Status::InvalidInput("record does not match the schema: " + msg.str());
}

}  // namespace registre
