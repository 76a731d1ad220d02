#include "cli/command_line.h"

#include <ostream>

namespace registre {
namespace po = boost::program_options;

std::string TryHelp(const std::string& command) {
  return "Try 'registre " + command + " --help'.\n";
}

std::optional<ExitCode> ParseCommandLine(const std::string& command,
                                         const std::vector<std::string>& args,
                                         const po::options_description& visible,
                                         std::vector<std::string>* inputs, po::variables_map* vm,
                                         std::ostream& out, std::ostream& err) {
  po::options_description all;
  all.add(visible).add_options()("input", po::value(inputs));
  po::positional_options_description positional;
  positional.add("input", -1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    // As coreutils do: what is wrong, on one line, and where the help is.
    err << "registre " << command << ": " << e.what() << "\n" << TryHelp(command);
    return kExitUsage;
  }
  if (vm->count("help")) {
    out << visible;
    return kExitOk;
  }
  return std::nullopt;
}

}  // namespace registre
