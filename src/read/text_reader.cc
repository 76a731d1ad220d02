#include "read/text_reader.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "base/text_bytes.h"
#include "base/utf8.h"

namespace registre {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Windows-1252's 0x80-0x9F block; 0 where the code page leaves the byte undefined.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

struct Utf8Scan {
  std::size_t multibyte = 0;  // valid sequences of 2-4 bytes
  std::size_t invalid = 0;    // bytes that start no valid sequence
  std::size_t first_invalid = std::string_view::npos;
};

Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan scan;
  std::size_t i = 0;
  while (i < s.size()) {
    i = AsciiRunEnd(s, i);  // most of a French text
    if (i == s.size()) break;
    std::size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      if (scan.invalid++ == 0) scan.first_invalid = i;
      ++i;
      continue;
    }
    ++scan.multibyte;
    i += n;
  }
  return scan;
}

// UTF-8 kept as is; each byte that starts no valid sequence decoded as Windows-1252.
std::string DecodeUtf8WithStrayBytes(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 64);
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::size_t n = Utf8SequenceLength(s, i)) {
      out.append(s.data() + i, n);
      i += n;
      continue;
    }
    AppendUtf8(out, Windows1252ToUnicode(static_cast<unsigned char>(s[i])));
    ++i;
  }
  return out;
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(bytes.size() * 3 + 16, '\0');
  int32_t n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                           bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    out.assign(static_cast<std::size_t>(n) + 1, '\0');
    n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                     static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) {
    return Status::InvalidInput(std::string("cannot decode as ") + charset + ": " +
                                u_errorName(err));
  }
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// A known binary format, by its magic number; empty when none. Names what a user may have
// passed by mistake, so the message can say what to do.
std::string BinaryFormat(std::string_view b) {
  struct Magic {
    std::string_view bytes;
    const char* name;
  };
  static const Magic kMagic[] = {
      {std::string_view("PK\x03\x04", 4), "a ZIP archive (.docx, .odt, .xlsx...)"},
      {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "an MS Office (.doc/.xls) file"},
      {"{\\rtf", "an RTF document"},
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {std::string_view("II*\0", 4), "a TIFF image"},
      {std::string_view("MM\0*", 4), "a TIFF image"},
      {"\x7F"
       "ELF",
       "an executable"},
      {"\x1F\x8B", "a gzip archive"},
      {"BZh", "a bzip2 archive"},
      {"7z\xBC\xAF", "a 7-Zip archive"},
      {"Rar!", "a RAR archive"},
  };
  for (const Magic& m : kMagic) {
    if (StartsWith(b, m.bytes)) return m.name;
  }
  return "";
}

// Control characters a text file does not hold, over the whole input (a fast loop).
bool LooksBinary(std::string_view bytes) {
  std::size_t nul = 0, bad = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    // Eight bytes with no control character among them are skipped at once.
    if (i + 8 <= bytes.size() && !AnyByteBelow(LoadWord(bytes.data() + i), 0x20)) {
      i += 8;
      continue;
    }
    auto c = static_cast<unsigned char>(bytes[i++]);
    if (c >= 0x20) continue;
    if (c == 0) {
      ++nul;
    } else if (c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1A && c != 0x0B) {
      ++bad;
    }
  }
  // A stray NUL or bullet glyph (pdftotext writes \x01 for some) is tolerated.
  return nul * 1000 > bytes.size() || (nul + bad) * 100 > bytes.size() * 2;
}

// UTF-16 without a BOM: nearly every other byte NUL for Latin text. Returns the charset or
// null.
const char* Utf16WithoutBom(std::string_view b) {
  std::size_t sample = std::min<std::size_t>(b.size(), 4096) & ~std::size_t{1};
  if (sample < 8) return nullptr;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < sample; i += 2) {
    even += b[i] == '\0';
    odd += b[i + 1] == '\0';
  }
  std::size_t pairs = sample / 2;
  if (odd * 10 >= pairs * 7 && even * 20 < pairs) return "UTF-16LE";
  if (even * 10 >= pairs * 7 && odd * 20 < pairs) return "UTF-16BE";
  return nullptr;
}

// ICU's detector, limited to the legacy charsets French archives actually use.
std::string DetectLegacyCharset(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), ucsdet_close);
  if (U_FAILURE(err)) return "windows-1252";
  auto len = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1u << 20));
  ucsdet_setText(det.get(), bytes.data(), len, &err);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &err);
  if (U_SUCCESS(err)) {
    for (int32_t i = 0; i < count; ++i) {
      std::string name = ucsdet_getName(matches[i], &err);
      if (U_FAILURE(err)) break;
      if (name == "ISO-8859-1" || name == "windows-1252") return "windows-1252";
      if (name == "ISO-8859-15") return "ISO-8859-15";
    }
  }
  // Windows-1252 is a superset of Latin-1 for printable text: the safe default.
  return "windows-1252";
}

// Text in a legacy Latin charset has few non-ASCII bytes (accents, quotes) and none of the
// bytes Windows-1252 leaves undefined; random or East-Asian bytes have many.
bool PlausibleLegacyText(std::string_view bytes) {
  std::size_t high = 0, undefined = 0;
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) continue;
    ++high;
    if (c <= 0x9F && kCp1252High[c - 0x80] == 0) ++undefined;
  }
  return high * 100 <= bytes.size() * 25 && undefined * 1000 <= high;
}

std::string NormaliseLineEnds(std::string s) {
  if (s.find('\r') == std::string::npos) return s;
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      s[w++] = '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      s[w++] = s[i];
    }
  }
  s.resize(w);
  return s;
}

// Decodes bytes with no BOM: UTF-8, UTF-8 with stray legacy bytes, or a legacy charset.
Result<std::string> DecodeUnmarked(std::string_view bytes, SourceText& out) {
  Utf8Scan scan = ScanUtf8(bytes);
  if (scan.invalid == 0) {
    out.encoding = "UTF-8";
    return std::string(bytes);
  }
  // More valid multi-byte sequences than bad bytes: a UTF-8 file touched by a legacy tool.
  if (scan.multibyte >= scan.invalid) {
    out.encoding = "UTF-8";
    out.warnings.push_back({"invalid_utf8", std::to_string(scan.invalid) +
                                                " byte(s) are not valid UTF-8 (first at byte " +
                                                std::to_string(scan.first_invalid) +
                                                "); decoded them as windows-1252"});
    return DecodeUtf8WithStrayBytes(bytes);
  }
  if (!PlausibleLegacyText(bytes)) {
    return Status::InvalidInput(
        "not valid UTF-8 (" + std::to_string(scan.invalid) + " invalid bytes, first at byte " +
        std::to_string(scan.first_invalid) + ") and not text in a known legacy charset either");
  }
  out.encoding = DetectLegacyCharset(bytes);
  out.warnings.push_back(
      {"encoding_guessed", "not valid UTF-8; decoded as " + out.encoding + " (detected by ICU)"});
  return ConvertToUtf8(bytes, out.encoding.c_str());
}

// Decodes `bytes` by its BOM or its content; sets out.encoding and warnings.
Result<std::string> Decode(std::string_view bytes, SourceText& out) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    Result<std::string> text = DecodeUnmarked(bytes.substr(3), out);
    if (text.ok()) out.encoding = "UTF-8";
    return text;
  }
  const char* wide = nullptr;
  std::size_t bom = 0;
  if (StartsWith(bytes, std::string_view("\xFF\xFE\0\0", 4))) {
    wide = "UTF-32LE";
    bom = 4;
  } else if (StartsWith(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
    wide = "UTF-32BE";
    bom = 4;
  } else if (StartsWith(bytes, "\xFF\xFE")) {
    wide = "UTF-16LE";
    bom = 2;
  } else if (StartsWith(bytes, "\xFE\xFF")) {
    wide = "UTF-16BE";
    bom = 2;
  } else if ((wide = Utf16WithoutBom(bytes)) != nullptr) {
    out.warnings.push_back(
        {"encoding_guessed", std::string("no byte order mark; decoded as ") + wide});
  }
  if (wide) {
    out.encoding = wide;
    Result<std::string> text = ConvertToUtf8(bytes.substr(bom), wide);
    if (text.ok() && LooksBinary(text.value())) {
      return Status::InvalidInput(std::string("binary content (not text once decoded as ") + wide +
                                  ")");
    }
    return text;
  }
  std::string format = BinaryFormat(bytes);
  if (!format.empty()) {
    return Status::InvalidInput("binary content: " + format +
                                ", not a text file; convert it to PDF or text");
  }
  if (LooksBinary(bytes)) return Status::InvalidInput("binary content (not a text file)");
  return DecodeUnmarked(bytes, out);
}

}  // namespace

char32_t Windows1252ToUnicode(unsigned char byte) {
  if (byte < 0x80 || byte >= 0xA0) return byte;
  char16_t cp = kCp1252High[byte - 0x80];
  return cp ? cp : 0xFFFD;
}

int Windows1252FromUnicode(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<int>(cp);
  for (int i = 0; i < 32; ++i) {
    if (kCp1252High[i] != 0 && kCp1252High[i] == cp) return 0x80 + i;
  }
  // ISO-8859-1 read of the same bytes: C1 controls stand for themselves.
  if (cp >= 0x80 && cp <= 0x9F) return static_cast<int>(cp);
  return -1;
}

bool LooksLikePdf(std::string_view bytes) {
  std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 1024));
  return head.find("%PDF-") != std::string_view::npos;
}

Result<SourceText> ReadText(std::string_view bytes, const TextReaderOptions& options) {
  if (bytes.empty()) return Status::InvalidInput("empty file");
  if (bytes.size() > options.max_bytes) {
    return Status::ResourceLimit("file too large for a text extract (" +
                                 std::to_string(bytes.size()) + " bytes; the limit is " +
                                 std::to_string(options.max_bytes) + ")");
  }
  SourceText out;
  out.format = "text";
  Result<std::string> decoded = Decode(bytes, out);
  if (!decoded.ok()) return decoded.status();
  out.text = NormaliseLineEnds(std::move(decoded).value());
  if (out.text.find_first_not_of(" \t\n\f") == std::string::npos) {
    return Status::InvalidInput("no text (only white space)");
  }
  return out;
}

}  // namespace registre
