#include "read/pdf/pdf_plugin.h"

#include <type_traits>

#include "read/pdf/pdf_reader.h"

extern "C" __attribute__((visibility("default"))) void registre_pdf_read(
    std::string_view bytes, registre::Result<registre::SourceText>* out) {
  *out = registre::ReadPdf(bytes);
}

// The signature must stay the one pdf_input.cc calls through.
static_assert(std::is_same_v<decltype(&registre_pdf_read), registre::PdfPluginRead>);
