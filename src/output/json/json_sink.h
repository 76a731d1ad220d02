// JSON and JSON Lines sinks (format "json" or "jsonl" in the options). JSON Lines writes one
// record per line and flushes after each, so an interrupted run leaves every finished
// record on disk; JSON writes one array. Without a file, they write to
// options.standard_output.
#pragma once

#include <memory>
#include <string>

#include "output/sink.h"

namespace registre {

Result<std::unique_ptr<RecordSink>> MakeJsonSink(const SinkOptions& options);

}  // namespace registre
