// ReadPdfLayout: the PDF reader's richer result, lines with their page, position and size
// (provenance for record spans). ReadPdf (pdf_reader.h) is ReadPdfLayout with the lines
// joined into SourceText.
//
// Contract: same errors, warnings and limits as ReadPdf. Every page of the document has a
// PdfPageLayout (page numbers start at 1), empty when the page failed or has no text.
// Coordinates are PDF points in the page's display space (its /Rotate applied, y up),
// then turned into the line's reading direction (`orientation` quarter turns). Lines that
// look like running headers, footers or page numbers have `furniture` set; they are kept
// in ReadPdf's text, so the normaliser decides (it sees them as ordinary lines).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "read/pdf/pdf_reader.h"
#include "read/source_text.h"

namespace registre {

struct PdfLine {
  std::string text;
  double x0 = 0, x1 = 0, y = 0;  // start, end, baseline
  double font_size = 0;
  int orientation = 0;  // 0 = horizontal; 1..3 = text turned by quarter turns
  bool furniture = false;
  int blank_before = 0;  // blank lines ReadPdf puts before this line (paragraph or block start)
};

struct PdfPageLayout {
  int number = 0;                // 1-based
  double width = 0, height = 0;  // display size of the page (points)
  bool failed = false;           // the page could not be read (see warnings)
  bool has_text = false;         // false: no text layer (scan)
  std::vector<PdfLine> lines;
  std::string scan_image;        // without a text layer: its image for OCR (page_image.h)
  int scan_dpi = 0;
};

struct PdfLayout {
  std::vector<PdfPageLayout> pages;
  std::vector<Warning> warnings;
};

Result<PdfLayout> ReadPdfLayout(std::string_view bytes, const PdfReaderOptions& options = {});

// Joins a layout into the SourceText contract of ReadPdf.
SourceText LayoutToSourceText(const PdfLayout& layout);

}  // namespace registre
