// Progress: a one-line report of a batch run on standard error, refreshed a few times a
// second by a background thread, for people watching a long run on a terminal.
//
// Contract: when disabled (standard error is not a terminal, or --quiet), nothing is ever
// written. When enabled, the line is redrawn in place ("\r...\x1b[K") at most every
// `interval`; Print() writes a message above it; Finish() (or the destructor) erases it.
// Counters may be updated from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace registre {

struct ProgressSnapshot {
  std::size_t done = 0, total = 0, records = 0, errors = 0, bytes = 0;
  double seconds = 0;
};

// "1234/10000 files (12%), 2345 records, 3 errors, 410.2 files/s, 2.1 MB/s, ETA 21s"
std::string FormatProgress(const ProgressSnapshot& s);

class Progress {
 public:
  Progress(std::ostream& err, std::size_t total, bool enabled,
           std::chrono::milliseconds interval = std::chrono::milliseconds(250));
  ~Progress();

  void AddDone(std::size_t records, bool error, std::size_t bytes);
  // Writes `line` (with its '\n') on its own, the progress line below it.
  void Print(const std::string& line);
  void Finish();

 private:
  void Draw();  // mutex_ held
  void Loop();

  std::ostream& err_;
  const std::size_t total_;
  const bool enabled_;
  const std::chrono::milliseconds interval_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::atomic<std::size_t> done_{0}, records_{0}, errors_{0}, bytes_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
  std::thread thread_;
};

// Whether standard error is a terminal.
bool StderrIsTerminal();

}  // namespace registre
