#include "text/page_furniture.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/folding.h"

namespace registre {
namespace {

// A page counter or title is a short line: longer ones are not tried.
constexpr std::size_t kMaxCounterBytes = 24;
constexpr std::size_t kMaxPageTitleBytes = 80;

// True when `s`, after dashes and spaces, starts with `word` (ASCII letters, either case).
bool StartsWithWord(std::string_view s, std::string_view word) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == '-' || s[i] == ' ')) ++i;
  if (word.empty() || s.size() - i < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if ((s[i + k] | 0x20) != word[k]) return false;
  return true;
}

// "Page 1/14", "- 2 -", "1/6", "Page 3 sur 49": a page counter, wherever it stands. A bare
// or one-sided number ("12", "-43") may be a table cell: only furniture at a page edge.
bool IsPageCounter(std::string_view s, const TextRules& rules) {
  if (s.size() > kMaxCounterBytes || s.find_first_of("0123456789") == std::string_view::npos)
    return false;
  re2::StringPiece pieces[TextRules::kMaxCounterGroups];
  RE2::Arg args[TextRules::kMaxCounterGroups];
  const RE2::Arg* arg_ptrs[TextRules::kMaxCounterGroups];
  for (int i = 0; i < rules.counter_groups; ++i) {
    args[i] = &pieces[i];
    arg_ptrs[i] = &args[i];
  }
  if (!RE2::FullMatchN(re2::StringPiece(s.data(), s.size()), *rules.page_counter, arg_ptrs,
                       rules.counter_groups)) {
    return false;
  }
  re2::StringPiece page = pieces[rules.page - 1], open = pieces[rules.open - 1],
                   n = pieces[rules.n - 1], close = pieces[rules.close - 1],
                   total = pieces[rules.total - 1];
  if (!total.empty()) {
    return std::stoi(std::string(n.data(), n.size())) <=
           std::stoi(std::string(total.data(), total.size()));
  }
  return !page.empty() || (!open.empty() && !close.empty());
}

// "Page 2 - Conseil municipal du 3 mai": a counter followed by a short running title.
bool IsPageTitle(std::string_view s, const TextRules& rules) {
  if (!StartsWithWord(s, rules.page_word) || s.size() > kMaxPageTitleBytes) return false;
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), *rules.page_title);
}

// The value of a line that is only a number ("12", "- 12 -" is a counter already).
int BareNumber(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
  }
  return std::stoi(std::string(s));
}

// Digit runs of a line, as numbers.
std::vector<int> Numbers(std::string_view s) {
  std::vector<int> out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && j - i < 6 && s[j] >= '0' && s[j] <= '9') ++j;
    out.push_back(std::stoi(std::string(s.substr(i, j - i))));
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    i = j;
  }
  return out;
}

// The line with each run of digits replaced by one '#': "Page 9 / 15" and "Page 10 / 15"
// share a key.
std::string MaskDigits(std::string_view s) {
  std::string k;
  k.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool digit = s[i] >= '0' && s[i] <= '9';
    if (!digit) {
      k.push_back(s[i]);
    } else if (k.empty() || k.back() != '#') {
      k.push_back('#');
    }
  }
  return k;
}

}  // namespace

int PagesFromCounters(const MappedText& text, std::vector<Line>& lines, const TextRules& rules) {
  std::vector<std::size_t> counters;
  std::size_t first_content = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].page != 1) return 1;  // form feeds already say where pages start
    std::string_view s = LineText(text, lines[i]);
    if (s.empty()) continue;
    if (IsPageCounter(s, rules)) {
      counters.push_back(i);
    } else if (first_content == lines.size()) {
      first_content = i;
    }
  }
  if (counters.size() < 2) return 1;
  // A counter before any text heads its page ("Page 1/3" first): pages start at the
  // counters after it. Otherwise counters close their page: the next page starts after.
  const bool heads = counters.front() < first_content;
  int page = 1;
  std::size_t next = heads ? 1 : 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (next < counters.size() && i == counters[next] + (heads ? 0 : 1)) {
      ++page;
      ++next;
    }
    lines[i].page = page;
  }
  return page;
}

namespace {

class FurnitureFinder {
 public:
  FurnitureFinder(const MappedText& text, const std::vector<Line>& lines, int pages,
                  const TextRules& rules)
      : text_(text), lines_(lines), pages_(pages), rules_(rules), furniture_(lines.size(), false) {}

  std::vector<bool> Find() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      std::string_view s = LineText(text_, lines_[i]);
      if (!s.empty() && (IsPageCounter(s, rules_) || IsPageTitle(s, rules_))) furniture_[i] = true;
    }
    CollectEdges();
    MarkBarePageNumbers();
    MarkRunningLines();
    MarkRepeatedHead();
    return std::move(furniture_);
  }

 private:
  struct Edge {
    std::size_t line;
    int page;
    int slot;  // 0..2 from the top, -1..-3 from the bottom
  };

  // The first and last three non-empty lines of each page.
  void CollectEdges() {
    std::size_t i = 0;
    while (i < lines_.size()) {
      std::size_t j = i;
      std::vector<std::size_t> nonempty;
      while (j < lines_.size() && lines_[j].page == lines_[i].page) {
        if (lines_[j].end > lines_[j].start && !furniture_[j]) nonempty.push_back(j);
        ++j;
      }
      int n = static_cast<int>(nonempty.size());
      for (int k = 0; k < n; ++k) {
        if (k < 3)
          edges_.push_back({nonempty[k], lines_[i].page, k});
        else if (k >= n - 3)
          edges_.push_back({nonempty[k], lines_[i].page, k - n});
      }
      i = j;
    }
  }

  // Bare numbers at page edges whose value follows the page index (n = page + offset).
  void MarkBarePageNumbers() {
    std::unordered_map<int, int> offsets;
    for (const Edge& e : edges_) {
      int n = BareNumber(LineText(text_, lines_[e.line]));
      if (n >= 0) ++offsets[n - e.page];
    }
    for (const Edge& e : edges_) {
      int n = BareNumber(LineText(text_, lines_[e.line]));
      if (n < 0) continue;
      int offset = n - e.page;
      if (offsets[offset] >= 2 || (offset == 0 && pages_ > 1)) furniture_[e.line] = true;
    }
  }

  // Lines at the same edge slot of at least three pages and half of them, printed the same
  // way or with only the page number changing. A line also printed away from the page edges
  // ("Adopté à l'unanimité" ending many pages and some paragraphs) is content.
  void MarkRunningLines() {
    if (pages_ < 3) return;
    std::unordered_map<std::string, std::vector<const Edge*>> groups;
    std::vector<bool> at_edge(lines_.size(), false);
    for (const Edge& e : edges_) {
      at_edge[e.line] = true;
      if (furniture_[e.line]) continue;
      groups[std::to_string(e.slot) + MaskDigits(LineText(text_, lines_[e.line]))].push_back(&e);
    }
    std::vector<const std::vector<const Edge*>*> running;
    std::unordered_map<std::string_view, bool> texts;  // text -> also seen mid-page
    for (const auto& [key, where] : groups) {
      if (where.size() < 3 || static_cast<int>(where.size()) * 2 < pages_) continue;
      if (!SameOrPageNumbered(where)) continue;
      running.push_back(&where);
      for (const Edge* e : where) texts.emplace(LineText(text_, lines_[e->line]), false);
    }
    if (running.empty()) return;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (at_edge[i]) continue;
      auto it = texts.find(LineText(text_, lines_[i]));
      if (it != texts.end()) it->second = true;
    }
    for (const auto* where : running) {
      bool content = std::any_of(where->begin(), where->end(), [&](const Edge* e) {
        return texts[LineText(text_, lines_[e->line])];
      });
      if (content) continue;
      for (const Edge* e : *where) {
        // The top of page 1 is the document's own heading: kept as content.
        if (e->page == 1 && e->slot >= 0) continue;
        furniture_[e->line] = true;
      }
    }
  }

  bool SameOrPageNumbered(const std::vector<const Edge*>& where) const {
    std::string_view first = LineText(text_, lines_[where[0]->line]);
    bool same = std::all_of(where.begin(), where.end(), [&](const Edge* e) {
      return LineText(text_, lines_[e->line]) == first;
    });
    if (same) return true;
    // Lines differing by a number must say it is the page's ("page 3", "3/12"): record
    // headings numbered like the pages ("Délibération n° 2021-03") are content.
    bool says_page = std::all_of(where.begin(), where.end(), [&](const Edge* e) {
      std::string_view s = LineText(text_, lines_[e->line]);
      return FoldString(s).find(rules_.page_word) != std::string::npos ||
             s.find('/') != std::string_view::npos;
    });
    if (!says_page) return false;
    // Some digit run must be page + a constant offset on every page.
    for (int n : Numbers(first)) {
      int offset = n - where[0]->page;
      bool all = std::all_of(where.begin(), where.end(), [&](const Edge* e) {
        std::vector<int> nums = Numbers(LineText(text_, lines_[e->line]));
        return std::find(nums.begin(), nums.end(), e->page + offset) != nums.end();
      });
      if (all) return true;
    }
    return false;
  }

  // A block of three or more lines repeating the document's opening lines: the header a
  // page repeats at its top, even when the extract lost its form feeds (the Lyon seed).
  void MarkRepeatedHead() {
    // Short repeated lines ("Adopté à l'unanimité", "Suite.") are content: a header block
    // is several lines of substance.
    constexpr std::size_t kHeadLines = 15, kMinBlock = 3, kMinBlockBytes = 100;
    std::vector<std::size_t> content;  // non-empty, non-furniture lines
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].end > lines_[i].start && !furniture_[i]) content.push_back(i);
    }
    std::size_t head = std::min(kHeadLines, content.size());
    std::unordered_map<std::string_view, std::size_t> first_at;
    for (std::size_t h = 0; h < head; ++h) first_at.emplace(LineText(text_, lines_[content[h]]), h);
    std::size_t c = 1;
    while (c < content.size()) {
      auto it = first_at.find(LineText(text_, lines_[content[c]]));
      std::size_t n = 0;
      if (it != first_at.end()) {
        // The original block stays inside the opening lines, and before its repeat.
        while (c + n < content.size() && it->second + n < std::min(c, head) &&
               LineText(text_, lines_[content[c + n]]) ==
                   LineText(text_, lines_[content[it->second + n]])) {
          ++n;
        }
      }
      if (n >= kMinBlock && BlockBytes(content, c, n) >= kMinBlockBytes) {
        for (std::size_t k = 0; k < n; ++k) furniture_[content[c + k]] = true;
        c += n;
      } else {
        ++c;
      }
    }
  }

  std::size_t BlockBytes(const std::vector<std::size_t>& content, std::size_t c,
                         std::size_t n) const {
    std::size_t bytes = 0;
    for (std::size_t k = 0; k < n; ++k)
      bytes += lines_[content[c + k]].end - lines_[content[c + k]].start;
    return bytes;
  }

  const MappedText& text_;
  const std::vector<Line>& lines_;
  int pages_;
  const TextRules& rules_;
  std::vector<bool> furniture_;
  std::vector<Edge> edges_;
};

}  // namespace

std::vector<bool> FindFurniture(const MappedText& text, const std::vector<Line>& lines, int pages,
                                const TextRules& rules) {
  return FurnitureFinder(text, lines, pages, rules).Find();
}

}  // namespace registre
