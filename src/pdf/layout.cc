#include "pdf/layout.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <unicode/uchar.h>

#include "pdf/unicode_util.h"

namespace registre::pdf {
namespace {

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
  if (!after.empty() && (after[0] == ';' || after[0] == ':' || after[0] == '!' || after[0] == '?')) return true;
  if (after.rfind(kClose, 0) == 0) return true;
  return before.size() >= kOpen.size() && before.compare(before.size() - kOpen.size(), kOpen.size(), kOpen) == 0;
}

struct Word {
  std::string text;
  double x0 = 0, x1 = 0;
  double size = 0;
  bool space_glyph_before = false;
};

LayoutLine Finish(const LineBuilder& line, const LayoutOptions& options) {
  LayoutLine out;
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
      for (std::size_t k = i + 1; k < j; ++k) min_gap = std::min(min_gap, words[k].x0 - words[k - 1].x1);
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
  bool first = true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].text.empty()) continue;
    if (!first && !(i > 0 && join_with_next[i - 1])) out.text += ' ';
    out.text += words[i].text;
    first = false;
  }
  // Soft hyphens: invisible inside a line (Chromium's ActualText), a visible hyphen at
  // its end (cairo draws the broken one with a U+00AD glyph).
  static const std::string kShy = "\xC2\xAD";
  bool trailing = out.text.size() >= kShy.size() &&
                  out.text.compare(out.text.size() - kShy.size(), kShy.size(), kShy) == 0;
  for (std::size_t p; (p = out.text.find(kShy)) != std::string::npos;) out.text.erase(p, kShy.size());
  if (trailing) out.text += '-';
  if (!line.glyphs.empty()) {
    out.x0 = line.glyphs.front()->x0;
    out.x1 = line.last_x1;
  }
  return out;
}

}  // namespace

std::vector<LayoutLine> BuildLines(const std::vector<PositionedGlyph>& glyphs,
                                   const LayoutOptions& options_in) {
  const LayoutOptions& options = options_in;
  std::vector<LayoutLine> lines;
  LineBuilder line;
  bool pending_space = false;
  auto flush = [&]() {
    if (line.glyphs.empty()) return;
    LayoutLine out = Finish(line, options);
    if (!out.text.empty()) lines.push_back(std::move(out));
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
  return lines;
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
  static const char* const kForms[] = {"#", "# / #", "#/#", "- # -", "-#-", "page #", "Page #",
                                       "page # / #", "Page # / #", "page #/#", "Page #/#",
                                       "page # sur #", "Page # sur #", "# / # pages"};
  for (const char* form : kForms) {
    if (key == form) return true;
  }
  return false;
}

}  // namespace

void MarkFurniture(std::vector<std::vector<LayoutLine>>& pages, const std::vector<PageFrame>& frames) {
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
