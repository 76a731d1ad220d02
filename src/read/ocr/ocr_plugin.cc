#include "read/ocr/ocr_plugin.h"

#include <type_traits>

#include "read/ocr/ocr_reader.h"

extern "C" __attribute__((visibility("default"))) void registre_ocr_read(
    std::string_view bytes, registre::Result<registre::SourceText>* out) {
  *out = registre::ReadImage(bytes);
}

// The signature must stay the one image_input.cc calls through.
static_assert(std::is_same_v<decltype(&registre_ocr_read), registre::OcrPluginRead>);
