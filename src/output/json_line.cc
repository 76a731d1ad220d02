#include "output/json_line.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

namespace registre {
namespace {

// The length of the well-formed UTF-8 sequence (Unicode table 3-7: no overlong forms, no
// surrogates, nothing past U+10FFFF; what nlohmann's decoder accepts) that starts at the
// non-ASCII byte s[i], or 0 when it is not one.
std::size_t Utf8SequenceAt(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  auto c = static_cast<unsigned char>(s[i]);
  auto at = [&](std::size_t k) { return i + k < n ? static_cast<unsigned char>(s[i + k]) : 0; };
  auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(at(1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned char b1 = at(1);
    unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return b1 >= lo && b1 <= hi && cont(at(2)) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned char b1 = at(1);
    unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return b1 >= lo && b1 <= hi && cont(at(2)) && cont(at(3)) ? 4 : 0;
  }
  return 0;
}

// True when none of the eight bytes of `w` needs a look: no byte of a multi-byte sequence,
// no control character, no quote and no backslash. (With x's bytes all below 0x80, (x - n) & ~x has
// bit 7 set in a byte exactly when that byte is below n; a zero byte is one below 1.)
bool PlainAscii8(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  uint64_t quote = w ^ (0x22 * kOnes), backslash = w ^ (0x5C * kOnes);
  return ((w & kHigh) | ((w - 0x20 * kOnes) & ~w & kHigh) | ((quote - kOnes) & ~quote & kHigh) |
          ((backslash - kOnes) & ~backslash & kHigh)) == 0;
}

// Appends the JSON escape of `c` (a quote, a backslash or a control character): the short
// forms JSON has, else \u00XX.
void AppendEscaped(unsigned char c, std::string* out) {
  static constexpr std::pair<char, std::string_view> kShort[] = {
      {'"', "\\\""}, {'\\', "\\\\"}, {'\b', "\\b"}, {'\f', "\\f"},
      {'\n', "\\n"}, {'\r', "\\r"},  {'\t', "\\t"}};
  for (const auto& [plain, escaped] : kShort) {
    if (c == static_cast<unsigned char>(plain)) {
      out->append(escaped);
      return;
    }
  }
  static const char* kHex = "0123456789abcdef";
  out->append("\\u00");
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

// Appends `s` as a JSON string, as nlohmann's dump would: plain bytes are copied in runs
// (skipped eight at a time), quotes, backslashes and controls escaped; a string that is not valid
// UTF-8 is left to nlohmann (U+FFFD for the bad bytes).
void AppendString(std::string_view s, std::string* out) {
  const std::size_t mark = out->size();
  out->push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (PlainAscii8(w)) {
        i += 8;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t len = Utf8SequenceAt(s, i);
      if (len == 0) {
        out->resize(mark);
        *out += nlohmann::json(std::string(s))
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += len;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s.data() + run, i - run);
    run = i + 1;
    AppendEscaped(c, out);
    ++i;
  }
  out->append(s.data() + run, n - run);
  out->push_back('"');
}

template <class Integer>
void AppendInteger(Integer v, std::string* out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

}  // namespace

void AppendJsonLine(const nlohmann::json& value, std::string* out) {
  using value_t = nlohmann::json::value_t;
  switch (value.type()) {
    case value_t::null:
      out->append("null");
      return;
    case value_t::boolean:
      out->append(value.get<bool>() ? "true" : "false");
      return;
    case value_t::number_integer:
      AppendInteger(value.get<std::int64_t>(), out);
      return;
    case value_t::number_unsigned:
      AppendInteger(value.get<std::uint64_t>(), out);
      return;
    case value_t::string:
      AppendString(value.get_ref<const std::string&>(), out);
      return;
    case value_t::array: {
      out->push_back('[');
      bool first = true;
      for (const auto& item : value) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonLine(item, out);
      }
      out->push_back(']');
      return;
    }
    case value_t::object: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out->push_back(',');
        first = false;
        AppendString(key, out);
        out->push_back(':');
        AppendJsonLine(item, out);
      }
      out->push_back('}');
      return;
    }
    default:  // floating point, binary, discarded: nlohmann's own formatting
      out->append(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return;
  }
}

std::string JsonLine(const nlohmann::json& value) {
  std::string out;
  AppendJsonLine(value, &out);
  return out;
}

}  // namespace registre
