#include "read/pdf/page_image.h"

#include <podofo/podofo.h>

#include <cstdint>
#include <cstdlib>

#include "read/pdf/inflate.h"
#include "read/pdf/pdf_objects.h"

namespace registre::pdf {
namespace {

void Put16(std::string& out, uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}
void Put32(std::string& out, uint32_t v) {
  for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}

// A one-strip little-endian TIFF around CCITT data: Leptonica (libtiff) decodes it.
std::string CcittTiff(const std::string& data, uint32_t columns, uint32_t rows, bool g4,
                      bool two_d, bool black_is_zero) {
  std::string out = std::string("II*\0", 4);
  const uint32_t ifd = 8 + static_cast<uint32_t>(data.size() + (data.size() & 1));
  Put32(out, ifd);
  out += data;
  if (data.size() & 1) out += '\0';
  struct Entry {
    uint16_t tag, type;
    uint32_t value;
  };
  std::vector<Entry> entries = {{256, 4, columns}, {257, 4, rows}, {258, 3, 1},
                                {259, 3, g4 ? 4u : 3u}, {262, 3, black_is_zero ? 1u : 0u},
                                {273, 4, 8}, {277, 3, 1}, {278, 4, rows},
                                {279, 4, static_cast<uint32_t>(data.size())}};
  if (!g4) entries.push_back({292, 4, two_d ? 1u : 0u});
  Put16(out, static_cast<uint16_t>(entries.size()));
  for (const Entry& e : entries) {
    Put16(out, e.tag);
    Put16(out, e.type);
    Put32(out, 1);
    if (e.type == 3) {
      Put16(out, static_cast<uint16_t>(e.value));
      Put16(out, 0);
    } else {
      Put32(out, e.value);
    }
  }
  Put32(out, 0);
  return out;
}

// Decoded samples as a PNM file: P4 (1 bit: PBM's 1 is black, PDF grey's 1 is white), P5, P6.
std::string Pnm(const std::string& samples, uint32_t width, uint32_t height, int bits,
                int components, bool inverted) {
  const std::size_t row = bits == 1 ? (width + 7) / 8 : std::size_t{width} * components;
  if (samples.size() < row * height) return {};
  const char* magic = bits == 1 ? "P4" : components == 1 ? "P5" : "P6";
  std::string out = std::string(magic) + "\n" + std::to_string(width) + " " +
                    std::to_string(height) + (bits == 1 ? "\n" : "\n255\n");
  std::string body = samples.substr(0, row * height);
  const bool flip = bits == 1 ? !inverted : inverted;
  if (flip)
    for (char& c : body) c = static_cast<char>(~static_cast<unsigned char>(c));
  return out + body;
}

bool BoolOr(const PdfObject* obj, bool fallback) {
  try {
    return obj && obj->IsBool() ? obj->GetBool() : fallback;
  } catch (...) {
    return fallback;
  }
}

// PNG predictors (/Predictor 10-15) undone row by row. PoDoFo 0.9.8 sizes a row as
// Columns * BitsPerComponent / 8 rounded down, which loses the last byte of a 1-bit row
// whose width is not a multiple of 8: the shared bilevel scans are such.
bool UndoPngPredictor(const std::string& in, std::size_t row_bytes, std::size_t pixel_bytes,
                      std::string& out) {
  const std::size_t stride = row_bytes + 1;
  std::string previous(row_bytes, '\0');
  out.clear();
  for (std::size_t at = 0; at + stride <= in.size(); at += stride) {
    const int type = static_cast<unsigned char>(in[at]);
    std::string row = in.substr(at + 1, row_bytes);
    for (std::size_t k = 0; k < row_bytes; ++k) {
      const int a = k >= pixel_bytes ? static_cast<unsigned char>(row[k - pixel_bytes]) : 0;
      const int b = static_cast<unsigned char>(previous[k]);
      const int c = k >= pixel_bytes ? static_cast<unsigned char>(previous[k - pixel_bytes]) : 0;
      int add = 0;
      switch (type) {
        case 0: break;
        case 1: add = a; break;
        case 2: add = b; break;
        case 3: add = (a + b) / 2; break;
        case 4: {
          const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: return false;
      }
      row[k] = static_cast<char>(static_cast<unsigned char>(row[k]) + add);
    }
    out += row;
    previous = std::move(row);
  }
  return !out.empty();
}

std::string Filter(const PdfObject* image) {
  const PdfObject* filter = DictGet(image, "Filter");
  if (IsArrayObject(filter)) {
    if (ArraySize(filter) != 1) return "several";
    filter = ArrayAt(filter, 0);
  }
  return NameOr(filter);
}

std::optional<PageImage> Encode(const PdfObject* image, std::size_t max_bytes,
                                std::string* unsupported) {
  const auto width = static_cast<uint32_t>(NumberOr(DictGet(image, "Width"), 0));
  const auto height = static_cast<uint32_t>(NumberOr(DictGet(image, "Height"), 0));
  if (width == 0 || height == 0 || width > 100000 || height > 100000) return std::nullopt;
  const bool mask = BoolOr(DictGet(image, "ImageMask"), false);
  const std::vector<double> decode = NumberArray(DictGet(image, "Decode"), 8);
  const bool inverted = decode.size() >= 2 && decode[0] > decode[1];
  const std::string filter = Filter(image);
  PageImage out;
  std::string data;
  if (filter == "DCTDecode") {
    if (!ReadRawStream(image, max_bytes, data)) return std::nullopt;
    out.encoded = std::move(data);
    return out;
  }
  if (filter == "CCITTFaxDecode") {
    if (!ReadRawStream(image, max_bytes, data)) return std::nullopt;
    const PdfObject* parms = DictGet(image, "DecodeParms");
    if (IsArrayObject(parms)) parms = ArrayAt(parms, 0);
    const double k = NumberOr(DictGet(parms, "K"), 0);
    const auto columns = static_cast<uint32_t>(NumberOr(DictGet(parms, "Columns"), 1728));
    const auto rows = static_cast<uint32_t>(NumberOr(DictGet(parms, "Rows"), height));
    const bool black_is_1 = BoolOr(DictGet(parms, "BlackIs1"), false);
    out.encoded = CcittTiff(data, columns, rows, k < 0, k > 0, black_is_1 != inverted);
    return out;
  }
  if (filter.empty() || filter == "FlateDecode" || filter == "LZWDecode") {
    const int bits = static_cast<int>(NumberOr(DictGet(image, "BitsPerComponent"), mask ? 1 : 8));
    const std::string space = mask ? "DeviceGray" : NameOr(DictGet(image, "ColorSpace"));
    const int components = space == "DeviceGray" ? 1 : space == "DeviceRGB" ? 3 : 0;
    if ((bits != 1 && bits != 8) || components == 0 || (bits == 1 && components != 1)) {
      *unsupported = "image colour space or depth (" + (space.empty() ? "?" : space) + ", " +
                     std::to_string(bits) + " bits)";
      return std::nullopt;
    }
    const PdfObject* parms = DictGet(image, "DecodeParms");
    if (IsArrayObject(parms)) parms = ArrayAt(parms, 0);
    const double predictor = NumberOr(DictGet(parms, "Predictor"), 1);
    if (filter == "FlateDecode" && predictor >= 10) {
      std::string raw, inflated;
      const std::size_t row = (std::size_t{width} * components * bits + 7) / 8;
      if (!ReadRawStream(image, max_bytes, raw) || !Inflate(raw, max_bytes, inflated) ||
          !UndoPngPredictor(inflated, row, std::max<std::size_t>(1, components * bits / 8),
                            data)) {
        return std::nullopt;
      }
    } else if (!ReadStream(image, max_bytes, data)) {
      return std::nullopt;
    }
    out.encoded = Pnm(data, width, height, bits, components, inverted);
    if (out.encoded.empty()) return std::nullopt;
    return out;
  }
  *unsupported = filter + " images";
  return std::nullopt;
}

}  // namespace

std::optional<PageImage> PageScanImage(const PdfObject* resources, double page_width_pt,
                                       std::size_t max_bytes, std::string* unsupported) {
  try {
    const PdfObject* xobjects = DictGet(resources, "XObject");
    if (!IsDict(xobjects)) return std::nullopt;
    const PdfObject* best = nullptr;
    double best_pixels = 0;
    for (const auto& [name, value] : xobjects->GetDictionary().GetKeys()) {
      const PdfObject* image = Deref(value);
      if (NameOr(DictGet(image, "Subtype")) != "Image") continue;
      double pixels = NumberOr(DictGet(image, "Width"), 0) * NumberOr(DictGet(image, "Height"), 0);
      if (pixels > best_pixels) {
        best = image;
        best_pixels = pixels;
      }
    }
    if (!best) return std::nullopt;
    std::optional<PageImage> image = Encode(best, max_bytes, unsupported);
    if (image && page_width_pt > 0) {
      image->dpi = static_cast<int>(NumberOr(DictGet(best, "Width"), 0) / (page_width_pt / 72.0) + 0.5);
    }
    return image;
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace registre::pdf
