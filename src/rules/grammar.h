// Grammar: the rule sets (patterns, keyword tables) that drive segmentation and extraction,
// loaded from data files at start-up so a new authority's layout is a grammar change, not a
// code change.
//
// File format (every `*.grammar` file of a directory, read in name order):
//
//   # a comment (whole lines only)
//   [section]            a section; its name is unique across all files
//   key = value          an entry; keys may repeat (an ordered list of alternatives)
//
// In sections whose name starts with `table.` values are literal strings. Everywhere else
// the value is an RE2 pattern, parsed at load time, compiled when first used and matched
// against the folded view (lower case, accents removed: see folding.h), so write
// `deliberation`, not `Délibération`. Named groups (`(?P<number>...)`) carry the extracted
// values. The section [define] holds shared pieces of patterns: `name = value` there makes
// `{{name}}` in any later pattern stand for `value` (so files that use a define load after
// it: name them in order). A pattern that does not parse, a line that is not `key = value`,
// an entry before any section or a section defined twice is an error naming the file and
// line; a pattern too large to compile is reported, with its file and line, when first used.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/run_once.h"
#include "base/status.h"
#include "rules/accelerated_re2.h"
#include "rules/rule_names.h"

namespace registre {

// Messages about a grammar found after it was loaded (a pattern that cannot be compiled is
// found when first used), kept for the caller to show: the library never prints. Safe to
// add to from any thread.
class GrammarWarnings {
 public:
  void Add(std::string message);
  std::vector<std::string> messages() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> messages_;
};

// A pattern compiled on first use, once, from any thread: start-up then costs only the
// section sets (which parse every pattern, so a bad one is still refused at load), and a
// run compiles just the patterns its documents reach. A pattern that parses but is too
// large for RE2 to compile is reported once to `warnings` (when given), naming `where`, and
// never matches (get()->ok() is false). The compiled pattern knows its literal starts, so
// FindIn skips to where a match may begin (literal_start.h).
class LazyRegex {
 public:
  LazyRegex() = default;
  explicit LazyRegex(std::string pattern, std::string where = "",
                     std::shared_ptr<GrammarWarnings> warnings = nullptr);
  const AcceleratedRE2* get() const;
  const AcceleratedRE2& operator*() const { return *get(); }
  const AcceleratedRE2* operator->() const { return get(); }
  explicit operator bool() const { return state_ != nullptr; }

 private:
  struct State;
  std::shared_ptr<State> state_;
};

struct GrammarEntry {
  std::string key;
  std::string value;  // the pattern or the literal
  LazyRegex regex;    // empty in table sections
  std::string where;  // "file:line", for messages
};

class Grammar {
 public:
  // Loads every *.grammar file of `dir`, then requires the names C++ reads
  // (kDeclaredSections, rules/rule_names.h: CheckDeclared).
  static Result<std::unique_ptr<Grammar>> LoadDirectory(const std::string& dir);
  // Parses one file's text; `name` is used in error messages. Sections accumulate, so it can
  // be called once per file.
  Status AddText(std::string_view text, const std::string& name);

  // Every section's name, in load order.
  std::vector<std::string> SectionNames() const;
  // Entries of a section in file order; empty when the section does not exist.
  const std::vector<GrammarEntry>& Section(std::string_view name) const;
  // The entries of `section` whose key is `key`, in order.
  std::vector<const AcceleratedRE2*> Patterns(std::string_view section, std::string_view key) const;
  // The first pattern for (section, key), or null.
  const AcceleratedRE2* Pattern(std::string_view section, std::string_view key) const;
  // The value for `key` in a table section, or empty.
  std::string Lookup(std::string_view table, std::string_view key) const;
  // The values of every entry of `section` with key `key`, in file order (a word list of a
  // table.* section: [table.person_words] function_article = le, = la...).
  std::vector<std::string> Values(std::string_view section, std::string_view key) const;

  // True when some pattern of `section` matches `text` (unanchored; ^ and $ at its ends).
  // One DFA pass for the whole section (an RE2::Set), so a line can be screened against
  // many patterns cheaply before any of them is run for its groups. `which`, when given,
  // receives the indices (in Section() order) of the entries that match.
  bool AnyMatch(std::string_view section, std::string_view text,
                std::vector<int>* which = nullptr) const;

  // Screens for callers that run the entries themselves after (FindIn), and so need only
  // a superset: one DFA pass of the section's patterns with their counted repetitions left
  // unbounded (WithoutUpperBounds), whose DFA is much smaller than the exact set's. Every
  // entry that matches somewhere in `text` is among the candidates (in Section() order),
  // with perhaps a few that do not; MayMatch is false only when no entry can match.
  std::vector<std::reference_wrapper<const GrammarEntry>> Candidates(std::string_view section,
                                                                     std::string_view text) const;
  bool MayMatch(std::string_view section, std::string_view text) const;

  // One pattern that matches where any entry of `sections` (those with key `key`, when not
  // empty) matches: their alternation, groups made non-capturing. Its leftmost match starts
  // where the earliest of them does, found in one pass that stops there (where running each
  // entry would read the text once per entry). Entries all anchored at the start make an
  // anchored union. Compiled on first use.
  LazyRegex Union(const std::vector<std::string>& sections, std::string_view key = "") const;

  // Errors unless every declared section exists, with each of its declared keys, and each
  // declared group is defined by some pattern of its section. The message names `where`
  // (the grammar directory) or the file that defines the section, and what is missing.
  Status CheckDeclared(std::span<const DeclaredSection> declared, const std::string& where) const;

  // Warnings found since loading (a pattern that cannot be compiled, "file:line: ..."), in
  // the order found; the caller decides whether and where to show them.
  std::vector<std::string> warnings() const { return warnings_->messages(); }

 private:
  std::vector<std::pair<std::string, std::vector<GrammarEntry>>> sections_;
  std::vector<std::string> section_files_;  // per section, the file that defines it
  std::shared_ptr<GrammarWarnings> warnings_ = std::make_shared<GrammarWarnings>();
  std::vector<std::pair<std::string, std::string>> defines_;  // "{{name}}" -> pattern text
  // One RE2::Set per pattern section, with the Section() index of each of its patterns. The
  // patterns are added (parsed) at load; the set is compiled on first use.
  struct SectionSet {
    std::string name;
    RE2::Anchor set_anchor = RE2::UNANCHORED;
    std::unique_ptr<RE2::Set> set;
    std::vector<int> entry_of;
    std::unique_ptr<RunOnce> compiled = std::make_unique<RunOnce>();
    mutable bool ok = false;  // compiled (set once, under `compiled`)
    // The screen of Candidates and MayMatch: built and compiled on first use.
    mutable std::unique_ptr<RE2::Set> loose;
    std::unique_ptr<RunOnce> loose_compiled = std::make_unique<RunOnce>();
    mutable bool loose_ok = false;
  };
  // Indices (Section() order) of the entries the loose set says may match; all of them when
  // it cannot answer.
  bool Screen(const SectionSet& s, std::string_view text, std::vector<int>* which) const;
  // What `set` (s's exact or loose set, compiled when `ok`) answers on `text`: false when no
  // entry matches, else true with the matching entries' Section() indices in *which; every
  // entry when the set cannot answer.
  static bool Answer(const SectionSet& s, const RE2::Set* set, bool ok, std::string_view text,
                     std::vector<int>* which);
  std::vector<SectionSet> sets_;
  // Section name -> index in sections_ / sets_: every matcher call looks its section up.
  // Section names differ in their length or their first or last eight bytes: hashing those
  // is a few instructions, where std::hash reads every byte (and lookups are per call).
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const;
  };
  using NameIndex = std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>>;
  NameIndex section_at_, set_at_;
  const SectionSet* FindSet(std::string_view section) const;
  Status BuildSet(const std::string& section);
  std::vector<GrammarEntry>* Find(std::string_view name);
  const std::vector<GrammarEntry>* Find(std::string_view name) const;
};

// Several sections screened together: one RE2::Set of all their patterns, so a range that
// each section would read once is read once for all of them. Match(text) answers, for each
// section in the order given, the entries (Section() indices) that match somewhere in
// `text`, exactly what Grammar::AnyMatch would answer section by section (or a superset of
// it: Answers::kSuperset). Compiled on first
// use; if the set cannot compile, or its DFA runs out of memory on a text, every entry is
// reported (callers then run them one by one rather than miss one). The grammar must
// outlive the screen.
class SectionScreen {
 public:
  // kSuperset: the screen's patterns have their counted repetitions unbounded (as
  // Grammar::Candidates), for callers that run every entry reported: it may report entries
  // that do not match, never miss one that does, and its DFA is much smaller.
  enum class Answers { kExact, kSuperset };
  SectionScreen(const Grammar& grammar, std::vector<std::string> sections,
                Answers answers = Answers::kExact);
  std::vector<std::vector<int>> Match(std::string_view text) const;
  // True when some entry of some of the sections matches in `text` (the set stops at the
  // first match; true also when the set cannot answer).
  bool Any(std::string_view text) const;

 private:
  bool Compiled() const;                     // compiles the set on first use; false when it cannot
  std::vector<std::vector<int>> every_;      // per section, its pattern entries
  std::vector<std::pair<int, int>> origin_;  // set index -> (section, entry)
  bool addable_ = true;
  std::unique_ptr<RE2::Set> set_;
  std::unique_ptr<RunOnce> compiled_ = std::make_unique<RunOnce>();
  mutable bool ok_ = false;
};

}  // namespace registre
