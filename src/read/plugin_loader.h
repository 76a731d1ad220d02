// Plugin loading: readers whose libraries are heavy (the PDF reader and PoDoFo's 17
// libraries, the OCR reader and Tesseract's 56) live in shared modules that a run loads the
// first time it meets such a file, so that a run over text files starts as fast as without
// them.
//
// Contract: LoadPluginEntries looks for the module in $`env_var` when set, else beside the
// executable, then at `build_path` (where the build put it), takes the first that has every
// C entry point named in `entries`, and returns their addresses in that order; or an empty
// vector and, in `error`, why each place failed. A module stays loaded for the life of the
// process. Not synchronised: callers load once (std::call_once).
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

namespace registre {

std::vector<void*> LoadPluginEntries(const char* env_var, const char* file_name,
                                     const char* build_path,
                                     std::initializer_list<const char*> entries,
                                     std::string* error);

}  // namespace registre
