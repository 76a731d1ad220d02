// Page furniture: the lines a page prints that are not the document's text. Page counters
// ("Page 1/14", "- 2 -") and counters with a short running title, wherever they stand; bare
// page numbers at page edges; running headers and footers (the same edge slot on half the
// pages, printed the same or with only the page number changing, never also printed
// mid-page; page 1's heading is kept); and a repeat of the document's opening block (a page
// header in an extract that lost its form feeds).
#pragma once

#include <vector>

#include "text/mapped_text.h"
#include "text/text_rules.h"

namespace registre {

// In a text without form feeds (every line on page 1), two page counters or more say where
// pages end ("Page 1/4" closing a page) or start (a counter before any text heads its
// page): lines[i].page is set from them, so that running headers can be told by page. Returns
// the number of pages (1 when nothing changed).
int PagesFromCounters(const MappedText& text, std::vector<Line>& lines, const TextRules& rules);

// furniture[i] is true when lines[i] of `text` is page furniture. `pages` is the number of
// pages the text has; `rules` gives the counter and title patterns and the page word.
std::vector<bool> FindFurniture(const MappedText& text, const std::vector<Line>& lines, int pages,
                                const TextRules& rules);

}  // namespace registre
