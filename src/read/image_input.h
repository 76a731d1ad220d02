// Image input through the OCR plugin: scans as image files (TIFF, PNG, JPEG) are read by
// Tesseract in libregistre_ocr.so (read/ocr/ocr_reader.h), loaded the first time a run meets
// an image; a run without images never loads Tesseract's 56 libraries.
//
// The plugin is looked for in $REGISTRE_OCR_PLUGIN, then beside the executable, then in the
// build directory. When it cannot be loaded, image inputs fail with an error saying so (and
// the other files of a batch go on).
#pragma once

#include <string_view>

#include "base/status.h"
#include "read/source_text.h"
#include "read/supervised_read.h"

namespace registre {

// True for the signatures of PNG, JPEG and TIFF (both byte orders).
bool LooksLikeImage(std::string_view bytes);

// With `limits` set, recognition runs in a supervised child process (supervised_read.h),
// with the deadline and memory budget of a PDF.
Result<SourceText> ReadImageInput(std::string_view bytes, const ReadLimits& limits = {});

// OCR of a PDF's scanned pages (SourceText::scan_pages), in this process: each page image is
// read by the OCR plugin and its text takes the page's place in `source->text`; the format
// becomes "ocr", warning `ocr_pages` names the pages, and the OCR warnings name their page.
// Without the plugin the pages stay empty, with warning `ocr_unavailable`. Clears
// scan_pages.
void ReadScanPages(SourceText* source);

}  // namespace registre
