#include "read/pdf/standard_fonts.h"

#include <podofo/podofo.h>

namespace registre::pdf {

StandardFontMetrics::StandardFontMetrics() = default;
StandardFontMetrics::~StandardFontMetrics() = default;

std::string StandardFontMetrics::StandardName(const std::string& base_font) {
  std::string name = base_font;
  if (name.size() > 7 && name[6] == '+') name = name.substr(7);
  auto has = [&](const char* s) { return name.find(s) != std::string::npos; };
  bool bold = has("Bold") || has("bold") || has("Black") || has("Heavy");
  bool italic = has("Italic") || has("Oblique") || has("italic") || has("oblique");
  if (has("Symbol")) return "Symbol";
  if (has("Dingbats")) return "ZapfDingbats";
  std::string family;
  if (has("Courier") || has("Mono")) {
    family = "Courier";
  } else if (has("Times") || has("Roman") || has("Serif") || has("Georgia") || has("Garamond") ||
             has("Cambria") || has("Book")) {
    family = "Times";
  } else {
    family = "Helvetica";
  }
  if (family == "Times") {
    if (bold && italic) return "Times-BoldItalic";
    if (bold) return "Times-Bold";
    if (italic) return "Times-Italic";
    return "Times-Roman";
  }
  if (bold && italic) return family + "-BoldOblique";
  if (bold) return family + "-Bold";
  if (italic) return family + "-Oblique";
  return family;
}

const PoDoFo::PdfFontMetrics* StandardFontMetrics::Metrics(const std::string& standard_name) {
  auto it = cache_.find(standard_name);
  if (it != cache_.end()) return it->second;
  const PoDoFo::PdfFontMetrics* metrics = nullptr;
  try {
    if (!scratch_) scratch_ = std::make_unique<PoDoFo::PdfMemDocument>();
    PoDoFo::PdfFont* font = scratch_->CreateFont(
        standard_name.c_str(), false, PoDoFo::PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
        PoDoFo::PdfFontCache::eFontCreationFlags_AutoSelectBase14, false);
    if (font) metrics = font->GetFontMetrics();
  } catch (...) {
    metrics = nullptr;
  }
  cache_[standard_name] = metrics;
  return metrics;
}

bool StandardFontMetrics::Width(const std::string& base_font, char32_t cp, double& em) {
  if (cp > 0xFFFF) return false;
  const PoDoFo::PdfFontMetrics* metrics = Metrics(StandardName(base_font));
  if (!metrics) return false;
  try {
    double size = metrics->GetFontSize();
    if (size <= 0) return false;
    double w = metrics->UnicodeCharWidth(static_cast<unsigned short>(cp)) / size;
    if (!(w > 0 && w < 4)) return false;
    em = w;
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace registre::pdf
