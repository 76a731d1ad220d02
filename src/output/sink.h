// RecordSink: where finished records go. One sink per output format.
//
// The extract and export commands feed every record, in document order, to one sink, then
// call Finish() once. A sink that cannot write returns a Status naming the path and cause.
// Records given to a sink have already been validated against schemas/.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "status.h"

namespace registre {

struct SinkOptions {
  std::string format = "jsonl";  // json | jsonl | scdl | sqlite | akn
  std::string output;            // file or directory; empty or "-" = standard output
  // Format-specific settings from the command line (e.g. "separator", "authority-siret").
  std::map<std::string, std::string> params;
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // `source` describes the input file the record came from (path, sha256).
  virtual Status Write(const nlohmann::json& record) = 0;
  // Flushes and closes; returns the first error met. Must be called once.
  virtual Status Finish() = 0;
  // Lines for the end-of-run summary (e.g. "rejected rows: 2 (see rejects.csv)").
  virtual std::vector<std::string> Summary() const { return {}; }
};

// The formats MakeSink knows, for --help and usage errors.
std::vector<std::string> SinkFormats();

Result<std::unique_ptr<RecordSink>> MakeSink(const SinkOptions& options);

}  // namespace registre
