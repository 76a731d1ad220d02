#include <boost/program_options.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/home.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/input_files.h"
#include "pipeline/pipeline.h"
#include "record/schema_validator.h"

namespace registre {
namespace po = boost::program_options;

// Checks JSON Lines (or a JSON array / single object) of records against the schema.
int RunValidateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> files;
  std::string schema;
  po::options_description desc(
      "registre validate [OPTIONS] FILE... (JSON Lines, a JSON array or one record)");
  desc.add_options()("help,h", "print this help")(
      "schema", po::value(&schema),
      "the JSON Schema (default: the bundled schemas/deliberation.schema.json)");
  po::variables_map vm;
  if (auto stop = ParseCommandLine("validate", args, desc, &files, &vm, out, err)) return *stop;
  if (files.empty()) {
    err << "registre validate: no input files\n" << TryHelp("validate");
    return kExitUsage;
  }
  auto validator = SchemaValidator::Load(schema.empty() ? DefaultSchemaPath() : schema);
  if (!validator.ok()) {
    err << "registre validate: " << validator.status().message() << "\n";
    return ExitFor(validator.status());
  }
  std::size_t checked = 0, invalid = 0;
  bool failed = false;
  for (const std::string& file : files) {
    auto bytes = ReadInputFile(file);
    if (!bytes.ok()) {
      err << "registre: " << file << ": " << bytes.status().message() << "\n";
      failed = true;
      continue;
    }
    std::vector<std::pair<int, nlohmann::json>> records;
    nlohmann::json whole = nlohmann::json::parse(bytes.value(), nullptr, false);
    if (!whole.is_discarded()) {
      if (whole.is_array()) {
        int k = 0;
        for (auto& r : whole) records.emplace_back(++k, r);
      } else {
        records.emplace_back(1, whole);
      }
    } else {
      std::istringstream lines(bytes.value());
      std::string line;
      int n = 0;
      while (std::getline(lines, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json r = nlohmann::json::parse(line, nullptr, false);
        if (r.is_discarded()) {
          err << "registre: " << file << ":" << n << ": not valid JSON\n";
          ++invalid;
          continue;
        }
        records.emplace_back(n, std::move(r));
      }
    }
    for (const auto& [where, record] : records) {
      ++checked;
      Status s = validator.value()->Validate(record);
      if (!s.ok()) {
        ++invalid;
        err << "registre: " << file << ":" << where << ": " << s.message() << "\n";
      }
    }
  }
  out << checked << " records checked, " << invalid << " invalid\n";
  return (failed || invalid) ? kExitSomeFailed : kExitOk;
}

}  // namespace registre
