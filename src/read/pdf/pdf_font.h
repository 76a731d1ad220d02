// Font: turns the bytes of a shown string into character codes, Unicode text and widths.
//
// Contract: Load accepts any font dictionary (or junk) and never throws; what it cannot
// read falls back to sensible defaults (WinAnsi text, 0.5 em widths). Text comes from the
// font's own ToUnicode CMap first (parsed here: PoDoFo's drops multi-character and
// non-BMP entries), then /Encoding with /Differences glyph names, then the base encoding.
// Widths come from /Widths + /FirstChar (simple fonts), /W + /DW (CID fonts), /MissingWidth,
// and only for fonts without widths from the standard-14 metrics. Type 3 widths are scaled
// by /FontMatrix. Composite fonts read codes through their CMap (Identity-H/V or embedded).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "read/pdf/cmap_parser.h"
#include "read/pdf/pdf_objects.h"

namespace registre::pdf {

class StandardFontMetrics;

struct DecodedChar {
  std::uint32_t code = 0;
  int bytes = 1;
  double width = 0;         // advance in text space units for a font size of 1
  bool word_space = false;  // single-byte code 32: Tw applies
};

class Font {
 public:
  static std::unique_ptr<Font> Load(const PdfObject* dict, StandardFontMetrics& metrics,
                                    std::size_t max_stream_bytes);
  // A font for text shown without a valid Tf: WinAnsi, 0.5 em.
  static std::unique_ptr<Font> Fallback();

  // Decodes the character at `pos` (< s.size()), appends its text, returns bytes used.
  int Decode(std::string_view s, std::size_t pos, std::string& text, DecodedChar& ch) const;

  // Multiplier from font size to the glyph's em height (Type 3 fonts with odd matrices).
  double size_scale() const { return size_scale_; }

 private:
  Font() = default;
  void LoadSimple(const PdfObject* dict, StandardFontMetrics& metrics, std::size_t max_stream);
  void LoadComposite(const PdfObject* dict, std::size_t max_stream);

  bool composite_ = false;
  double size_scale_ = 1.0;
  // Simple fonts.
  std::array<std::string, 256> simple_text_;
  std::array<float, 256> simple_width_{};
  // Composite fonts.
  CMap encoding_;
  CMap to_unicode_;
  std::vector<float> cid_width_;  // by CID, up to 65536 entries
  float default_width_ = 1.0f;
};

}  // namespace registre::pdf

namespace registre::pdf {

// FontCache: one Font per font dictionary of a document, loaded on first use.
// Contract: Get never returns nullptr (junk gives the fallback font); not thread-safe.
class FontCache {
 public:
  explicit FontCache(std::size_t max_stream_bytes);
  ~FontCache();
  const Font* Get(const PdfObject* dict);
  const Font* fallback() const { return fallback_.get(); }

 private:
  std::size_t max_stream_bytes_;
  std::unique_ptr<StandardFontMetrics> metrics_;
  std::unique_ptr<Font> fallback_;
  std::unordered_map<const PdfObject*, std::unique_ptr<Font>> fonts_;
};

}  // namespace registre::pdf
