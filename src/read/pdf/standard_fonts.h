// StandardFontMetrics: glyph widths of the 14 standard fonts, for fonts without /Widths.
//
// Contract: Width(base_font, cp) gives the advance of `cp` in em (1/1000 of the AFM
// units) using PoDoFo's built-in base-14 tables; the font name is mapped to the closest
// standard font (subset tag dropped, Arial -> Helvetica, TimesNewRoman -> Times...).
// Never throws. Owns a scratch PoDoFo document created on first use; not thread-safe,
// one instance per reader call.
#pragma once

#include <map>
#include <memory>
#include <string>

namespace PoDoFo {
class PdfMemDocument;
class PdfFontMetrics;
}  // namespace PoDoFo

namespace registre::pdf {

class StandardFontMetrics {
 public:
  StandardFontMetrics();
  ~StandardFontMetrics();
  StandardFontMetrics(const StandardFontMetrics&) = delete;
  StandardFontMetrics& operator=(const StandardFontMetrics&) = delete;

  // Advance width in em; false if the font has no metrics for it.
  bool Width(const std::string& base_font, char32_t cp, double& em);

  // The standard-14 name closest to `base_font` ("Times-Bold", "Helvetica"...).
  static std::string StandardName(const std::string& base_font);

 private:
  const PoDoFo::PdfFontMetrics* Metrics(const std::string& standard_name);

  std::unique_ptr<PoDoFo::PdfMemDocument> scratch_;
  std::map<std::string, const PoDoFo::PdfFontMetrics*> cache_;
};

}  // namespace registre::pdf
