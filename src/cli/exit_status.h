// Exit statuses, decided here only. A command returns:
//   0  everything asked for was produced
//   1  some input or output failed (invalid input, I/O, a resource limit, a deadline, an
//      internal error, an output that could not be written);
//      the other inputs were still processed and written
//   2  the command cannot run as given: a usage error (unknown option, missing argument,
//      options that do not go together) or a grammar or schema that does not load;
//      nothing was done
#pragma once

#include "base/status.h"

namespace registre {

enum ExitCode { kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2 };

// The exit status of a command that stops on `status` (kExitOk when it is ok).
inline ExitCode ExitFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kUsage:
    case StatusCode::kBadGrammar: return kExitUsage;
    case StatusCode::kInvalidInput:
    case StatusCode::kIo:
    case StatusCode::kResourceLimit:
    case StatusCode::kDeadline:
    case StatusCode::kInternal: return kExitSomeFailed;
  }
  return kExitSomeFailed;
}

}  // namespace registre
