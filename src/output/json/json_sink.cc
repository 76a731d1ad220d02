#include "output/json/json_sink.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "record/json_line.h"

namespace registre {
namespace {

class JsonSink : public RecordSink {
 public:
  JsonSink(std::unique_ptr<std::ofstream> file, std::string path, bool lines)
      : file_(std::move(file)), path_(std::move(path)), lines_(lines) {}

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
  std::ostream& stream() { return file_ ? static_cast<std::ostream&>(*file_) : std::cout; }

  std::unique_ptr<std::ofstream> file_;
  std::string path_;
  bool lines_;
  size_t count_ = 0;
};

}  // namespace

Result<std::unique_ptr<RecordSink>> MakeJsonSink(const std::string& path, bool lines) {
  if (path.empty() || path == "-") {
    return std::unique_ptr<RecordSink>(new JsonSink(nullptr, "standard output", lines));
  }
  auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*file) return Status::Io(path + ": cannot open for writing: " + std::strerror(errno));
  return std::unique_ptr<RecordSink>(new JsonSink(std::move(file), path, lines));
}

}  // namespace registre
