#include "pdf/pdf_reader.h"

namespace registre {

// Placeholder until the PDF reader lands (issue 3): PDFs are refused with a clear error.
Result<SourceText> ReadPdf(std::string_view, const PdfReaderOptions&) {
  return Status::Error("PDF input is not supported yet");
}

}  // namespace registre
