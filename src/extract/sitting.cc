#include "extract/sitting.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "base/text_util.h"
#include "base/utf8.h"
#include "extract/windows.h"
#include "text/folding.h"

namespace registre {

struct SittingLexicon {
  explicit SittingLexicon(const Grammar& g) {
    constexpr std::string_view kWords = "table.sitting_words";
    prepositions = g.Values(kWords, "preposition");
    articles = g.Values(kWords, "article");
    particles = g.Values(kWords, "particle");
    kind_prefixes = g.Values(kWords, "kind_prefix");
    suffixes = g.Values(kWords, "suffix");
    determiners = g.Values(kWords, "determiner");
    civilities = g.Values(kWords, "civility");
    town_prefix = g.Lookup(kWords, "town_prefix") + " ";
    generic = g.Values(kWords, "generic");
    not_town = g.Values(kWords, "not_town");
    for (std::string& w : kind_prefixes) w += ' ';
    for (const GrammarEntry& e : g.Section("table.time_words"))
      time_words.emplace_back(e.key, std::stoi(e.value));
    for (const GrammarEntry& e : g.Section("sitting.authority_type"))
      if (e.regex) types.emplace_back(e.key, e.regex.get());
    default_type = g.Lookup("table.authority_type", "default");
    context_types = g.Values("table.authority_type", "context");
  }
  std::vector<std::string> prepositions, articles, particles, kind_prefixes, suffixes, determiners,
      civilities, generic, not_town;
  std::string town_prefix;
  std::vector<std::pair<std::string, int>> time_words;
  std::vector<std::pair<std::string, const AcceleratedRE2*>> types;
  std::string default_type;
  std::vector<std::string> context_types;
};

namespace {

struct Mark {
  std::size_t start, end;
  std::string key;
};

// Every match in `r` of the entries `which` (Section() indices, those a screen found in r)
// of `section`, overlaps resolved to the earliest (and longest).
std::vector<Mark> FindAll(const Document& doc, const Grammar& grammar, std::string_view section,
                          Range r, const std::vector<int>& which) {
  std::vector<Mark> marks;
  const auto& entries = grammar.Section(section);
  for (int index : which) {
    const GrammarEntry& e = entries[static_cast<std::size_t>(index)];
    Range cursor = r, whole;
    while (cursor.start < cursor.end && FindIn(doc, *e.regex, cursor, &whole, nullptr)) {
      if (whole.empty()) break;
      // A table cell's label ends before the separator after it ("presents ; excuses"): the
      // next cell's label opens on that separator.
      std::size_t end = whole.end;
      while (end > whole.start + 1 &&
             (doc.folded()[end - 1] == ';' || doc.folded()[end - 1] == ' '))
        --end;
      marks.push_back({whole.start, end, e.key});
      cursor.start = whole.end;
    }
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::vector<Mark> kept;
  for (const Mark& m : marks) {
    if (!kept.empty() && m.start < kept.back().end) continue;
    kept.push_back(m);
  }
  return kept;
}

bool IsCivilityToken(const SittingLexicon& lex, std::string_view tail) {
  for (std::string_view c : lex.civilities) {
    if (tail.size() >= c.size() && tail.substr(tail.size() - c.size()) == c &&
        (tail.size() == c.size() || tail[tail.size() - c.size() - 1] == ' '))
      return true;
  }
  return false;
}

// A line of capitalised names mixing SURNAMES and Firstnames, with no other word; with
// `one_name`, a single name will do ("M. Julien RIVIERE": after a run of names, the list's
// next line).
bool LooksLikeNameRun(const Document& doc, Range r, bool one_name = false) {
  std::string text = doc.RawText(r);
  std::size_t words = 0, upper = 0, capitalised = 0, pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n')) ++pos;
    std::size_t end = text.find_first_of(" \n", pos);
    if (end == std::string::npos) end = text.size();
    if (end == pos) break;
    std::string word = text.substr(pos, end - pos);
    pos = end;
    ++words;
    bool any_lower = false, any_upper = false, first_upper = false;
    std::size_t i = 0;
    for (bool first = true; i < word.size(); first = false) {
      char32_t cp = NextCodePoint(word, i);
      any_upper = any_upper || u_isupper(static_cast<UChar32>(cp));
      any_lower = any_lower || u_islower(static_cast<UChar32>(cp));
      if (first) first_upper = u_isupper(static_cast<UChar32>(cp));
    }
    if (!first_upper) return false;
    (any_lower ? capitalised : upper) += any_upper ? 1 : 0;
  }
  if (one_name) return words >= 2 && upper >= 1 && capitalised >= 1;
  return words >= 4 && upper >= 2 && capitalised >= 2;
}

// End of the paragraph starting at `from`: a blank line, unless the text before it plainly
// continues (a trailing comma or civility: lists broken by page layout).
// Whether the first non-blank line at or after `pos` (before `limit`) goes on with a list
// that a full stop or a blank line seemed to close: it opens with a plural civility or a
// group of names ([attendance.list_line]: "Mmes et MM. X, Y", "Délégués de X : Mmes Y").
bool ContinuesList(const Document& doc, const AcceleratedRE2* list_line, std::size_t pos,
                   std::size_t limit) {
  const std::string& f = doc.folded();
  while (pos < limit && (f[pos] == ' ' || f[pos] == '\n')) ++pos;
  if (!list_line || pos >= limit) return false;
  std::size_t end = std::min(limit, f.find('\n', pos));
  Range whole;
  return FindIn(doc, *list_line, Range{pos, end}, &whole, nullptr) && whole.start == pos;
}

std::size_t ParagraphEnd(const Document& doc, const SittingLexicon& lex,
                         const AcceleratedRE2* list_line, std::size_t from, std::size_t limit) {
  const std::string& f = doc.folded();
  std::size_t i = from;
  while (i < limit) {
    std::size_t nl = f.find('\n', i);
    if (nl == std::string::npos || nl >= limit) return limit;
    std::size_t j = nl + 1;
    while (j < limit && f[j] == ' ') ++j;
    if (j < limit && f[j] == '\n') {
      std::string_view before(f.data() + from, nl - from);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      // An open parenthesis goes on too: "(article L.\n\n5211-1 du CGCT) : Mme X".
      bool open_paren = std::count(before.begin(), before.end(), '(') >
                        std::count(before.begin(), before.end(), ')');
      if (!before.empty() && (before.back() == ',' || before.back() == ':' ||
                              IsCivilityToken(lex, before) || open_paren)) {
        i = j;
        continue;
      }
      // A label alone on its line ("Présents :") is followed by its value after the gap.
      std::string_view trimmed = before;
      while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == ':'))
        trimmed.remove_prefix(1);
      if (trimmed.empty()) {
        i = j;
        continue;
      }
      // Blocks of names printed without separators ("RUSTERHOLTZ Fleur HAUDRECHY
      // Christophe") go on after the gap, down to a line of one name.
      std::size_t next_start = j + 1;  // j is the blank line's '\n'
      std::size_t next_end = f.find('\n', next_start);
      if (next_end == std::string::npos || next_end > limit) next_end = limit;
      if (next_start < next_end && LooksLikeNameRun(doc, Range{from, nl}) &&
          LooksLikeNameRun(doc, Range{next_start, next_end}, /*one_name=*/true)) {
        i = j;
        continue;
      }
      if (ContinuesList(doc, list_line, j, limit)) {
        i = j;
        continue;
      }
      return nl;
    }
    // A list closed by a full stop ends with its line ("..., M. Vincent.").
    std::string_view line(f.data() + i, nl - i);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (!line.empty() && line.back() == '.' && !IsCivilityToken(lex, line) && nl > from &&
        !ContinuesList(doc, list_line, nl + 1, limit))
      return nl;
    i = nl + 1;
  }
  return limit;
}

// A list label heads a list: it ends with a colon (maybe after a parenthesis) or its line,
// or it opens its line or sentence ("Etaient présents M. X, ..." after a full stop).
bool CanHeadList(const Document& doc, Range r, const Mark& m) {
  const std::string& f = doc.folded();
  // Inside a parenthesis ("5 contre (2 + 3 procurations : L. Chapon)") it is a remark,
  // whatever line the parenthesis opened on in its paragraph (a wrapped line: "(1 +" / "2
  // procurations : ..."), up to kRemarkBytes before.
  std::size_t from = std::max(r.start, m.start > kRemarkBytes ? m.start - kRemarkBytes : 0);
  if (std::size_t blank = f.rfind("\n\n", m.start); blank != std::string::npos && blank >= from)
    from = std::min(blank + 2, m.start);
  std::string_view before_label(f.data() + from, m.start - from);
  if (std::count(before_label.begin(), before_label.end(), '(') >
      std::count(before_label.begin(), before_label.end(), ')'))
    return false;
  std::string_view label(f.data() + m.start, m.end - m.start);
  if (label.find(':') != std::string_view::npos || label.find('\n') != std::string_view::npos)
    return true;
  std::size_t after = m.end;
  while (after < r.end && f[after] == ' ') ++after;
  // "secrétaire de séance (article L.2121-15 du CGCT) : Mme X": a remark before the colon.
  if (after >= r.end || f[after] == ':' || f[after] == '\n' || f[after] == '(') return true;
  std::size_t before = m.start;
  while (before > r.start && f[before - 1] == ' ') --before;
  if (before == r.start) return true;
  unsigned char c = static_cast<unsigned char>(f[before - 1]);
  return c == '\n' || c == '.' || c == ';' || c == ':' || c == ')' || c == '-' || c == '*' ||
         c == '>' || c >= 0x80;
}

// Attendance labels printed as a table's header row ("Présents ; Absents excusés", nothing
// but cell separators between them) take their values column by column from the rows under
// it that have as many cells: values[i] holds label i's cells, empty for other labels.
std::vector<std::vector<Range>> TableColumns(const Document& doc, const std::vector<Mark>& labels) {
  std::vector<std::vector<Range>> values(labels.size());
  // A label's line: that of its first word (a pattern may take the line break before it).
  auto line_of = [&](const Mark& m) {
    return doc.LineAt(TrimRange(doc, Range{m.start, m.end}, " \n;").start);
  };
  for (std::size_t i = 0; i < labels.size();) {
    const std::size_t line = line_of(labels[i]);
    std::size_t j = i + 1;
    while (j < labels.size() && line_of(labels[j]) == line) ++j;
    // Two labels or more on a line: only then may it be a header row.
    const std::vector<Range> header = j - i >= 2 ? TableRowCells(doc, line) : std::vector<Range>{};
    bool is_header = j - i >= 2 && header.size() == j - i;
    // Each cell of the row is its label alone.
    for (std::size_t k = i; is_header && k < j; ++k) {
      const Range cell = header[k - i];
      is_header =
          labels[k].start < cell.end && labels[k].end > cell.start &&
          TrimRange(doc, Range{cell.start, std::max(cell.start, labels[k].start)}, " ").empty() &&
          TrimRange(doc, Range{std::min(cell.end, labels[k].end), cell.end}, " :").empty();
    }
    // The rows follow (the separator row "| --- |" left a blank line).
    for (std::size_t row = line + 1; is_header && row < doc.lines().size(); ++row) {
      if (row == line + 1 && doc.LineBlank(row)) continue;
      std::vector<Range> cells = TableRowCells(doc, row);
      if (doc.LineBlank(row) || cells.size() != j - i) break;
      for (std::size_t k = i; k < j; ++k)
        if (!cells[k - i].empty()) values[k].push_back(cells[k - i]);
    }
    i = j;
  }
  return values;
}

bool NameKeyEqual(const Person& a, const Person& b) {
  return FoldString(a.name) == FoldString(b.name);
}

void AddUnique(std::vector<Person>& list, const Person& p) {
  for (Person& q : list) {
    if (NameKeyEqual(p, q)) {
      if (!q.proxy_to && p.proxy_to) q.proxy_to = p.proxy_to;
      return;
    }
  }
  list.push_back(p);
}

// An absent member who gave a proxy (printed in a later "Procurations :" list) is excused,
// not absent: each person is in one of the two lists, with the proxy the lists gave.
void Reconcile(Attendance& a) {
  std::vector<Person> absent;
  for (Person& p : a.absent) {
    auto same = std::find_if(a.excused.begin(), a.excused.end(),
                             [&](const Person& q) { return NameKeyEqual(p, q); });
    if (same == a.excused.end()) {
      absent.push_back(std::move(p));
    } else if (!same->proxy_to && p.proxy_to) {
      same->proxy_to = p.proxy_to;
    }
  }
  a.absent = std::move(absent);
}

constexpr std::size_t kContextPenalty = 100000;

bool StartsWithAuthorityWord(const SittingLexicon& lex, const std::string& folded) {
  for (const std::string& w : lex.kind_prefixes)
    if (folded.rfind(w, 0) == 0) return true;
  return false;
}

// A name is capitalised words joined by particles; it ends before the first other
// lower-case word ("... des Lisières de l’Oise doit présenter").
std::string CutAtRunningText(const SittingLexicon& lex, const std::string& text) {
  std::size_t pos = 0, words = 0;
  // A name printed in capitals ends where the capitals end ("COMMUNE DE VILLENAVE D'ORNON
  // Secrétariat Général", a flattened letterhead): its first three words in capitals.
  bool capitals = false;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(pos, end - pos);
    std::size_t apostrophe =
        word.find("\u2019") != std::string::npos ? word.find("\u2019") : word.find('\'');
    std::string head = apostrophe == std::string::npos ? word : word.substr(0, apostrophe);
    std::size_t i = 0;
    char32_t first = word.empty() ? 0 : NextCodePoint(word, i);
    // "Communauté de communes du Pays": the words of a kind are part of the name too.
    bool particle =
        Contains(lex.particles, FoldString(head)) || Contains(lex.generic, FoldString(head));
    const LetterCase word_case = CaseOfLetters(word);
    if (words == 0) capitals = word_case == LetterCase::kUpper;
    if (words == 1 || words == 2) capitals = capitals && word_case == LetterCase::kUpper;
    const bool caps_end = capitals && words >= 3 && word_case == LetterCase::kMixed;
    if (words >= 2 && ((!particle && !u_isupper(static_cast<UChar32>(first)) &&
                        !u_isdigit(static_cast<UChar32>(first))) ||
                       caps_end)) {
      std::string cut = text.substr(0, pos);
      while (!cut.empty() && cut.back() == ' ') cut.pop_back();
      return cut;
    }
    ++words;
    pos = end + 1;
  }
  return text;
}

// A proper name ends with a capitalised word ("Preuilly-sur-Claise", "LYON", "Métropole").
bool LastWordCapitalised(const std::string& text) {
  std::size_t sp = text.find_last_of(" '\u2019-");
  std::string_view last =
      sp == std::string::npos ? std::string_view(text) : std::string_view(text).substr(sp + 1);
  if (last.empty()) return false;
  std::size_t i = 0;
  char32_t cp = NextCodePoint(last, i);
  return u_isupper(static_cast<UChar32>(cp));
}

std::string FirstWord(const std::string& text) { return text.substr(0, text.find_first_of(" '-")); }

// "la Communauté de Communes": only the words of an authority's kind, no name.
bool OnlyGenericWords(const SittingLexicon& lex, const std::string& text) {
  std::string folded = FoldString(text);
  std::size_t pos = 0;
  while (pos < folded.size()) {
    std::size_t end = folded.find_first_of(" '-", pos);
    if (end == std::string::npos) end = folded.size();
    if (end > pos && !Contains(lex.generic, folded.substr(pos, end - pos))) return false;
    pos = end + 1;
  }
  return true;
}

std::string TypeOfAuthority(const SittingLexicon& lex, std::string_view folded) {
  for (const auto& [type, re] : lex.types)
    if (RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), *re)) return type;
  return lex.default_type;
}

}  // namespace

SittingReader::SittingReader(const Grammar& grammar, const FrenchWords& words,
                             const PersonParser& persons)
    : WordReaders{grammar, words, persons},
      lexicon_(std::make_shared<SittingLexicon>(grammar)),
      attendance_screen_(grammar, {"attendance.labels", "attendance.stop", "attendance.counts"},
                         SectionScreen::Answers::kSuperset) {}

void SittingReader::ReadCounts(const Document& doc, Range r, const std::vector<int>& matched,
                               Attendance* a) const {
  // Numbers that count others than the members ("Auditeurs présents : 63").
  const AcceleratedRE2* not_counted = grammar_.Pattern("attendance.not_counted", "n");
  auto not_a_member_count = [&](Range n) {
    Range w;
    std::vector<Range> g;
    Range line{n.start >= 80 && n.start - 80 > r.start ? n.start - 80 : r.start, n.end};
    return not_counted && FindIn(doc, *not_counted, line, &w, &g) &&
           Group(*not_counted, g, "n") == n;
  };
  // Counts as printed: the first of each kind.
  const auto& count_entries = grammar_.Section("attendance.counts");
  for (int i : matched) {
    const GrammarEntry& e = count_entries[static_cast<std::size_t>(i)];
    std::optional<int>* slot = e.key == "members_in_office" ? &a->members_in_office
                               : e.key == "present_count"   ? &a->present_count
                               : e.key == "voting_count"    ? &a->voting_count
                                                            : nullptr;
    if (!slot || slot->has_value()) continue;
    Range whole, cursor = r;
    std::vector<Range> groups;
    while (FindIn(doc, *e.regex, cursor, &whole, &groups) && !whole.empty()) {
      Range n = Group(*e.regex, groups, "n");
      if (!not_a_member_count(n)) {
        *slot = words_.ParseNumber(doc.Folded(n));
        break;
      }
      cursor.start = whole.end;
    }
  }
}

Attendance SittingReader::ReadCounts(const Document& doc, Range r) const {
  Attendance a;
  ReadCounts(doc, r, attendance_screen_.Match(doc.Folded(r))[2], &a);
  return a;
}

Attendance SittingReader::ReadAttendance(const Document& doc, Range r,
                                         std::vector<Person>* secretaries,
                                         std::vector<Warning>* warnings) const {
  Attendance a;
  // One pass over r finds which labels, stops and counts occur (see attendance_screen_).
  std::vector<std::vector<int>> which = attendance_screen_.Match(doc.Folded(r));
  std::vector<Mark> labels = FindAll(doc, grammar_, "attendance.labels", r, which[0]);
  // "Mme X était présente et Mme Y absente" is prose: a label stands where a heading can.
  labels.erase(std::remove_if(labels.begin(), labels.end(),
                              [&](const Mark& m) { return !CanHeadList(doc, r, m); }),
               labels.end());
  std::vector<Mark> stops = FindAll(doc, grammar_, "attendance.stop", r, which[1]);
  const std::vector<int>& counts_matched = which[2];
  std::vector<Mark> counts = FindAll(doc, grammar_, "attendance.counts", r, counts_matched);
  for (const Mark& m : counts) stops.push_back(m);
  std::sort(stops.begin(), stops.end(),
            [](const Mark& x, const Mark& y) { return x.start < y.start; });
  ReadCounts(doc, r, counts_matched, &a);

  std::size_t span_start = r.end, span_end = r.start;
  const std::vector<std::vector<Range>> columns = TableColumns(doc, labels);
  // Each label's values: the text after it, or its column's cells under a header row.
  std::vector<std::pair<const Mark*, Range>> values;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const Mark& label = labels[i];
    if (!columns[i].empty()) {
      for (Range cell : columns[i]) values.emplace_back(&label, cell);
      continue;
    }
    std::size_t limit = std::min(r.end, label.end + kAttendanceValueBytes);
    if (i + 1 < labels.size()) limit = std::min(limit, labels[i + 1].start);
    for (const Mark& s : stops) {
      if (s.start >= label.end && s.start < limit) {
        limit = s.start;
        break;
      }
    }
    limit = ParagraphEnd(doc, *lexicon_, grammar_.Pattern("attendance.list_line", "line"),
                         label.end, limit);
    values.emplace_back(&label, TrimRange(doc, Range{label.end, limit}, " \n\t:;,.-"));
  }
  for (auto [label_at, label_value] : values) {
    const Mark& label = *label_at;
    if (label.key == "guests") continue;  // not members: no attendance
    Range value = label_value;
    // A count printed after the list: "..., M. Franck SUPERBI, (27)".
    static const RE2 kTrailingCount(R"(\(\s*(\d{1,3})\s*\)\s*$)");
    re2::StringPiece count;
    std::string_view folded_value = doc.Folded(value);
    if (RE2::PartialMatch(re2::StringPiece(folded_value.data(), folded_value.size()),
                          kTrailingCount, &count)) {
      if (label.key == "present" && !a.present_count)
        a.present_count = std::stoi(std::string(count));
      value.end = static_cast<std::size_t>(count.data() - doc.folded().data()) - 1;
      value = TrimRange(doc, value, " \n\t:;,.-(");
    }
    // A count glued before the list: "Etaient présents : (18) Mrs ...", "31 élus : M. ...".
    if (const AcceleratedRE2* lead = grammar_.Pattern("attendance.leading_count", "n")) {
      Range whole;
      std::vector<Range> groups;
      if (FindIn(doc, *lead, value, &whole, &groups) && whole.start == value.start &&
          whole.end < value.end) {
        std::optional<int> n = words_.ParseNumber(doc.Folded(Group(*lead, groups, "n")));
        if (label.key == "present" && !a.present_count) a.present_count = n;
        value = TrimRange(doc, Range{whole.end, value.end}, " \n\t:;,.-");
      }
    }
    std::string_view v = doc.Folded(value);
    if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) || c == ' ';
        }))
      continue;  // "Présents : 16" is a count, read above
    // "Absents et procurations : X (procuration à Y), Z": proxies read as in a proxies list;
    // who gave none is absent.
    const bool absent_or_proxy = label.key == "absent_proxies";
    ListKind kind = label.key == "proxies" || absent_or_proxy ? ListKind::kProxies
                    : label.key == "represented"              ? ListKind::kRepresented
                                                              : ListKind::kPlain;
    PersonList list = persons_.ParseList(doc, value, kind);
    if (list.truncated && warnings) {
      warnings->push_back({"list_truncated", "the " + label.key +
                                                 " list runs into text that is not names; "
                                                 "read up to there"});
    }
    if (label.key == "secretary") {
      if (secretaries && !list.persons.empty()) {
        secretaries->push_back(list.persons.front());
      }
      continue;
    }
    span_start = std::min(span_start, label.start);
    span_end = std::max(span_end, value.end);
    // A label whose value names nobody ("Absents : néant", a list of roles) does not
    // replace the sitting's lists for an item.
    if (list.persons.empty()) continue;
    a.has_lists = true;
    for (const Person& p : list.persons) {
      // "Y (pouvoir de X)": X gave Y a proxy, so X is excused; Y stays where listed.
      if (p.proxy_from) {
        Person giver;
        giver.civility = p.proxy_from->civility;
        giver.name = p.proxy_from->name;
        giver.range = p.range;
        giver.proxy_to = PersonRef{p.civility, p.name};
        AddUnique(a.excused, giver);
      }
      // A member replaced by a substitute is excused; the substitute sat: present.
      if (p.substitute) {
        AddUnique(a.excused, p);
        Person sub;
        sub.civility = p.substitute->civility;
        sub.name = p.substitute->name;
        sub.range = p.range;
        AddUnique(a.present, sub);
        continue;
      }
      // "Messieurs X et Y, absents excusés": the list says where they belong.
      if (p.status == "excused" || (p.status == "absent" && p.proxy_to)) {
        AddUnique(a.excused, p);
      } else if (p.status == "absent") {
        a.absent.push_back(p);
      } else if (label.key == "present") {
        // "X (pouvoir à Y)" inside a present list: X was represented, so excused.
        if (p.proxy_to)
          AddUnique(a.excused, p);
        else
          a.present.push_back(p);
      } else if (label.key == "excused" ||
                 ((label.key == "proxies" || label.key == "represented" || absent_or_proxy) &&
                  p.proxy_to)) {
        AddUnique(a.excused, p);
      } else if (label.key == "absent" || absent_or_proxy) {
        if (p.proxy_to)
          AddUnique(a.excused, p);
        else
          a.absent.push_back(p);
      }
    }
  }
  if (span_start < span_end) a.span = {span_start, span_end};
  Reconcile(a);
  return a;
}

std::string SittingReader::ReadAuthority(const Document& doc, Range r, std::string* type) const {
  auto render = [&](const GrammarEntry& e, const std::vector<Range>& groups) -> std::string {
    Range name = Group(*e.regex, groups, "name");
    Range town = Group(*e.regex, groups, "town");
    Range value = !name.empty() ? name : town;
    // Cut the name at words that follow names in running text ("... au Perche sous la").
    std::string_view f = doc.Folded(value);
    std::size_t cut = f.size(), pos = 0, words = 0;
    std::string previous;
    while (pos < f.size()) {
      std::size_t sp = f.find_first_of(" \n", pos);
      std::size_t end = sp == std::string_view::npos ? f.size() : sp;
      std::string word(f.substr(pos, end - pos));
      bool stop = !grammar_.Lookup("table.authority_stop", word).empty();
      // An article after a preposition belongs to the name ("de la Vanne"); elsewhere it
      // starts the running text ("des Lisières de l'Oise la SAUR").
      bool article = Contains(lexicon_->articles, word);
      // "Commune de Le Val": an article after a preposition is part of the name even
      // where it would end one elsewhere.
      bool after_preposition = Contains(lexicon_->prepositions, previous);
      if (words >= 2 &&
          ((stop && !(article && after_preposition)) || (article && !after_preposition))) {
        cut = pos;
        break;
      }
      previous = word;
      ++words;
      pos = end + 1;
    }
    value = TrimRange(doc, Range{value.start, value.start + cut}, " \n,.-'");
    // "Syndicat mixte du SCoT de Gascogne Z.I ENGACHIES": an initial ends no name.
    std::string_view folded = doc.Folded(value);
    std::size_t last_space = folded.find_last_of(' ');
    if (last_space != std::string_view::npos && folded.size() - last_space == 2 &&
        doc.folded()[value.end] == '.')
      value = TrimRange(doc, Range{value.start, value.start + last_space}, " \n,.-'");
    std::string text = CutAtRunningText(*lexicon_, doc.Text(value));
    if (!LastWordCapitalised(text) || OnlyGenericWords(*lexicon_, text)) return "";
    // "Conseil municipal du lundi 12 mars": a weekday or month is no town.
    if (!town.empty() && Contains(lexicon_->not_town, FirstWord(FoldString(text)))) return "";
    // "Maire de X" names the town; "... de la Commune de X" names the commune already.
    if (name.empty() && !text.empty() && !StartsWithAuthorityWord(*lexicon_, FoldString(text)))
      text = lexicon_->town_prefix + text;
    return text;
  };
  auto try_range = [&](Range range, bool earliest) -> std::string {
    std::string best;
    std::size_t best_start = SIZE_MAX;
    for (const GrammarEntry& e : grammar_.Candidates("sitting.authority", doc.Folded(range))) {
      Range whole;
      std::vector<Range> groups;
      if (!FindIn(doc, *e.regex, range, &whole, &groups)) continue;
      // "s'est réuni en la mairie de BAPAUME": a place, not the deliberating authority.
      Range before{whole.start >= kAuthorityContextBytes ? whole.start - kAuthorityContextBytes : 0,
                   whole.start};
      before.start = std::max(before.start, range.start);
      if (before.start < before.end &&
          grammar_.AnyMatch("sitting.authority_context", doc.Folded(before)))
        continue;
      std::string_view w = doc.Folded(whole);
      // "la Métropole", "cette métropole": a determiner is not a name.
      // (a word before the suffix, and a space between them at least)
      bool suffix_form = std::any_of(
          lexicon_->suffixes.begin(), lexicon_->suffixes.end(), [&](const std::string& x) {
            return w.size() > x.size() + 1 && w.substr(w.size() - x.size()) == x;
          });
      if (e.key == "name" && suffix_form &&
          Contains(lexicon_->determiners, w.substr(0, w.find(' '))))
        continue;
      if (!earliest) {
        std::string text = render(e, groups);
        if (!text.empty()) return text;
        continue;
      }
      // A département or région printed above a more local authority is its context.
      std::string text = render(e, groups);
      if (text.empty()) continue;
      std::string kind = TypeOfAuthority(*lexicon_, FoldString(text));
      bool context = Contains(lexicon_->context_types, kind);
      std::size_t rank = context ? whole.start + kContextPenalty : whole.start;
      if (rank < best_start) {
        best = std::move(text);
        best_start = rank;
      }
    }
    return best;
  };
  Range title{r.start, std::min(r.end, r.start + kAuthorityTitleBytes)};
  Range head{r.start, std::min(r.end, r.start + kSittingFieldsBytes)};
  std::string found = try_range(title, true);
  if (found.empty()) found = try_range(head, false);
  if (found.empty()) found = try_range(r, false);
  *type = found.empty() ? "" : TypeOfAuthority(*lexicon_, FoldString(found));
  return found;
}

std::string SittingReader::ReadAssembly(const Document& doc, Range r, std::string* kind) const {
  Range head{r.start, std::min(r.end, r.start + kSittingFieldsBytes)};
  for (Range range : {head, r}) {
    const GrammarEntry* best = nullptr;
    Range best_name;
    std::size_t best_start = SIZE_MAX;
    for (const GrammarEntry& e : grammar_.Candidates("sitting.assembly", doc.Folded(range))) {
      Range whole;
      std::vector<Range> groups;
      if (FindIn(doc, *e.regex, range, &whole, &groups) && whole.start < best_start) {
        best = &e;
        best_start = whole.start;
        best_name = Group(*e.regex, groups, "name");
      }
    }
    if (best) {
      *kind = best->key;
      return doc.Text(best_name);
    }
  }
  return "";
}

std::vector<Range> SittingReader::SittingFormulas(const Document& doc, Range r) const {
  Range head{r.start, std::min(r.end, r.start + kDatesHeadBytes)};
  std::vector<Range> formulas;
  for (const AcceleratedRE2* re : grammar_.Patterns("sitting.dates", "formula")) {
    Range whole;
    if (FindIn(doc, *re, head, &whole, nullptr)) formulas.push_back(whole);
  }
  return formulas;
}

void SittingReader::ReadDates(const Document& doc, Range r, Sitting* s) const {
  Range head{r.start, std::min(r.end, r.start + kDatesHeadBytes)};
  int year_words = words_.YearInWords(doc, head);
  std::vector<FrenchWords::DateFound> dates = words_.FindDates(doc, head, year_words);
  if (dates.empty()) return;
  const AcceleratedRE2* not_session = grammar_.Pattern("sitting.dates", "not_session");
  const AcceleratedRE2* convocation = grammar_.Pattern("sitting.dates", "convocation");
  // The sentence that opens the sitting ("L'an deux mille vingt, le dix-sept septembre, le
  // conseil ... s'est réuni"): a date in it is the sitting's, before any page header,
  // publication or blog date printed above it.
  // Searched only once a date could be the sitting's: most record heads print none, and
  // the formulas are the costliest patterns of the head.
  std::optional<std::vector<Range>> formulas;
  auto in_formula = [&](const FrenchWords::DateFound& d) {
    if (!formulas) formulas = SittingFormulas(doc, r);
    return std::any_of(formulas->begin(), formulas->end(),
                       [&](Range f) { return d.range.start >= f.start && d.range.end <= f.end; });
  };
  int session_year = 0;
  std::string first_session, formula_session;
  for (const auto& d : dates) {
    if (d.iso.empty()) continue;
    Range before{d.range.start >= kBeforeDateBytes ? d.range.start - kBeforeDateBytes : 0,
                 d.range.start};
    if (before.start < r.start) before.start = r.start;
    if (convocation && FindIn(doc, *convocation, before, nullptr, nullptr)) {
      if (s->convocation_date.empty()) s->convocation_date = d.iso;
      continue;
    }
    if (not_session && FindIn(doc, *not_session, before, nullptr, nullptr)) continue;
    if (first_session.empty()) first_session = d.iso;
    if (formula_session.empty() && in_formula(d)) formula_session = d.iso;
  }
  if (s->date.empty()) {
    s->date = !formula_session.empty() ? formula_session : first_session;
    s->date_in_formula = !formula_session.empty();
  }
  if (!s->date.empty()) session_year = std::stoi(s->date.substr(0, 4));
  // A convocation printed without its year takes the sitting's year.
  if (s->convocation_date.empty() && session_year) {
    for (const auto& d : dates) {
      std::string iso = d.IsoWith(session_year);
      Range before{d.range.start >= kBeforeDateBytes ? d.range.start - kBeforeDateBytes : 0,
                   d.range.start};
      if (before.start < r.start) before.start = r.start;
      if (!iso.empty() && convocation && FindIn(doc, *convocation, before, nullptr, nullptr)) {
        s->convocation_date = iso;
        break;
      }
    }
  }
}

void SittingReader::ReadTimeAndPlace(const Document& doc, Range r, Sitting* s) const {
  Range head{r.start, std::min(r.end, r.start + kSittingFieldsBytes)};
  Range whole;
  std::vector<Range> groups;
  // The earliest time printed in the head is the sitting's (later ones are arrivals).
  struct Found {
    const GrammarEntry* entry;
    Range whole;
    std::vector<Range> groups;
  };
  std::vector<Found> found;
  for (const GrammarEntry& e : grammar_.Candidates("sitting.time", doc.Folded(head))) {
    Found f{&e, {}, {}};
    if (FindIn(doc, *e.regex, head, &f.whole, &f.groups)) found.push_back(std::move(f));
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.whole.start < b.whole.start; });
  for (const Found& f : found) {
    const GrammarEntry& e = *f.entry;
    groups = f.groups;
    std::optional<int> hour, minutes = 0;
    if (e.key == "figures") {
      hour = words_.ParseNumber(doc.Folded(Group(*e.regex, groups, "h")));
      Range m = Group(*e.regex, groups, "m");
      if (!m.empty()) minutes = words_.ParseNumber(doc.Folded(m));
    } else {
      hour = words_.ParseNumber(doc.Folded(Group(*e.regex, groups, "hw")));
      std::string_view mw = doc.Folded(Group(*e.regex, groups, "mw"));
      auto word = std::find_if(lexicon_->time_words.begin(), lexicon_->time_words.end(),
                               [&](const auto& t) { return t.first == mw; });
      minutes = word != lexicon_->time_words.end() ? word->second
                : mw.empty()                       ? 0
                                                   : words_.ParseNumber(mw).value_or(-1);
    }
    if (!hour || *hour > 23 || !minutes || *minutes < 0 || *minutes > 59) continue;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%02d:%02d", *hour, *minutes);
    s->time = buf;
    break;
  }
  if (const AcceleratedRE2* re = grammar_.Pattern("sitting.place", "place");
      re && FindIn(doc, *re, head, &whole, &groups)) {
    Range place = Group(*re, groups, "place");
    std::string_view f = doc.Folded(place);
    for (std::size_t pos = f.find(' '); pos != std::string_view::npos; pos = f.find(' ', pos + 1)) {
      std::size_t end = f.find_first_of(" \n", pos + 1);
      std::string word(f.substr(
          pos + 1, end == std::string_view::npos ? std::string_view::npos : end - pos - 1));
      if (!grammar_.Lookup("table.place_stop", word).empty()) {
        place.end = place.start + pos;
        break;
      }
    }
    s->place = doc.Text(TrimRange(doc, place, " ,.;:\n"));
  }
}

std::optional<Person> SittingReader::ReadPresident(const Document& doc, Range r) const {
  Range head{r.start, std::min(r.end, r.start + kPresidentHeadBytes)};
  for (const GrammarEntry& e : grammar_.Candidates("sitting.president", doc.Folded(head))) {
    Range whole;
    std::vector<Range> groups;
    if (!FindIn(doc, *e.regex, head, &whole, &groups)) continue;
    Range p = Group(*e.regex, groups, "p");
    // "la Présidente déclare la séance ouverte": named by function, written as printed.
    if (e.key == "function") {
      Person person;
      person.name = doc.Text(p);
      return person;
    }
    // Stop at the role or the next clause.
    std::string_view f = doc.Folded(p);
    std::size_t cut = f.find_first_of(",(;");
    if (cut != std::string_view::npos) p.end = p.start + cut;
    std::optional<Person> person = persons_.ParseOne(doc, p);
    if (person) return person;
  }
  return std::nullopt;
}

Sitting SittingReader::Read(const Document& doc, Range r, const Sitting* known) const {
  Sitting s;
  if (!known || known->authority.empty()) s.authority = ReadAuthority(doc, r, &s.authority_type);
  if (!known || known->assembly.empty()) s.assembly = ReadAssembly(doc, r, &s.assembly_kind);
  if (!known || known->date.empty() || known->convocation_date.empty()) ReadDates(doc, r, &s);
  if (!known || known->time.empty() || known->place.empty()) ReadTimeAndPlace(doc, r, &s);
  if (!known || !known->president) s.president = ReadPresident(doc, r);
  s.attendance = ReadAttendance(doc, r, &s.secretaries, &s.warnings);
  if (s.secretaries.empty() && (!known || known->secretaries.empty())) {
    for (const GrammarEntry& e : grammar_.Candidates("sitting.secretary", doc.Folded(r))) {
      Range whole;
      std::vector<Range> groups;
      if (FindIn(doc, *e.regex, r, &whole, &groups)) {
        if (auto p = persons_.ParseOne(doc, Group(*e.regex, groups, "p")))
          s.secretaries.push_back(*p);
        break;
      }
    }
  }
  return s;
}

}  // namespace registre
