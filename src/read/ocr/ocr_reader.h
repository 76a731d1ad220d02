// OCR reader: image files (TIFF, multi-page included; PNG; JPEG) read with Tesseract, for
// archivists' scans of paper registers (issue 13, first step: image files; image-only PDF
// pages come next).
//
// Contract: ReadImage decodes `bytes` with Leptonica (the format from the content, never
// from a name), one page at a time, and recognises each page with Tesseract (LSTM, French,
// automatic page segmentation with orientation: a page upside down is read right). The
// SourceText holds the pages' lines in Tesseract's reading order, a blank line between
// paragraphs, '\f' between pages; `format` is "ocr". Warnings name the page: a page whose
// mean word confidence is below kLowPageConfidence (`ocr_low_confidence`), the words read
// below kLowWordConfidence, an image with no text. Resolution: the image's own label when
// it is plausible (100-1200 dpi), else its width taken as an A4 page's. Bilevel pages under
// 250 dpi are scaled ×1.5 first (measured in issue 13: body errors 3.7 % -> 2.8 %).
//
// Errors: not an image Leptonica decodes, an image over `max_pixels` (refused before
// decoding), a missing language model (with the Debian package that brings it). One
// Tesseract engine per thread, built on first use and kept (loading the model costs ~0.3 s);
// the caller sets OMP_THREAD_LIMIT=1 before loading the library (image_input.cc), since
// Tesseract's OpenMP costs 4x the CPU for the same page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"
#include "read/source_text.h"

namespace registre {

struct OcrOptions {
  std::string language = "fra";
  int dpi = 0;                            // 0: from the image (see above)
  std::size_t max_pixels = 150'000'000;   // a 600 dpi A3 page is 70 M pixels
  int max_pages = 5000;
};

inline constexpr int kLowPageConfidence = 75;
inline constexpr int kLowWordConfidence = 80;

Result<SourceText> ReadImage(std::string_view bytes, const OcrOptions& options = {});

}  // namespace registre
