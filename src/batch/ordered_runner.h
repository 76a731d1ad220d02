// RunOrdered: processes a list of inputs on N threads and hands the results back one by
// one in input order, with a fixed number of inputs in flight.
//
// Contract: `process(item)` is called once per input, concurrently on up to `jobs` threads
// (it must only touch its item and thread-safe shared state); `deliver(item)` is called once
// per processed input, never concurrently, in input order. At most `max_in_flight` items
// exist at a time, so memory does not grow with the length of the list. When `deliver`
// returns an error no further input is started, the items already started are dropped
// undelivered, and that error is returned. Exceptions from `process` are caught and turned
// into a failed item (stage "internal"), so one bad input cannot stop the run.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "pipeline/pipeline.h"

namespace registre {

struct WorkItem {
  std::size_t index = 0;  // position in the input list
  std::string path;
  // Filled by `process`:
  enum class Outcome { kDone, kFailed, kSkipped } outcome = Outcome::kDone;
  std::string sha256;  // of the bytes read; empty when they could not be read
  std::size_t bytes = 0;
  std::string stage, message;  // kFailed: where and why
  DocumentResult result;       // kDone
  std::string text;            // kDone in text-only mode
};

struct RunnerOptions {
  int jobs = 1;
  std::size_t max_in_flight = 0;  // 0: twice `jobs`
};

Status RunOrdered(const std::vector<std::string>& inputs, const RunnerOptions& options,
                  const std::function<void(WorkItem&)>& process,
                  const std::function<Status(WorkItem&)>& deliver);

}  // namespace registre
