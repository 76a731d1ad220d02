// RecordParts: reads the parts of one deliberation's own text: labelled head fields
// (object, rapporteur, service, commissions), visas, considérants, opinions, the decision
// formula and its articles, the vote, the closing and the prefecture acknowledgement.
// Rules come from grammars/10-record.grammar and grammars/20-vote.grammar.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/french_words.h"
#include "extract/persons.h"
#include "extract/word_readers.h"
#include "read/source_text.h"
#include "rules/grammar.h"
#include "text/document.h"

namespace registre {

struct Article {
  std::string label;
  std::optional<int> number;
  std::string text;
  Range range;
};

struct Vote {
  std::optional<bool> unanimous;
  std::optional<int> for_count, against, abstention, not_voting;
  // Printed in the vote's own lines ("Votants : 25", "suffrages exprimés : 23"): they check
  // the tally, they are not in the record.
  std::optional<int> voting, expressed;
  std::string result;  // "adopted", "rejected" or empty
  std::vector<Person> against_names, abstention_names, not_voting_names;
  std::string text;
  Range range;
};

struct Parts {
  std::string object, service, matter_code;
  Range object_range;
  std::optional<Person> rapporteur;
  std::vector<std::string> for_opinion, for_information;
  std::string report_text, report_date;
  Range report_range;
  std::vector<std::string> visas, considerants, opinions;
  Range visas_range, considerants_range;
  std::string formula;
  Range decision_range;
  std::vector<Article> articles;
  Vote vote;
  std::string closing_text, closing_place, closing_date;
  std::string prefecture_id, transmitted, published;
  std::vector<Warning> warnings;
};

class RecordPartsReader : private WordReaders {
 public:
  RecordPartsReader(const Grammar& grammar, const FrenchWords& words, const PersonParser& persons);
  // `r` is the record's own range; `title` an object already read from its heading.
  Parts Read(const Document& doc, Range r, Range title) const;
  // Only the labelled rapporteur of `r` (a procès-verbal's head naming one for all items).
  std::optional<Person> ReadRapporteur(const Document& doc, Range r) const;

 private:
  // `fields`: the [record.fields] entries that match in r.
  void ReadHeadFields(const Document& doc, Range r, const std::vector<int>& fields, Parts* p) const;
  void ReadItems(const Document& doc, Range r, Parts* p) const;
  void ReadDecision(const Document& doc, Range r, Parts* p) const;
  std::vector<Article> DecisionPoints(const Document& doc, Range r) const;
  void ReadVote(const Document& doc, Range r, Parts* p) const;
  // The vote's window starting at `first` (its line, its paragraph, tally lines after it).
  Range VoteWindow(const Document& doc, std::size_t first, Range region) const;
  // The counts of `window`: each number bound to one vote word ([vote.tally]).
  Vote ReadTally(const Document& doc, Range window) const;
  // A tally printed as a table (markup.h: "Pour ; Contre ; Abstention" over "5 ; 0 ; 0"):
  // the line after header line `line` holding the numbers, or SIZE_MAX when `line` is no
  // such header. `vote`, when given, receives the counts.
  std::size_t TallyTable(const Document& doc, std::size_t line, Vote* vote) const;
  // `closing`, `publication`: the entries of those sections that match in r.
  void ReadClosing(const Document& doc, Range r, const std::vector<int>& closing,
                   const std::vector<int>& publication, Parts* p) const;
  Range Continued(const Document& doc, Range value, std::size_t limit) const;
  LazyRegex any_vote_;           // every vote.* pattern: where the vote is stated first
  LazyRegex formula_line_;       // the section.formula "line" patterns (a formula on its own line)
  LazyRegex item_line_;          // a visa, considérant or opinion line
  SectionScreen vote_screen_;    // the vote sections, over a vote's window
  SectionScreen tally_screen_;   // for, against, abstention, not voting: a line of tallies
  SectionScreen record_screen_;  // record.fields, closing, publication: over the whole record
  const AcceleratedRE2* label_;  // [segment.label] label
  std::vector<std::string> first_words_;  // [table.record_words] first: "1er", "unique"
  std::vector<std::string> open_ends_;    // [table.record_words] open_end: "de"
  std::vector<std::string> weak_words_, colon_only_words_, article_numbers_;  // [table.vote_words]
};

// Checks a record's tally against itself and against the sitting's counts: a tally that
// does not add up to the voters, or a count above the voters or the members in office, is
// a warning; a count above the members in office cannot be a vote and is dropped.
void CheckTally(const std::optional<int>& members_in_office, const std::optional<int>& voting,
                Vote* vote, std::vector<Warning>* warnings);

}  // namespace registre
