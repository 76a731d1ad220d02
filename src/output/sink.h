// RecordSink: where finished records go. One sink per output format.
//
// The extract and export commands feed every record, in document order, to one sink
// (extract a document at a time, through batch/run_log.h), then call Finish() once. A sink
// that cannot write returns a Status naming the path and cause. Records given to a sink
// have already been validated against schemas/. Sinks never pick a stream of the process
// themselves: "standard output" is the stream the command hands them
// (SinkOptions::standard_output), as only cli/ and main/ name std::cout.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"

namespace registre {

struct SinkOptions {
  std::string format = "jsonl";  // json | jsonl | scdl | sqlite | akn
  std::string output;            // file or directory; empty or "-" = standard output
  // Format-specific settings from the command line (e.g. "separator", "authority-siret").
  std::map<std::string, std::string> params;
  // The stream written for standard output (json, jsonl, scdl without a file); a sink asked
  // to write there without one is refused (an internal error), never sent to std::cout.
  std::ostream* standard_output = nullptr;
  // jsonl with a file: write after what the file holds instead of truncating it (the run
  // log resuming a run, batch/run_log.h).
  bool append = false;
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // Writes one record. A sink may also refuse one record it cannot represent (an SCDL row
  // missing a required column): it then returns an error naming the record and the reason,
  // stays usable, and the caller reports it and goes on with the next record (exit code 1).
  virtual Status Write(const nlohmann::json& record) = 0;
  // Writes the records of one document, in order. `repeats_attendance`, when not null, is
  // the pipeline's DocumentResult::repeats_attendance: true at k when record k's attendance
  // is the one of record k-1, so a sink may reuse what it made of it (JSON Lines copies the
  // bytes). The default calls Write() on each record and returns the first error, writing
  // none of the records after it.
  virtual Status WriteDocument(const std::vector<nlohmann::json>& records,
                               const std::vector<bool>* repeats_attendance);
  // Flushes and closes; returns the first error met. Must be called once.
  virtual Status Finish() = 0;
  // Lines for the end-of-run summary (e.g. "rejected rows: 2 (see rejects.csv)").
  virtual std::vector<std::string> Summary() const { return {}; }
};

// The formats MakeSink knows, for --help and usage errors.
std::vector<std::string> SinkFormats();

// Creates the sink for options.format; errors name the bad option or the path and cause.
//
// SinkOptions::params keys, by format (unknown keys are ignored):
//   scdl    output: a CSV file, or standard output
//           "separator"        one character, default ","; "tab" for a tab
//           "authority-siret"  SIRET for every authority the map does not name
//           "siret-map"        CSV file `authority,siret` (key: SIREN or authority name)
//           "rejects"          rejects CSV; default: OUTPUT without ".csv" + ".rejects.csv"
//                              (none when writing to standard output)
//           "grammar-dir"      directory holding matieres.rules; default
//                              $REGISTRE_HOME/grammars, else the source tree's grammars/
//   sqlite  output: the database file (required), created or updated in place; no params
//   akn     output: a directory (required, created), one XML file per record; no params
Result<std::unique_ptr<RecordSink>> MakeSink(const SinkOptions& options);

}  // namespace registre
