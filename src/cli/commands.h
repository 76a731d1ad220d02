// The registre subcommands. Each takes its arguments (without the program and command
// names) and the streams to use, and returns the process exit code (cli/exit_status.h).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/exit_status.h"

namespace registre {

int RunExtractCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunValidateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunExportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace registre
