#include "read/pdf/layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "read/pdf/unicode_util.h"

namespace registre::pdf {
namespace {

// A blank line goes where the baseline drops by more than kBreakFactor times the page's
// usual spacing for the font size, or by kBreakEm font sizes or more (pdftotext -layout's
// rule, which the text pipeline is tuned on); a drop of n font sizes gives n - 1 blank
// lines, at most kMaxBlank, as pdftotext prints them.
constexpr double kBreakFactor = 1.6;
constexpr double kBreakEm = 2.0;
constexpr int kMaxBlank = 4;

struct LineBuilder {
  std::vector<const PositionedGlyph*> glyphs;
  std::vector<bool> space_before;  // a space glyph was drawn before this glyph
  double base_y = 0, size = 0, last_x1 = 0;
  int orientation = 0;
};

// Does `g` continue `line`? Updates the line's main baseline when the line started with
// a superscript.
bool Continues(LineBuilder& line, const PositionedGlyph& g) {
  if (g.orientation != line.orientation) return false;
  double big = std::max(line.size, g.size);
  double gap = g.x0 - line.last_x1;
  if (gap < -1.0 * big) return false;  // jumps back: a new line
  double dy = g.y - line.base_y;
  if (std::fabs(dy) <= 0.3 * big) return true;
  if (gap > 1.0 * big) return false;
  // Superscript / subscript right after the main text.
  if (g.size < 0.9 * line.size) {
    if (dy > 0 && dy < 0.65 * line.size) return true;
    if (dy < 0 && -dy < 0.35 * line.size) return true;
  }
  // The line so far was a superscript (a note call) and the main text follows.
  if (line.size < 0.9 * g.size) {
    if (dy < 0 && -dy < 0.65 * g.size) {
      line.base_y = g.y;
      line.size = g.size;
      return true;
    }
    if (dy > 0 && dy < 0.35 * g.size) {
      line.base_y = g.y;
      line.size = g.size;
      return true;
    }
  }
  return false;
}

bool IsSingleLetter(const std::string& word) {
  if (word.empty()) return false;
  std::size_t pos = 0;
  char32_t cp = NextCodePoint(word, pos);
  if (!u_isalpha(static_cast<UChar32>(cp))) return false;
  while (pos < word.size()) {  // combining marks may follow
    char32_t mark = NextCodePoint(word, pos);
    if (!(u_getCombiningClass(static_cast<UChar32>(mark)) > 0)) return false;
  }
  return true;
}

bool FrenchThinSpaceSpot(const std::string& before, const std::string& after) {
  static const std::string kOpen = "\xC2\xAB";   // «
  static const std::string kClose = "\xC2\xBB";  // »
  if (!after.empty() && (after[0] == ';' || after[0] == ':' || after[0] == '!' || after[0] == '?'))
    return true;
  if (after.rfind(kClose, 0) == 0) return true;
  return before.size() >= kOpen.size() &&
         before.compare(before.size() - kOpen.size(), kOpen.size(), kOpen) == 0;
}

struct Word {
  std::string text;
  double x0 = 0, x1 = 0;
  double size = 0;
  bool space_glyph_before = false;
};

// A line with where its words start (text offset and x) and end, for the column pass.
struct ComposedLine {
  LayoutLine line;
  std::vector<std::size_t> offsets;  // byte offset of each word in line.text
  std::vector<double> x0, x1;        // extent of each word
};

ComposedLine Finish(const LineBuilder& line, const LayoutOptions& options) {
  ComposedLine composed;
  LayoutLine& out = composed.line;
  out.orientation = line.orientation;
  out.y = line.base_y;
  out.size = line.size;
  std::vector<Word> words;
  const PositionedGlyph* prev = nullptr;
  for (std::size_t i = 0; i < line.glyphs.size(); ++i) {
    const PositionedGlyph* g = line.glyphs[i];
    bool split = false;
    if (prev) {
      double em = std::max(prev->size, g->size);
      double gap = g->x0 - prev->x1;
      // French typography puts a thin space (often ~0.12 em) before ; : ! ? and inside
      // guillemets; kerning there is never that wide, so a lower threshold is safe.
      double threshold = options.word_gap_em;
      if (FrenchThinSpaceSpot(prev->text, g->text)) threshold = options.thin_gap_em;
      split = gap > threshold * em;
    }
    if (!prev || split) {
      words.emplace_back();
      words.back().x0 = g->x0;
      words.back().space_glyph_before = line.space_before[i];
      words.back().size = g->size;
    }
    Word& w = words.back();
    w.text += g->text;
    w.x1 = std::max(w.x1, g->x1);
    w.size = std::max(w.size, g->size);
    prev = g;
  }
  // Letter-spaced headings: runs of >= 3 single letters, no space glyphs, wide even gaps.
  std::vector<bool> join_with_next(words.size(), false);
  for (std::size_t i = 0; i < words.size();) {
    std::size_t j = i;
    while (j < words.size() && IsSingleLetter(words[j].text) &&
           (j == i || !words[j].space_glyph_before)) {
      ++j;
    }
    if (j - i >= 3) {
      double min_gap = 1e300;
      for (std::size_t k = i + 1; k < j; ++k)
        min_gap = std::min(min_gap, words[k].x0 - words[k - 1].x1);
      double em = words[i].size;
      if (min_gap >= 0.3 * em) {
        for (std::size_t k = i + 1; k < j; ++k) {
          if (words[k].x0 - words[k - 1].x1 <= 1.6 * min_gap) join_with_next[k - 1] = true;
        }
      }
      i = j;
    } else {
      i = j > i ? j : i + 1;
    }
  }
  // Soft hyphens: invisible inside a line (Chromium's ActualText), a visible hyphen at
  // its end (cairo draws the broken one with a U+00AD glyph).
  static const std::string kShy = "\xC2\xAD";
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string& t = words[i].text;
    bool trailing =
        t.size() >= kShy.size() && t.compare(t.size() - kShy.size(), kShy.size(), kShy) == 0;
    for (std::size_t p; (p = t.find(kShy)) != std::string::npos;) t.erase(p, kShy.size());
    if (trailing && i + 1 == words.size()) t += '-';
  }
  bool first = true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].text.empty()) continue;
    bool joined = i > 0 && join_with_next[i - 1];
    if (!first && !joined) out.text += ' ';
    if (first || !joined) {
      composed.offsets.push_back(out.text.size());
      composed.x0.push_back(words[i].x0);
      composed.x1.push_back(words[i].x1);
    } else {
      composed.x1.back() = words[i].x1;
    }
    out.text += words[i].text;
    first = false;
  }
  if (!line.glyphs.empty()) {
    out.x0 = line.glyphs.front()->x0;
    out.x1 = line.last_x1;
  }
  return composed;
}

// Columns written row by row (a producer that draws both columns of a text line before
// the next one) come out of the line pass as lines with a wide gap at the same x. When
// at least 6 lines with running text (4+ words, mostly letters) on both sides share such a gutter,
// each run of lines that do not cross it is read left column first, then right column.
// Stream-ordered columns are unchanged by this (their runs are already left then right). At least
// 20 bytes, mostly letters: a column of running text, not a table of figures.
bool LooksLikeProse(std::string_view text) {
  if (text.size() < 20) return false;
  std::size_t letters = 0, others = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = NextCodePoint(text, pos);
    if (cp == ' ') continue;
    if (u_isalpha(static_cast<UChar32>(cp)))
      ++letters;
    else
      ++others;
  }
  return letters >= 3 * others;
}

void ReadColumnsInOrder(std::vector<ComposedLine>& lines) {
  struct Gap {
    double from, to;
  };
  std::vector<std::optional<Gap>> gaps(lines.size());
  std::vector<double> mids;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const ComposedLine& c = lines[i];
    if (c.line.orientation != 0 || c.offsets.size() < 4) continue;
    std::size_t best = 0;
    double widest = 0;
    for (std::size_t k = 0; k + 1 < c.offsets.size(); ++k) {
      double gap = c.x0[k + 1] - c.x1[k];
      if (gap > widest) {
        widest = gap;
        best = k;
      }
    }
    std::size_t split = c.offsets[best + 1];
    if (widest > 2.0 * c.line.size && best + 1 >= 4 && c.offsets.size() - best - 1 >= 4 &&
        LooksLikeProse(std::string_view(c.line.text).substr(0, split)) &&
        LooksLikeProse(std::string_view(c.line.text).substr(split))) {
      gaps[i] = Gap{c.x1[best], c.x0[best + 1]};
      mids.push_back((c.x1[best] + c.x0[best + 1]) / 2);
    }
  }
  if (mids.size() < 6) return;
  double gutter = 0;
  std::size_t support = 0;
  for (double m : mids) {
    std::size_t n = 0;
    for (const auto& g : gaps) n += g && g->from <= m && m <= g->to;
    if (n > support) {
      support = n;
      gutter = m;
    }
  }
  if (support < 6) return;
  std::vector<ComposedLine> out;
  out.reserve(lines.size() + support);
  std::vector<ComposedLine> left, right;
  auto flush = [&]() {
    for (auto& l : left) out.push_back(std::move(l));
    for (auto& r : right) out.push_back(std::move(r));
    left.clear();
    right.clear();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ComposedLine& c = lines[i];
    bool horizontal = c.line.orientation == 0;
    if (horizontal && gaps[i] && gaps[i]->from <= gutter && gutter <= gaps[i]->to) {
      std::size_t k = 0;
      while (k + 1 < c.offsets.size() && c.x0[k + 1] < gutter) ++k;
      std::size_t split = c.offsets[k + 1];
      ComposedLine l = c, r = c;
      l.line.text = c.line.text.substr(0, split);
      while (!l.line.text.empty() && l.line.text.back() == ' ') l.line.text.pop_back();
      l.line.x1 = c.x1[k];
      r.line.text = c.line.text.substr(split);
      r.line.x0 = c.x0[k + 1];
      left.push_back(std::move(l));
      right.push_back(std::move(r));
    } else if (horizontal && c.line.x1 <= gutter) {
      left.push_back(std::move(c));
    } else if (horizontal && c.line.x0 >= gutter) {
      right.push_back(std::move(c));
    } else {
      flush();
      out.push_back(std::move(c));
    }
  }
  flush();
  lines = std::move(out);
}

}  // namespace

std::vector<LayoutLine> BuildLines(const std::vector<PositionedGlyph>& glyphs,
                                   const LayoutOptions& options_in) {
  const LayoutOptions& options = options_in;
  std::vector<ComposedLine> lines;
  LineBuilder line;
  bool pending_space = false;
  auto flush = [&]() {
    if (line.glyphs.empty()) return;
    ComposedLine out = Finish(line, options);
    if (!out.line.text.empty()) lines.push_back(std::move(out));
    line.glyphs.clear();
    line.space_before.clear();
  };
  for (const PositionedGlyph& g : glyphs) {
    if (g.blank) {
      pending_space = true;
      continue;
    }
    if (!(g.size > 0.05) || g.size > 1e5) continue;  // invisible or absurd
    if (line.glyphs.empty() || !Continues(line, g)) {
      flush();
      line.base_y = g.y;
      line.size = g.size;
      line.orientation = g.orientation;
      line.last_x1 = g.x0;
    }
    line.glyphs.push_back(&g);
    line.space_before.push_back(pending_space);
    pending_space = false;
    line.last_x1 = std::max(g.x1, g.x0);
  }
  flush();
  ReadColumnsInOrder(lines);
  std::vector<LayoutLine> result;
  result.reserve(lines.size());
  for (ComposedLine& c : lines) result.push_back(std::move(c.line));
  MarkBreaks(result);
  return result;
}

namespace {

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  return v[mid];
}

// Font sizes are bucketed to half points for the line spacing statistics.
long SizeKey(double size) { return std::lround(size * 2); }

}  // namespace

void MarkBreaks(std::vector<LayoutLine>& lines) {
  // Usual baseline distance per font size on this page, from consecutive lines of the same
  // size going down by 0.5 to 4 em; the page's median em ratio stands in for sizes with
  // fewer than 3 samples, and 1.2 em when the page has no such pair at all.
  std::map<long, std::vector<double>> by_size;
  std::vector<double> ratios;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const LayoutLine& a = lines[i - 1];
    const LayoutLine& b = lines[i];
    if (a.orientation != b.orientation || std::fabs(a.size - b.size) > 0.05 * a.size) continue;
    double dy = a.y - b.y;
    if (dy < 0.5 * a.size || dy > 4 * a.size) continue;
    by_size[SizeKey(a.size)].push_back(dy);
    ratios.push_back(dy / a.size);
  }
  double page_ratio = ratios.size() >= 3 ? Median(ratios) : 1.2;
  std::map<long, double> spacing;
  for (auto& [key, dys] : by_size) {
    if (dys.size() >= 3) spacing[key] = Median(dys);
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const LayoutLine& a = lines[i - 1];
    LayoutLine& b = lines[i];
    if (a.orientation != b.orientation) {
      b.blank_before = 1;
      continue;
    }
    double size = std::max(a.size, 1e-3);
    double dy = a.y - b.y;
    auto it = spacing.find(SizeKey(a.size));
    double usual = it != spacing.end() ? it->second : page_ratio * size;
    // Up the page: a new column or block. Down by clearly more than the usual spacing: a
    // skipped line (paragraph break, space around a heading or a list). A page whose lines
    // are all widely spaced gets a blank line between every two, like pdftotext's.
    if (dy < -0.5 * size) {
      b.blank_before = 1;
    } else if (dy > kBreakFactor * usual || dy >= kBreakEm * size) {
      b.blank_before = std::clamp(static_cast<int>(std::min(dy / size, 100.0)) - 1, 1, kMaxBlank);
    }
  }
}

namespace {

std::string FurnitureKey(const std::string& text) {
  std::string key;
  bool space = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
      space = false;
    } else if (c == ' ' || c == '\t') {
      space = true;
    } else {
      if (space && !key.empty()) key += ' ';
      key += c;
      space = false;
    }
  }
  return key;
}

bool IsPageNumber(const std::string& key) {
  static const char* const kForms[] = {
      "#",        "# / #",        "#/#",          "- # -",      "-#-",
      "page #",   "Page #",       "page # / #",   "Page # / #", "page #/#",
      "Page #/#", "page # sur #", "Page # sur #", "# / # pages"};
  for (const char* form : kForms) {
    if (key == form) return true;
  }
  return false;
}

}  // namespace

void MarkFurniture(std::vector<std::vector<LayoutLine>>& pages,
                   const std::vector<PageFrame>& frames) {
  if (pages.size() < 2) return;
  auto in_margin = [&](std::size_t p, const LayoutLine& line) {
    if (p >= frames.size() || line.orientation != 0) return false;
    double h = frames[p].top - frames[p].bottom;
    if (!(h > 0)) return false;
    return line.y > frames[p].top - 0.12 * h || line.y < frames[p].bottom + 0.12 * h;
  };
  std::map<std::string, int> page_counts;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::map<std::string, bool> seen;
    for (const LayoutLine& line : pages[p]) {
      if (in_margin(p, line)) seen[FurnitureKey(line.text)] = true;
    }
    for (const auto& entry : seen) ++page_counts[entry.first];
  }
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (LayoutLine& line : pages[p]) {
      if (!in_margin(p, line)) continue;
      std::string key = FurnitureKey(line.text);
      if (page_counts[key] >= 2 || IsPageNumber(key)) line.furniture = true;
    }
  }
}

}  // namespace registre::pdf
