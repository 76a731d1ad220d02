// Where registre's bundled data lives: the grammars/ and schemas/ folders. This is the one
// place that reads $REGISTRE_HOME; everything else asks these functions.
#pragma once

#include <string>

namespace registre {

// $REGISTRE_HOME when it is set and not empty, else the source tree the binary was built
// from (an installed copy sets REGISTRE_HOME to where grammars/ and schemas/ were put).
std::string RegistreHome();

// RegistreHome() + "/grammars": the grammar files and matieres.rules.
std::string DefaultGrammarDir();

// RegistreHome() + "/schemas/deliberation.schema.json": the record schema.
std::string DefaultSchemaPath();

}  // namespace registre
