#include "output/json_line.h"

#include <charconv>
#include <string_view>

namespace registre {
namespace {

// Well-formed UTF-8 (Unicode table 3-7): no overlong forms, no surrogates, nothing past
// U+10FFFF; the sequences nlohmann's decoder accepts.
bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    auto at = [&](std::size_t k) { return i + k < n ? static_cast<unsigned char>(s[i + k]) : 0; };
    auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(at(1))) return false;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      unsigned char b1 = at(1);
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (b1 < lo || b1 > hi || !cont(at(2))) return false;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      unsigned char b1 = at(1);
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (b1 < lo || b1 > hi || !cont(at(2)) || !cont(at(3))) return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

void AppendString(std::string_view s, std::string* out) {
  if (!ValidUtf8(s)) {
    *out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static const char* kHex = "0123456789abcdef";
  out->push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
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
    case value_t::null: out->append("null"); return;
    case value_t::boolean: out->append(value.get<bool>() ? "true" : "false"); return;
    case value_t::number_integer: AppendInteger(value.get<std::int64_t>(), out); return;
    case value_t::number_unsigned: AppendInteger(value.get<std::uint64_t>(), out); return;
    case value_t::string: AppendString(value.get_ref<const std::string&>(), out); return;
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
