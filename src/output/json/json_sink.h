// JSON and JSON Lines sinks. JSON Lines writes one record per line and flushes after each,
// so an interrupted run leaves every finished record on disk; JSON writes one array.
#pragma once

#include <memory>
#include <string>

#include "output/sink.h"

namespace registre {

Result<std::unique_ptr<RecordSink>> MakeJsonSink(const std::string& path, bool lines);

}  // namespace registre
