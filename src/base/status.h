// Status and Result<T>: errors as values, never exceptions across module borders.
//
// A Status is ok or carries a code and a message. The code says what kind of failure it is,
// so a caller can act on it (the CLI maps codes to exit statuses in one place,
// cli/exit_status.h) without reading the message; the message is for people and names the
// file and the cause. Result<T> holds either a T or a non-ok Status. Callers test ok() before
// value(); value() on an error is a programming error.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace registre {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,   // the input (a document, a record, a map given by the user) is unusable
  kIo,             // a file or stream could not be opened, read, written or closed
  kBadGrammar,     // a grammar, schema or rules file shipped or named does not load
  kResourceLimit,  // a size, depth or count limit was reached
  kUsage,          // options that cannot work together or are malformed
  kDeadline,       // the time given to one input passed (its reader was stopped)
  kInternal,       // a broken promise inside registre (a bug), or a missing part of it
};

// "invalid input", "I/O error", ...: for messages and logs.
inline const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidInput: return "invalid input";
    case StatusCode::kIo: return "I/O error";
    case StatusCode::kBadGrammar: return "bad grammar or schema";
    case StatusCode::kResourceLimit: return "resource limit";
    case StatusCode::kUsage: return "usage error";
    case StatusCode::kDeadline: return "deadline passed";
    case StatusCode::kInternal: return "internal error";
  }
  return "unknown";
}

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string m) { return {StatusCode::kInvalidInput, std::move(m)}; }
  static Status Io(std::string m) { return {StatusCode::kIo, std::move(m)}; }
  static Status BadGrammar(std::string m) { return {StatusCode::kBadGrammar, std::move(m)}; }
  static Status ResourceLimit(std::string m) { return {StatusCode::kResourceLimit, std::move(m)}; }
  static Status Usage(std::string m) { return {StatusCode::kUsage, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status Deadline(std::string m) { return {StatusCode::kDeadline, std::move(m)}; }
  // A failure of a given code (not kOk): for statuses sent between processes.
  static Status WithCode(StatusCode code, std::string m) { return {code, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // The same failure with `context` (a file name, a record id) put before its message.
  Status Annotate(std::string_view context) const {
    if (ok()) return *this;
    return Status(code_, std::string(context) + ": " + message_);
  }

 private:
  Status(StatusCode code, std::string message) : message_(std::move(message)), code_(code) {
    assert(code != StatusCode::kOk);
  }
  std::string message_;
  StatusCode code_ = StatusCode::kOk;
};

template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace registre
