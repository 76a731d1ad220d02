// PDF reader: extracts the text layer of a PDF into SourceText, built on PoDoFo 0.9.8's
// content-stream tokenizer (0.9.8 has no text-extraction API of its own).
//
// Contract: `text` holds the pages in order, '\f' between pages, lines in reading order
// (columns read one after the other), words rebuilt from glyph positions. Pages that
// fail or carry no text layer are reported in `warnings` ("page_failed", "no_text_layer")
// and leave an empty page, so page numbers stay true. Errors are returned, never thrown:
// a file nothing can be read from (not a PDF, encrypted with a password, hopelessly
// broken) gives a Status naming the cause. Hard limits bound time and memory on any input.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"
#include "read/source_text.h"

namespace registre {

struct PdfReaderOptions {
  std::size_t max_stream_bytes = 64u << 20;  // a decompressed stream larger than this is cut
  std::size_t max_operators = 5'000'000;     // content operators per page
  int max_form_depth = 12;                   // nested Form XObjects
};

Result<SourceText> ReadPdf(std::string_view bytes, const PdfReaderOptions& options = {});

}  // namespace registre
