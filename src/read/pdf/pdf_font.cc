#include "read/pdf/pdf_font.h"

#include <cmath>

#include "read/pdf/glyph_names.h"
#include "read/pdf/standard_fonts.h"
#include "read/pdf/unicode_util.h"

namespace registre::pdf {
namespace {

bool UsableText(const std::string& text) {
  if (text.empty()) return false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = NextCodePoint(text, pos);
    if (cp == 0xFFFD || cp == 0xFFFF) return false;
  }
  return true;
}

BaseEncoding EncodingByName(const std::string& name, BaseEncoding fallback) {
  if (name == "WinAnsiEncoding") return BaseEncoding::kWinAnsi;
  if (name == "MacRomanEncoding") return BaseEncoding::kMacRoman;
  if (name == "MacExpertEncoding") return BaseEncoding::kMacExpert;
  if (name == "StandardEncoding") return BaseEncoding::kStandard;
  return fallback;
}

}  // namespace

std::unique_ptr<Font> Font::Fallback() {
  std::unique_ptr<Font> font(new Font());
  const auto& table = BaseEncodingTable(BaseEncoding::kWinAnsi);
  for (int c = 0; c < 256; ++c) {
    font->simple_text_[c].clear();
    if (table[c]) AppendText(font->simple_text_[c], table[c]);
    font->simple_width_[c] = 0.5f;
  }
  return font;
}

std::unique_ptr<Font> Font::Load(const PdfObject* dict, StandardFontMetrics& metrics,
                                 std::size_t max_stream_bytes) {
  std::unique_ptr<Font> font(new Font());
  dict = Deref(dict);
  if (!IsDict(dict)) return Fallback();
  std::string subtype = NameOr(DictGet(dict, "Subtype"));
  if (subtype == "Type0") {
    font->composite_ = true;
    font->LoadComposite(dict, max_stream_bytes);
  } else {
    font->LoadSimple(dict, metrics, max_stream_bytes);
  }
  return font;
}

void Font::LoadSimple(const PdfObject* dict, StandardFontMetrics& metrics, std::size_t max_stream) {
  std::string subtype = NameOr(DictGet(dict, "Subtype"));
  std::string base_font = NameOr(DictGet(dict, "BaseFont"));
  const PdfObject* descriptor = DictGet(dict, "FontDescriptor");
  bool symbolic_name = base_font.find("Symbol") != std::string::npos;
  bool dingbats = base_font.find("Dingbats") != std::string::npos;

  // 1. Base encoding and /Differences.
  BaseEncoding base = BaseEncoding::kStandard;
  if (subtype == "TrueType") base = BaseEncoding::kWinAnsi;
  if (symbolic_name) base = BaseEncoding::kSymbol;
  if (dingbats) base = BaseEncoding::kZapfDingbats;
  const PdfObject* encoding = DictGet(dict, "Encoding");
  std::array<std::string, 256> diff_names;
  if (encoding) {
    std::string name = NameOr(encoding);
    if (!name.empty()) {
      base = EncodingByName(name, base);
    } else if (IsDict(encoding)) {
      base = EncodingByName(NameOr(DictGet(encoding, "BaseEncoding")), base);
      const PdfObject* diffs = DictGet(encoding, "Differences");
      std::size_t n = std::min<std::size_t>(ArraySize(diffs), 4096);
      int code = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const PdfObject* item = ArrayAt(diffs, i);
        double number = 0;
        if (GetNumber(item, number)) {
          code = static_cast<int>(number);
        } else {
          std::string glyph = NameOr(item);
          if (!glyph.empty() && code >= 0 && code < 256) diff_names[code] = glyph;
          ++code;
        }
      }
    }
  }
  const auto& table = BaseEncodingTable(base);
  std::array<char32_t, 256> unicode{};  // for standard-font widths
  for (int c = 0; c < 256; ++c) {
    std::string& text = simple_text_[c];
    text.clear();
    if (!diff_names[c].empty()) {
      text = GlyphNameToText(diff_names[c]);
    } else if (table[c]) {
      AppendText(text, table[c]);
    }
    if (!text.empty()) {
      std::size_t pos = 0;
      unicode[c] = NextCodePoint(text, pos);
    }
  }

  // 2. ToUnicode overrides the encoding where it maps a code to usable text.
  const PdfObject* to_unicode = DictGet(dict, "ToUnicode");
  if (to_unicode) {
    std::string data;
    ReadStream(to_unicode, max_stream, data);
    CMap cmap = CMap::Parse(data);
    for (int c = 0; c < 256; ++c) {
      std::string text;
      if (cmap.AppendUnicode(static_cast<std::uint32_t>(c), 1, text) && UsableText(text)) {
        simple_text_[c] = text;
      }
    }
  }

  // 3. Widths.
  double scale = 0.001;
  if (subtype == "Type3") {
    std::vector<double> matrix = NumberArray(DictGet(dict, "FontMatrix"), 6);
    if (matrix.size() == 6 && std::isfinite(matrix[0]) && matrix[0] != 0) {
      scale = std::fabs(matrix[0]);
      double vertical = std::fabs(matrix[3]) * 1000.0;
      if (vertical > 1e-6 && vertical < 1e6) size_scale_ = vertical;
    }
  }
  const PdfObject* widths = DictGet(dict, "Widths");
  double missing = NumberOr(DictGet(descriptor, "MissingWidth"), 0) * scale;
  bool has_widths = ArraySize(widths) > 0;
  int first = static_cast<int>(NumberOr(DictGet(dict, "FirstChar"), 0));
  std::size_t count = ArraySize(widths);
  for (int c = 0; c < 256; ++c) {
    double w = -1;
    if (has_widths) {
      long index = static_cast<long>(c) - first;
      if (index >= 0 && static_cast<std::size_t>(index) < count) {
        double v = 0;
        if (GetNumber(ArrayAt(widths, static_cast<std::size_t>(index)), v)) w = v * scale;
      }
      if (w < 0) w = missing;
    } else {
      double em = 0;
      if (unicode[c] && metrics.Width(base_font, unicode[c], em)) {
        w = em;
      } else if (unicode[c] == ' ' || unicode[c] == 0xA0) {
        w = 0.25;
      } else {
        w = missing > 0 ? missing : 0.5;
      }
    }
    if (!std::isfinite(w) || w < -10 || w > 10) w = 0.5;
    simple_width_[c] = static_cast<float>(w);
  }
}

void Font::LoadComposite(const PdfObject* dict, std::size_t max_stream) {
  const PdfObject* encoding = DictGet(dict, "Encoding");
  std::string name = NameOr(encoding);
  if (!name.empty()) {
    encoding_ = CMap::Identity();  // Identity-H/V; other named CMaps: two-byte best effort
  } else if (encoding) {
    std::string data;
    ReadStream(encoding, max_stream, data);
    encoding_ = CMap::Parse(data);
    if (!encoding_.has_codespace()) encoding_ = CMap::Identity();
  } else {
    encoding_ = CMap::Identity();
  }
  const PdfObject* to_unicode = DictGet(dict, "ToUnicode");
  if (to_unicode) {
    std::string data;
    ReadStream(to_unicode, max_stream, data);
    to_unicode_ = CMap::Parse(data);
  }
  const PdfObject* descendant = ArrayAt(DictGet(dict, "DescendantFonts"), 0);
  default_width_ = static_cast<float>(NumberOr(DictGet(descendant, "DW"), 1000) * 0.001);
  const PdfObject* w = DictGet(descendant, "W");
  std::size_t n = std::min<std::size_t>(ArraySize(w), 1u << 20);
  constexpr std::uint32_t kMaxCid = 65536;
  std::size_t work = 0;  // a hostile /W could repeat huge ranges: bound the total
  auto set_width = [&](double cid, double width) {
    if (++work > (4u << 20)) return;
    if (!(cid >= 0 && cid < kMaxCid) || !std::isfinite(width)) return;
    auto index = static_cast<std::size_t>(cid);
    if (cid_width_.size() <= index) cid_width_.resize(index + 1, -1.0f);
    cid_width_[index] = static_cast<float>(width * 0.001);
  };
  for (std::size_t i = 0; i < n;) {
    double start = 0;
    if (!GetNumber(ArrayAt(w, i), start)) {
      ++i;
      continue;
    }
    const PdfObject* next = ArrayAt(w, i + 1);
    if (ArraySize(next) > 0 || (next && IsArrayObject(next))) {
      std::size_t m = std::min<std::size_t>(ArraySize(next), kMaxCid);
      for (std::size_t k = 0; k < m; ++k) set_width(start + k, NumberOr(ArrayAt(next, k), 0));
      i += 2;
    } else {
      double last = 0, width = 0;
      if (GetNumber(next, last) && GetNumber(ArrayAt(w, i + 2), width)) {
        if (last - start < kMaxCid) {
          for (double c = start; c <= last; c += 1) set_width(c, width);
        }
      }
      i += 3;
    }
  }
}

int Font::Decode(std::string_view s, std::size_t pos, std::string& text, DecodedChar& ch) const {
  if (!composite_) {
    auto c = static_cast<unsigned char>(s[pos]);
    ch.code = c;
    ch.bytes = 1;
    ch.width = simple_width_[c];
    ch.word_space = c == 32;
    text += simple_text_[c];
    return 1;
  }
  std::uint32_t code = 0;
  int n = encoding_.NextCode(s, pos, code, 2);
  ch.code = code;
  ch.bytes = n;
  ch.word_space = n == 1 && code == 32;
  std::uint32_t cid = code;
  if (!encoding_.ToCid(code, n, cid)) cid = code;
  float w = cid < cid_width_.size() ? cid_width_[cid] : -1.0f;
  ch.width = w >= 0 ? w : default_width_;
  if (!to_unicode_.AppendUnicode(code, n, text)) {
    // No ToUnicode entry: nothing reliable to say about this glyph.
  }
  return n;
}

}  // namespace registre::pdf

namespace registre::pdf {

FontCache::FontCache(std::size_t max_stream_bytes)
    : max_stream_bytes_(max_stream_bytes),
      metrics_(std::make_unique<StandardFontMetrics>()),
      fallback_(Font::Fallback()) {}

FontCache::~FontCache() = default;

const Font* FontCache::Get(const PdfObject* dict) {
  dict = Deref(dict);
  if (!dict) return fallback_.get();
  auto it = fonts_.find(dict);
  if (it != fonts_.end()) return it->second.get();
  if (fonts_.size() >= 4096) return fallback_.get();  // a file with absurdly many fonts
  auto& slot = fonts_[dict];
  slot = Font::Load(dict, *metrics_, max_stream_bytes_);
  return slot.get();
}

}  // namespace registre::pdf
