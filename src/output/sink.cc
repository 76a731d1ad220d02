#include "output/sink.h"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "output/json_sink.h"
#include "output/scdl_sink.h"

namespace registre {

std::vector<std::string> SinkFormats() { return {"json", "jsonl", "scdl"}; }

Result<std::unique_ptr<RecordSink>> MakeSink(const SinkOptions& options) {
  if (options.format == "json" || options.format == "jsonl") {
    return MakeJsonSink(options.output, options.format == "jsonl");
  }
  if (options.format == "scdl") return MakeScdlSink(options);
  return Status::Error("unknown output format '" + options.format + "'");
}

}  // namespace registre
