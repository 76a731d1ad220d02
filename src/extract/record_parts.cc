#include "extract/record_parts.h"

#include <algorithm>
#include <cctype>

#include "base/text_util.h"
#include "extract/windows.h"

namespace registre {
namespace {

enum class PartKind { kNone, kVisa, kConsiderant, kOpinion };

// Every kind of vote statement; the first of any of them starts a record's vote.
const std::vector<std::string> kVoteSections = {
    "vote.unanimous",  "vote.majority",   "vote.for",   "vote.against",
    "vote.abstention", "vote.not_voting", "vote.result"};

bool LineStartsWith(const Document& doc, const Grammar& g, std::string_view section,
                    std::size_t line) {
  Range r = doc.LineRange(line);
  if (!g.MayMatch(section, doc.Folded(r))) return false;
  for (const GrammarEntry& e : g.Section(section)) {
    Range whole;
    if (FindIn(doc, *e.regex, r, &whole, nullptr) && whole.start == r.start) return true;
  }
  return false;
}

PartKind KindOfLine(const Document& doc, const Grammar& g, const LazyRegex& any_item,
                    std::size_t line) {
  // Most lines are none of them: one anchored pass says so.
  if (any_item && any_item->ok() && !FindIn(doc, *any_item, doc.LineRange(line), nullptr, nullptr))
    return PartKind::kNone;
  if (LineStartsWith(doc, g, "section.visa", line)) return PartKind::kVisa;
  if (LineStartsWith(doc, g, "section.considerant", line)) return PartKind::kConsiderant;
  if (LineStartsWith(doc, g, "section.opinion", line)) return PartKind::kOpinion;
  return PartKind::kNone;
}

// True when `re` matches somewhere in `text` (its ^ and $ anchor at the text's ends; an
// empty text is matched too, unlike FindIn).
bool Holds(const AcceleratedRE2* re, std::string_view text) {
  return re && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re);
}

// A vote word of a tally found in a vote's window, and the number bound to it.
struct TallyWord {
  Range at;
  std::string kind;  // the [vote.tally] key
  bool weak = false, colon_only = false;
  std::optional<int> value;
};

// A number of the window; each is bound to one vote word at most.
struct TallyNumber {
  Range at;
  int value = 0;
  bool article = false;  // "un", "une"
  bool used = false;
};

bool EndsWith(std::string_view s, std::string_view tail) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

RecordPartsReader::RecordPartsReader(const Grammar& grammar, const FrenchWords& words,
                                     const PersonParser& persons)
    : WordReaders{grammar, words, persons},
      any_vote_(grammar.Union(kVoteSections)),
      formula_line_(grammar.Union({"section.formula"}, "line")),
      item_line_(grammar.Union({"section.visa", "section.considerant", "section.opinion"})),
      vote_screen_(grammar, kVoteSections),
      tally_screen_(grammar, {"vote.for", "vote.against", "vote.abstention", "vote.not_voting"}),
      record_screen_(grammar, {"record.fields", "closing", "publication"},
                     SectionScreen::Answers::kSuperset),
      label_(grammar.Pattern("segment.label", "label")),
      first_words_(grammar.Values("table.record_words", "first")),
      open_ends_(grammar.Values("table.record_words", "open_end")),
      weak_words_(grammar.Values("table.vote_words", "weak")),
      colon_only_words_(grammar.Values("table.vote_words", "colon_only")),
      article_numbers_(grammar.Values("table.vote_words", "article")) {}

Range RecordPartsReader::Continued(const Document& doc, Range value, std::size_t limit) const {
  std::size_t line = doc.LineAt(value.end);
  for (int extra = 0; extra < 3; ++extra) {
    std::size_t next = line + 1;
    if (next >= doc.lines().size() || doc.LineBlank(next)) break;
    Range r = doc.LineRange(next);
    if (r.end > limit) break;
    Range whole;
    if (FindIn(doc, *label_, r, &whole, nullptr) && whole.start == r.start) break;
    // A continuation starts in lower case or ends an unfinished phrase.
    std::string_view f = doc.Folded(r);
    const std::string text = doc.RawText(r);  // owned: RawText returns a temporary
    std::size_t first = text.find_first_not_of(' ');
    if (first == std::string_view::npos) break;
    unsigned char c = static_cast<unsigned char>(text[first]);
    bool lower = (c >= 'a' && c <= 'z');
    bool open_end = EndsWith(doc.Folded(value), "-") ||
                    std::any_of(open_ends_.begin(), open_ends_.end(), [&](const std::string& w) {
                      return EndsWith(doc.Folded(value), w);
                    });
    if (!lower && !open_end) break;
    (void)f;
    value.end = r.end;
    line = next;
  }
  return value;
}

void RecordPartsReader::ReadHeadFields(const Document& doc, Range r, const std::vector<int>& fields,
                                       Parts* p) const {
  const auto& entries = grammar_.Section("record.fields");
  for (int index : fields) {
    const GrammarEntry& e = entries[static_cast<std::size_t>(index)];
    Range whole;
    std::vector<Range> groups;
    if (!FindIn(doc, *e.regex, r, &whole, &groups)) continue;
    Range v = TrimRange(doc, Group(*e.regex, groups, "v"), " :;.,-");
    if (e.key == "rapporteur" && !p->rapporteur) {
      std::string_view f = doc.Folded(v);
      std::size_t cut = f.find_first_of(",(;");
      if (cut != std::string_view::npos) v.end = v.start + cut;
      p->rapporteur = persons_.ParseOne(doc, v);
      // "Monsieur le Maire rapporte :": named by function, written as printed.
      if (!p->rapporteur) p->rapporteur = persons_.ParseFunction(doc, v);
    } else if (e.key == "service" && p->service.empty()) {
      p->service = doc.Text(Continued(doc, v, r.end));
    } else if (e.key == "for_opinion" && p->for_opinion.empty() && !v.empty()) {
      p->for_opinion.push_back(doc.Text(v));
    } else if (e.key == "for_information" && p->for_information.empty() && !v.empty()) {
      p->for_information.push_back(doc.Text(v));
    } else if (e.key == "matter_code" && p->matter_code.empty()) {
      p->matter_code = doc.Text(v);
    } else if (e.key == "report_date" && p->report_date.empty()) {
      auto dates = words_.FindDates(doc, v);
      if (!dates.empty()) p->report_date = dates.front().iso;
    }
  }
  {
    // An "Objet :" label near the top names the deliberation better than a heading
    // (which may be a page header or a theme).
    const AcceleratedRE2* object = grammar_.Pattern("segment.object", "object");
    Range whole;
    std::vector<Range> groups;
    Range top{r.start, std::min(r.end, r.start + kObjectTopBytes)};
    if (object && FindIn(doc, *object, p->object.empty() ? r : top, &whole, &groups)) {
      Range t = TrimRange(doc, Continued(doc, Group(*object, groups, "t"), r.end), " :;.-");
      p->object = doc.Text(t);
      p->object_range = t;
    }
  }
}

void RecordPartsReader::ReadItems(const Document& doc, Range r, Parts* p) const {
  std::size_t first = doc.LineAt(r.start), last = doc.LineAt(r.end > 0 ? r.end - 1 : 0);
  std::size_t i = first;
  std::size_t report_from = SIZE_MAX;
  while (i <= last && i < doc.lines().size()) {
    PartKind kind = doc.LineBlank(i) ? PartKind::kNone : KindOfLine(doc, grammar_, item_line_, i);
    if (kind == PartKind::kNone) {
      ++i;
      continue;
    }
    std::size_t j = i;
    // The item runs over its paragraph, to a line ending with ';' ':' or '.', or the next item.
    while (j + 1 <= last && !doc.LineBlank(j + 1) &&
           KindOfLine(doc, grammar_, item_line_, j + 1) == PartKind::kNone) {
      std::string_view f = doc.LineFolded(j);
      if (EndsWith(f, ";") || EndsWith(f, ":") || EndsWith(f, ".")) break;
      ++j;
    }
    Range item{doc.LineRange(i).start, doc.LineRange(j).end};
    std::string text = doc.Text(TrimRange(doc, item, " \n-\u2022"));
    std::string_view folded_item = doc.Folded(item);
    if (kind == PartKind::kVisa) {
      p->visas.push_back(text);
      if (p->visas_range.empty()) p->visas_range.start = item.start;
      p->visas_range.end = item.end;
      if (EndsWith(folded_item, "ce qui suit :") || EndsWith(folded_item, "ce qui suit:") ||
          EndsWith(folded_item, "suit :"))
        report_from = j + 1;
    } else if (kind == PartKind::kConsiderant) {
      p->considerants.push_back(text);
      if (p->considerants_range.empty()) p->considerants_range.start = item.start;
      p->considerants_range.end = item.end;
    } else {
      p->opinions.push_back(text);
    }
    if (report_from != SIZE_MAX && report_from <= i && p->report_text.empty() &&
        kind != PartKind::kNone && report_from < i) {
      Range rep{doc.LineRange(report_from).start, doc.LineRange(i - 1).end};
      p->report_text = doc.RawText(TrimRange(doc, rep, " \n"));
      p->report_range = rep;
    }
    i = j + 1;
  }
}

void RecordPartsReader::ReadDecision(const Document& doc, Range r, Parts* p) const {
  std::size_t decision_at = SIZE_MAX;  // the formula's verb
  std::size_t sentence_at = SIZE_MAX;  // the start of the line that holds the decision
  // 1. A formula on its own line ("DELIBERE", "Le Conseil, après en avoir délibéré, DÉCIDE :").
  const auto& lines = doc.lines();
  for (std::size_t i = doc.LineAt(r.start); i < lines.size() && lines[i].start < r.end; ++i) {
    if (doc.LineBlank(i)) continue;
    Range line = doc.LineRange(i);
    bool may = formula_line_ && formula_line_->ok()
                   ? FindIn(doc, *formula_line_, line, nullptr, nullptr)
                   : grammar_.MayMatch("section.formula", doc.Folded(line));
    if (!may) continue;
    for (const AcceleratedRE2* re : grammar_.Patterns("section.formula", "line")) {
      Range whole;
      std::vector<Range> groups;
      if (FindIn(doc, *re, line, &whole, &groups) && whole.start == line.start) {
        Range f = Group(*re, groups, "f");
        p->formula = doc.Text(f);
        decision_at = f.start;
        sentence_at = line.start;
        break;
      }
    }
    if (decision_at != SIZE_MAX) break;
  }
  // 2. The verb right after "après en avoir délibéré", or "prend acte".
  // 3. A sentence opening with the assembly and its verb ("Le conseil municipal APPROUVE à
  // l'unanimité ...").
  for (const char* key : {"after_deliberation", "prend_acte", "subject"}) {
    if (decision_at != SIZE_MAX) break;
    for (const AcceleratedRE2* re : grammar_.Patterns("section.formula", key)) {
      Range whole;
      std::vector<Range> groups;
      if (FindIn(doc, *re, r, &whole, &groups)) {
        Range f = Group(*re, groups, "f");
        p->formula = doc.Text(f);
        decision_at = f.start;
        // "après en avoir délibéré à l'unanimité, accepte": the vote may precede the verb.
        sentence_at = doc.LineRange(doc.LineAt(whole.start)).start;
        break;
      }
    }
  }
  // Articles: after the formula; "Article N" anywhere when there is no formula line.
  std::size_t from_line = doc.LineAt(decision_at != SIZE_MAX ? decision_at : r.start);
  std::vector<std::pair<std::size_t, Article>> found;
  for (std::size_t i = from_line; i < lines.size() && lines[i].start < r.end; ++i) {
    if (doc.LineBlank(i)) continue;
    Range line = doc.LineRange(i);
    if (line.start < (decision_at != SIZE_MAX ? decision_at : r.start)) {
      // The formula's own line may hold the first article after it ("DECIDE : 1° ...").
      line.start = decision_at != SIZE_MAX ? decision_at : r.start;
    }
    if (!grammar_.MayMatch("section.article", doc.Folded(line))) continue;
    for (const GrammarEntry& e : grammar_.Section("section.article")) {
      if (e.key == "degree" && decision_at == SIZE_MAX) continue;
      Range whole;
      std::vector<Range> groups;
      if (FindIn(doc, *e.regex, line, &whole, &groups) && whole.start == line.start) {
        Article a;
        a.label = doc.Text(Group(*e.regex, groups, "l"));
        // Keep "Article 1er" whole when the printed label has the suffix.
        std::string_view n = doc.Folded(Group(*e.regex, groups, "n"));
        a.number = Contains(first_words_, n) ? std::optional<int>(1) : words_.ParseNumber(n);
        a.range = Range{whole.end, line.end};
        found.emplace_back(i, a);
        break;
      }
    }
  }
  // Keep one consistent numbering: articles must count up from 1 without repeating.
  std::vector<Article> articles;
  for (auto& [line, a] : found) {
    int expected = static_cast<int>(articles.size()) + 1;
    if (a.number && *a.number == expected)
      articles.push_back(a);
    else if (!articles.empty() && a.number && *a.number <= static_cast<int>(articles.size()))
      break;
  }
  if (articles.empty() && decision_at != SIZE_MAX) articles = DecisionPoints(doc, r);
  std::size_t decision_end = r.end;
  for (std::size_t k = 0; k < articles.size(); ++k) {
    std::size_t end = k + 1 < articles.size()
                          ? doc.LineRange(doc.LineAt(articles[k + 1].range.start)).start
                          : decision_end;
    // The last article ends at its paragraph's end.
    if (k + 1 == articles.size()) {
      std::size_t line = doc.LineAt(articles[k].range.start);
      while (line + 1 < lines.size() && lines[line + 1].start < r.end && !doc.LineBlank(line + 1))
        ++line;
      end = std::min(end, doc.LineRange(line).end);
    }
    articles[k].range.end = std::max(articles[k].range.start, end);
    articles[k].text = doc.Text(TrimRange(doc, articles[k].range, " \n-:."));
    if (articles[k].text.size() > kArticleTextBytes) articles[k].text.resize(kArticleTextBytes);
  }
  p->articles = std::move(articles);
  if (decision_at != SIZE_MAX) {
    p->decision_range = Range{std::max(r.start, sentence_at),
                              p->articles.empty() ? std::min(r.end, decision_at + kDecisionBytes)
                                                  : p->articles.back().range.end};
  }
}

std::vector<Article> RecordPartsReader::DecisionPoints(const Document& doc, Range r) const {
  // Points "1)", "2)"... numbered from 1, each deciding something before the next one.
  std::vector<Article> points;
  const AcceleratedRE2* re = grammar_.Pattern("section.decision_point", "point");
  if (!re) return points;
  for (std::size_t i = doc.LineAt(r.start);
       i < doc.lines().size() && doc.LineRange(i).start < r.end; ++i) {
    Range line = doc.LineRange(i);
    Range whole;
    std::vector<Range> groups;
    if (!FindIn(doc, *re, line, &whole, &groups) || whole.start != line.start) continue;
    Article a;
    a.label = doc.Text(Group(*re, groups, "l"));
    a.number = words_.ParseNumber(doc.Folded(Group(*re, groups, "n")));
    if (!a.number || *a.number != static_cast<int>(points.size()) + 1) continue;
    a.range = Range{whole.end, line.end};
    points.push_back(a);
  }
  if (points.size() < 2) return {};
  for (std::size_t k = 0; k < points.size(); ++k) {
    std::size_t end = k + 1 < points.size() ? points[k + 1].range.start : r.end;
    if (!grammar_.AnyMatch("segment.decision_evidence",
                           doc.Folded(Range{points[k].range.start, end})))
      return {};
  }
  return points;
}

namespace {

// The count of `vote` that a [vote.tally] key names, set when it is not yet: the first
// statement of a count wins.
void SetCount(Vote* vote, std::string_view kind, std::optional<int> value) {
  std::optional<int>* slot = kind == "for"          ? &vote->for_count
                             : kind == "against"    ? &vote->against
                             : kind == "abstention" ? &vote->abstention
                             : kind == "not_voting" ? &vote->not_voting
                             : kind == "voting"     ? &vote->voting
                             : kind == "expressed"  ? &vote->expressed
                                                    : nullptr;
  if (slot && !*slot) *slot = value;
}

// True when the stop at folded[stop] ends a sentence: it follows a word in lower case, a
// figure or a parenthesis, not an initial or a civility in capitals ("M.", "J.").
bool EndsSentence(const Document& doc, std::size_t stop) {
  if (stop == 0) return false;
  const unsigned char before = static_cast<unsigned char>(doc.folded()[stop - 1]);
  if (!std::isalnum(before) && before != ')') return false;
  const std::string raw = doc.RawText(Range{stop - 1, stop});
  return !raw.empty() && !std::isupper(static_cast<unsigned char>(raw[0]));
}

// Where the sentence holding folded[at] starts, not before `floor`: after the last full
// stop, '!' or '?' that ends a word in lower case or a figure (not "M." nor "J.-P."), or
// after a blank line, whichever line breaks lie between (the same on any layout). A
// sentence that started more than kVoteSentenceBytes before is a list or an exposé with
// no stop: the window opens at its line, or at `at` when the line opens further away.
std::size_t SentenceStart(const Document& doc, std::size_t at, std::size_t floor) {
  const std::string& f = doc.folded();
  std::size_t i = at;
  const std::size_t limit =
      at > kVoteSentenceBytes ? std::max(floor, at - kVoteSentenceBytes) : floor;
  while (i > floor) {
    if (i <= limit && limit > floor) {
      // No stop near: its line, when it opens near ("Par 13 voix POUR ..." under a list).
      const std::size_t line = std::max(floor, doc.LineRange(doc.LineAt(at)).start);
      return at - line <= kVoteSentenceBytes ? line : at;
    }
    const char c = f[i - 1];
    if (c == '\n') {
      std::size_t j = i - 1;
      while (j > floor && f[j - 1] == ' ') --j;
      if (j > floor && f[j - 1] == '\n') break;  // a blank line: a new paragraph
    }
    if ((c == '.' || c == '!' || c == '?') && i < at && (f[i] == ' ' || f[i] == '\n') &&
        EndsSentence(doc, i - 1))
      break;
    --i;
  }
  while (i < at && (f[i] == ' ' || f[i] == '\n')) ++i;
  return i;
}

}  // namespace

Range RecordPartsReader::VoteWindow(const Document& doc, std::size_t first, Range region) const {
  // The vote's window: its sentence (from where it starts, whatever the line breaks before
  // it; not before the region, which starts after the record's title) and the following
  // lines of its paragraph (kVoteWindowBytes).
  std::size_t line = doc.LineAt(first);
  Range window{SentenceStart(doc, first, region.start), doc.LineRange(line).end};
  while (line + 1 < doc.lines().size() && !doc.LineBlank(line + 1) &&
         doc.LineRange(line + 1).end <= region.end && window.size() < kVoteWindowBytes) {
    ++line;
    window.end = doc.LineRange(line).end;
  }
  // A tally table's header: the window takes its numbers row.
  if (std::size_t numbers = TallyTable(doc, line, nullptr);
      numbers != SIZE_MAX && doc.LineRange(numbers).end <= region.end)
    return Range{window.start, doc.LineRange(numbers).end};
  // Tallies are often set out over the next lines ("Pour 86" / "Contre 0 Abstentions 5").
  for (int extra = 0; extra < 3; ++extra) {
    std::size_t next = line + 1;
    while (next < doc.lines().size() && doc.LineBlank(next) && next - line <= 2) ++next;
    if (next >= doc.lines().size() || doc.LineBlank(next) || doc.LineRange(next).end > region.end)
      break;
    Range candidate = doc.LineRange(next);
    if (std::size_t numbers = TallyTable(doc, next, nullptr);
        numbers != SIZE_MAX && doc.LineRange(numbers).end <= region.end) {
      window.end = doc.LineRange(numbers).end;
      break;
    }
    if (!tally_screen_.Any(doc.Folded(candidate))) break;
    line = next;
    window.end = candidate.end;
  }
  return window;
}

std::size_t RecordPartsReader::TallyTable(const Document& doc, std::size_t line, Vote* vote) const {
  // Most lines are no table row: answered before splitting them.
  if (doc.LineFolded(line).find(';') == std::string_view::npos) return SIZE_MAX;
  const std::vector<Range> header = TableRowCells(doc, line);
  if (header.size() < 2) return SIZE_MAX;
  // Each header cell is one vote word alone: its kind.
  std::vector<std::string> kinds;
  for (Range cell : header) {
    const std::string_view text = doc.Folded(cell);
    std::string kind;
    for (const GrammarEntry& e : grammar_.Section("vote.tally")) {
      re2::StringPiece input(text.data(), text.size());
      if (e.regex->Match(input, 0, input.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
        kind = e.key;
        break;
      }
    }
    if (kind.empty()) return SIZE_MAX;
    kinds.push_back(kind);
  }
  // The numbers row under it (a blank line where the separator row "| --- |" stood).
  std::size_t row = line + 1;
  while (row < doc.lines().size() && doc.LineBlank(row) && row - line <= 2) ++row;
  if (row >= doc.lines().size() || doc.LineBlank(row)) return SIZE_MAX;
  const std::vector<Range> cells = TableRowCells(doc, row);
  if (cells.size() != header.size()) return SIZE_MAX;
  Vote counts;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    std::optional<int> n = words_.ParseNumber(doc.Folded(cells[k]));
    if (!n) return SIZE_MAX;
    SetCount(&counts, kinds[k], n);
  }
  if (vote) *vote = counts;
  return row;
}

Vote RecordPartsReader::ReadTally(const Document& doc, Range window) const {
  // A tally table's counts, when the window holds one.
  for (std::size_t l = doc.LineAt(window.start);
       l < doc.lines().size() && doc.LineRange(l).start < window.end; ++l) {
    Vote table;
    if (std::size_t numbers = TallyTable(doc, l, &table);
        numbers != SIZE_MAX && doc.LineRange(numbers).end <= window.end)
      return table;
  }
  const std::string& f = doc.folded();
  auto text = [&](std::size_t from, std::size_t to) {
    return std::string_view(f).substr(from, to > from ? to - from : 0);
  };
  // The vote words, earliest and longest first, never overlapping.
  std::vector<TallyWord> words;
  for (const GrammarEntry& e : grammar_.Section("vote.tally")) {
    Range cursor = window, whole;
    while (cursor.start < cursor.end && FindIn(doc, *e.regex, cursor, &whole, nullptr) &&
           !whole.empty()) {
      std::string w(doc.Folded(whole));
      words.push_back({whole, e.key, Contains(weak_words_, w), Contains(colon_only_words_, w), {}});
      cursor.start = whole.end;
    }
  }
  std::sort(words.begin(), words.end(), [](const TallyWord& a, const TallyWord& b) {
    return a.at.start != b.at.start ? a.at.start < b.at.start : a.at.end > b.at.end;
  });
  std::vector<TallyWord> kept;
  for (TallyWord& w : words)
    if (kept.empty() || w.at.start >= kept.back().at.end) kept.push_back(std::move(w));
  words = std::move(kept);
  if (words.empty()) return {};
  // The numbers that may be counts: whole tokens, not amounts, hours or areas.
  const AcceleratedRE2* number = grammar_.Pattern("vote.tally_number", "n");
  const AcceleratedRE2* not_a_count = grammar_.Pattern("vote.tally_link", "not_a_count");
  std::vector<TallyNumber> numbers;
  Range cursor = window, whole;
  std::vector<Range> groups;
  while (number && cursor.start < cursor.end && FindIn(doc, *number, cursor, &whole, &groups) &&
         !whole.empty()) {
    cursor.start = whole.end;
    Range n = Group(*number, groups, "n");
    char before = n.start > 0 ? f[n.start - 1] : ' ';
    // "12,5", "1.500", "3/4": part of a larger figure.
    if (std::isdigit(static_cast<unsigned char>(before)) || before == '.' || before == ',' ||
        before == '/')
      continue;
    if (Holds(not_a_count, text(n.end, window.end))) continue;
    bool inside_word = std::any_of(words.begin(), words.end(), [&](const TallyWord& w) {
      return n.start < w.at.end && w.at.start < n.end;
    });
    std::optional<int> value = words_.ParseNumber(doc.Folded(n));
    if (!value || inside_word) continue;
    numbers.push_back({n, *value, Contains(article_numbers_, doc.Folded(n)), false});
  }
  const AcceleratedRE2* colon = grammar_.Pattern("vote.tally_link", "colon");
  const AcceleratedRE2* after = grammar_.Pattern("vote.tally_link", "after");
  const AcceleratedRE2* before = grammar_.Pattern("vote.tally_link", "before");
  const AcceleratedRE2* strong = grammar_.Pattern("vote.tally_link", "strong");
  const AcceleratedRE2* weak_end = grammar_.Pattern("vote.tally_link", "weak_end");
  const AcceleratedRE2* number_end = grammar_.Pattern("vote.tally_link", "number_end");
  // The number right after word k (nothing but the link between), or -1; `with_colon` says
  // whether a colon links them.
  auto after_word = [&](std::size_t k, bool with_colon) -> int {
    std::size_t limit = k + 1 < words.size() ? words[k + 1].at.start : window.end;
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      const TallyNumber& n = numbers[i];
      if (n.used || n.at.start < words[k].at.end || n.at.start >= limit) continue;
      std::string_view gap = text(words[k].at.end, n.at.start);
      if (!Holds(with_colon ? colon : after, gap)) return -1;
      // The count ends there: punctuation, the line's end or the next vote word follows.
      std::size_t next = limit;
      std::string_view rest = text(n.at.end, window.end);
      bool word_follows = std::all_of(f.begin() + static_cast<long>(n.at.end),
                                      f.begin() + static_cast<long>(std::max(n.at.end, next)),
                                      [](char c) { return c == ' ' || c == '\n'; });
      if (!with_colon && !word_follows && !Holds(number_end, rest)) return -1;
      if (n.article && !with_colon) return -1;
      return static_cast<int>(i);
    }
    return -1;
  };
  // The number right before word k, or -1; `loose`: also where a common word would not be
  // a vote word (to tell the window's style only).
  auto before_word = [&](std::size_t k, bool loose = false) -> int {
    std::size_t floor = k > 0 ? words[k - 1].at.end : window.start;
    for (std::size_t i = numbers.size(); i-- > 0;) {
      const TallyNumber& n = numbers[i];
      if (n.at.end > words[k].at.start) continue;
      if (n.used || n.at.start < floor) return -1;
      std::string_view gap = text(n.at.end, words[k].at.start);
      if (!Holds(before, gap)) return -1;
      if (loose) return static_cast<int>(i);
      bool strong_gap = Holds(strong, gap);
      // "112 pour un montant", "une contre-expertise": a common word is no vote word there.
      if (words[k].weak && !strong_gap &&
          (n.article || !Holds(weak_end, text(words[k].at.end, window.end))))
        return -1;
      if (n.article && words[k].weak && !strong_gap) return -1;
      return static_cast<int>(i);
    }
    return -1;
  };
  auto bind = [&](std::size_t k, int i) {
    if (i < 0 || words[k].value) return false;
    words[k].value = numbers[static_cast<std::size_t>(i)].value;
    numbers[static_cast<std::size_t>(i)].used = true;
    return true;
  };
  // 1. "Pour : 21": a colon binds a number to the word before it.
  bool colons = false;
  for (std::size_t k = 0; k < words.size(); ++k) colons = bind(k, after_word(k, true)) || colons;
  // 2. The window's style: a colon, or a vote word before the first number, reads the words'
  // numbers after them ("Pour 86 Contre 0"); else before them ("3 abstentions 8 votes pour").
  bool words_first = colons;
  if (!colons) {
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (words[k].colon_only) continue;
      int a = after_word(k, false), b = before_word(k, true);
      if (a < 0 && b < 0) continue;
      words_first = b < 0;
      break;
    }
  }
  for (int pass = 0; pass < 2; ++pass) {
    bool look_after = (pass == 0) == words_first;
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (words[k].colon_only || words[k].value) continue;
      bind(k, look_after ? after_word(k, false) : before_word(k));
    }
  }
  Vote v;
  for (const TallyWord& w : words) {
    if (!w.value) continue;
    SetCount(&v, w.kind, w.value);
  }
  return v;
}

void RecordPartsReader::ReadVote(const Document& doc, Range r, Parts* p) const {
  Range region = r;
  if (!p->decision_range.empty()) region.start = p->decision_range.start;
  // Where the first vote statement of any kind starts: one pass of all the vote patterns
  // (or, should their union not compile, a pass per pattern).
  auto earliest = [&](Range where) {
    Range whole;
    if (any_vote_ && any_vote_->ok())
      return FindIn(doc, *any_vote_, where, &whole, nullptr) ? whole.start : SIZE_MAX;
    std::size_t at = SIZE_MAX;
    for (const std::string& section : kVoteSections)
      for (const GrammarEntry& e : grammar_.Section(section))
        if (FindIn(doc, *e.regex, where, &whole, nullptr)) at = std::min(at, whole.start);
    return at;
  };
  // The first window that states a vote: a tally pattern whose numbers bind to no vote word
  // ("la parcelle 112 pour 127 m2") states none, and the next statement is looked for.
  Range window;
  std::vector<std::vector<int>> in_window;
  Vote tally;
  // A window stating only a result ("approuvé par le conseil") may be history in an exposé:
  // a later window with a tally or a unanimity is preferred, the first result window kept
  // when there is none.
  auto find_window = [&](Range where) {
    bool fallback = false;
    Range fallback_window;
    for (int tries = 0; tries < kVoteWindowTries && where.start < where.end; ++tries) {
      std::size_t first = earliest(where);
      if (first == SIZE_MAX) break;
      Range w = VoteWindow(doc, first, region);
      std::vector<std::vector<int>> screened = vote_screen_.Match(doc.Folded(w));
      Vote counts = ReadTally(doc, w);
      auto has = [&](std::string_view section) {
        auto at = std::find(kVoteSections.begin(), kVoteSections.end(), section);
        return !screened[static_cast<std::size_t>(at - kVoteSections.begin())].empty();
      };
      bool strong = counts.for_count || counts.against || counts.abstention || counts.not_voting ||
                    has("vote.unanimous") || has("vote.majority");
      if (strong) {
        window = w;
        in_window = std::move(screened);
        tally = counts;
        return true;
      }
      if (!fallback && has("vote.result")) {
        fallback = true;
        fallback_window = w;
      }
      where.start = std::max(doc.LineRange(doc.LineAt(first)).end, first + 1);
    }
    if (!fallback) return false;
    window = fallback_window;
    in_window = vote_screen_.Match(doc.Folded(window));
    tally = Vote{};
    return true;
  };
  bool found = find_window(region);
  if (!found && region.start != r.start) {
    // A vote printed before the formula, in the record's first lines ("Adopté à
    // l'unanimité" in a title column); never in the exposé, where "approuvé par" is history.
    region = Range{r.start, std::min(r.end, r.start + kVoteBeforeFormulaBytes)};
    if (!p->visas_range.empty()) region.end = std::min(region.end, p->visas_range.start);
    if (!p->report_range.empty()) region.end = std::min(region.end, p->report_range.start);
    found = find_window(region);
  }
  if (!found) return;
  Vote& v = p->vote;
  v = tally;
  v.range = window;
  v.text = doc.Text(window);
  if (v.text.size() > kVoteTextBytes) v.text.resize(kVoteTextBytes);
  auto matched = [&](std::string_view section) -> const std::vector<int>& {
    auto at = std::find(kVoteSections.begin(), kVoteSections.end(), section);
    return in_window[static_cast<std::size_t>(at - kVoteSections.begin())];
  };
  if (!matched("vote.unanimous").empty()) v.unanimous = true;
  bool split = (v.against && *v.against > 0) || (v.abstention && *v.abstention > 0);
  bool majority = !matched("vote.majority").empty();
  if (majority || split) v.unanimous = false;
  // The first result entry (in grammar order) that matches names the result.
  if (const std::vector<int>& results = matched("vote.result"); !results.empty())
    v.result = grammar_.Section("vote.result")[static_cast<std::size_t>(results.front())].key;
  if (v.result.empty()) {
    if (v.unanimous.value_or(false))
      v.result = "adopted";
    else if (v.for_count && *v.for_count > v.against.value_or(0))
      v.result = "adopted";
    else if (v.for_count && v.against && *v.against > *v.for_count)
      v.result = "rejected";
    else if (majority)
      v.result = "adopted";
  }
  for (const GrammarEntry& e : grammar_.Section("vote.names")) {
    Range whole;
    std::vector<Range> groups;
    if (!FindIn(doc, *e.regex, Range{window.start, std::min(r.end, window.end + kVoteNamesBytes)},
                &whole, &groups))
      continue;
    std::vector<Person> names = persons_.ParseList(doc, Group(*e.regex, groups, "v")).persons;
    if (e.key == "against")
      v.against_names = names;
    else if (e.key == "abstention")
      v.abstention_names = names;
    else
      v.not_voting_names = names;
  }
}

void RecordPartsReader::ReadClosing(const Document& doc, Range r, const std::vector<int>& closing,
                                    const std::vector<int>& publication, Parts* p) const {
  // The first entry of `section` with `key`, when it matches in r (it is among `found`).
  auto matching = [&](std::string_view section, std::string_view key,
                      const std::vector<int>& found) -> const AcceleratedRE2* {
    const std::vector<GrammarEntry>& entries = grammar_.Section(section);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].key != key) continue;
      bool in_r = std::binary_search(found.begin(), found.end(), static_cast<int>(i));
      return in_r ? &*entries[i].regex : nullptr;
    }
    return nullptr;
  };
  Range whole;
  std::vector<Range> groups;
  if (const AcceleratedRE2* re = matching("closing", "text", closing);
      re && FindIn(doc, *re, r, &whole, &groups)) {
    p->closing_text = doc.Text(whole);
    if (const AcceleratedRE2* place = grammar_.Pattern("closing", "place")) {
      std::vector<Range> g;
      Range w;
      Range around{whole.start, std::min(r.end, whole.end + kClosingPlaceBytes)};
      if (FindIn(doc, *place, around, &w, &g))
        p->closing_place = doc.Text(Group(*place, g, "place"));
      auto dates = words_.FindDates(doc, around);
      if (!dates.empty()) p->closing_date = dates.front().iso;
    }
  }
  if (const AcceleratedRE2* re = matching("publication", "prefecture_id", publication);
      re && FindIn(doc, *re, r, &whole, &groups)) {
    p->prefecture_id = doc.Text(Group(*re, groups, "id"));
  }
  for (const char* key : {"transmitted", "published"}) {
    const AcceleratedRE2* re = matching("publication", key, publication);
    if (!re || !FindIn(doc, *re, r, &whole, &groups)) continue;
    auto dates =
        words_.FindDates(doc, Range{whole.end, std::min(r.end, whole.end + kPublicationDateBytes)});
    if (!dates.empty())
      (std::string(key) == "transmitted" ? p->transmitted : p->published) = dates.front().iso;
  }
}

std::optional<Person> RecordPartsReader::ReadRapporteur(const Document& doc, Range r) const {
  Parts p;
  ReadHeadFields(doc, r, record_screen_.Match(doc.Folded(r))[0], &p);
  return p.rapporteur;
}

Parts RecordPartsReader::Read(const Document& doc, Range r, Range title) const {
  Parts p;
  if (!title.empty()) {
    p.object = doc.Text(title);
    p.object_range = title;
  }
  // The labelled fields, the closing and the publication are looked for in the whole
  // record: one pass says which of their patterns occur.
  const std::vector<std::vector<int>> found = record_screen_.Match(doc.Folded(r));
  ReadHeadFields(doc, r, found[0], &p);
  ReadItems(doc, r, &p);
  ReadDecision(doc, r, &p);
  // The vote is read after the heading's title: in a flattened page the title runs on into
  // the vote's sentence on one line ("I ADOPTION DU PROCES-VERBAL Le procès-verbal est
  // adopté à l'unanimité").
  Range after_title = r;
  if (!title.empty() && title.start >= r.start && title.end <= r.end) after_title.start = title.end;
  ReadVote(doc, after_title, &p);
  ReadClosing(doc, r, found[1], found[2], &p);
  return p;
}

void CheckTally(const std::optional<int>& members_in_office, const std::optional<int>& voting,
                Vote* vote, std::vector<Warning>* warnings) {
  const std::pair<std::optional<int>*, const char*> counts[] = {{&vote->for_count, "for"},
                                                                {&vote->against, "against"},
                                                                {&vote->abstention, "abstention"},
                                                                {&vote->not_voting, "not voting"}};
  for (auto [slot, name] : counts) {
    if (*slot && members_in_office && **slot > *members_in_office) {
      warnings->push_back({"vote_count_dropped", std::string(name) + " count " +
                                                     std::to_string(**slot) + " exceeds the " +
                                                     std::to_string(*members_in_office) +
                                                     " members in office; not kept"});
      slot->reset();
    }
  }
  bool any = vote->for_count || vote->against || vote->abstention;
  if (!any) return;
  int cast = vote->for_count.value_or(0) + vote->against.value_or(0) + vote->abstention.value_or(0);
  // Some authorities count abstentions among the voters, others not: either adds up.
  int expressed = vote->for_count.value_or(0) + vote->against.value_or(0);
  const std::string tally = "tally " + std::to_string(cast);
  if (vote->voting && cast != *vote->voting && expressed != *vote->voting) {
    warnings->push_back({"vote_mismatch", tally + " (for + against + abstention) but " +
                                              std::to_string(*vote->voting) +
                                              " voters printed with the vote"});
  } else if (!vote->voting && voting && expressed > *voting) {
    warnings->push_back({"vote_mismatch", "for + against = " + std::to_string(expressed) +
                                              " exceeds the " + std::to_string(*voting) +
                                              " voters of the sitting"});
  }
  if (vote->expressed && expressed != *vote->expressed) {
    warnings->push_back({"vote_mismatch", "for + against = " + std::to_string(expressed) + " but " +
                                              std::to_string(*vote->expressed) +
                                              " votes cast printed"});
  }
  if (members_in_office && cast + vote->not_voting.value_or(0) > *members_in_office) {
    warnings->push_back(
        {"vote_mismatch",
         tally + " exceeds the " + std::to_string(*members_in_office) + " members in office"});
  }
}

}  // namespace registre
