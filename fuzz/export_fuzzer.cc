// libFuzzer target for the export writers: any JSON Lines (records from any file given to
// `registre export`) must give well-formed output or an error value: Akoma Ntoso text that
// XML 1.0 can carry (valid UTF-8, no forbidden code point, no raw markup from the values),
// CSV cells that read back equal (RFC 4180), no formula left active. Built with
// -DREGISTRE_FUZZ=ON (cmake/fuzz.cmake, scripts/fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "output/akn/akn_document.h"
#include "output/akn/xml_text.h"
#include "output/scdl/csv_writer.h"

namespace {

// True when `s` is text XML 1.0 can carry: well-formed UTF-8, no C0 control but tab, LF
// and CR, no U+FFFE or U+FFFF.
bool XmlCarries(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (registre::Utf8SequenceLength(s, i) == 0) return false;
    const char32_t c = registre::NextCodePoint(s, i);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
      return false;
  }
  return true;
}

// One CSV field read back (RFC 4180): quoted or not.
std::string ReadField(std::string_view f) {
  if (f.empty() || f.front() != '"') return std::string(f);
  std::string out;
  for (std::size_t i = 1; i + 1 < f.size(); ++i) {
    out += f[i];
    if (f[i] == '"') ++i;  // a doubled quote
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // CSV: any value is quoted so that it reads back, and no formula stays active.
  const std::string cell = registre::NeutraliseFormula(input);
  if (ReadField(registre::CsvField(cell, ',')) != cell) std::abort();
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
    std::abort();
  // XML text: whatever the bytes, escaped text is carried by XML 1.0 and holds no markup.
  const std::string escaped = registre::XmlEscape(input);
  if (!XmlCarries(escaped) || escaped.find('<') != std::string::npos) std::abort();
  // Records: each line a JSON object; an AKN document, when made, is XML text.
  std::size_t start = 0;
  while (start < input.size()) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    auto record = nlohmann::json::parse(input.substr(start, end - start), nullptr, false);
    start = end + 1;
    if (record.is_discarded() || !record.is_object()) continue;
    try {
      auto doc = registre::MakeAknDocument(record);
      if (doc.ok() && !XmlCarries(doc.value().xml)) std::abort();
    } catch (const nlohmann::json::exception&) {
      // A value of the wrong JSON type: the writer must refuse it as a value, not throw.
      std::abort();
    }
  }
  return 0;
}
