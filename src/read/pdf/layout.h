// Layout: rebuilds words and lines from positioned glyphs, and finds page furniture.
//
// Contract (BuildLines): glyphs are taken in content-stream order (which is the reading
// order of every producer we know, columns included: pdftotext -raw agrees). A glyph
// continues the current line when it has the same orientation, sits on the same baseline
// (or is a superscript/subscript next to it) and does not jump back along the line;
// otherwise it starts a new line. Words are split where the gap between two glyphs
// exceeds `word_gap_em` of the font size (`thin_gap_em` at French thin-space spots
// before ; : ! ? » and after «): space glyphs are ignored for geometry, so
// justified, kerned and per-glyph positioned text all give the same words. Runs of at
// least three single letters spaced evenly and widely, with no space glyph between them,
// are letter-spaced headings and are joined ("D É L I B È R E" -> "DÉLIBÈRE"); letters
// typed with real spaces keep them. Columns written row by row (both columns of a text
// line drawn before the next line) are detected by a gutter shared by at least 6 lines of
// running text and read column by column; tables of figures keep their rows.
//
// MarkFurniture flags, on documents of two pages or more, the lines near the top or bottom
// edge whose text (digits ignored) repeats on other pages, and bare page numbers there.
#pragma once

#include <string>
#include <vector>

#include "read/pdf/content_interpreter.h"

namespace registre::pdf {

struct LayoutLine {
  std::string text;
  double x0 = 0, x1 = 0, y = 0;  // reading frame of `orientation` (y = baseline)
  double size = 0;               // main font size of the line
  int orientation = 0;
  bool furniture = false;
  int blank_before = 0;  // blank lines before this one in the text (see MarkBreaks)
};

struct LayoutOptions {
  double word_gap_em = 0.15;
  double thin_gap_em = 0.08;  // before ; : ! ? » and after «
};

std::vector<LayoutLine> BuildLines(const std::vector<PositionedGlyph>& glyphs,
                                   const LayoutOptions& options = {});

// Sets `blank_before` on `lines` (one page, reading order) where pdftotext -layout would
// leave blank lines: the baseline drops by more than 1.6 times the page's usual spacing for
// that font size or by two font sizes or more (n - 1 blank lines for a drop of n sizes, at
// most 4), the text goes back up the page (a new column or block: one), or the orientation
// changes (one). BuildLines calls it.
void MarkBreaks(std::vector<LayoutLine>& lines);

struct PageFrame {
  double bottom = 0, top = 0;  // display-space vertical extent of the page
};

void MarkFurniture(std::vector<std::vector<LayoutLine>>& pages,
                   const std::vector<PageFrame>& frames);

}  // namespace registre::pdf
