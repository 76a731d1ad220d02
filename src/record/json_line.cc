#include "record/json_line.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include "base/text_bytes.h"
#include "base/utf8.h"

namespace registre {
namespace {

// True when none of the eight bytes of `w` needs a look: no byte of a multi-byte sequence,
// no control character, no quote and no backslash.
bool PlainAscii8(uint64_t w) {
  return (w & kHighBits) == 0 && !AnyByteBelow(w, 0x20) && !AnyByteEqual(w, '"') &&
         !AnyByteEqual(w, '\\');
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
    if (i + 8 <= n && PlainAscii8(LoadWord(s.data() + i))) {
      i += 8;
      continue;
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t len = Utf8SequenceLength(s, i);
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

namespace {

// An object's members in key order, each value written by write(key, value, out).
template <class WriteValue>
void AppendObject(const nlohmann::json& object, std::string* out, const WriteValue& write) {
  out->push_back('{');
  bool first = true;
  for (const auto& [key, item] : object.items()) {
    if (!first) out->push_back(',');
    first = false;
    AppendString(key, out);
    out->push_back(':');
    write(key, item, out);
  }
  out->push_back('}');
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
    case value_t::object:
      AppendObject(value, out, [](const std::string&, const nlohmann::json& item, std::string* o) {
        AppendJsonLine(item, o);
      });
      return;
    default:  // floating point, binary, discarded: nlohmann's own formatting
      out->append(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return;
  }
}

void AppendRecordLine(const nlohmann::json& record, std::string_view key, bool repeats,
                      std::string* value_bytes, std::string* out) {
  if (!record.is_object()) return AppendJsonLine(record, out);
  AppendObject(record, out,
               [&](const std::string& name, const nlohmann::json& item, std::string* o) {
                 if (name != key) {
                   AppendJsonLine(item, o);
                 } else if (repeats && !value_bytes->empty()) {
                   o->append(*value_bytes);
                 } else {
                   const std::size_t from = o->size();
                   AppendJsonLine(item, o);
                   value_bytes->assign(*o, from, std::string::npos);
                 }
               });
}

std::string JsonLine(const nlohmann::json& value) {
  std::string out;
  AppendJsonLine(value, &out);
  return out;
}

}  // namespace registre
