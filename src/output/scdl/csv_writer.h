// RFC 4180 CSV output: fields separated by one character, records ended by CRLF, a field
// quoted when it holds the separator, a double quote, CR or LF, with quotes doubled inside.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace registre {

std::string CsvField(std::string_view value, char separator);

// A value a spreadsheet would run as a formula when the CSV is opened (it starts with '=',
// '+', '-', '@', a tab or a CR: "=HYPERLINK(...)") gets a leading apostrophe, which
// spreadsheets show as text, as OWASP's guidance on CSV injection recommends; any other
// value is returned as it is. A reader recovers the value by removing one apostrophe from
// a cell that starts with an apostrophe followed by one of those characters.
std::string NeutraliseFormula(std::string_view value);

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
