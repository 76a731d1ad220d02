#include "output/sink.h"

#include "output/akn/akn_sink.h"
#include "output/json/json_sink.h"
#include "output/scdl/scdl_sink.h"
#include "output/sqlite/sqlite_sink.h"

namespace registre {

Status RecordSink::WriteDocument(const std::vector<nlohmann::json>& records,
                                 const std::vector<bool>* /*repeats_attendance*/) {
  for (const nlohmann::json& record : records) {
    Status s = Write(record);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

std::vector<std::string> SinkFormats() { return {"json", "jsonl", "scdl", "sqlite", "akn"}; }

Result<std::unique_ptr<RecordSink>> MakeSink(const SinkOptions& options) {
  if (options.format == "json" || options.format == "jsonl") {
    return MakeJsonSink(options);
  }
  if (options.format == "scdl") return MakeScdlSink(options);
  if (options.format == "sqlite") return MakeSqliteSink(options.output);
  if (options.format == "akn") return MakeAknSink(options.output);
  return Status::Usage("unknown output format '" + options.format + "'");
}

}  // namespace registre
