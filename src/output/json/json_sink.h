// JSON and JSON Lines sinks (options.format "json" or "jsonl"): the one code path that turns
// records into JSON Lines, for `extract` (through the run log, batch/run_log.h) and `export`.
//
// JSON Lines: one record per line, the bytes of record/json_line.h (nlohmann's dump). Each
// Write() and each WriteDocument() hands its lines over before it returns, with no buffer
// of ours: to a file with one write(2) (a document's records together, so a kill leaves
// whole documents and at most one cut line, which the run log's recovery drops), or to
// options.standard_output, then flushed. A record whose attendance repeats the one before
// (WriteDocument's repeats_attendance) gets the bytes written for it copied, not written
// again: the output is the same, for less work. options.append keeps what the file holds.
//
// JSON: one array, "[\n" then each record dumped with an indent of 1, ",\n" between them,
// "\n]\n" at Finish() ("[]\n" without records), written the same way.
#pragma once

#include <memory>

#include "output/sink.h"

namespace registre {

Result<std::unique_ptr<RecordSink>> MakeJsonSink(const SinkOptions& options);

}  // namespace registre
