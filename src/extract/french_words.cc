#include "extract/french_words.h"

#include <algorithm>
#include <cstdio>

#include "base/text_util.h"

namespace registre {
namespace {

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == '\n')) ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '-' && s[i] != '\n') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

}  // namespace

bool ValidDayMonth(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string IsoDate(int year, int month, int day) {
  if (year < 1800 || year > 2100 || !ValidDayMonth(year, month, day)) return "";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

FrenchWords::FrenchWords(const Grammar& grammar) : grammar_(grammar) {
  connectors_ = grammar.Values("table.number_words", "connector");
}

std::optional<int> FrenchWords::ParseNumber(std::string_view s) const {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (s.size() > 7) return std::nullopt;
    return std::stoi(std::string(s));
  }
  // Additive reading with multipliers: "quatre vingt dix" = 4*20+10, "deux mille onze",
  // "mil neuf cent quatre-vingt-dix-neuf" = 1000 + 9*100 + 4*20 + 19.
  long total = 0, current = 0;
  int previous = -1;  // the value of the previous word, for "quatre-vingt(s)"
  bool any = false;
  for (std::string_view w : Words(s)) {
    if (Contains(connectors_, w)) continue;
    std::string value = grammar_.Lookup("table.numbers", w);
    if (value.empty()) return std::nullopt;
    int v = std::stoi(value);
    any = true;
    if (v == 1000) {
      total += (current == 0 ? 1 : current) * 1000;
      current = 0;
    } else if (v == 100) {
      if (current >= 100) return std::nullopt;  // "cent cent"
      current = (current == 0 ? 1 : current) * 100;
    } else if (v == 20 && previous >= 2 && previous <= 9 && current % 100 == previous) {
      current += previous * 19;  // quatre-vingt(s): the 4 before multiplies the 20
    } else {
      current += v;
    }
    previous = v;
  }
  if (!any) return std::nullopt;
  return static_cast<int>(total + current);
}

std::optional<int> FrenchWords::Month(std::string_view folded) const {
  std::string key(folded);
  while (!key.empty() && key.back() == '.') key.pop_back();
  std::string value = grammar_.Lookup("table.months", key);
  if (!value.empty()) return std::stoi(value);
  if (!key.empty() &&
      std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::stoi(key);
  return std::nullopt;
}

int FrenchWords::YearInWords(const Document& doc, Range r) const {
  const AcceleratedRE2* re = grammar_.Pattern("dates", "year_words");
  std::vector<Range> groups;
  Range whole;
  if (!re || !FindIn(doc, *re, r, &whole, &groups)) return 0;
  auto year = ParseNumber(doc.Folded(Group(*re, groups, "yw")));
  return year && *year >= 1900 && *year <= 2100 ? *year : 0;
}

std::vector<FrenchWords::DateFound> FrenchWords::FindDates(const Document& doc, Range r,
                                                           int default_year) const {
  std::vector<DateFound> found;
  for (const GrammarEntry& e : grammar_.Candidates("dates", doc.Folded(r))) {
    if (e.key == "year_words") continue;
    const AcceleratedRE2& re = *e.regex;
    Range cursor = r;
    Range whole;
    std::vector<Range> groups;
    while (cursor.start < cursor.end && FindIn(doc, re, cursor, &whole, &groups)) {
      cursor.start = whole.end > whole.start ? whole.end : whole.start + 1;
      Range d = Group(re, groups, "d"), dw = Group(re, groups, "dw"), m = Group(re, groups, "m");
      Range y = Group(re, groups, "y"), yw = Group(re, groups, "yw");
      std::optional<int> day =
          !d.empty() ? ParseNumber(doc.Folded(d)) : ParseNumber(doc.Folded(dw));
      std::optional<int> month = Month(doc.Folded(m));
      int year = 0;
      if (!y.empty()) {
        year = std::stoi(std::string(doc.Folded(y)));
        // Two-digit years: "10.07.23" is 2023, "15.03.98" is 1998.
        if (year < 100) year += year < 70 ? 2000 : 1900;
      } else if (!yw.empty()) {
        year = ParseNumber(doc.Folded(yw)).value_or(0);
      }
      // 31/02 is no date, with a year or without one (2000 is a leap year: 29/02 passes).
      if (!day || !month || !ValidDayMonth(year ? year : 2000, *month, *day)) continue;
      DateFound date;
      date.range = whole;
      date.has_year = year != 0;
      date.month = *month;
      date.day = *day;
      date.iso = IsoDate(year ? year : default_year, *month, *day);
      if (date.iso.empty() && date.has_year) continue;
      found.push_back(date);
    }
  }
  std::sort(found.begin(), found.end(),
            [](const DateFound& a, const DateFound& b) { return a.range.start < b.range.start; });
  // Overlapping matches from different patterns: keep the first (longest at that place).
  std::vector<DateFound> out;
  for (const DateFound& f : found) {
    if (!out.empty() && f.range.start < out.back().range.end) continue;
    out.push_back(f);
  }
  return out;
}

}  // namespace registre
