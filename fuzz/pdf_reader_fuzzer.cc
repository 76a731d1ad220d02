// libFuzzer target for ReadPdf: any bytes must give a Result (text or error) without
// crashing, hanging or exhausting memory. Built only with clang and -DREGISTRE_FUZZ=ON
// (see cmake/fuzz.cmake and docs/pdf.md).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "read/pdf/pdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  registre::PdfReaderOptions options;
  options.max_stream_bytes = 16u << 20;  // keep single inputs fast under the sanitizers
  options.max_operators = 500'000;
  auto result =
      registre::ReadPdf(std::string_view(reinterpret_cast<const char*>(data), size), options);
  (void)result;
  return 0;
}
