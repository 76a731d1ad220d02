#include "base/home.h"

#include <cstdlib>

namespace registre {

std::string RegistreHome() {
  if (const char* home = std::getenv("REGISTRE_HOME"); home && *home) return home;
  return REGISTRE_SOURCE_DIR;
}

std::string DefaultGrammarDir() { return RegistreHome() + "/grammars"; }

std::string DefaultSchemaPath() { return RegistreHome() + "/schemas/deliberation.schema.json"; }

}  // namespace registre
