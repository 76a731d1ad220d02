// Command-line parsing shared by the subcommands: the visible options plus positional input
// files, `--help`, and usage errors reported the same way everywhere.
#pragma once

#include <boost/program_options.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/exit_status.h"

namespace registre {

// Parses `args` against `visible` (whose "help" option, if given, prints `visible` to `out`)
// with every positional argument appended to `inputs`. On a parse error prints
// "registre COMMAND: reason" and the options to `err`. Returns the exit status when the
// command is to stop there (kExitOk after --help, kExitUsage on an error), else nothing.
// The line a usage error ends with: "Try 'registre COMMAND --help'.".
std::string TryHelp(const std::string& command);

std::optional<ExitCode> ParseCommandLine(const std::string& command,
                                         const std::vector<std::string>& args,
                                         const boost::program_options::options_description& visible,
                                         std::vector<std::string>* inputs,
                                         boost::program_options::variables_map* vm,
                                         std::ostream& out, std::ostream& err);

}  // namespace registre
