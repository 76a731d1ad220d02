#include "text/markup.h"

#include <cctype>
#include <string_view>

namespace registre {
namespace {

using LatexTable = std::vector<std::pair<std::string, std::string>>;

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "## Titre": the number of '#' before the space, or 0.
std::size_t HeadingMarks(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && IsSpace(line[i])) ++i;
  std::size_t marks = 0;
  while (i + marks < line.size() && line[i + marks] == '#') ++marks;
  if (marks == 0 || marks > 6 || i + marks >= line.size() || !IsSpace(line[i + marks])) return 0;
  return marks;
}

// "|---|:---:|", "--- | ---": a table's separator row.
bool IsTableSeparator(std::string_view line) {
  line = Trim(line);
  if (line.find('|') == std::string_view::npos) return false;
  std::size_t dashes = 0;
  for (char c : line) {
    if (c == '-')
      ++dashes;
    else if (c != '|' && c != ':' && !IsSpace(c))
      return false;
  }
  return dashes >= 3;
}

bool IsTableRow(std::string_view line) {
  line = Trim(line);
  return line.size() >= 2 && line.front() == '|' && line.back() == '|';
}

// The residue rules, on s[i, to) (`to`: the line's end), shared by the finder and the
// writer so that both agree on what is markup.

bool StartsWithAt(std::string_view s, std::size_t i, std::size_t to, std::string_view p) {
  return i <= to && to - i >= p.size() && s.substr(i, p.size()) == p;
}

// "(cid:123)" at i: its length, or 0.
std::size_t CidLength(std::string_view s, std::size_t i, std::size_t to) {
  if (!StartsWithAt(s, i, to, "(cid:")) return 0;
  std::size_t j = i + 5;
  while (j < to && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  if (j == i + 5 || j >= to || s[j] != ')') return 0;
  return j + 1 - i;
}

// "n²" at i then a number ("n² 12", "N²2024-01"): OCR's reading of "n°" (not "m²").
bool SquaredNumberAt(std::string_view s, std::size_t i, std::size_t to) {
  if ((s[i] != 'n' && s[i] != 'N') || !StartsWithAt(s, i + 1, to, "\xC2\xB2")) return false;
  if (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) return false;
  std::size_t j = i + 3;
  while (j < to && IsSpace(s[j])) ++j;
  return j < to && std::isdigit(static_cast<unsigned char>(s[j]));
}

// "$n^{\circ}$", "$$1^{\text{er}}$$" at i: math on one line holding a command, a superscript
// or a brace. Its length, or 0 (a lone dollar, "500 $").
std::size_t MathLength(std::string_view s, std::size_t i, std::size_t to) {
  const std::size_t open = StartsWithAt(s, i, to, "$$") ? 2 : 1;
  std::size_t close = s.substr(0, to).find('$', i + open);
  if (close == std::string_view::npos || close == i + open) return 0;
  std::string_view body = s.substr(i + open, close - i - open);
  if (body.find_first_of("\\^_{") == std::string_view::npos || body.size() > 200) return 0;
  if (open == 2 && !StartsWithAt(s, close, to, "$$")) return 0;
  return close + open - i;
}

// Writes `in` bytes [from, to) to `out`, dropping Markdown's inline markers (emphasis
// asterisks, escapes, images, links' targets, <br> and <sup> tags) when `markdown`, and
// always the (cid:N) codes, the $...$ math residue and "n²" before a number.
class InlineWriter {
 public:
  InlineWriter(const MappedText& in, const LatexTable& latex, MappedText* out, MarkupCounts* counts)
      : in_(in), s_(in.s), latex_(latex), out_(out), counts_(counts) {}

  void Write(std::size_t from, std::size_t to, bool markdown) {
    std::size_t i = from;
    while (i < to) {
      if (std::size_t n = CidLength(s_, i, to)) {
        ++counts_->cid;
        i += n;
        continue;
      }
      if (s_[i] == '$') {
        if (std::size_t n = MathLength(s_, i, to)) {
          const std::size_t open = s_[i + 1] == '$' ? 2 : 1;
          WriteMath(i + open, i + n - open);
          ++counts_->latex;
          i += n;
          continue;
        }
      }
      if (SquaredNumberAt(s_, i, to)) {
        out_->Push(s_[i], in_.src[i]);
        out_->Push('\xC2', in_.src[i + 1]);
        out_->Push('\xB0', in_.src[i + 2]);
        i += 3;
        continue;
      }
      if (markdown) {
        if (std::size_t n = MarkdownInline(i, to)) {
          i += n;
          continue;
        }
      }
      // A run of bytes no rule starts on goes out in one copy.
      std::size_t j = i + 1;
      while (j < to && !MayStart(s_[j])) ++j;
      out_->AppendFrom(in_, i, j);
      i = j;
    }
  }

 private:
  static bool MayStart(char c) {
    return c == '(' || c == '$' || c == 'n' || c == 'N' || c == '*' || c == '\\' || c == '<' ||
           c == '!' || c == ']' || c == '[';
  }

  bool StartsWith(std::size_t i, std::size_t to, std::string_view p) const {
    return StartsWithAt(s_, i, to, p);
  }

  // The text of a math body: \text{x} and its kin give x, ^{x} and _{x} give x, a command
  // the [table.latex] names gives its replacement, another command nothing.
  void WriteMath(std::size_t from, std::size_t to) {
    std::size_t i = from;
    while (i < to) {
      char c = s_[i];
      if (c == '{' || c == '}' || c == '^' || c == '_') {
        ++i;
        continue;
      }
      if (c == '~') {
        out_->Push(' ', in_.src[i]);
        ++i;
        continue;
      }
      if (c != '\\') {
        out_->Push(c, in_.src[i]);
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < to && std::isalpha(static_cast<unsigned char>(s_[j]))) ++j;
      if (j == i + 1) {  // "\%", "\,", "\ ": the character, spacing as a space
        if (j < to) {
          char e = s_[j];
          out_->Push(std::ispunct(static_cast<unsigned char>(e)) && e != ',' && e != ';' ? e : ' ',
                     in_.src[i]);
        }
        i = j + 1;
        continue;
      }
      std::string_view name = std::string_view(s_).substr(i + 1, j - i - 1);
      for (const auto& [key, value] : latex_) {
        if (key == name) {
          out_->Append(value, in_.src[i]);
          break;
        }
      }
      i = j;  // a text command's braces are skipped above, its argument kept
    }
  }

  // Markdown inline markers at i: their length once dealt with, or 0.
  std::size_t MarkdownInline(std::size_t i, std::size_t to) {
    char c = s_[i];
    if (c == '*') return 1;
    if (c == '\\' && i + 1 < to && std::ispunct(static_cast<unsigned char>(s_[i + 1]))) {
      out_->Push(s_[i + 1], in_.src[i + 1]);
      return 2;
    }
    if (c == '<') {
      for (std::string_view tag : {"<br>", "<br/>", "<br />", "<BR>"}) {
        if (StartsWith(i, to, tag)) {
          out_->Push(' ', in_.src[i]);
          return tag.size();
        }
      }
      for (std::string_view tag : {"<sup>", "</sup>", "<sub>", "</sub>", "<u>", "</u>"})
        if (StartsWith(i, to, tag)) return tag.size();
    }
    if (c == '!' && StartsWith(i, to, "![")) {
      std::size_t close = std::string_view(s_).substr(0, to).find("](", i);
      std::size_t end = close == std::string_view::npos
                            ? close
                            : std::string_view(s_).substr(0, to).find(')', close);
      if (end != std::string_view::npos) return end + 1 - i;
    }
    if (c == ']' && StartsWith(i, to, "](")) {  // a link's target: "[texte](url)"
      std::size_t end = std::string_view(s_).substr(0, to).find(')', i);
      if (end != std::string_view::npos &&
          std::string_view(s_).substr(i, end - i).find(' ') == std::string_view::npos)
        return end + 1 - i;
    }
    if (c == '[' && std::string_view(s_).substr(0, to).find("](", i) != std::string_view::npos)
      return 1;
    return 0;
  }

  const MappedText& in_;
  const std::string& s_;
  const LatexTable& latex_;
  MappedText* out_;
  MarkupCounts* counts_;
};

// Markdown written by a tool: headings, a table, or bold labels, more than once.
bool LooksLikeMarkdown(const std::string& s) {
  std::size_t headings = 0, tables = 0, bold = 0;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    std::string_view line = std::string_view(s).substr(start, nl - start);
    if (HeadingMarks(line)) ++headings;
    if (IsTableSeparator(line)) ++tables;
    if (Trim(line).substr(0, 2) == "**" && line.find("**", line.find("**") + 2) != line.npos)
      ++bold;
    start = nl + 1;
  }
  return headings >= 2 || tables >= 1 || bold >= 2 || (headings >= 1 && bold >= 1);
}

}  // namespace

bool HasMarkup(const std::string& text) {
  const std::string_view s = text;
  auto line_end = [&](std::size_t at) {
    std::size_t nl = s.find('\n', at);
    return nl == std::string_view::npos ? s.size() : nl;
  };
  for (std::size_t c = s.find("(cid:"); c != std::string_view::npos; c = s.find("(cid:", c + 1))
    if (CidLength(s, c, line_end(c))) return true;
  for (std::size_t d = s.find('$'); d != std::string_view::npos; d = s.find('$', d + 1))
    if (MathLength(s, d, line_end(d))) return true;
  for (std::size_t q = s.find("\xC2\xB2"); q != std::string_view::npos;
       q = s.find("\xC2\xB2", q + 2))
    if (q > 0 && SquaredNumberAt(s, q - 1, line_end(q))) return true;
  return LooksLikeMarkdown(text);
}

MappedText StripMarkup(const MappedText& in, const LatexTable& latex,
                       std::vector<uint32_t>* page_starts, MarkupCounts* counts) {
  const std::string& s = in.s;
  const bool markdown = LooksLikeMarkdown(s);
  MappedText out;
  out.s.reserve(s.size());
  out.src.reserve(s.size() + 1);
  InlineWriter writer(in, latex, &out, counts);
  std::vector<uint32_t> starts = *page_starts;
  std::size_t next_page = 1;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    while (next_page < starts.size() && starts[next_page] <= start)
      (*page_starts)[next_page++] = static_cast<uint32_t>(out.s.size());
    std::string_view line = std::string_view(s).substr(start, nl - start);
    if (markdown && IsTableSeparator(line)) {
      ++counts->markdown;
    } else if (markdown && IsTableRow(line)) {
      // Cells separated by " ; ", an empty one kept as nothing between two separators, so
      // that a cell's column is its rank in the row (TableRowCells).
      ++counts->markdown;
      std::size_t a = start + line.find('|') + 1, last = start + line.rfind('|');
      bool first = true;
      while (a < last) {
        std::size_t b = s.find('|', a);
        if (b > last) b = last;
        while (a < b && IsSpace(s[a])) ++a;
        std::size_t e = b;
        while (e > a && IsSpace(s[e - 1])) --e;
        if (!first) out.Append(" ; ", in.src[a]);
        if (e > a) writer.Write(a, e, true);
        first = false;
        a = b + 1;
      }
    } else {
      std::size_t from = start;
      if (markdown) {
        if (std::size_t marks = HeadingMarks(line)) {
          from = start + line.find('#') + marks + 1;
          std::size_t to = nl;
          while (to > from && (s[to - 1] == '#' || IsSpace(s[to - 1]))) --to;
          ++counts->markdown;
          writer.Write(from, to, true);
          from = nl;
        } else {
          std::size_t lead = 0;
          while (lead < line.size() && IsSpace(line[lead])) ++lead;
          if (lead + 1 < line.size() && (line[lead] == '*' || line[lead] == '+') &&
              IsSpace(line[lead + 1])) {
            out.AppendFrom(in, start, start + lead);
            out.Push('-', in.src[start + lead]);
            from = start + lead + 1;
          }
        }
      }
      if (from < nl) writer.Write(from, nl, markdown);
    }
    if (nl < s.size()) out.Push('\n', in.src[nl]);
    start = nl + 1;
  }
  while (next_page < starts.size())
    (*page_starts)[next_page++] = static_cast<uint32_t>(out.s.size());
  if (in.src.size() > s.size()) out.src.push_back(in.src[s.size()]);
  return out;
}

}  // namespace registre
