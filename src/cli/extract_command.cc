#include <boost/program_options.hpp>
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "cli/input_files.h"
#include "output/sink.h"
#include "pipeline.h"

namespace registre {
namespace po = boost::program_options;

namespace {

struct ExtractOptions {
  std::vector<std::string> files;
  std::string format = "jsonl";
  std::string output;
  std::string grammar_dir;
  std::string schema;
  bool text_only = false;
  bool quiet = false;
};

po::options_description ExtractOptionsDescription(ExtractOptions& o) {
  po::options_description d("registre extract [OPTIONS] FILE... ('-' reads standard input)");
  d.add_options()("help,h", "print this help")(
      "format,f", po::value(&o.format)->default_value("jsonl"), "output format: json | jsonl")(
      "output,o", po::value(&o.output), "write records to FILE (default: standard output)")(
      "grammar", po::value(&o.grammar_dir), "use the grammar files of DIR instead of the bundled ones")(
      "schema", po::value(&o.schema), "validate records against this JSON Schema instead")(
      "text-only", po::bool_switch(&o.text_only), "print the extracted text (pages separated by form feeds), no records")(
      "quiet,q", po::bool_switch(&o.quiet), "no summary or per-file warnings on standard error");
  return d;
}

}  // namespace

int RunExtractCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ExtractOptions o;
  po::options_description desc = ExtractOptionsDescription(o);
  po::options_description hidden;
  hidden.add_options()("input", po::value(&o.files));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    err << "registre extract: " << e.what() << "\n" << desc;
    return kExitUsage;
  }
  if (vm.count("help")) {
    out << desc;
    return kExitOk;
  }
  if (o.files.empty()) {
    err << "registre extract: no input files\n" << desc;
    return kExitUsage;
  }
  auto pipeline = Pipeline::Create(o.grammar_dir.empty() ? DefaultGrammarDir() : o.grammar_dir,
                                   o.schema.empty() ? DefaultSchemaPath() : o.schema);
  if (!pipeline.ok()) {
    err << "registre extract: " << pipeline.status().message() << "\n";
    return kExitUsage;
  }
  std::unique_ptr<RecordSink> sink;
  if (!o.text_only) {
    auto made = MakeSink(SinkOptions{o.format, o.output, {}});
    if (!made.ok()) {
      err << "registre extract: " << made.status().message() << "\n";
      return kExitUsage;
    }
    sink = std::move(made).value();
  }
  auto started = std::chrono::steady_clock::now();
  std::size_t failed = 0, records = 0, warnings = 0, empty = 0;
  for (const std::string& file : o.files) {
    Result<std::string> bytes = ReadInputFile(file);
    if (!bytes.ok()) {
      err << "registre: " << file << ": " << bytes.status().message() << "\n";
      ++failed;
      continue;
    }
    if (o.text_only) {
      auto text = pipeline.value()->Read(bytes.value());
      if (!text.ok()) {
        err << "registre: " << file << ": " << text.status().message() << "\n";
        ++failed;
        continue;
      }
      out << text.value().text;
      if (!text.value().text.empty() && text.value().text.back() != '\n') out << '\n';
      continue;
    }
    auto result = pipeline.value()->Extract(bytes.value(), file);
    if (!result.ok()) {
      err << "registre: " << file << ": " << result.status().message() << "\n";
      ++failed;
      continue;
    }
    for (const Warning& w : result.value().warnings) {
      if (!o.quiet) err << "registre: " << file << ": warning " << w.code << ": " << w.message << "\n";
      ++warnings;
    }
    if (result.value().records.empty()) ++empty;
    for (const auto& record : result.value().records) {
      warnings += record["warnings"].size();
      Status s = sink->Write(record);
      if (!s.ok()) {
        err << "registre: " << s.message() << "\n";
        return kExitSomeFailed;
      }
      ++records;
    }
  }
  if (sink) {
    Status s = sink->Finish();
    if (!s.ok()) {
      err << "registre: " << s.message() << "\n";
      return kExitSomeFailed;
    }
  }
  if (!o.quiet && !o.text_only) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    err << "registre: " << o.files.size() << " files, " << records << " records, " << warnings
        << " warnings, " << failed << " failed, " << empty << " without deliberation ("
        << secs << " s)\n";
    for (const std::string& line : sink->Summary()) err << "registre: " << line << "\n";
  }
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace registre
