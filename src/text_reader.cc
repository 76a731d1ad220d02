#include "text_reader.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>
#include <string>

namespace registre {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Valid UTF-8 per RFC 3629 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (end - p < n + 1) return false;
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    p += n + 1;
  }
  return true;
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(bytes.size() * 3 + 16, '\0');
  int32_t n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                           bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    out.assign(static_cast<size_t>(n) + 1, '\0');
    n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) {
    return Status::Error(std::string("cannot convert from ") + charset + ": " + u_errorName(err));
  }
  out.resize(static_cast<size_t>(n));
  return out;
}

// Share of bytes that are control characters a text file does not contain.
bool LooksBinary(std::string_view bytes) {
  size_t sample = bytes.size() < 65536 ? bytes.size() : 65536;
  size_t bad = 0;
  for (size_t i = 0; i < sample; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1A) ++bad;
  }
  return sample > 0 && bad * 100 > sample * 2;
}

// ICU's detector, limited to the legacy charsets French archives actually use.
std::string DetectLegacyCharset(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), ucsdet_close);
  if (U_FAILURE(err)) return "windows-1252";
  int32_t len = static_cast<int32_t>(bytes.size() < (1u << 20) ? bytes.size() : (1u << 20));
  ucsdet_setText(det.get(), bytes.data(), len, &err);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &err);
  if (U_SUCCESS(err)) {
    for (int32_t i = 0; i < count; ++i) {
      std::string name = ucsdet_getName(matches[i], &err);
      if (name == "ISO-8859-1" || name == "windows-1252") return "windows-1252";
      if (name == "ISO-8859-15") return "ISO-8859-15";
      if (name == "IBM850") return "IBM850";
    }
  }
  // Windows-1252 is a superset of Latin-1 for printable text: the safe default.
  return "windows-1252";
}

std::string NormaliseLineEnds(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

bool LooksLikePdf(std::string_view bytes) {
  std::string_view head = bytes.substr(0, bytes.size() < 1024 ? bytes.size() : 1024);
  return head.find("%PDF-") != std::string_view::npos;
}

Result<SourceText> ReadText(std::string_view bytes, const TextReaderOptions& options) {
  if (bytes.empty()) return Status::Error("empty file");
  if (bytes.size() > options.max_bytes) {
    return Status::Error("file too large (" + std::to_string(bytes.size()) + " bytes; limit " +
                         std::to_string(options.max_bytes) + ")");
  }
  SourceText out;
  out.format = "text";
  Result<std::string> decoded = std::string();
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    out.encoding = "UTF-8";
    decoded = std::string(bytes);
    if (!IsValidUtf8(bytes)) decoded = ConvertToUtf8(bytes, "UTF-8");
  } else if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    out.encoding = le ? "UTF-16LE" : "UTF-16BE";
    decoded = ConvertToUtf8(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
  } else if (LooksBinary(bytes)) {
    return Status::Error("binary content (not a text file)");
  } else if (IsValidUtf8(bytes)) {
    out.encoding = "UTF-8";
    decoded = std::string(bytes);
  } else {
    out.encoding = DetectLegacyCharset(bytes);
    decoded = ConvertToUtf8(bytes, out.encoding.c_str());
    out.warnings.push_back({"encoding_guessed", "not valid UTF-8; decoded as " + out.encoding});
  }
  if (!decoded.ok()) return decoded.status();
  out.text = NormaliseLineEnds(decoded.value());
  if (out.text.find_first_not_of(" \t\n\f") == std::string::npos) {
    return Status::Error("no text (only white space)");
  }
  return out;
}

}  // namespace registre
