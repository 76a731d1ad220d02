// RunLog: the outputs of a batch run, written so that a run killed at any moment (kill -9,
// power cut aside) can be resumed with every record present exactly once.
//
//   OUTPUT        the records, JSON Lines, in input order
//   OUTPUT.done   one JSON line per finished input: {"path","sha256","records","failed"}
//   ERRORS        one JSON line per failed input: {"path","sha256","stage","message"}
//
// The records go through a RecordSink: with OUTPUT, the JSON Lines sink writing to it
// (output/json/json_sink.h, the one writer of JSON Lines); without, the sink of the format
// asked for (standard output, SCDL, SQLite...), and there is no done log.
//
// Contract: for each input, Commit() appends its records, then its error record, then its
// done line, each with write(2) as soon as the document is finished (the JSON Lines sink
// writes a document's records with one write(2) before it returns, and keeps no buffer), so
// a done line on disk implies that everything written before it is there too. An input is
// finished when it has a done line whose `records` equals the number of complete record
// lines in OUTPUT carrying its (source.file, source.sha256); the latest done line for a
// path wins. Recover() keeps exactly the finished inputs: it drops the records and error
// lines of inputs without a valid done line (the document in flight when the run died), of
// an older version of a file that was redone since (another sha256), and a truncated last
// line; it rewrites a file only when something must go (write to a temporary, fsync,
// rename, so an interrupted recovery is itself recoverable).
//
// An input that could not be read has no sha256: it gets an error record but no done line,
// so a resumed run tries it again. Done lines of inputs that are no longer listed are kept.
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "output/sink.h"

namespace registre {

struct RunFiles {
  std::string output;  // records; empty = records go elsewhere (no done log either)
  std::string errors;  // error records; empty = none
  std::string done() const { return output.empty() ? std::string() : output + ".done"; }
};

struct DoneEntry {
  std::string sha256;
  std::size_t records = 0;
  bool failed = false;
};

// Finished inputs by path.
using DoneMap = std::unordered_map<std::string, DoneEntry>;

struct RecoveryReport {
  std::size_t documents = 0;  // finished inputs found
  std::size_t records_kept = 0;
  std::size_t records_dropped = 0;  // partial, superseded or unreadable lines
  std::size_t errors_dropped = 0;
};

// Makes the files of `files` consistent (see above) and returns the finished inputs.
// Missing files are empty.
Result<DoneMap> Recover(const RunFiles& files, RecoveryReport* report = nullptr);

struct ErrorRecord {
  std::string stage;  // "read" (file), "extract" (decode, extraction, validation)
  std::string message;
};

class RunLog {
 public:
  // Opens the outputs of `files` that are named, truncating them unless `append`: OUTPUT
  // through the JSON Lines sink, then the done log, then ERRORS. Without OUTPUT, the records
  // go to MakeSink(*records) (made after the files are opened), or nowhere when `records` is
  // null (--text-only). Giving both OUTPUT and `records` is an internal error.
  static Result<std::unique_ptr<RunLog>> Open(const RunFiles& files, bool append,
                                              const SinkOptions* records = nullptr);
  // Closes the files without finishing the sink (a run that stopped on an error).
  ~RunLog();

  // Records the outcome of one input (see the contract). `sha256` is empty when the file
  // could not be read; `error` is null on success. `repeats_attendance`, when given, is
  // DocumentResult's (see RecordSink::WriteDocument). A sink's error stops the commit
  // before the error and done lines.
  Status Commit(const std::string& path, const std::string& sha256,
                const std::vector<nlohmann::json>& records, const ErrorRecord* error,
                const std::vector<bool>* repeats_attendance = nullptr);

  // Finishes the sink, then closes the files; returns the first error met. Once only.
  Status Close();

  // The sink's lines for the end-of-run summary.
  std::vector<std::string> Summary() const;

 private:
  RunLog() = default;
  Status CloseFiles();
  struct File {
    std::string path;
    int fd = -1;
  };
  std::unique_ptr<RecordSink> sink_;
  File done_, errors_;
};

}  // namespace registre
