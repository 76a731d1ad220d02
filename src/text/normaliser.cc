#include "text/normaliser.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "text/char_pass.h"
#include "text/hyphenation.h"
#include "text/line_repair.h"
#include "text/mapped_text.h"
#include "text/markup.h"
#include "text/mojibake.h"
#include "text/page_furniture.h"

namespace registre {

int NormalisedText::PageAt(std::size_t offset) const {
  auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return std::max(1, static_cast<int>(it - page_starts.begin()));
}

namespace {

// The last pass: the kept lines joined with '\n' (or without, where a hyphenated word
// continues on the next content line), furniture collected, page starts placed.
struct Assembler {
  const MappedText& text;
  const std::vector<Line>& lines;
  const std::vector<bool>& furniture;
  const TextRules& rules;
  NormalisedText& result;
  MappedText out;
  int page = 1;
  std::vector<std::size_t> next_kept, next_solid;
  std::vector<std::size_t> furniture_before;  // furniture lines among lines[0, i)
  std::size_t last_solid = SIZE_MAX;          // the last non-blank line emitted

  void Run() {
    // A little room over the input's size: a vector grown past its reserve doubles.
    const std::size_t room = text.s.size() + text.s.size() / 32 + 64;
    out.s.reserve(room);
    out.src.reserve(room);
    result.page_starts.assign(1, 0);
    IndexNextLines();
    bool joined = false;  // the previous line continues on this one (no '\n')
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (furniture[i]) {
        result.furniture.emplace_back(LineText(text, lines[i]));
        continue;
      }
      if (BlankAcrossPageBreak(i)) continue;
      if (lines[i].end > lines[i].start) last_solid = i;
      if (!joined && !out.s.empty()) out.Push('\n', PreviousBreak(i));
      joined = false;
      StartPages(lines[i].page);
      std::size_t next = NextContent(i);
      Join how = next < lines.size()
                     ? HyphenJoin(LineText(text, lines[i]), LineText(text, lines[next]), rules)
                     : Join::kNone;
      EmitLine(lines[i], how);
      if (how != Join::kNone) {
        for (std::size_t f = i + 1; f < next; ++f) {
          if (furniture[f]) result.furniture.emplace_back(LineText(text, lines[f]));
        }
        joined = true;
        i = next - 1;
      }
    }
    while (!out.s.empty() && out.s.back() == '\n') out.Truncate(out.s.size() - 1);
  }

  // A blank line between a line the text continues from (it ends with a comma or a
  // lower-case letter) and the next non-blank line, with a page break or furniture between
  // them: the page's end, not a paragraph's ("M. Seguin," blank, "Page 1/4", header, blank,
  // "Mme Vacher"). Dropped, so the text reads on as it would without the page. A line ending
  // otherwise ("M. CORDIER", "DELIBERE", a sentence) may end its paragraph: blanks stay.
  bool BlankAcrossPageBreak(std::size_t i) const {
    if (lines[i].end > lines[i].start || last_solid == SIZE_MAX) return false;
    std::size_t next = next_solid[i];
    if (next >= lines.size()) return false;
    const Line& before = lines[last_solid];
    bool page_break =
        before.page != lines[next].page || furniture_before[next] > furniture_before[last_solid];
    if (!page_break) return false;
    std::size_t last = before.end - 1;
    while (last > before.start && (static_cast<unsigned char>(text.s[last]) & 0xC0) == 0x80) --last;
    if (text.s[last] == ',') return true;
    return u_islower(static_cast<UChar32>(NextCodePoint(text.s, last)));
  }

  // The source offset of the line break a '\n' stands for: the one ending the line before.
  uint32_t PreviousBreak(std::size_t i) const { return i > 0 ? lines[i - 1].end_src : 0; }

  void StartPages(int line_page) {
    while (page < line_page) {
      ++page;
      result.page_starts.push_back(static_cast<uint32_t>(out.s.size()));
    }
  }

  // The next line a word may continue on: furniture is skipped, and so are blank lines when
  // a page break lies between ("com-", footer, form feed, blank lines, "mune").
  std::size_t NextContent(std::size_t i) const {
    std::size_t n = next_solid[i + 1];
    if (n < lines.size() && lines[n].page != lines[i].page) return n;
    return next_kept[i + 1];
  }

  // next_kept[i]: first line >= i that is not furniture; next_solid[i]: same, and not blank.
  // Computed once: scanning forward from every line is quadratic on long furniture runs.
  void IndexNextLines() {
    furniture_before.assign(lines.size() + 1, 0);
    for (std::size_t i = 0; i < lines.size(); ++i)
      furniture_before[i + 1] = furniture_before[i] + (furniture[i] ? 1 : 0);
    next_kept.assign(lines.size() + 1, lines.size());
    next_solid.assign(lines.size() + 1, lines.size());
    for (std::size_t i = lines.size(); i-- > 0;) {
      next_kept[i] = furniture[i] ? next_kept[i + 1] : i;
      bool solid = !furniture[i] && lines[i].end > lines[i].start;
      next_solid[i] = solid ? i : next_solid[i + 1];
    }
  }

  void EmitLine(const Line& l, Join how) {
    std::size_t end = l.end;
    if (how == Join::kDropHyphen) end -= 1;
    if (how == Join::kOcrDrop || how == Join::kOcrToHyphen) end -= 2;
    out.AppendFrom(text, l.start, end);
    if (how == Join::kOcrToHyphen) out.Push('-', text.src[end]);
  }
};

bool IsDrawnRule(std::string_view line) {
  std::size_t marks = 0;
  for (char c : line) {
    if (c == '_' || c == '=' || c == '-' || c == '*' || c == '~')
      ++marks;
    else if (c != ' ')
      return false;
  }
  return marks >= 3;
}

}  // namespace

NormalisedText Normalise(const SourceText& source, const TextRules& rules) {
  NormalisedText result;
  CharPassResult chars = RunCharPass(source.text, HasMojibake(source.text));
  if (chars.mojibake_repaired > 0) {
    result.warnings.push_back(
        {"mojibake_repaired", std::to_string(chars.mojibake_repaired) +
                                  " character(s) were UTF-8 read as windows-1252 (\"Ã©\" for "
                                  "\"é\") and have been repaired"});
  }

  MarkupCounts markup;
  if (HasMarkup(chars.text.s))
    chars.text = StripMarkup(chars.text, rules.latex, &chars.page_starts, &markup);
  if (markup.any()) {
    result.warnings.push_back(
        {"markup_read", "conversion markup read as text: " + std::to_string(markup.markdown) +
                            " Markdown line(s), " + std::to_string(markup.latex) +
                            " math span(s) ($n^{\\circ}$), " + std::to_string(markup.cid) +
                            " (cid:N) glyph code(s) without a character dropped"});
  }

  // Lines, each repaired into one shared buffer.
  MappedText repaired;
  repaired.s.reserve(chars.text.s.size());
  repaired.src.reserve(chars.text.s.size() + 1);
  std::vector<Line> lines;
  LineRepairer repairer(chars.text, repaired, rules.split_endings, rules.compound_first,
                        rules.civilities);
  int page = 1;
  std::size_t start = 0;
  const std::string& s = chars.text.s;
  while (start <= s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    while (page < static_cast<int>(chars.page_starts.size()) && chars.page_starts[page] <= start)
      ++page;
    std::size_t from = repaired.s.size();
    repairer.Repair(start, nl);
    // A rule drawn with characters ("________", "-=-=-=", "*****") separates; it says nothing.
    if (IsDrawnRule(std::string_view(repaired.s).substr(from))) {
      repaired.s.resize(from);
      repaired.src.truncate(from);
    }
    lines.push_back({from, repaired.s.size(), chars.text.src[nl], page});
    start = nl + 1;
  }
  repaired.src.push_back(static_cast<uint32_t>(source.text.size()));
  // Each stage's copy is freed once the next one holds the text: one input byte costs five
  // per copy (a byte and its offset), and two copies at most live at once.
  std::string().swap(chars.text.s);
  chars.text.src.release();

  int pages = static_cast<int>(chars.page_starts.size());
  if (pages == 1) pages = PagesFromCounters(repaired, lines, rules);
  std::vector<bool> furniture = FindFurniture(repaired, lines, pages, rules);
  Assembler assembler{repaired, lines, furniture, rules, result, {}, 1, {}, {}, {}, SIZE_MAX};
  assembler.Run();
  assembler.StartPages(pages);
  for (uint32_t& p : result.page_starts)
    p = std::min<uint32_t>(p, static_cast<uint32_t>(assembler.out.s.size()));
  assembler.out.src.push_back(static_cast<uint32_t>(source.text.size()));
  result.text = std::move(assembler.out.s);
  result.source_offsets = std::move(assembler.out.src);
  std::string().swap(repaired.s);
  repaired.src.release();
  result.folded = Fold(result.text);
  if (result.text.find("\xEF\xBF\xBD") != std::string::npos) {
    result.warnings.push_back({"replacement_characters",
                               "the text holds U+FFFD replacement characters (undecodable bytes)"});
  }
  return result;
}

}  // namespace registre
