#include "read/ocr/ocr_plugin.h"

#include <type_traits>

#include "read/ocr/ocr_reader.h"

extern "C" __attribute__((visibility("default"))) void registre_ocr_read(
    std::string_view bytes, registre::Result<registre::SourceText>* out) {
  *out = registre::ReadImage(bytes);
}

extern "C" __attribute__((visibility("default"))) void registre_ocr_read_at(
    std::string_view bytes, int dpi, registre::Result<registre::SourceText>* out) {
  registre::OcrOptions options;
  options.dpi = dpi;
  *out = registre::ReadImage(bytes, options);
}

// The signatures must stay the ones image_input.cc calls through.
static_assert(std::is_same_v<decltype(&registre_ocr_read), registre::OcrPluginRead>);
static_assert(std::is_same_v<decltype(&registre_ocr_read_at), registre::OcrPluginReadAt>);
