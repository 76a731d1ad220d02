// Supervised reading: a reader that may never return or may eat all memory on a hostile
// file (PoDoFo on an encrypted PDF whose stream /Length is -1 spins forever: issue 16) runs
// in a worker process, so that a deadline and a memory budget can stop it whatever it does,
// and the batch goes on with the next file.
//
// Contract: ReadSupervised sends `bytes` to a worker process of the calling thread (forked on
// first use, then kept for the next files: a fork per file cost 10 ms), which runs `reader`
// on them under an address-space limit of its size when forked plus `max_memory_bytes`
// (when set) and sends back the SourceText or the Status it returned. The caller waits at
// most `deadline_seconds` (when set). It returns what the reader returned, or:
//   kDeadline       the deadline passed: the worker is killed (the next file gets a new one);
//   kResourceLimit  the reader used up the memory budget ("memory budget of N MB ...");
//   kInternal       the worker died otherwise (a signal) or could not be started.
// A worker whose memory grew past half its budget is replaced after its answer. With neither
// limit set the reader runs in the calling thread, unsupervised. A worker only runs `reader`
// and leaves with _exit: it never flushes the parent's buffered output; it dies with the
// thread that forked it (PR_SET_PDEATHSIG). Safe to call from several threads at once: each
// thread has its own workers.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"
#include "read/source_text.h"

namespace registre {

struct ReadLimits {
  double deadline_seconds = 0;       // 0: no deadline
  std::size_t max_memory_bytes = 0;  // 0: no budget
  bool any() const { return deadline_seconds > 0 || max_memory_bytes > 0; }
};

using SupervisedReader = Result<SourceText> (*)(std::string_view bytes);

// Forks the zygote, a process that forks the workers on request: call it first thing in
// main, while the program has one thread. A worker forked from a thread of a busy process
// inherits the locks the other threads held at that moment (one waited forever on an ICU
// initialisation another thread was running); the zygote's workers do not. Without it,
// workers are forked from the calling thread. A worker from the zygote that dies reports no
// signal ("it crashed or was killed"). Idempotent.
void StartReadSupervisor();

Result<SourceText> ReadSupervised(SupervisedReader reader, std::string_view bytes,
                                  const ReadLimits& limits);

}  // namespace registre
