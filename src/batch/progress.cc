#include "batch/progress.h"

#include <unistd.h>

#include <cstdio>

namespace registre {
namespace {

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s / 60 % 60);
  } else if (s >= 60) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lds", s);
  }
  return buf;
}

}  // namespace

std::string FormatProgress(const ProgressSnapshot& s) {
  char buf[256];
  int percent = s.total ? static_cast<int>(100.0 * s.done / s.total) : 100;
  double rate = s.seconds > 0 ? s.done / s.seconds : 0;
  double mbps = s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0;
  std::snprintf(buf, sizeof buf,
                "%zu/%zu files (%d%%), %zu records, %zu errors, %.1f files/s, %.1f MB/s", s.done,
                s.total, percent, s.records, s.errors, rate, mbps);
  std::string line = buf;
  if (s.done < s.total) {
    line += rate > 0 ? ", ETA " + Duration((s.total - s.done) / rate) : ", ETA ?";
  }
  return line;
}

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::ostream& err, std::size_t total, bool enabled,
                   std::chrono::milliseconds interval)
    : err_(err), total_(total), enabled_(enabled), interval_(interval) {
  if (enabled_) thread_ = std::thread([this] { Loop(); });
}

Progress::~Progress() { Finish(); }

void Progress::AddDone(std::size_t records, bool error, std::size_t bytes) {
  records_ += records;
  errors_ += error ? 1 : 0;
  bytes_ += bytes;
  ++done_;
}

void Progress::Print(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (enabled_ && !finished_) err_ << "\r\x1b[K";
  err_ << line;
  err_.flush();
}

void Progress::Draw() {
  ProgressSnapshot s{
      done_.load(),
      total_,
      records_.load(),
      errors_.load(),
      bytes_.load(),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count()};
  err_ << "\r" << FormatProgress(s) << "\x1b[K";
  err_.flush();
}

void Progress::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!finished_) {
    Draw();
    wake_.wait_for(lock, interval_, [this] { return finished_; });
  }
}

void Progress::Finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_) return;
    finished_ = true;
    if (enabled_) {
      err_ << "\r\x1b[K";
      err_.flush();
    }
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace registre
