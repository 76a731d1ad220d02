// Document: a normalised text with its line index and the helpers every extractor uses to
// match on the folded view and copy values from the normalised text.
//
// Ranges are half-open [start, end) byte offsets into the folded view (`F` offsets) unless a
// name says `text`. Matching always happens on folded text; `Text()` maps back.
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

#include "rules/accelerated_re2.h"
#include "text/normaliser.h"

namespace registre {

struct Range {
  std::size_t start = 0, end = 0;  // folded offsets
  bool empty() const { return end <= start; }
  std::size_t size() const { return end > start ? end - start : 0; }
  bool operator==(const Range&) const = default;
};

struct LineRef {
  std::size_t start, end;  // folded offsets of the line, without its '\n'
  bool blank = false;      // empty or only spaces (readers ask for every line, often twice)
};

class Document {
 public:
  explicit Document(NormalisedText text);

  const NormalisedText& normalised() const { return text_; }
  const std::string& folded() const { return text_.folded.text; }
  std::string_view Folded(Range r) const;
  // The normalised text of a folded range, line breaks and runs of spaces folded to one.
  std::string Text(Range r) const;
  // As Text() but keeps line breaks (for report texts).
  std::string RawText(Range r) const;
  std::size_t TextOffset(std::size_t folded_offset) const;
  int PageAt(std::size_t folded_offset) const;

  const std::vector<LineRef>& lines() const { return lines_; }
  // Index of the line holding folded offset `at`.
  std::size_t LineAt(std::size_t at) const;
  Range LineRange(std::size_t index) const { return {lines_[index].start, lines_[index].end}; }
  std::string_view LineFolded(std::size_t index) const { return Folded(LineRange(index)); }
  bool LineBlank(std::size_t index) const { return lines_[index].blank; }

 private:
  NormalisedText text_;
  std::vector<LineRef> lines_;
};

// Finds the first match of `re` in the folded text of `r` (RE2::UNANCHORED); fills `groups`
// with folded ranges of each capturing group (empty Range for a group that did not take part).
bool FindIn(const Document& doc, const RE2& re, Range r, Range* whole, std::vector<Range>* groups);
// The same answer, found by skipping to the pattern's literal starts (grammar patterns).
bool FindIn(const Document& doc, const AcceleratedRE2& re, Range r, Range* whole,
            std::vector<Range>* groups);

// The folded range of named group `name` of `re` in `groups` (from FindIn), or empty.
Range Group(const RE2& re, const std::vector<Range>& groups, const std::string& name);

// Trims spaces and the punctuation in `chars` from both ends of a folded range.
Range TrimRange(const Document& doc, Range r, std::string_view chars = " \n\t:;,.-");

// The cells of line `line` read as a table's row: markup.h writes a Markdown table's row as
// its cells separated by " ; " ("Pour ; Contre ; Abstention", an empty cell as nothing
// between two). Each cell trimmed of spaces; a line without ';' is one cell.
std::vector<Range> TableRowCells(const Document& doc, std::size_t line);

}  // namespace registre
