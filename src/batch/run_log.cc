#include "batch/run_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>

#include "base/write_all.h"
#include "record/json_line.h"

namespace registre {
namespace {

using nlohmann::json;

// Calls `line(text, complete)` for each line of `path`; `complete` is false for a last line
// without '\n' (a write cut short). A missing file has no lines.
Status ForEachLine(const std::string& path,
                   const std::function<void(const std::string&, bool)>& line) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return Status::Ok();
    return Status::Io(path + ": cannot open: " + std::strerror(errno));
  }
  std::string text;
  while (std::getline(in, text)) line(text, !in.eof());
  if (in.bad()) return Status::Io(path + ": read error");
  return Status::Ok();
}

// Rewrites `path` with the lines for which keep(index) is true (index counts every line,
// complete or not), through a temporary file renamed over it.
Status RewriteKeeping(const std::string& path, const std::function<bool(std::size_t)>& keep) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Io(tmp + ": cannot open for writing: " + std::strerror(errno));
  std::string chunk;
  Status status;
  std::size_t index = 0;
  Status read = ForEachLine(path, [&](const std::string& text, bool) {
    if (status.ok() && keep(index)) {
      chunk.append(text).push_back('\n');
      if (chunk.size() >= (1u << 20)) {
        status = WriteAll(fd, chunk, tmp);
        chunk.clear();
      }
    }
    ++index;
  });
  if (status.ok()) status = WriteAll(fd, chunk, tmp);
  if (status.ok() && ::fsync(fd) != 0) status = Status::Io(tmp + ": fsync failed");
  ::close(fd);
  if (status.ok() && !read.ok()) status = read;
  if (status.ok() && std::rename(tmp.c_str(), path.c_str()) != 0) {
    status = Status::Io(path + ": cannot replace: " + std::strerror(errno));
  }
  if (!status.ok()) std::remove(tmp.c_str());
  return status;
}

std::string StringAt(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<DoneMap> Recover(const RunFiles& files, RecoveryReport* report) {
  RecoveryReport local;
  RecoveryReport& r = report ? *report : local;
  r = RecoveryReport{};
  DoneMap done;
  if (files.output.empty()) return done;

  // 1. The latest done line of each path.
  std::size_t done_lines = 0;
  bool done_dirty = false;
  Status s = ForEachLine(files.done(), [&](const std::string& text, bool complete) {
    ++done_lines;
    json j = complete ? json::parse(text, nullptr, false) : json();
    if (!j.is_object() || StringAt(j, "path").empty() || StringAt(j, "sha256").empty() ||
        !j.contains("records") || !j["records"].is_number_unsigned()) {
      done_dirty = true;
      return;
    }
    DoneEntry e{StringAt(j, "sha256"), j["records"].get<std::size_t>(), j.value("failed", false)};
    auto [it, inserted] = done.try_emplace(StringAt(j, "path"), e);
    if (!inserted) {
      it->second = e;
      done_dirty = true;
    }
  });
  if (!s.ok()) return s;

  // 2. Which record lines belong to the latest version of a done input, and how many.
  // Inputs are numbered so that each line keeps a small id rather than a copy of its path.
  std::unordered_map<std::string, std::size_t> id_of;
  std::vector<std::string> paths;
  std::vector<std::size_t> counts;
  std::vector<long> owner;  // per line: the id of its done input, or -1
  s = ForEachLine(files.output, [&](const std::string& text, bool complete) {
    long who = -1;
    if (complete) {
      json j = json::parse(text, nullptr, false);
      if (j.is_object() && j.contains("source") && j["source"].is_object()) {
        std::string path = StringAt(j["source"], "file");
        auto it = done.find(path);
        if (it != done.end() && it->second.sha256 == StringAt(j["source"], "sha256")) {
          auto [id, added] = id_of.try_emplace(path, paths.size());
          if (added) {
            paths.push_back(path);
            counts.push_back(0);
          }
          who = static_cast<long>(id->second);
          ++counts[id->second];
        }
      }
    }
    owner.push_back(who);
  });
  if (!s.ok()) return s;

  // 3. A done input whose records are not all there (or are there twice) is not finished.
  std::vector<bool> finished(paths.size());
  for (auto it = done.begin(); it != done.end();) {
    auto id = id_of.find(it->first);
    std::size_t have = id == id_of.end() ? 0 : counts[id->second];
    if (have != it->second.records) {
      it = done.erase(it);
      done_dirty = true;
    } else {
      if (id != id_of.end()) finished[id->second] = true;
      ++it;
    }
  }
  r.documents = done.size();
  std::size_t kept = 0;
  for (long who : owner) kept += who >= 0 && finished[static_cast<std::size_t>(who)];
  r.records_kept = kept;
  r.records_dropped = owner.size() - kept;
  if (r.records_dropped > 0) {
    s = RewriteKeeping(files.output, [&](std::size_t i) {
      return i < owner.size() && owner[i] >= 0 && finished[static_cast<std::size_t>(owner[i])];
    });
    if (!s.ok()) return s;
  }

  // 4. One error line per failed, finished input.
  if (!files.errors.empty()) {
    std::vector<bool> keep_error;
    std::unordered_map<std::string, bool> seen;
    s = ForEachLine(files.errors, [&](const std::string& text, bool complete) {
      bool keep = false;
      if (complete) {
        json j = json::parse(text, nullptr, false);
        if (j.is_object()) {
          std::string path = StringAt(j, "path");
          auto it = done.find(path);
          keep = it != done.end() && it->second.failed &&
                 it->second.sha256 == StringAt(j, "sha256") && seen.emplace(path, true).second;
        }
      }
      keep_error.push_back(keep);
    });
    if (!s.ok()) return s;
    for (bool k : keep_error) r.errors_dropped += !k;
    if (r.errors_dropped > 0) {
      s = RewriteKeeping(files.errors,
                         [&](std::size_t i) { return i < keep_error.size() && keep_error[i]; });
      if (!s.ok()) return s;
    }
  }

  // 5. The done log last: until it is rewritten, the old one still describes the files.
  if (done_dirty || done_lines != done.size()) {
    // Keep, for each finished path, its last line (the one `done` holds).
    std::vector<bool> keep_done;
    std::unordered_map<std::string, std::size_t> last_index;
    std::size_t index = 0;
    s = ForEachLine(files.done(), [&](const std::string& text, bool complete) {
      json j = complete ? json::parse(text, nullptr, false) : json();
      if (j.is_object()) last_index[StringAt(j, "path")] = index;
      keep_done.push_back(false);
      ++index;
    });
    if (!s.ok()) return s;
    for (const auto& [path, i] : last_index) {
      if (done.count(path)) keep_done[i] = true;
    }
    s = RewriteKeeping(files.done(),
                       [&](std::size_t i) { return i < keep_done.size() && keep_done[i]; });
    if (!s.ok()) return s;
  }
  return done;
}

Result<std::unique_ptr<RunLog>> RunLog::Open(const RunFiles& files, bool append,
                                             const SinkOptions* records) {
  if (!files.output.empty() && records) {
    return Status::Internal("run log: records go to " + files.output + " or to a sink, not both");
  }
  std::unique_ptr<RunLog> log(new RunLog());
  if (!files.output.empty()) {
    SinkOptions jsonl;
    jsonl.format = "jsonl";
    jsonl.output = files.output;
    jsonl.append = append;
    auto sink = MakeSink(jsonl);
    if (!sink.ok()) return sink.status();
    log->sink_ = std::move(sink).value();
  }
  int flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (append ? 0 : O_TRUNC);
  auto open = [&](const std::string& path, File& f) -> Status {
    if (path.empty()) return Status::Ok();
    f.path = path;
    f.fd = ::open(path.c_str(), flags, 0644);
    if (f.fd < 0) return Status::Io(path + ": cannot open for writing: " + std::strerror(errno));
    return Status::Ok();
  };
  for (Status s : {open(files.done(), log->done_), open(files.errors, log->errors_)}) {
    if (!s.ok()) return s;
  }
  if (records) {
    auto sink = MakeSink(*records);
    if (!sink.ok()) return sink.status();
    log->sink_ = std::move(sink).value();
  }
  return log;
}

RunLog::~RunLog() { (void)CloseFiles(); }

Status RunLog::Commit(const std::string& path, const std::string& sha256,
                      const std::vector<json>& records, const ErrorRecord* error,
                      const std::vector<bool>* repeats_attendance) {
  if (sink_ && !records.empty()) {
    Status s = sink_->WriteDocument(records, repeats_attendance);
    if (!s.ok()) return s;
  }
  if (error && errors_.fd >= 0) {
    json e = {{"path", path},
              {"sha256", sha256.empty() ? json() : json(sha256)},
              {"stage", error->stage},
              {"message", error->message}};
    Status s = WriteAll(errors_.fd, JsonLine(e) + "\n", errors_.path);
    if (!s.ok()) return s;
  }
  // Without a sha256 the input was not read: no done line, so a resumed run retries it.
  if (done_.fd >= 0 && !sha256.empty()) {
    json d = {{"path", path},
              {"sha256", sha256},
              {"records", records.size()},
              {"failed", error != nullptr}};
    return WriteAll(done_.fd, JsonLine(d) + "\n", done_.path);
  }
  return Status::Ok();
}

Status RunLog::Close() {
  Status first = sink_ ? sink_->Finish() : Status::Ok();
  sink_.reset();
  Status files = CloseFiles();
  return first.ok() ? files : first;
}

std::vector<std::string> RunLog::Summary() const {
  return sink_ ? sink_->Summary() : std::vector<std::string>();
}

Status RunLog::CloseFiles() {
  Status first;
  for (File* f : {&done_, &errors_}) {
    if (f->fd >= 0 && ::close(f->fd) != 0 && first.ok()) {
      first = Status::Io(f->path + ": close failed: " + std::strerror(errno));
    }
    f->fd = -1;
  }
  return first;
}

}  // namespace registre
