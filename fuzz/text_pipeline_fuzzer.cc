// libFuzzer target for the text pipeline: any bytes (a text in any encoding, markup, a
// hostile layout) must give records or an error value, never a crash, a hang or a record
// that breaks the schema. Built with -DREGISTRE_FUZZ=ON (cmake/fuzz.cmake, scripts/fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "pipeline/pipeline.h"
#include "record/schema_validator.h"

namespace {

const registre::Pipeline& TheOne() {
  static std::unique_ptr<registre::Pipeline> pipeline = [] {
    auto p = registre::Pipeline::Create(REGISTRE_SOURCE_DIR "/grammars",
                                        REGISTRE_SOURCE_DIR "/schemas/deliberation.schema.json");
    if (!p.ok()) std::abort();  // the bundled grammar must load
    return std::move(p).value();
  }();
  return *pipeline;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.starts_with("%PDF-")) return 0;  // the PDF reader has its own target
  const registre::Pipeline& pipeline = TheOne();
  auto result = pipeline.Extract(bytes, "fuzz.txt");
  if (!result.ok()) return 0;
  for (const auto& record : result.value().records)
    if (!pipeline.validator().Validate(record).ok()) std::abort();  // a record breaks the schema
  return 0;
}
