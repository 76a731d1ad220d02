// `registre export`: reads JSON Lines records (as `registre extract --format jsonl` writes
// them), checks each against the record schema, and writes them through one sink.
// Bad lines are reported with file and line and skipped; the others are still written.
#include <boost/program_options.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "base/home.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "output/sink.h"
#include "pipeline/pipeline.h"
#include "record/schema_validator.h"

namespace registre {
namespace {

namespace po = boost::program_options;

struct ExportArgs {
  SinkOptions sink;
  std::vector<std::string> inputs;
  bool help = false;
};

// Command-line options that go to the sink as params, under the same name.
const char* const kSinkParams[] = {"separator", "authority-siret", "siret-map",
                                   "rejects",   "grammar-dir",     "formulas"};

po::options_description Options() {
  po::options_description d("registre export --to FORMAT [OPTIONS] FILE.jsonl...");
  auto add = d.add_options();
  add("help,h", "this help");
  add("to", po::value<std::string>()->required(), "scdl, sqlite, akn, json or jsonl");
  add("output,o", po::value<std::string>(),
      "file (scdl, json, jsonl; default: standard output), database (sqlite), directory (akn)");
  add("separator", po::value<std::string>(), "scdl: field separator, default ',' (';', 'tab')");
  add("formulas", po::value<std::string>(),
      "scdl: 'neutralise' (default: a cell starting with = + - @ gets a leading ') or 'keep'");
  add("authority-siret", po::value<std::string>(), "scdl: SIRET of the authority (COLL_SIRET)");
  add("siret-map", po::value<std::string>(), "scdl: CSV 'authority,siret' (SIREN or name)");
  add("rejects", po::value<std::string>(), "scdl: rejected rows (default: OUTPUT.rejects.csv)");
  add("grammar-dir", po::value<std::string>(), "scdl: directory holding matieres.rules");
  return d;
}

// Parses into `args`; returns an error message for a usage error.
std::string Parse(const std::vector<std::string>& argv, ExportArgs& args) {
  po::options_description named = Options();
  po::options_description all;
  all.add(named).add_options()("input", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      args.help = true;
      return "";
    }
    po::notify(vm);
  } catch (const po::error& e) {
    return e.what();
  }
  args.sink.format = vm["to"].as<std::string>();
  if (vm.count("output")) args.sink.output = vm["output"].as<std::string>();
  for (const char* key : kSinkParams) {
    if (vm.count(key)) args.sink.params[key] = vm[key].as<std::string>();
  }
  if (vm.count("input")) args.inputs = vm["input"].as<std::vector<std::string>>();
  if (args.inputs.empty()) return "no input file (give one or more JSON Lines files, or -)";
  return "";
}

struct Counts {
  size_t records = 0;
  size_t failed = 0;
};

// Feeds every record of one JSON Lines stream to the sink; reports bad lines on `err`.
void ExportStream(std::istream& in, const std::string& name, const SchemaValidator& validator,
                  RecordSink& sink, Counts& counts, std::ostream& err) {
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = name + ":" + std::to_string(number) + ": ";
    ++counts.records;
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    Status status = record.is_discarded() ? Status::InvalidInput("not a JSON value")
                                          : validator.Validate(record);
    if (status.ok()) status = sink.Write(record);
    if (!status.ok()) {
      ++counts.failed;
      err << "registre export: " << where << status.message() << "\n";
    }
  }
}

}  // namespace

int RunExportCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  ExportArgs args;
  if (std::string usage = Parse(argv, args); !usage.empty()) {
    err << "registre export: " << usage << "\n" << TryHelp("export");
    return kExitUsage;
  }
  if (args.help) {
    out << Options();
    return kExitOk;
  }
  auto validator = SchemaValidator::Load(DefaultSchemaPath());
  if (!validator.ok()) {
    err << "registre export: " << validator.status().message() << "\n";
    return ExitFor(validator.status());
  }
  args.sink.standard_output = &out;
  auto sink = MakeSink(args.sink);
  if (!sink.ok()) {
    err << "registre export: " << sink.status().message() << "\n";
    return ExitFor(sink.status());
  }
  Counts counts;
  size_t unreadable = 0;
  for (const std::string& input : args.inputs) {
    if (input == "-") {
      ExportStream(std::cin, "standard input", *validator.value(), *sink.value(), counts, err);
      continue;
    }
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      err << "registre export: " << input << ": cannot open\n";
      ++unreadable;
      continue;
    }
    ExportStream(in, input, *validator.value(), *sink.value(), counts, err);
  }
  Status finished = sink.value()->Finish();
  if (!finished.ok()) err << "registre export: " << finished.message() << "\n";
  for (const std::string& line : sink.value()->Summary()) err << line << "\n";
  err << "export: " << counts.records << " records read, " << counts.failed << " not written\n";
  bool all_ok = finished.ok() && counts.failed == 0 && unreadable == 0;
  return all_ok ? kExitOk : kExitSomeFailed;
}

}  // namespace registre
