// The entry point of the OCR plugin (libregistre_ocr.so): ReadImage with default options,
// under a C name so that image_input.cc can find it with dlsym. Both sides are built together
// from this tree, so the C++ types in the signature are the same on both sides.
#pragma once

#include <string_view>

#include "base/status.h"
#include "read/source_text.h"

namespace registre {

using OcrPluginRead = void (*)(std::string_view bytes, Result<SourceText>* out);
inline constexpr const char* kOcrPluginEntry = "registre_ocr_read";
// The same at a known resolution (a PDF page's image: its width over the page's).
using OcrPluginReadAt = void (*)(std::string_view bytes, int dpi, Result<SourceText>* out);
inline constexpr const char* kOcrPluginEntryAt = "registre_ocr_read_at";
inline constexpr const char* kOcrPluginFile = "libregistre_ocr.so";

}  // namespace registre
