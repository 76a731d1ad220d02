// PDF input through the PDF plugin: the PDF reader and PoDoFo (with the 17 libraries PoDoFo
// needs) live in libregistre_pdf.so, loaded the first time a run meets a PDF. A run over
// text files never loads them, which saves about 3 ms of every start-up (docs/performance.md).
//
// The plugin is looked for in $REGISTRE_PDF_PLUGIN, then beside the executable, then in the
// build directory the binary came from. When it cannot be loaded, PDF inputs fail with an
// error saying so (and the other files of a batch go on).
#pragma once

#include <string_view>

#include "base/status.h"
#include "read/source_text.h"
#include "read/supervised_read.h"

namespace registre {

// With `limits` set, the PDF is read in a supervised child process (supervised_read.h): a
// file that hangs PoDoFo or eats memory fails alone, with kDeadline or kResourceLimit.
Result<SourceText> ReadPdfInput(std::string_view bytes, const ReadLimits& limits = {});

}  // namespace registre
