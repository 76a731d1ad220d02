// The entry point of the PDF plugin (libregistre_pdf.so): ReadPdf with default options,
// under a C name so that pdf_input.cc can find it with dlsym. Both sides are built together
// from this tree, so the C++ types in the signature are the same on both sides.
#pragma once

#include <string_view>

#include "base/status.h"
#include "read/source_text.h"

namespace registre {

using PdfPluginRead = void (*)(std::string_view bytes, Result<SourceText>* out);
inline constexpr const char* kPdfPluginEntry = "registre_pdf_read";
inline constexpr const char* kPdfPluginFile = "libregistre_pdf.so";

}  // namespace registre
