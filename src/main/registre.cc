// registre: French local-government deliberations -> validated JSON records.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>&, std::ostream&, std::ostream&);
};

const Command kCommands[] = {
    {"extract", "extract deliberation records from PDF or text files", registre::RunExtractCommand},
    {"validate", "check JSON / JSON Lines records against the schema",
     registre::RunValidateCommand},
    {"export", "convert JSON Lines records to another format", registre::RunExportCommand},
};

void PrintUsage(std::ostream& out) {
  out << "usage: registre COMMAND [OPTIONS] [FILE...]\n\ncommands:\n";
  for (const Command& c : kCommands) out << "  " << c.name << "\t" << c.summary << "\n";
  out << "\n'registre COMMAND --help' describes each command's options.\n"
         "exit codes: 0 all good, 1 some input failed, 2 usage error\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    PrintUsage(std::cerr);
    return registre::kExitUsage;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return registre::kExitOk;
  }
  if (name == "--version") {
    std::cout << "registre " << REGISTRE_VERSION << "\n";
    return registre::kExitOk;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const Command& c : kCommands) {
    if (name == c.name) return c.run(args, std::cout, std::cerr);
  }
  std::cerr << "registre: unknown command '" << name << "'\nTry 'registre --help'.\n";
  return registre::kExitUsage;
}
