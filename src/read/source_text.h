// SourceText: what a reader (text or PDF) hands to the normaliser.
//
// `text` is valid UTF-8 with '\n' line ends and '\f' between pages (page 1 first). Readers
// never interpret content; they only decode. Warnings are things a user should know about
// the input itself (encoding guessed, pages without a text layer...).
#pragma once

#include <string>
#include <vector>

namespace registre {

struct Warning {
  std::string code;     // stable, machine-readable: "encoding_guessed", "no_text_layer"...
  std::string message;  // for people, in English
};

// A PDF page without a text layer, as the image that makes it (a scan), for OCR.
struct ScanPage {
  int page = 0;          // 1-based
  std::string encoded;   // a JPEG, TIFF or PNM file (read/pdf/page_image.h)
  int dpi = 0;
};

struct SourceText {
  std::string text;      // UTF-8, '\n' line ends, '\f' page breaks
  std::string format;    // "text", "pdf" or "ocr" (record.md source.format)
  std::string encoding;  // what the bytes were decoded from: "UTF-8", "windows-1252"...
  std::vector<Warning> warnings;
  // PDF only: the scanned pages, until OCR reads them into `text` (read/image_input.h); not
  // carried out of a supervised worker.
  std::vector<ScanPage> scan_pages;
};

}  // namespace registre
