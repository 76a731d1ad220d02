#include "rules/grammar.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text_util.h"
#include "rules/literal_start.h"

namespace registre {
namespace {

std::string_view Trim(std::string_view s) { return TrimView(s); }

const std::vector<GrammarEntry> kNoEntries;

// True when `pattern` can only match at the start of its text: it opens with '^' and has no
// '|' outside parentheses and classes (which would let another branch match anywhere), and
// no flag group before it (a leading "(?m)" would make '^' match at every line start).
bool AnchoredAtStart(std::string_view pattern) {
  if (pattern.empty() || pattern[0] != '^') return false;
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 1; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      // A ']' first in the class is a literal.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<GrammarEntry>* Grammar::Find(std::string_view name) {
  auto it = section_at_.find(name);
  return it == section_at_.end() ? nullptr : &sections_[it->second].second;
}

const std::vector<GrammarEntry>* Grammar::Find(std::string_view name) const {
  auto it = section_at_.find(name);
  return it == section_at_.end() ? nullptr : &sections_[it->second].second;
}

Status Grammar::AddText(std::string_view text, const std::string& name) {
  std::vector<GrammarEntry>* current = nullptr;
  bool is_table = false;
  bool section_is_define = false;
  std::string current_name;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = Trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    std::string where = name + ":" + std::to_string(line_no);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3)
        return Status::BadGrammar(where + ": bad section header");
      std::string section(Trim(line.substr(1, line.size() - 2)));
      if (Find(section))
        return Status::BadGrammar(where + ": section [" + section + "] defined twice");
      if (!current_name.empty() && !is_table && !section_is_define) {
        Status built = BuildSet(current_name);
        if (!built.ok()) return built;
      }
      current_name = section;
      section_at_.emplace(section, sections_.size());
      sections_.emplace_back(section, std::vector<GrammarEntry>{});
      section_files_.push_back(name);
      current = &sections_.back().second;
      is_table = section.rfind("table.", 0) == 0;
      section_is_define = section == "define";
      continue;
    }
    std::size_t eq = line.find(" = ");
    if (eq == std::string_view::npos) {
      if (line.size() >= 2 && line.substr(line.size() - 2) == " =") {
        eq = line.size() - 2;
      } else {
        return Status::BadGrammar(where + ": expected 'key = value'");
      }
    }
    if (!current) return Status::BadGrammar(where + ": entry before any [section]");
    GrammarEntry entry;
    entry.key = std::string(Trim(line.substr(0, eq)));
    entry.value = std::string(eq + 3 <= line.size() ? Trim(line.substr(eq + 3)) : "");
    entry.where = where;
    if (entry.key.empty()) return Status::BadGrammar(where + ": empty key");
    if (!is_table) {
      for (const auto& [name, value] : defines_) {
        for (std::size_t at = entry.value.find(name); at != std::string::npos;
             at = entry.value.find(name, at + value.size()))
          entry.value.replace(at, name.size(), value);
      }
    }
    if (section_is_define) {
      defines_.emplace_back("{{" + entry.key + "}}", entry.value);
    } else if (!is_table) {
      entry.regex = LazyRegex(entry.value, where, warnings_);
    }
    current->push_back(std::move(entry));
  }
  if (!current_name.empty() && !is_table && !section_is_define) return BuildSet(current_name);
  return Status::Ok();
}

Status Grammar::BuildSet(const std::string& section) {
  RE2::Options options;
  options.set_log_errors(false);
  const std::vector<GrammarEntry>& entries = *Find(section);
  // A section whose every pattern is anchored at the start (line rules: "^\\s*vu ...") gets an
  // anchored set: on a line that does not start that way its DFA stops after a few bytes
  // instead of reading to the end. The answers are the same.
  bool anchored = true;
  for (const GrammarEntry& e : entries)
    if (e.regex && !AnchoredAtStart(e.value)) anchored = false;
  SectionSet built;
  built.name = section;
  built.set_anchor = anchored ? RE2::ANCHOR_START : RE2::UNANCHORED;
  built.set = std::make_unique<RE2::Set>(options, built.set_anchor);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!entries[i].regex) continue;
    std::string error;
    if (built.set->Add(entries[i].value, &error) < 0)
      return Status::BadGrammar(entries[i].where + ": bad pattern: " + error);
    built.entry_of.push_back(static_cast<int>(i));
  }
  if (built.entry_of.empty()) return Status::Ok();
  set_at_.emplace(section, sets_.size());
  sets_.push_back(std::move(built));
  return Status::Ok();
}

void GrammarWarnings::Add(std::string message) {
  std::lock_guard<std::mutex> lock(mutex_);
  messages_.push_back(std::move(message));
}

std::vector<std::string> GrammarWarnings::messages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return messages_;
}

struct LazyRegex::State {
  std::string pattern;
  std::string where;
  std::shared_ptr<GrammarWarnings> warnings;
  RunOnce once;
  std::unique_ptr<AcceleratedRE2> re;
};

LazyRegex::LazyRegex(std::string pattern, std::string where,
                     std::shared_ptr<GrammarWarnings> warnings)
    : state_(std::make_shared<State>()) {
  state_->pattern = std::move(pattern);
  state_->where = std::move(where);
  state_->warnings = std::move(warnings);
}

const AcceleratedRE2* LazyRegex::get() const {
  if (!state_) return nullptr;
  state_->once.Run([s = state_.get()] {
    RE2::Options options;
    options.set_log_errors(false);
    s->re = std::make_unique<AcceleratedRE2>(s->pattern, options);
    if (!s->re->ok() && s->warnings)
      s->warnings->Add((s->where.empty() ? "grammar" : s->where) +
                       ": pattern cannot be compiled, it will never match: " + s->re->error());
  });
  return state_->re.get();
}

namespace {

// `pattern` with its capturing groups made non-capturing, so that alternatives may repeat
// group names.
std::string WithoutCaptures(std::string_view pattern) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      ++i;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      out += c;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
      continue;
    } else if (c == '(' && pattern.substr(i, 4) == "(?P<") {
      std::size_t close = pattern.find('>', i);
      if (close != std::string_view::npos) {
        out += "(?:";
        i = close;
        continue;
      }
    } else if (c == '(' && (i + 1 >= pattern.size() || pattern[i + 1] != '?')) {
      out += "(?:";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

LazyRegex Grammar::Union(const std::vector<std::string>& sections, std::string_view key) const {
  std::vector<std::string_view> parts;
  bool anchored = true;
  for (const std::string& section : sections) {
    for (const GrammarEntry& e : Section(section)) {
      if (!e.regex || (!key.empty() && e.key != key)) continue;
      parts.push_back(e.value);
      anchored = anchored && AnchoredAtStart(e.value);
    }
  }
  if (parts.empty()) return LazyRegex();
  std::string joined = anchored ? "^(?:" : "";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = anchored ? parts[i].substr(1) : parts[i];
    joined += (i ? "|(?:" : "(?:") + WithoutCaptures(p) + ")";
  }
  if (anchored) joined += ")";
  std::string where = "union of";
  for (const std::string& section : sections) where += " [" + section + "]";
  return LazyRegex(std::move(joined), where, warnings_);
}

std::vector<std::string> Grammar::SectionNames() const {
  std::vector<std::string> names;
  for (const auto& [name, entries] : sections_) names.push_back(name);
  return names;
}

std::size_t Grammar::NameHash::operator()(std::string_view s) const {
  uint64_t head = 0, tail = 0;
  if (!s.empty()) std::memcpy(&head, s.data(), std::min<std::size_t>(8, s.size()));
  if (s.size() > 8) std::memcpy(&tail, s.data() + s.size() - 8, 8);
  return static_cast<std::size_t>((head * 0x9E3779B97F4A7C15ULL) ^
                                  (tail + s.size()) * 0xC2B2AE3D27D4EB4FULL);
}

const Grammar::SectionSet* Grammar::FindSet(std::string_view section) const {
  auto it = set_at_.find(section);
  return it == set_at_.end() ? nullptr : &sets_[it->second];
}

bool Grammar::Answer(const SectionSet& s, const RE2::Set* set, bool ok, std::string_view text,
                     std::vector<int>* which) {
  std::vector<int> hits;
  RE2::Set::ErrorInfo error{};
  bool matched =
      ok && set->Match(re2::StringPiece(text.data(), text.size()), which ? &hits : nullptr, &error);
  if (!ok || error.kind != RE2::Set::kNoError) {
    // The set did not compile (too large) or its DFA gave up (its memory budget on a
    // pathological text): every entry may match, so the callers run them one by one rather
    // than miss one.
    hits.clear();
    for (std::size_t i = 0; i < s.entry_of.size(); ++i) hits.push_back(static_cast<int>(i));
    matched = true;
  }
  if (!matched) return false;
  if (which) {
    which->clear();
    for (int h : hits) which->push_back(s.entry_of[static_cast<std::size_t>(h)]);
    std::sort(which->begin(), which->end());
  }
  return true;
}

bool Grammar::AnyMatch(std::string_view section, std::string_view text,
                       std::vector<int>* which) const {
  const SectionSet* s = FindSet(section);
  if (!s) return false;
  s->compiled->Run([s] { s->ok = s->set->Compile(); });
  return Answer(*s, s->set.get(), s->ok, text, which);
}

bool Grammar::Screen(const SectionSet& s, std::string_view text, std::vector<int>* which) const {
  s.loose_compiled->Run([this, &s] {
    RE2::Options options;
    options.set_log_errors(false);
    auto loose = std::make_unique<RE2::Set>(options, s.set_anchor);
    const std::vector<GrammarEntry>& entries = Section(s.name);
    bool added = true;
    for (int i : s.entry_of)
      added = added && loose->Add(WithoutUpperBounds(entries[static_cast<std::size_t>(i)].value),
                                  nullptr) >= 0;
    s.loose_ok = added && loose->Compile();
    s.loose = std::move(loose);
  });
  return Answer(s, s.loose.get(), s.loose_ok, text, which);
}

std::vector<std::reference_wrapper<const GrammarEntry>> Grammar::Candidates(
    std::string_view section, std::string_view text) const {
  std::vector<std::reference_wrapper<const GrammarEntry>> out;
  const SectionSet* s = FindSet(section);
  std::vector<int> which;
  if (!s || !Screen(*s, text, &which)) return out;
  const std::vector<GrammarEntry>& entries = Section(section);
  for (int i : which) out.push_back(std::cref(entries[static_cast<std::size_t>(i)]));
  return out;
}

bool Grammar::MayMatch(std::string_view section, std::string_view text) const {
  const SectionSet* s = FindSet(section);
  return s && Screen(*s, text, nullptr);
}

Result<std::unique_ptr<Grammar>> Grammar::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::BadGrammar(dir + ": grammar directory not found");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".grammar") files.push_back(e.path());
  }
  if (files.empty()) return Status::BadGrammar(dir + ": no *.grammar files");
  std::sort(files.begin(), files.end());
  auto grammar = std::make_unique<Grammar>();
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    if (!in) return Status::Io(f.string() + ": cannot read");
    Status s = grammar->AddText(buf.str(), f.string());
    if (!s.ok()) return s;
  }
  Status declared = grammar->CheckDeclared(kDeclaredSections, dir);
  if (!declared.ok()) return declared;
  return grammar;
}

const std::vector<GrammarEntry>& Grammar::Section(std::string_view name) const {
  const auto* entries = Find(name);
  return entries ? *entries : kNoEntries;
}

std::vector<const AcceleratedRE2*> Grammar::Patterns(std::string_view section,
                                                     std::string_view key) const {
  std::vector<const AcceleratedRE2*> out;
  for (const GrammarEntry& e : Section(section))
    if (e.key == key && e.regex) out.push_back(e.regex.get());
  return out;
}

std::vector<std::string> Grammar::Values(std::string_view section, std::string_view key) const {
  std::vector<std::string> out;
  for (const GrammarEntry& e : Section(section))
    if (e.key == key) out.push_back(e.value);
  return out;
}

const AcceleratedRE2* Grammar::Pattern(std::string_view section, std::string_view key) const {
  for (const GrammarEntry& e : Section(section))
    if (e.key == key && e.regex) return e.regex.get();
  return nullptr;
}

std::string Grammar::Lookup(std::string_view table, std::string_view key) const {
  for (const GrammarEntry& e : Section(table))
    if (e.key == key) return e.value;
  return "";
}

namespace {

// The words of a space-separated list.
std::vector<std::string_view> ListWords(std::string_view list) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < list.size()) {
    std::size_t end = list.find(' ', pos);
    if (end == std::string_view::npos) end = list.size();
    if (end > pos) words.push_back(list.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

}  // namespace

Status Grammar::CheckDeclared(std::span<const DeclaredSection> declared,
                              const std::string& where) const {
  for (const DeclaredSection& d : declared) {
    const std::vector<GrammarEntry>* entries = Find(d.name);
    if (!entries)
      return Status::BadGrammar(where + ": grammar lacks section [" + std::string(d.name) + "]");
    const std::string& file = section_files_[section_at_.find(d.name)->second];
    for (std::string_view key : ListWords(d.keys)) {
      bool found = std::any_of(entries->begin(), entries->end(),
                               [&](const GrammarEntry& e) { return e.key == key; });
      if (!found)
        return Status::BadGrammar(file + ": section [" + std::string(d.name) + "] lacks key '" +
                                  std::string(key) + "'");
    }
    // Weights weighed as numbers (a section named "..._weights"): each value is one.
    if (d.name.ends_with("_weights")) {
      for (const GrammarEntry& e : *entries) {
        double w = 0;
        const char* end = e.value.data() + e.value.size();
        auto [stop, ec] = std::from_chars(e.value.data(), end, w);
        if (e.value.empty() || ec != std::errc() || stop != end)
          return Status::BadGrammar(file + ": section [" + std::string(d.name) + "] key '" + e.key +
                                    "': '" + e.value + "' is no number");
      }
    }
    for (std::string_view group : ListWords(d.groups)) {
      std::string opening = "(?P<" + std::string(group) + ">";
      bool found = std::any_of(entries->begin(), entries->end(), [&](const GrammarEntry& e) {
        return e.regex && e.value.find(opening) != std::string::npos;
      });
      if (!found)
        return Status::BadGrammar(file + ": no pattern of section [" + std::string(d.name) +
                                  "] defines the group (?P<" + std::string(group) + ">...)");
    }
  }
  return Status::Ok();
}

SectionScreen::SectionScreen(const Grammar& grammar, std::vector<std::string> sections,
                             Answers answers)
    : every_(sections.size()) {
  RE2::Options options;
  options.set_log_errors(false);
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (std::size_t s = 0; s < sections.size(); ++s) {
    const std::vector<GrammarEntry>& entries = grammar.Section(sections[s]);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!entries[i].regex) continue;
      every_[s].push_back(static_cast<int>(i));
      // The patterns parsed when the grammar loaded, so Add fails only past RE2's limits;
      // the set is then left uncompiled and every entry is reported.
      const std::string& pattern = entries[i].value;
      if (set_->Add(answers == Answers::kSuperset ? WithoutUpperBounds(pattern) : pattern,
                    nullptr) < 0)
        addable_ = false;
      origin_.emplace_back(static_cast<int>(s), static_cast<int>(i));
    }
  }
}

bool SectionScreen::Compiled() const {
  compiled_->Run([this] { ok_ = addable_ && !origin_.empty() && set_->Compile(); });
  return ok_;
}

bool SectionScreen::Any(std::string_view text) const {
  if (!Compiled()) return !origin_.empty();
  RE2::Set::ErrorInfo error{};
  bool matched = set_->Match(re2::StringPiece(text.data(), text.size()), nullptr, &error);
  return matched || error.kind != RE2::Set::kNoError;
}

std::vector<std::vector<int>> SectionScreen::Match(std::string_view text) const {
  if (!Compiled()) return every_;
  std::vector<int> hits;
  RE2::Set::ErrorInfo error{};
  bool matched = set_->Match(re2::StringPiece(text.data(), text.size()), &hits, &error);
  if (error.kind != RE2::Set::kNoError) return every_;
  std::vector<std::vector<int>> which(every_.size());
  if (!matched) return which;
  for (int h : hits) {
    auto [s, i] = origin_[static_cast<std::size_t>(h)];
    which[static_cast<std::size_t>(s)].push_back(i);
  }
  for (std::vector<int>& w : which) std::sort(w.begin(), w.end());
  return which;
}

}  // namespace registre
