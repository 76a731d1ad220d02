// The registre subcommands. Each takes its arguments (without the program and command
// names) and the streams to use, and returns the process exit code:
//   0  everything asked for was produced
//   1  some input failed (the others were still processed and written)
//   2  usage error (unknown option, missing argument), nothing done
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace registre {

enum ExitCode { kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2 };

int RunExtractCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunValidateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunExportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace registre
