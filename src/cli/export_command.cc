#include <ostream>

#include "cli/commands.h"

namespace registre {

// Placeholder until the exporters land (issue 5).
int RunExportCommand(const std::vector<std::string>&, std::ostream&, std::ostream& err) {
  err << "registre export: not available yet\n";
  return kExitUsage;
}

}  // namespace registre
