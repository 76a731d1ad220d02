// registre extract: files, directories and lists of files in, records out, on N threads in
// input order, resumable after a crash, one shard of N at a time. docs/batch.md describes
// the options and the guarantees; src/batch/ holds the parts.
#include <sys/stat.h>
#include <tbb/info.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "base/home.h"
#include "base/sha256.h"
#include "batch/input_list.h"
#include "batch/ordered_runner.h"
#include "batch/progress.h"
#include "batch/run_log.h"
#include "batch/shard.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/input_files.h"
#include "output/sink.h"
#include "pipeline/pipeline.h"

namespace registre {
namespace po = boost::program_options;

namespace {

struct ExtractOptions {
  std::vector<std::string> files;
  std::vector<std::string> includes, excludes;
  std::string files_from;
  std::string format = "jsonl";
  std::string output;
  std::string errors;
  std::string grammar_dir;
  std::string schema;
  std::string shard;
  int jobs = 0;
  double timeout = 60;     // seconds a PDF may take to read (0: no deadline)
  long max_memory = 4096;  // MB a PDF's reader may use (0: no budget)
  bool text_only = false;
  bool explain = false;
  bool quiet = false;
  bool resume = false;
  bool list = false;
  std::map<std::string, std::string> params;
};

// True for an output that is no regular file a log could sit beside: "-" (standard output),
// anything under /dev/ (/dev/null, /dev/stdout), or an existing pipe, socket or device.
bool IsSpecialOutput(const std::string& path) {
  if (path == "-" || path.starts_with("/dev/")) return true;
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

// The stage an input failed at, for the errors file: "timeout" when its reader passed the
// deadline, "memory" when it used up its budget, else "extract".
std::string StageOf(const Status& s) {
  if (s.code() == StatusCode::kDeadline) return "timeout";
  if (s.code() == StatusCode::kResourceLimit && s.message().starts_with("memory budget"))
    return "memory";
  return "extract";
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

po::options_description ExtractOptionsDescription(ExtractOptions& o) {
  po::options_description d(
      "registre extract [OPTIONS] FILE|DIR... ('-' reads standard input)\n\n"
      "Directories are read recursively, files in sorted order; records come out in input\n"
      "order whatever --jobs (see docs/batch.md)");
  const std::string formats = "output format: " + Join(SinkFormats(), " | ");
  auto param = [&o](const char* key) {
    return po::value<std::string>()->notifier(
        [&o, key](const std::string& v) { o.params[key] = v; });
  };
  // clang-format off
  d.add_options()
    ("help,h", "print this help")
    ("format,f", po::value(&o.format)->default_value("jsonl"), formats.c_str())
    ("output,o", po::value(&o.output), "write records to FILE (default: standard output); "
                                       "with jsonl, also FILE.done, the log --resume reads")
    ("errors", po::value(&o.errors), "write one JSON line per failed input to FILE "
                                     "(path, sha256, stage, message)")
    ("files-from", po::value(&o.files_from), "read input paths from LIST, one a line ('-': "
                                             "standard input)")
    ("include", po::value(&o.includes)->composing(), "in directories, take only files matching "
                                                     "GLOB (repeatable)")
    ("exclude", po::value(&o.excludes)->composing(), "in directories, skip files matching GLOB "
                                                     "(repeatable)")
    ("jobs,j", po::value(&o.jobs)->default_value(0), "extract N files at a time (0: one per core)")
    ("timeout", po::value(&o.timeout)->default_value(60), "stop reading a PDF after S seconds; the "
                                                          "file fails, the batch goes on (0: never)")
    ("max-memory", po::value(&o.max_memory)->default_value(4096), "stop reading a PDF past MB "
                                                                  "megabytes of memory (0: no limit)")
    ("resume", po::bool_switch(&o.resume), "keep the inputs already done in -o FILE (same path "
                                           "and sha256) and do the rest")
    ("shard", po::value(&o.shard), "process only slice K/N of the inputs (K from 0 to N-1), "
                                   "for N workers")
    ("list", po::bool_switch(&o.list), "print the selected inputs, one a line, and stop")
    ("separator", param("separator"), "scdl: CSV field separator")
    ("formulas", param("formulas"),
     "scdl: 'neutralise' (default: a cell starting with = + - @ gets a leading ') or 'keep'")
    ("authority-siret", param("authority-siret"), "scdl: SIRET of the publishing authority")
    ("siret-map", param("siret-map"), "scdl: CSV file mapping authority names to SIRETs")
    ("rejects", param("rejects"), "write the records a format cannot hold to FILE")
    ("grammar", po::value(&o.grammar_dir), "use the grammar files of DIR instead of the bundled ones")
    ("schema", po::value(&o.schema), "validate records against this JSON Schema instead")
    ("text-only", po::bool_switch(&o.text_only), "print the extracted text (pages separated by "
                                                 "form feeds), no records")
    ("explain", po::bool_switch(&o.explain), "print how each file is cut into records (one "
                                             "JSON line a file: records, heading candidates "
                                             "and why each opens a record or not), no records")
    ("quiet,q", po::bool_switch(&o.quiet), "no progress, summary or per-file warnings on "
                                           "standard error");
  // clang-format on
  return d;
}

struct Counts {
  std::size_t done = 0, failed = 0, skipped = 0, records = 0, warnings = 0, empty = 0,
              inferred_subjects = 0;
  std::size_t redone = 0;         // inputs done before under another sha256
  std::size_t failed_before = 0;  // skipped inputs that failed in an earlier run
};

}  // namespace

int RunExtractCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ExtractOptions o;
  po::options_description desc = ExtractOptionsDescription(o);
  po::variables_map vm;
  if (auto stop = ParseCommandLine("extract", args, desc, &o.files, &vm, out, err)) return *stop;
  auto usage = [&](const std::string& message) {
    err << "registre extract: " << message << "\n" << TryHelp("extract");
    return kExitUsage;
  };
  auto stop = [&](const Status& status) {
    err << "registre extract: " << status.message() << "\n";
    return ExitFor(status);
  };
  if (o.files.empty() && o.files_from.empty()) return usage("no input files");
  if (o.output == "-") o.output.clear();
  // Records go through the run log, a document at a time: JSON Lines to a file are its own
  // crash-safe, resumable output (with the done log); any other output is the format's sink.
  if (o.explain && o.text_only) return usage("--explain and --text-only exclude each other");
  // --explain prints a document's segmentation where --text-only prints its text.
  const bool text_out = o.text_only || o.explain;
  // A special output (standard output, /dev/null, a pipe) gets no FILE.done beside it.
  const bool special_output = IsSpecialOutput(o.output);
  const bool logged_output =
      !text_out && o.format == "jsonl" && !o.output.empty() && !special_output;
  if (o.resume && special_output) {
    return usage("--resume needs -o FILE, a regular file: " + o.output +
                 " keeps nothing to resume from");
  }
  if (o.resume && !logged_output) {
    return usage("--resume needs -o FILE with --format jsonl (the file it resumes)");
  }
  if (o.jobs < 0) return usage("--jobs must be 0 (one per core) or more");
  if (!(o.timeout >= 0)) return usage("--timeout must be 0 (never) or a number of seconds");
  if (o.max_memory < 0) return usage("--max-memory must be 0 (no limit) or a number of MB");
  if (o.jobs == 0) o.jobs = tbb::info::default_concurrency();
  Shard shard;
  if (!o.shard.empty()) {
    auto parsed = ParseShard(o.shard);
    if (!parsed.ok()) return stop(parsed.status());
    shard = parsed.value();
  }
  const bool stdin_listed = std::count(o.files.begin(), o.files.end(), "-") > 0;
  if (stdin_listed && o.files_from == "-") {
    return usage("standard input cannot be both an input and the --files-from list");
  }

  SkippedInputs skipped;
  auto collected = CollectInputs(InputSelection{o.files, o.includes, o.excludes, o.files_from},
                                 std::cin, &skipped);
  if (!collected.ok()) return stop(collected.status());
  // Named pipes, sockets and devices inside a directory are no inputs: said, not read.
  for (const std::string& p : skipped.special)
    err << "registre: " << p
        << ": warning skipped: not a regular file (a pipe, a socket or a device)\n";
  // Files in directories that are no documents: counted, with how to take them anyway.
  if (!skipped.by_reason.empty() && !o.quiet) {
    std::size_t total = 0;
    std::string why;
    for (const auto& [reason, count] : skipped.by_reason) {
      total += count;
      why += (why.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
    }
    err << "registre: skipped " << total << " files in the directories that are no documents ("
        << why << "); name a file or use --include GLOB to read it\n";
  }
  std::vector<std::string> inputs = SelectShard(collected.value(), shard);
  if (o.list) {
    for (const std::string& p : inputs) out << p << "\n";
    return kExitOk;
  }

  auto pipeline = Pipeline::Create(o.grammar_dir.empty() ? DefaultGrammarDir() : o.grammar_dir,
                                   o.schema.empty() ? DefaultSchemaPath() : o.schema);
  if (!pipeline.ok()) return stop(pipeline.status());
  const ReadLimits limits{o.timeout, static_cast<std::size_t>(o.max_memory) << 20};
  // Before any job thread starts: the PDF workers are forked from a process forked now.
  if (limits.any()) StartReadSupervisor();
  pipeline.value()->set_read_limits(limits);
  const Pipeline& extractor = *pipeline.value();

  RunFiles files{logged_output ? o.output : std::string(), o.errors};
  DoneMap done;
  if (o.resume) {
    RecoveryReport report;
    auto recovered = Recover(files, &report);
    if (!recovered.ok()) {
      err << "registre extract: cannot resume: " << recovered.status().message() << "\n";
      return ExitFor(recovered.status());
    }
    done = std::move(recovered).value();
    if (!o.quiet) {
      err << "registre: resuming " << o.output << ": " << report.documents << " inputs done ("
          << report.records_kept << " records kept, " << report.records_dropped
          << " unfinished records dropped)\n";
    }
  }
  const SinkOptions sink_options{o.format, o.output, o.params, &out};
  auto log = RunLog::Open(files, o.resume, text_out || logged_output ? nullptr : &sink_options);
  if (!log.ok()) return stop(log.status());

  auto started = std::chrono::steady_clock::now();
  Progress progress(err, inputs.size(), !o.quiet && StderrIsTerminal());
  Counts n;

  auto process = [&](WorkItem& item) {
    Result<std::string> bytes = ReadInputFile(item.path);
    if (!bytes.ok()) {
      item.outcome = WorkItem::Outcome::kFailed;
      item.stage = "read";
      item.message = bytes.status().message();
      return;
    }
    item.bytes = bytes.value().size();
    item.sha256 = Sha256Hex(bytes.value());
    if (auto it = done.find(item.path); it != done.end() && it->second.sha256 == item.sha256) {
      item.outcome = WorkItem::Outcome::kSkipped;
      return;
    }
    if (o.text_only) {
      auto text = extractor.Read(bytes.value());
      if (text.ok()) {
        item.text = std::move(text.value().text);
      } else {
        item.outcome = WorkItem::Outcome::kFailed;
        item.stage = StageOf(text.status());
        item.message = text.status().message();
      }
      return;
    }
    if (o.explain) {
      auto explained = extractor.Explain(bytes.value());
      if (explained.ok()) {
        nlohmann::json& j = explained.value();
        j["file"] = item.path;
        item.text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
      } else {
        item.outcome = WorkItem::Outcome::kFailed;
        item.stage = StageOf(explained.status());
        item.message = explained.status().message();
      }
      return;
    }
    auto result = extractor.Extract(bytes.value(), item.path, item.sha256);
    if (result.ok()) {
      item.result = std::move(result).value();
    } else {
      item.outcome = WorkItem::Outcome::kFailed;
      item.stage = StageOf(result.status());
      item.message = result.status().message();
    }
  };

  auto deliver = [&](WorkItem& item) -> Status {
    if (item.outcome == WorkItem::Outcome::kSkipped) {
      ++n.skipped;
      // A failure recorded by an earlier run still stands in the result of the whole job.
      if (done.at(item.path).failed) ++n.failed_before;
      progress.AddDone(0, false, item.bytes);
      return Status::Ok();
    }
    if (done.count(item.path)) ++n.redone;
    if (item.outcome == WorkItem::Outcome::kFailed) {
      ++n.failed;
      progress.Print("registre: " + item.path + ": " + item.message + "\n");
      progress.AddDone(0, true, item.bytes);
      ErrorRecord error{item.stage, item.message};
      return log.value()->Commit(item.path, item.sha256, {}, &error);
    }
    ++n.done;
    if (text_out) {
      out << item.text;
      if (!item.text.empty() && item.text.back() != '\n') out << '\n';
      progress.AddDone(0, false, item.bytes);
      return Status::Ok();
    }
    const DocumentResult& r = item.result;
    for (const Warning& w : r.warnings) {
      if (!o.quiet)
        progress.Print("registre: " + item.path + ": warning " + w.code + ": " + w.message + "\n");
      ++n.warnings;
    }
    if (r.records.empty()) ++n.empty;
    for (const auto& record : r.records) {
      n.warnings += record["warnings"].size();
      if (record["matter"].value("derived", false)) ++n.inferred_subjects;
    }
    n.records += r.records.size();
    progress.AddDone(r.records.size(), false, item.bytes);
    return log.value()->Commit(item.path, item.sha256, r.records, nullptr, &r.repeats_attendance);
  };

  Status run = RunOrdered(inputs, RunnerOptions{o.jobs, 0}, process, deliver);
  progress.Finish();
  // Each grammar warning once, whatever the number of documents that met the pattern.
  for (const std::string& warning : extractor.grammar_warnings())
    err << "registre: " << warning << "\n";
  if (!run.ok()) {
    err << "registre: " << run.message() << "\n";
    return ExitFor(run);
  }
  if (Status s = log.value()->Close(); !s.ok()) {
    err << "registre: " << s.message() << "\n";
    return ExitFor(s);
  }
  if (n.redone > 0) {
    // Inputs that changed since they were done have new records; drop the old ones.
    auto again = Recover(files);
    if (!again.ok()) {
      err << "registre: " << again.status().message() << "\n";
      return ExitFor(again.status());
    }
  }
  if (!o.quiet && !text_out) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char time[32];
    std::snprintf(time, sizeof time, "%.2f s", secs);
    err << "registre: " << inputs.size() << " files, " << n.records << " records, " << n.warnings
        << " warnings, " << n.failed + n.failed_before << " failed, " << n.empty
        << " without deliberation, " << n.inferred_subjects << " subjects inferred";
    if (o.resume) {
      err << "; " << n.skipped << " already done (" << n.failed_before << " of them failed), "
          << n.redone << " changed and redone";
    }
    err << " (" << time << ", " << o.jobs << (o.jobs == 1 ? " job" : " jobs") << ")\n";
    for (const std::string& line : log.value()->Summary()) err << "registre: " << line << "\n";
  }
  return n.failed + n.failed_before ? kExitSomeFailed : kExitOk;
}

}  // namespace registre
