#include "output/json/json_sink.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "record/json_line.h"

namespace registre {
namespace {

class JsonSink : public RecordSink {
 public:
  // Writes to `file`, or to `standard_output` when there is no file.
  JsonSink(std::unique_ptr<std::ofstream> file, std::ostream* standard_output, std::string path,
           bool lines)
      : file_(std::move(file)),
        standard_output_(standard_output),
        path_(std::move(path)),
        lines_(lines) {}

  Status Write(const nlohmann::json& record) override {
    std::ostream& out = stream();
    if (lines_) {
      out << JsonLine(record) << '\n';
    } else {
      out << (count_ == 0 ? "[\n" : ",\n")
          << record.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out.flush();
    ++count_;
    if (!out) return Status::Io(path_ + ": write failed: " + std::strerror(errno));
    return Status::Ok();
  }

  Status Finish() override {
    std::ostream& out = stream();
    if (!lines_) out << (count_ == 0 ? "[]\n" : "\n]\n");
    out.flush();
    if (!out) return Status::Io(path_ + ": write failed: " + std::strerror(errno));
    if (file_) file_->close();
    return Status::Ok();
  }

 private:
  std::ostream& stream() { return file_ ? static_cast<std::ostream&>(*file_) : *standard_output_; }

  std::unique_ptr<std::ofstream> file_;
  std::ostream* standard_output_;
  std::string path_;
  bool lines_;
  size_t count_ = 0;
};

}  // namespace

Result<std::unique_ptr<RecordSink>> MakeJsonSink(const SinkOptions& options) {
  const bool lines = options.format == "jsonl";
  const std::string& path = options.output;
  if (path.empty() || path == "-") {
    if (!options.standard_output) {
      return Status::Internal(options.format + " sink: no stream given for standard output");
    }
    return std::unique_ptr<RecordSink>(
        new JsonSink(nullptr, options.standard_output, "standard output", lines));
  }
  auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*file) return Status::Io(path + ": cannot open for writing: " + std::strerror(errno));
  return std::unique_ptr<RecordSink>(new JsonSink(std::move(file), nullptr, path, lines));
}

}  // namespace registre
