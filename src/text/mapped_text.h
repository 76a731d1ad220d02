// MappedText and Line: what the normaliser's passes hand each other. Every byte of a
// MappedText remembers the source offset it came from, so each pass can rewrite the text
// and the final text still maps back to the reader's (NormalisedText::source_offsets).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/offset_map.h"

namespace registre {

// A string with, for each byte, the source offset it came from.
struct MappedText {
  std::string s;
  OffsetMap src;
  void Push(char c, uint32_t from) {
    s.push_back(c);
    src.push_back(from);
  }
  void Append(std::string_view bytes, uint32_t from) {
    s.append(bytes);
    src.append(bytes.size(), from);
  }
  // Bytes copied from `other` with their own source offsets.
  void AppendFrom(const MappedText& other, std::size_t start, std::size_t end) {
    s.append(other.s, start, end - start);
    src.append_from(other.src, start, end);
  }
  void Truncate(std::size_t size) {
    s.resize(size);
    src.truncate(size);
  }
};

// One line of the repaired text (line_repair.h), with the page it is on.
struct Line {
  std::size_t start, end;  // in the repaired text
  uint32_t end_src;        // source offset of the line break after the line
  int page;
};

inline std::string_view LineText(const MappedText& t, const Line& l) {
  return std::string_view(t.s).substr(l.start, l.end - l.start);
}

}  // namespace registre
