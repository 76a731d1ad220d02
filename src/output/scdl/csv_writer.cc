#include "output/scdl/csv_writer.h"

namespace registre {

std::string CsvField(std::string_view value, char separator) {
  bool quote = value.find_first_of(std::string{separator, '"', '\r', '\n'}) != value.npos;
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string NeutraliseFormula(std::string_view value) {
  if (value.empty() || std::string_view("=+-@\t\r").find(value.front()) == std::string_view::npos)
    return std::string(value);
  return "'" + std::string(value);
}

}  // namespace registre
