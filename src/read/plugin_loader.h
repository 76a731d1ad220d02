// Plugin loading: readers whose libraries are heavy (the PDF reader and PoDoFo's 17
// libraries, the OCR reader and Tesseract's 56) live in shared modules that a run loads the
// first time it meets such a file, so that a run over text files starts as fast as without
// them.
//
// Contract: LoadPluginEntry looks for the module in $`env_var` when set, else beside the
// executable, then at `build_path` (where the build put it), and returns the address of its
// C entry point `entry`, or nullptr and, in `error`, why each place failed. A module stays
// loaded for the life of the process. Not synchronised: callers load once (std::call_once).
#pragma once

#include <string>

namespace registre {

void* LoadPluginEntry(const char* env_var, const char* file_name, const char* build_path,
                      const char* entry, std::string* error);

}  // namespace registre
