// The image of a scanned page: for a page without a text layer, its largest image XObject,
// encoded as a file the OCR reader decodes (read/ocr/ocr_reader.h), with its resolution.
//
// Contract: PageScanImage looks in the page's /XObject resources (not inside forms) for
// the image with the most pixels and returns it as: the stream itself for DCT (a JPEG
// file); a TIFF wrapping the stream for CCITT fax data (G3 or G4, its /DecodeParms kept);
// a PNM for uncompressed or Flate data of 1 or 8 bits a component in DeviceGray or
// DeviceRGB (/Decode [1 0] applied). The resolution is the image's width over the page's
// width in inches (a scan covers its page; the image's own label can say 72). nullopt
// when the page holds no image, or only an encoding not handled yet (JBIG2, JPX, indexed
// colour: `unsupported` says which), or the image passes `max_bytes`. Layered scans (a
// background plus masks) give their largest layer. Never throws.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace PoDoFo {
class PdfObject;
}

namespace registre::pdf {

struct PageImage {
  std::string encoded;  // a JPEG, TIFF or PNM file
  int dpi = 0;
};

std::optional<PageImage> PageScanImage(const PoDoFo::PdfObject* resources, double page_width_pt,
                                       std::size_t max_bytes, std::string* unsupported);

}  // namespace registre::pdf
