#include "text/document.h"

#include <algorithm>

namespace registre {

Document::Document(NormalisedText text) : text_(std::move(text)) {
  const std::string& f = text_.folded.text;
  // A line ends at each '\n' (found with memchr) and at the end of the text, so a text
  // ending with '\n' has a last, empty line.
  std::size_t start = 0;
  auto add = [&](std::size_t end) {
    bool blank = std::string_view(f).substr(start, end - start).find_first_not_of(' ') ==
                 std::string_view::npos;
    lines_.push_back({start, end, blank});
  };
  for (std::size_t nl = f.find('\n'); nl != std::string::npos; nl = f.find('\n', start)) {
    add(nl);
    start = nl + 1;
  }
  add(f.size());
}

std::string_view Document::Folded(Range r) const {
  const std::string& f = folded();
  if (r.start > f.size()) return {};
  return std::string_view(f).substr(r.start, std::min(r.end, f.size()) - r.start);
}

std::size_t Document::TextOffset(std::size_t folded_offset) const {
  const auto& map = text_.folded.to_source;
  return map[std::min(folded_offset, map.size() - 1)];
}

std::string Document::RawText(Range r) const {
  if (r.empty()) return "";
  std::size_t a = TextOffset(r.start);
  std::size_t b = TextOffset(r.end);
  if (b < a) b = a;
  return text_.text.substr(a, b - a);
}

std::string Document::Text(Range r) const {
  if (r.empty()) return "";
  std::size_t a = TextOffset(r.start), b = std::max(a, TextOffset(r.end));
  const std::string_view raw = std::string_view(text_.text).substr(a, b - a);
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == '\n' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

int Document::PageAt(std::size_t folded_offset) const {
  return text_.PageAt(TextOffset(folded_offset));
}

std::size_t Document::LineAt(std::size_t at) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), at,
                             [](std::size_t v, const LineRef& l) { return v < l.start; });
  return it == lines_.begin() ? 0 : static_cast<std::size_t>(it - lines_.begin() - 1);
}

namespace {

// FindIn with `search(input, submatch, nsubmatch)` standing for an unanchored RE2::Match.
template <typename Search>
bool FindWith(const Document& doc, const RE2& re, const Search& search, Range r, Range* whole,
              std::vector<Range>* groups) {
  const std::string& f = doc.folded();
  // Ask only for what the caller takes: without groups RE2 finds the match with its DFAs
  // alone, and without `whole` it need not even locate it.
  int n = groups ? re.NumberOfCapturingGroups() : 0;
  int wanted = groups ? n + 1 : whole ? 1 : 0;
  re2::StringPiece sub_small[1];
  std::vector<re2::StringPiece> sub_large;
  re2::StringPiece* sub = sub_small;
  if (wanted > 1) {
    sub_large.resize(static_cast<std::size_t>(wanted));
    sub = sub_large.data();
  }
  std::size_t end = std::min(r.end, f.size());
  if (r.start >= end) return false;
  // The range is the whole text for the pattern: ^ and $ anchor at its ends.
  re2::StringPiece input(f.data() + r.start, end - r.start);
  if (!search(input, sub, wanted)) return false;
  auto to_range = [&](const re2::StringPiece& p) {
    if (p.data() == nullptr) return Range{};
    std::size_t s = static_cast<std::size_t>(p.data() - f.data());
    return Range{s, s + p.size()};
  };
  if (whole) *whole = to_range(sub[0]);
  if (groups) {
    groups->clear();
    for (int i = 1; i <= n; ++i) groups->push_back(to_range(sub[static_cast<std::size_t>(i)]));
  }
  return true;
}

}  // namespace

bool FindIn(const Document& doc, const RE2& re, Range r, Range* whole, std::vector<Range>* groups) {
  auto search = [&re](re2::StringPiece input, re2::StringPiece* sub, int n) {
    return re.Match(input, 0, input.size(), RE2::UNANCHORED, sub, n);
  };
  return FindWith(doc, re, search, r, whole, groups);
}

bool FindIn(const Document& doc, const AcceleratedRE2& re, Range r, Range* whole,
            std::vector<Range>* groups) {
  auto search = [&re](re2::StringPiece input, re2::StringPiece* sub, int n) {
    return re.Search(input, sub, n);
  };
  return FindWith(doc, re, search, r, whole, groups);
}

Range Group(const RE2& re, const std::vector<Range>& groups, const std::string& name) {
  const auto& names = re.NamedCapturingGroups();
  auto it = names.find(name);
  if (it == names.end()) return {};
  std::size_t index = static_cast<std::size_t>(it->second - 1);
  return index < groups.size() ? groups[index] : Range{};
}

Range TrimRange(const Document& doc, Range r, std::string_view chars) {
  const std::string& f = doc.folded();
  r.end = std::min(r.end, f.size());
  while (r.start < r.end && chars.find(f[r.start]) != std::string_view::npos) ++r.start;
  while (r.end > r.start && chars.find(f[r.end - 1]) != std::string_view::npos) --r.end;
  return r;
}

std::vector<Range> TableRowCells(const Document& doc, std::size_t line) {
  // Split at every ';': the separators at a row's ends may have lost their outer space.
  std::vector<Range> cells;
  const Range r = doc.LineRange(line);
  const std::string_view f = doc.Folded(r);
  for (std::size_t from = 0;;) {
    const std::size_t at = f.find(';', from);
    const std::size_t end = at == std::string_view::npos ? f.size() : at;
    cells.push_back(TrimRange(doc, Range{r.start + from, r.start + end}, " "));
    if (at == std::string_view::npos) return cells;
    from = at + 1;
  }
}

}  // namespace registre
