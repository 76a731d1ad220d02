#include "output/json/json_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>
#include <string_view>

#include "base/write_all.h"
#include "record/json_line.h"

namespace registre {
namespace {

using nlohmann::json;

// Where a sink's bytes go: a file descriptor written with write(2), or the caller's stream,
// flushed after each write, so nothing waits in a buffer of ours.
class ByteOutput {
 public:
  ByteOutput(int fd, std::ostream* stream, std::string name)
      : fd_(fd), stream_(stream), name_(std::move(name)) {}
  ~ByteOutput() {
    if (fd_ >= 0) ::close(fd_);
  }
  ByteOutput(const ByteOutput&) = delete;
  ByteOutput& operator=(const ByteOutput&) = delete;

  Status Put(std::string_view bytes) {
    if (stream_) {
      stream_->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      stream_->flush();
      if (!*stream_) return Status::Io(name_ + ": write failed");
      return Status::Ok();
    }
    return WriteAll(fd_, bytes, name_);
  }

  Status Close() {
    if (fd_ < 0) return Status::Ok();
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return Status::Io(name_ + ": close failed: " + std::strerror(errno));
    return Status::Ok();
  }

 private:
  int fd_;
  std::ostream* stream_;
  std::string name_;
};

class JsonLinesSink : public RecordSink {
 public:
  explicit JsonLinesSink(std::unique_ptr<ByteOutput> out) : out_(std::move(out)) {}

  Status Write(const json& record) override {
    buffer_.clear();
    AppendJsonLine(record, &buffer_);
    buffer_.push_back('\n');
    return out_->Put(buffer_);
  }

  Status WriteDocument(const std::vector<json>& records,
                       const std::vector<bool>* repeats_attendance) override {
    if (records.empty()) return Status::Ok();
    buffer_.clear();
    for (std::size_t k = 0; k < records.size(); ++k) {
      // The first record of a document has no record before it in this document.
      const bool repeats =
          repeats_attendance && k > 0 && k < repeats_attendance->size() && (*repeats_attendance)[k];
      AppendRecordLine(records[k], "attendance", repeats, &attendance_, &buffer_);
      buffer_.push_back('\n');
    }
    return out_->Put(buffer_);
  }

  Status Finish() override { return out_->Close(); }

 private:
  std::unique_ptr<ByteOutput> out_;
  std::string buffer_;      // one document's lines, reused
  std::string attendance_;  // the bytes of the last attendance written
};

class JsonArraySink : public RecordSink {
 public:
  explicit JsonArraySink(std::unique_ptr<ByteOutput> out) : out_(std::move(out)) {}

  Status Write(const json& record) override {
    std::string text = count_ == 0 ? "[\n" : ",\n";
    text += record.dump(1, ' ', false, json::error_handler_t::replace);
    ++count_;
    return out_->Put(text);
  }

  Status Finish() override {
    Status s = out_->Put(count_ == 0 ? "[]\n" : "\n]\n");
    Status closed = out_->Close();
    return s.ok() ? closed : s;
  }

 private:
  std::unique_ptr<ByteOutput> out_;
  std::size_t count_ = 0;
};

}  // namespace

Result<std::unique_ptr<RecordSink>> MakeJsonSink(const SinkOptions& options) {
  const bool lines = options.format == "jsonl";
  const std::string& path = options.output;
  std::unique_ptr<ByteOutput> out;
  if (path.empty() || path == "-") {
    if (!options.standard_output) {
      return Status::Internal(options.format + " sink: no stream given for standard output");
    }
    out = std::make_unique<ByteOutput>(-1, options.standard_output, "standard output");
  } else {
    // O_APPEND: every write lands at the end, where a resumed run's recovery left it.
    const int flags =
        O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (lines && options.append ? 0 : O_TRUNC);
    int fd = ::open(path.c_str(), flags, 0644);
    if (fd < 0) return Status::Io(path + ": cannot open for writing: " + std::strerror(errno));
    out = std::make_unique<ByteOutput>(fd, nullptr, path);
  }
  if (lines) return std::unique_ptr<RecordSink>(new JsonLinesSink(std::move(out)));
  return std::unique_ptr<RecordSink>(new JsonArraySink(std::move(out)));
}

}  // namespace registre
