#include "extract/record_parts.h"

#include <algorithm>

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
      open_ends_(grammar.Values("table.record_words", "open_end")) {}

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
  for (const char* key : {"after_deliberation", "prend_acte"}) {
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
  std::size_t first = earliest(region);
  if (first == SIZE_MAX && region.start != r.start) {
    // A vote printed before the formula, in the record's first lines ("Adopté à
    // l'unanimité" in a title column); never in the exposé, where "approuvé par" is history.
    region = Range{r.start, std::min(r.end, r.start + kVoteBeforeFormulaBytes)};
    if (!p->visas_range.empty()) region.end = std::min(region.end, p->visas_range.start);
    if (!p->report_range.empty()) region.end = std::min(region.end, p->report_range.start);
    first = earliest(region);
  }
  if (first == SIZE_MAX) return;
  // The vote's window: its line and the following lines of its paragraph (kVoteWindowBytes).
  std::size_t line = doc.LineAt(first);
  Range window{std::max(doc.LineRange(line).start, region.start), doc.LineRange(line).end};
  while (line + 1 < doc.lines().size() && !doc.LineBlank(line + 1) &&
         doc.LineRange(line + 1).end <= region.end && window.size() < kVoteWindowBytes) {
    ++line;
    window.end = doc.LineRange(line).end;
  }
  // Tallies are often set out over the next lines ("Pour 86" / "Contre 0 Abstentions 5").
  for (int extra = 0; extra < 3; ++extra) {
    std::size_t next = line + 1;
    while (next < doc.lines().size() && doc.LineBlank(next) && next - line <= 2) ++next;
    if (next >= doc.lines().size() || doc.LineBlank(next) || doc.LineRange(next).end > region.end)
      break;
    Range candidate = doc.LineRange(next);
    if (!tally_screen_.Any(doc.Folded(candidate))) break;
    line = next;
    window.end = candidate.end;
  }
  Vote& v = p->vote;
  v.range = window;
  v.text = doc.Text(window);
  if (v.text.size() > kVoteTextBytes) v.text.resize(kVoteTextBytes);
  // Which entries of each vote section match in the window: one pass (kVoteSections order).
  const std::vector<std::vector<int>> in_window = vote_screen_.Match(doc.Folded(window));
  auto matched = [&](std::string_view section) -> const std::vector<int>& {
    auto at = std::find(kVoteSections.begin(), kVoteSections.end(), section);
    return in_window[static_cast<std::size_t>(at - kVoteSections.begin())];
  };
  // Which tally style comes first in the window decides which patterns are tried first.
  std::size_t first_num = SIZE_MAX, first_kw = SIZE_MAX;
  for (const char* section : {"vote.for", "vote.against", "vote.abstention"}) {
    const std::vector<GrammarEntry>& entries = grammar_.Section(section);
    for (int i : matched(section)) {
      const GrammarEntry& e = entries[static_cast<std::size_t>(i)];
      Range whole;
      if (!FindIn(doc, *e.regex, window, &whole, nullptr)) continue;
      std::size_t& slot = e.key == "num_first" ? first_num : first_kw;
      slot = std::min(slot, whole.start);
    }
  }
  const char* order[2] = {"num_first", "kw_first"};
  if (first_kw < first_num) std::swap(order[0], order[1]);
  auto count = [&](const char* section) -> std::optional<int> {
    const std::vector<GrammarEntry>& entries = grammar_.Section(section);
    for (const char* key : order) {
      for (int i : matched(section)) {
        const GrammarEntry& e = entries[static_cast<std::size_t>(i)];
        Range whole;
        std::vector<Range> groups;
        if (e.key == key && FindIn(doc, *e.regex, window, &whole, &groups))
          return words_.ParseNumber(doc.Folded(Group(*e.regex, groups, "n")));
      }
    }
    return std::nullopt;
  };
  v.for_count = count("vote.for");
  v.against = count("vote.against");
  v.abstention = count("vote.abstention");
  v.not_voting = count("vote.not_voting");
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
  ReadVote(doc, r, &p);
  ReadClosing(doc, r, found[1], found[2], &p);
  return p;
}

}  // namespace registre
