// RFC 4180 CSV output: fields separated by one character, records ended by CRLF, a field
// quoted when it holds the separator, a double quote, CR or LF, with quotes doubled inside.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace registre {

std::string CsvField(std::string_view value, char separator);

template <typename Range>
void WriteCsvRecord(std::ostream& out, const Range& fields, char separator) {
  bool first = true;
  for (const auto& field : fields) {
    if (!first) out << separator;
    out << CsvField(field, separator);
    first = false;
  }
  out << "\r\n";
}

}  // namespace registre
